"""Opening a screen does not make Textual reparse the app's style sheets.

A sheet first read when its screen is pushed makes Textual reparse every sheet and restyle
every widget: 40-80 ms of the UI thread on the first `/` (bench_long's probe).  The app
reads the other screens' sheets at start, so their first push finds them loaded.
"""

from __future__ import annotations

import pytest

from briefing_tui.ui.screens.entities import EntitiesScreen
from briefing_tui.ui.screens.glossary import GlossaryScreen
from briefing_tui.ui.screens.outcomes import OutcomesScreen
from briefing_tui.ui.screens.search import SearchScreen
from briefing_tui.ui.screens.timeline import TimelineScreen
from waiting import wait_until

from .helpers import SIZE, app_with, rich_briefing, settle


@pytest.mark.parametrize(
    ("key", "screen"),
    [
        ("slash", SearchScreen),
        ("i", EntitiesScreen),
        ("o", OutcomesScreen),
        ("t", TimelineScreen),
        ("g", GlossaryScreen),
    ],
)
async def test_first_push_of_a_screen_reparses_no_style_sheet(key: str, screen: type) -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reparsed: list[object] = []
        reparse = app.stylesheet.reparse

        def counted() -> None:
            reparsed.append(key)
            reparse()

        app.stylesheet.reparse = counted  # type: ignore[method-assign]
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(app.screen, screen), f"{screen.__name__}")
        await settle(pilot)
        assert reparsed == []
        # Its own rules apply: the sheet is the one the screen names.
        assert all(app.stylesheet.has_source(str(path), "") for path in app.screen.css_path)
