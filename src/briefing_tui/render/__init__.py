"""Briefings as plain text, Markdown and JSON, for `briefing show`, exports and printing."""
