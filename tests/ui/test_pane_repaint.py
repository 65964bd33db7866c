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


async def test_the_tab_bar_moves_with_the_pane_not_a_repaint_later() -> None:
    """Textual moved the bar under the open tab after the next repaint, and that move
    repainted the whole screen a second time on every pane key (650-800 lines drawn
    instead of 310-370, headless).  The bar is now in place as the pane is switched."""
    from textual.widgets import Tabs
    from textual.widgets._tabs import Tab, Underline

    from briefing_tui.model import Pane

    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ["2", "3", "4", "1"]:  # every tab laid out once
            await pilot.press(key)
            await settle(pilot)
        tabs = app.main.view.query_one(Tabs)
        underline = tabs.query_one(Underline)
        for pane in (Pane.TOPICS, Pane.PARTICIPANTS, Pane.OUTCOMES, Pane.OVERVIEW):
            app.main.view.switch_to(pane)  # no await: nothing repainted yet
            tab = tabs.query_one("#tabs-list > Tab.-active", Tab)
            span = tab.virtual_region.shrink(tab.styles.gutter).column_span
            assert (underline.highlight_start, underline.highlight_end) == span, pane
            await settle(pilot)
