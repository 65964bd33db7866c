"""Fixtures shared by the Pilot tests."""

from __future__ import annotations

import pytest

from briefing_tui.ui.widgets.reading_view import ReadingText

from .layout_hold import Held


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Held:
    """Hold back every layout worker: (widget, layout, rest) to release later."""
    asked: Held = []
    monkeypatch.setattr(
        ReadingText, "_start", lambda self, layout, rest: asked.append((self, layout, rest))
    )
    return asked
