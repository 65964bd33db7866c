"""Places in an open briefing: where a hit or target is, bringing it into view, highlighting it."""
