"""Tests of the `briefing` subcommands (briefing_tui.cli)."""
