"""The `o` screen: every outcome, filtered; overdue ones marked; opening one on Outcomes."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Checkbox, Input, Select, Static

from briefing_tui.model import Pane
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.screens.outcomes import OutcomeRows, OutcomesScreen
from briefing_tui.ui.widgets.panes.outcomes import OutcomeList, OutcomesPane

from .across_helpers import TODAY, across_library, prompts
from .helpers import SIZE, app_with, settle, text_of


@pytest.fixture(autouse=True)
def pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OutcomesScreen, "today", lambda: TODAY)
    monkeypatch.setattr(OutcomesPane, "today", lambda: TODAY)


async def _open(pilot: Any) -> OutcomesScreen:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, OutcomesScreen)
    return screen


def _texts(screen: OutcomesScreen) -> list[str]:
    return [row.outcome.text for row in screen.query_one(OutcomeRows).rows]


async def test_every_outcome_with_overdue_marked_and_markings_shown() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert _texts(screen) == [
            "Send comments",
            "Adopted the plan",
            "Report back on MLA requests",
            "Old action",
        ]
        count = text_of(screen.query_one("#outcome-count", Static))
        assert count.startswith("4 of 4 outcomes · 2 overdue")
        shown = prompts(screen.query_one(OutcomeRows))
        assert "OVERDUE" in shown[0] and "TLP:AMBER" in shown[0]  # open, due in 2000
        assert "OVERDUE" not in shown[2] and "TLP:RED" in shown[2]  # due in 2030
        assert "OVERDUE" in shown[3] and "RESTRICTED" in shown[3]
        assert "RESTRICTED" in text_of(screen.query_one("#outcome-marking", Static))


async def test_filters_by_status_kind_overdue_owner_and_due_date() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        screen.query_one("#outcome-status", Select).value = "open"
        await settle(pilot)
        assert _texts(screen) == ["Send comments", "Report back on MLA requests", "Old action"]
        screen.query_one("#outcome-overdue", Checkbox).value = True
        await settle(pilot)
        assert _texts(screen) == ["Send comments", "Old action"]
        # The most restrictive marking follows what is listed.
        assert "RESTRICTED" in text_of(screen.query_one("#outcome-marking", Static))
        screen.query_one("#outcome-overdue", Checkbox).value = False
        screen.query_one("#outcome-status", Select).clear()
        screen.query_one("#outcome-kind", Select).value = "decision"
        await settle(pilot)
        assert _texts(screen) == ["Adopted the plan"]
        screen.query_one("#outcome-kind", Select).clear()
        await settle(pilot)

        # Owners match forgivingly: "Berg, Anna" is the Anna Berg who owns an action.
        screen.query_one("#outcome-owner", Input).focus()
        await pilot.press(*"Berg, Anna", "enter")
        await settle(pilot)
        assert _texts(screen) == ["Send comments"]
        assert app.focused is screen.query_one(OutcomeRows)
        screen.query_one("#outcome-owner", Input).value = ""

        screen.query_one("#outcome-due-from", Input).focus()
        await pilot.press(*"2029", "enter")
        await settle(pilot)
        assert _texts(screen) == ["Report back on MLA requests"]
        assert "1 of 4 outcomes" in text_of(screen.query_one("#outcome-count", Static))


async def test_a_bad_due_date_is_reported_and_keeps_the_rows() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        screen.query_one("#outcome-due-to", Input).focus()
        await pilot.press(*"2020-13", "enter")
        await settle(pilot)
        assert "month must be 01 to 12" in text_of(screen.query_one("#outcome-count", Static))
        assert len(_texts(screen)) == 4


async def test_sort_by_due_puts_overdue_first() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert screen.by_due
        assert _texts(screen) == [
            "Send comments",
            "Old action",
            "Report back on MLA requests",
            "Adopted the plan",
        ]
        assert "by due date" in text_of(screen.query_one("#outcome-count", Static))


async def test_enter_opens_the_briefing_on_outcomes_with_that_outcome_highlighted() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert app.focused is screen.query_one(OutcomeRows)
        await pilot.press("down", "enter")  # "Adopted the plan", the rich briefing's second
        await settle(pilot)
        assert not isinstance(app.screen, OutcomesScreen)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Rich briefing"
        assert app.main.view.active_pane is Pane.OUTCOMES
        listing = app.query_one(OutcomeList)
        assert app.focused is listing
        assert listing.highlighted == 1
        assert "Adopted the plan" in str(listing.get_option_at_index(1).prompt)

        # Another briefing's outcome: the list follows, and so does the library list.
        await pilot.press("l", "o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, OutcomesScreen)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Old meeting"
        assert app.main.library_list.selected_briefing is app.main.open_briefing
        assert app.query_one(OutcomeList).highlighted == 0


async def test_help_lists_the_screen_keys() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.key_lines()
        assert "s: Sort" in lines
        assert "f: Filters" in lines
        assert "esc: Close" in lines
