"""`?` lists the keys of the current screen, generated from the bindings."""

from __future__ import annotations

from briefing_tui.ui.screens.help import HelpScreen

from .helpers import SIZE, app_with, library, settle


async def test_question_mark_opens_help_listing_keys() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.key_lines()
        for expected in (
            "q: Quit",
            "?: Help",
            "!: Problems",
            "[: Prev",
            "]: Next",
            "1: Overview pane",
            "4: Outcomes pane",
            "tab: Next pane",
            "j: Down",
            "k: Up",
        ):
            assert expected in lines, expected
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_help_includes_keys_of_the_focused_pane() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        # The focused table's keys come right after the app-wide ones.
        first_local = next(row for row in rows if row.where != "Everywhere")
        assert first_local.where == "PeopleTable"
        assert any(row.keys == "s" and row.description == "Sort" for row in rows)
