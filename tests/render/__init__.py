"""Tests of the renderers shared by `show`, the exports and the reader (briefing_tui.render)."""
