"""The library list's filter (`f`, `F`) and the most restrictive marking of what is listed."""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.widgets import Input, Select, Static

from briefing_tui.insights.dates import DateRange
from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.insights.markings import TLP_COLOURS
from briefing_tui.ui.screens.filter import FilterScreen
from briefing_tui.ui.screens.timeline import TimelineScreen
from briefing_tui.ui.support.marking import marking_class, marking_theme_variables
from briefing_tui.ui.widgets.filter_bar import FilterBar

from .across_helpers import across_library
from .helpers import SIZE, app_with, filter_summary, settle, text_of


def _listed(app: Any) -> list[str]:
    return [b.title for b in app.main.library_list.listed]


def _marking_line(app: Any) -> str:
    return text_of(app.query_one("#list-marking", Static))


async def _open(pilot: Any) -> FilterScreen:
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FilterScreen)
    return screen


async def test_tag_filter_narrows_the_list_and_the_highest_marking_follows() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(_listed(app)) == 4
        assert "RESTRICTED" in _marking_line(app)
        assert not app.query_one("#filter-summary").display  # nothing filtered, nothing said

        screen = await _open(pilot)
        assert app.focused is screen.query_one("#filter-tags", Input)
        await pilot.press(*"cybercrime", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FilterScreen)
        assert _listed(app) == ["Rich briefing", "Middle workshop"]
        assert app.main.library_list.filter == BriefingFilter(tags=("cybercrime",))
        assert "TLP:RED" in _marking_line(app)
        assert "RESTRICTED" not in _marking_line(app)
        summary = filter_summary(app)
        assert "2 of 4 briefings" in summary and "tag cybercrime" in summary

        await pilot.press("F")
        await settle(pilot)
        assert len(_listed(app)) == 4
        assert app.main.library_list.filter.is_empty
        assert "RESTRICTED" in _marking_line(app)


async def test_organisation_country_marking_and_ceiling() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        checks = [
            ("organisations", "eurojust", ["Rich briefing", "Middle workshop"]),
            ("countries", "France", ["Rich briefing", "Old meeting"]),  # FR, as a code
            ("markings", "tlp:red", ["Middle workshop"]),
        ]
        for field, value, expected in checks:
            screen = await _open(pilot)
            screen.action_clear()
            screen.query_one(f"#filter-{field}", Input).value = value
            screen.query_one(f"#filter-{field}", Input).focus()
            await pilot.press("enter")
            await settle(pilot)
            assert _listed(app) == expected, field

        screen = await _open(pilot)
        screen.action_clear()
        screen.query_one("#filter-max-marking", Select).value = "TLP:AMBER"
        await pilot.press("ctrl+s")
        await settle(pilot)
        # No more restrictive than AMBER: the AMBER one and the unmarked one.
        assert _listed(app) == ["Rich briefing", "Undated note"]
        assert "TLP:AMBER" in _marking_line(app)
        assert "marking at most TLP:AMBER" in filter_summary(app)


async def test_dates_are_read_as_periods_and_errors_keep_the_dialog() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        screen.query_one("#filter-from", Input).value = "2021"
        screen.query_one("#filter-to", Input).value = "2019"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "'From' is after 'To'" in text_of(screen.query_one("#filter-error", Static))
        screen.query_one("#filter-to", Input).value = "2022-06"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert _listed(app) == ["Middle workshop"]
        assert app.main.library_list.filter.dates.end is not None
        assert app.main.library_list.filter.dates.end.isoformat() == "2022-06-30"


async def test_escape_cancels_and_the_dialog_shows_the_current_filter() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = BriefingFilter(
            tags=("cybercrime", "training"), dates=DateRange.parse("2022", "2022")
        )
        app.main.set_filter(current)
        screen = await _open(pilot)
        assert screen.query_one("#filter-tags", Input).value == "cybercrime, training"
        assert screen.query_one("#filter-from", Input).value == "2022-01-01"
        screen.query_one("#filter-tags", Input).value = "fraud"
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.library_list.filter == current
        assert _listed(app) == ["Middle workshop"]


async def test_opening_a_hidden_briefing_clears_the_filter() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.main.set_filter(BriefingFilter(tags=("fraud",)))
        await settle(pilot)
        assert _listed(app) == ["Old meeting"]
        assert app.main.open_path("lib/2022-mid.yaml")
        await settle(pilot)
        assert app.main.library_list.filter.is_empty
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Middle workshop"
        assert "Filters cleared to show that briefing." in [n.message for n in app.notifications()]


async def test_a_filter_that_keeps_nothing_says_so() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.set_filter(BriefingFilter(tags=("no such tag",)))
        await settle(pilot)
        assert _listed(app) == []
        assert "0 of 4 briefings" in filter_summary(app)
        assert "none" in _marking_line(app)
        await pilot.press("right_square_bracket")  # nothing to step to; nothing breaks
        assert app.is_running
        assert app.query_one(FilterBar).display


def test_marking_colours_have_one_source() -> None:
    variables = marking_theme_variables()
    assert variables["marking-red-foreground"] == TLP_COLOURS["TLP:RED"]
    assert variables["marking-amber-foreground"] == TLP_COLOURS["TLP:AMBER+STRICT"]
    assert variables["marking-green-foreground"] == TLP_COLOURS["TLP:GREEN"]
    assert variables["marking-red-background"] == "#000000"
    # Read as insights.markings reads them: TLP 1.0's WHITE is CLEAR, spacing is forgiven.
    assert marking_class("TLP:WHITE") == "marking--clear"
    assert marking_class("tlp: amber + strict") == "marking--amber"
    assert marking_class("EU RESTRICTED") == "marking--other"
    assert marking_class("  ") == "marking--none"


async def test_the_palette_offers_the_views_across_the_library() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"timeline")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)


async def test_every_view_opens_on_an_empty_library() -> None:
    app = app_with([])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("i", "o", "t", "g", "f"):
            await pilot.press(key)
            await settle(pilot)
            assert app.screen.is_modal, key
            await pilot.press("escape")
            await settle(pilot)
            assert not app.screen.is_modal, key
        await pilot.press("F", "b")
        await settle(pilot)
        assert app.is_running
        assert not app.query_one("#list-marking").display  # nothing listed, nothing to rank
