"""briefing: a keyboard-first, offline terminal reader for briefing documents."""

__version__ = "0.1.0"
