"""Widgets the screens are built from: the library list, the briefing view and its bars,
and the line-drawn reading view for long text."""
