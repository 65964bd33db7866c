"""The `t` screen: briefings by year and month, with the list's own date range."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Input, Static

from briefing_tui.insights.dates import DateRange
from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.model import Pane
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.screens.timeline import TimelineList, TimelineScreen

from .across_helpers import across_library
from .helpers import SIZE, app_with, filter_summary, make_briefing, settle, text_of


async def _open(pilot: Any) -> TimelineScreen:
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TimelineScreen)
    return screen


def _listed(app: Any) -> list[str]:
    return [b.title for b in app.main.library_list.listed]


async def test_months_newest_first_undated_last_with_markings() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert screen.month_labels() == [
            "2024-05  May",
            "2022-06  June",
            "2020-01  January",
            "Undated",
        ]
        listing = screen.query_one(TimelineList)
        current = listing.current
        assert current is not None and current.briefing is not None
        assert current.briefing.title == "Rich briefing"  # headings are skipped
        lines = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any("TLP:RED" in line and "Middle workshop" in line for line in lines)
        assert "4 briefings in 3 months" in text_of(screen.query_one("#timeline-count", Static))
        assert "RESTRICTED" in text_of(screen.query_one("#timeline-marking", Static))


async def test_the_date_range_is_shared_with_the_library_list() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("d", *"2021")
        screen.query_one("#timeline-to", Input).focus()
        await pilot.press(*"2023", "enter")
        await settle(pilot)
        assert screen.month_labels() == ["2022-06  June"]
        assert app.main.library_list.filter.dates == DateRange(date(2021, 1, 1), date(2023, 12, 31))
        assert _listed(app) == ["Middle workshop"]

        await pilot.press("escape")
        await settle(pilot)
        summary = filter_summary(app)
        assert "1 of 4 briefings" in summary and "2021-01-01 to 2023-12-31" in summary
        assert "TLP:RED" in text_of(app.query_one("#list-marking", Static))

        # Opened again, the timeline shows the range it shares with the list.
        screen = await _open(pilot)
        assert screen.query_one("#timeline-from", Input).value == "2021-01-01"
        assert screen.query_one("#timeline-to", Input).value == "2023-12-31"
        # Clearing both bounds widens the list again.
        screen.query_one("#timeline-from", Input).value = ""
        screen.query_one("#timeline-to", Input).value = ""
        screen.query_one("#timeline-to", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.library_list.filter.is_empty
        assert len(_listed(app)) == 4


async def test_a_bad_date_changes_nothing() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("d", *"2021-02-30", "enter")
        await settle(pilot)
        assert "not a real date" in text_of(screen.query_one("#timeline-count", Static))
        assert app.main.library_list.filter.is_empty
        assert len(screen.month_labels()) == 4


async def test_other_filters_apply_and_are_named() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.set_filter(BriefingFilter(tags=("fraud",)))
        screen = await _open(pilot)
        assert screen.month_labels() == ["2020-01  January"]
        assert "also filtered by: tag fraud" in text_of(screen.query_one("#timeline-count", Static))


async def test_enter_opens_the_briefing_and_brackets_jump_months() -> None:
    briefings = [
        make_briefing(f"lib/{m}-{d}.yaml", f"Meeting {m}-{d}", date(2024, m, d))
        for m in (1, 2, 3)
        for d in (5, 10)
    ]
    app = app_with(briefings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        listing = screen.query_one(TimelineList)

        def title() -> str:
            row = listing.current
            assert row is not None and row.briefing is not None
            return row.briefing.title

        assert title() == "Meeting 3-10"
        await pilot.press("right_square_bracket")
        assert title() == "Meeting 2-10"
        await pilot.press("right_square_bracket")
        assert title() == "Meeting 1-10"
        await pilot.press("right_square_bracket")  # no month after the last
        assert title() == "Meeting 1-10"
        await pilot.press("down", "left_square_bracket")
        assert title() == "Meeting 2-10"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TimelineScreen)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Meeting 2-10"
        assert app.main.view.active_pane is Pane.OVERVIEW


async def test_help_lists_the_screen_keys() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.key_lines()
        assert "]: Next month" in lines
        assert "d: Dates" in lines
