"""Whatever the reader does while a long document's items are still being read, the
screen's thread never reads them (it froze for up to a second doing so): it says they are
being read, and acts on them once a worker has read them.

Every test runs under `guard_items`: the screen's thread reading them raises, and the
worker reading them waits for the test to release it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import Input, Static

from briefing_tui.model import Briefing, Pane
from briefing_tui.parts_later import parts_ready
from briefing_tui.ui.locate.spot import OpenBriefing, Spot
from briefing_tui.ui.screens.filter import FilterScreen
from briefing_tui.ui.screens.glossary import GlossaryScreen, GlossaryTable, usage_counts
from briefing_tui.ui.screens.timeline import TimelineScreen
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.panes.participants import BigPeopleTable
from waiting import wait_until

from .helpers import (
    SIZE,
    RecordingApp,
    filter_summary,
    library,
    loader_of,
    results,
    settle,
    text_of,
)
from .items_guard import ItemsGuard, guard_items, held_minutes

ScreenT = TypeVar("ScreenT", bound=Screen[Any])


@asynccontextmanager
async def reading(monkeypatch: Any) -> AsyncIterator[tuple[Any, ItemsGuard, Briefing]]:
    """The reader on the long minutes (open) and the small library, items unread."""
    guard = guard_items(monkeypatch)
    minutes = held_minutes(guard)
    app = RecordingApp([Path("lib")], loader=loader_of(results([minutes, *library()])))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: app.main.open_briefing is minutes, "the minutes open")
            yield pilot, guard, minutes
            assert not guard.on_screen, guard.on_screen[0]
    finally:
        guard.release.set()  # or the worker would wait on after a failure


async def _open(pilot: Any, key: str, kind: type[ScreenT]) -> ScreenT:
    """Press `key` and wait for the screen of `kind` it opens."""
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


def _find_count(app: Any) -> str:
    return text_of(app.main.query_one("#find-count", Static))


async def _find_while_reading(pilot: Any, text: str) -> FindBar:
    """Open find, type `text`, and wait for the bar to say it is reading the items."""
    app = pilot.app
    await pilot.press("ctrl+f", *text)
    await wait_until(pilot, lambda: _find_count(app) == "Reading…", "find says it reads")
    bar = FindBar.of(app.main.view)
    assert bar is not None
    return bar


async def test_find_typed_while_the_items_are_read_finds_in_them_once_read(
    monkeypatch: Any,
) -> None:
    async with reading(monkeypatch) as (pilot, guard, minutes):
        app = pilot.app
        bar = await _find_while_reading(pilot, "ada qu")
        context = text_of(app.main.query_one("#find-context", Static))
        assert context.startswith("Reading the participants, topics and outcomes")
        await pilot.press(*"ill", "enter")  # typed on, and asked for the next, while reading
        await wait_until(pilot, lambda: bar.query_text == "ada quill", "the whole query")
        await wait_until(pilot, lambda: not bar.work_pending, "typing taken")
        assert not parts_ready(minutes) and _find_count(app) == "Reading…"

        guard.release.set()
        await wait_until(pilot, lambda: _find_count(app).startswith("1/1"), "the match")
        assert bar.query_text == "ada quill"
        assert bar.matches[0].pane is Pane.PARTICIPANTS
        await wait_until(pilot, lambda: app.main.view.active_pane is Pane.PARTICIPANTS, "turned")


async def test_find_closed_while_the_items_are_read_finds_in_them_when_opened_again(
    monkeypatch: Any,
) -> None:
    async with reading(monkeypatch) as (pilot, guard, minutes):
        app = pilot.app
        bar = await _find_while_reading(pilot, "topic 2099")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not bar.display, "the bar closed")

        guard.release.set()
        await wait_until(pilot, lambda: parts_ready(minutes), "the items read")
        await settle(pilot)
        assert app.main.view.active_pane is Pane.OVERVIEW  # a closed bar moves nothing
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: _find_count(app).startswith("1/1"), "the match")
        await wait_until(pilot, lambda: app.main.view.active_pane is Pane.TOPICS, "turned")


def _glossary_rows(screen: GlossaryScreen) -> list[list[str]]:
    table = screen.query_one(GlossaryTable)
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_glossary_opens_at_once_and_counts_uses_once_the_items_are_read(
    monkeypatch: Any,
) -> None:
    async with reading(monkeypatch) as (pilot, guard, minutes):
        screen = await _open(pilot, "g", GlossaryScreen)
        await wait_until(pilot, lambda: screen.query_one(GlossaryTable).row_count == 2, "terms")
        assert [row[3] for row in _glossary_rows(screen)] == ["…", "…"]
        count = text_of(screen.query_one("#glossary-count", Static))
        assert "counting uses (reading the participants, topics and outcomes…)" in count
        await pilot.press(*"mla")  # filtering works meanwhile
        await wait_until(pilot, lambda: screen.terms() == ["MLA"], "filtered")

        guard.release.set()
        await wait_until(pilot, lambda: _glossary_rows(screen)[0][3] != "…", "the counts")
        # As counted on the whole briefing: its summary and Overview.
        assert usage_counts(minutes, screen.entries) == {"MLA": 2, "EIO": 2100}
        assert _glossary_rows(screen) == [["MLA", "Mutual legal assistance", "this briefing", "2×"]]
        assert "counting" not in text_of(screen.query_one("#glossary-count", Static))
        await pilot.press("backspace", "backspace", "backspace")
        await wait_until(pilot, lambda: len(screen.terms()) == 2, "all terms")
        assert _glossary_rows(screen)[1] == [
            "EIO",
            "European Investigation Order",
            "this briefing",
            "2100×",
        ]


async def test_a_filter_by_organisation_judges_the_long_document_once_its_items_are_read(
    monkeypatch: Any,
) -> None:
    async with reading(monkeypatch) as (pilot, guard, minutes):
        app = pilot.app
        screen = await _open(pilot, "f", FilterScreen)
        screen.query_one("#filter-organisations", Input).value = "Parquet de Lyon"
        screen.query_one("#filter-organisations", Input).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is app.main, "the filter applied")
        summary = "0 of 5 briefings · organisation Parquet de Lyon · reading the participants"
        await wait_until(pilot, lambda: filter_summary(app).startswith(summary), "it says so")
        assert app.main.library_list.listed == []

        # The timeline follows the list's filter, and says so too.
        timeline = await _open(pilot, "t", TimelineScreen)
        count = timeline.query_one("#timeline-count", Static)
        assert "reading the participants of 1 briefing…" in text_of(count)
        assert not parts_ready(minutes)

        guard.release.set()
        await wait_until(pilot, lambda: text_of(count).startswith("1 briefing in 1 month"), "1")
        assert "reading" not in text_of(count)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.main.library_list.listed == [minutes], "listed")
        await wait_until(pilot, lambda: filter_summary(app).startswith("1 of 5"), "summary")
        assert "reading" not in filter_summary(app)


def _palette_lines(app: Any) -> list[str]:
    listing = app.screen.query_one(CommandList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_the_palette_offers_the_long_documents_people_once_read(monkeypatch: Any) -> None:
    async with reading(monkeypatch) as (pilot, guard, minutes):
        app = pilot.app
        await _open(pilot, "ctrl+p", CommandPalette)
        await pilot.press(*"ada quill")
        reading_line = "Reading the participants of “Long minutes”…"
        await wait_until(
            pilot, lambda: any(reading_line in line for line in _palette_lines(app)), "reading"
        )
        assert not any("Participant: Ada Quill" in line for line in _palette_lines(app))
        assert not parts_ready(minutes)

        guard.release.set()
        person = "Participant: Ada Quill — EPPO liaison  in Long minutes"
        await wait_until(
            pilot, lambda: any(person in line for line in _palette_lines(app)), "the person"
        )
        assert not any(reading_line in line for line in _palette_lines(app))
        lines = _palette_lines(app)
        assert lines.index(next(line for line in lines if person in line)) == 0
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.main.view.active_pane is Pane.PARTICIPANTS, "opened")


async def test_a_search_hit_in_the_items_lands_on_its_row_once_they_are_read(
    monkeypatch: Any,
) -> None:
    """A saved search index (`--cache`) may hold hits in a long document's participants
    before this run has read them: opening one waits for them, then selects the row."""
    async with reading(monkeypatch) as (pilot, guard, minutes):
        app = pilot.app
        item, name = 1234, "P1234 Zed"  # far from the top of the table, sorted by name

        def whole_name(text: str) -> list[tuple[int, int]]:
            return [(0, len(text))] if text == name else []

        spot = Spot(Pane.PARTICIPANTS, "participant", item)
        app.main.post_message(OpenBriefing(minutes.path, spot, whole_name))
        counts = "#participants-count"
        await wait_until(
            pilot,
            lambda: text_of(app.main.query_one(counts, Static)) == "Reading the participants…",
            "the pane reads",
        )
        assert not parts_ready(minutes)

        guard.release.set()
        big = app.main.query_one(BigPeopleTable)
        await wait_until(
            pilot,
            lambda: big.display and bool(big.rows) and big.row_at(big.cursor_row)[0] == name,
            "the row",
        )
        await wait_until(pilot, lambda: app.focused is big, "focus on the row")
