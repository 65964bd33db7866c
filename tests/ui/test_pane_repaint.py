"""A pane key repaints what changed, not the whole screen.

Textual repaints every widget on screen when focus moves, and a pane key always moves it:
the first repaint after one took 17-30 ms of the UI thread, 9-25 ms without (headless,
350 KB document).  What focus changes refreshes itself (the `:focus` rules restyle it).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets._header import HeaderIcon, HeaderTitle

from .helpers import SIZE, app_with, rich_briefing, settle


async def test_a_pane_key_leaves_the_header_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: Counter[str] = Counter()
    render_lines = Widget.render_lines

    def counting(self: Widget, crop: Any) -> list[Strip]:
        drawn[type(self).__name__] += 1
        return render_lines(self, crop)

    monkeypatch.setattr(Widget, "render_lines", counting)
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ["2", "3", "4", "1", "tab"]:
            await pilot.press(key)
            await settle(pilot)
        drawn.clear()
        for key in ["2", "3", "4", "1", "tab", "tab"]:
            await pilot.press(key)
            await settle(pilot)
        assert drawn["ContentTab"], "the tabs did repaint"
        for still in (HeaderTitle, HeaderIcon):
            assert not drawn[still.__name__], f"{still.__name__} was repainted: {drawn}"
