"""Widgets the screens are built from: the library list, the briefing view and its bars."""
