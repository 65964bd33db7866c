"""The library list draws only what is on screen, and moves the way a list should."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from textual.visual import visualize

from briefing_tui.model import LoadResult
from briefing_tui.ui.services.loader import (
    DRAIN_SECONDS,
    LARGE_DRAIN_SECONDS,
    LARGE_LOAD,
    LibraryLoader,
)
from briefing_tui.ui.support.row_format import entry_prompt
from briefing_tui.ui.widgets import library_entries, library_list, library_pacing
from briefing_tui.ui.widgets.library_list import (
    ENTRY_LINES,
    LARGE_LIST,
    LARGE_REBUILD_INTERVAL,
    REBUILD_INTERVAL,
    LibraryList,
)
from waiting import wait_until

from .helpers import SIZE, RecordingApp, make_briefing, results, settle


def _library(count: int) -> RecordingApp:
    start = date(2020, 1, 1)
    briefings = [
        make_briefing(f"lib/{n:05}.yaml", f"Briefing {n:05}", start + timedelta(days=n))
        for n in range(count)
    ]
    return RecordingApp([Path("lib")], loader=lambda paths: iter(results(briefings)))


async def test_a_large_list_makes_only_the_entries_on_screen(monkeypatch: Any) -> None:
    made: list[str] = []

    def counting(briefing: Any, badge: Any) -> Any:
        made.append(briefing.path)
        return entry_prompt(briefing, badge)

    monkeypatch.setattr(library_entries, "entry_prompt", counting)
    app = _library(3000)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        assert len(library.listed) == 3000
        assert library.virtual_size.height == 3000 * ENTRY_LINES
        on_screen = library.size.height // ENTRY_LINES + 1
        # Regression: OptionList made and measured all 3,000 prompts at every rebuild.
        assert 0 < len(set(made)) <= on_screen + 1
        await pilot.press("end")
        await settle(pilot)
        assert library.highlighted == 2999
        assert (
            app.main.open_briefing is not None and app.main.open_briefing.title == "Briefing 00000"
        )
        assert len(set(made)) <= 2 * (on_screen + 1)
        assert len(made) == len(set(made)), "each entry's prompt is made once"


async def test_page_keys_move_by_a_screenful_and_home_returns() -> None:
    app = _library(200)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        assert library.highlighted == 0
        assert (
            app.main.open_briefing is not None and app.main.open_briefing.title == "Briefing 00199"
        )
        page = library.scrollable_content_region.height // ENTRY_LINES
        await pilot.press("pagedown")
        assert library.highlighted == page
        assert library.scroll_offset.y > 0, "the highlighted entry is scrolled into view"
        await pilot.press("pageup", "down", "down", "up")
        assert library.highlighted == 1
        await pilot.press("home")
        assert library.highlighted == 0
        assert library.scroll_offset.y == 0


async def test_clicking_an_entry_opens_it() -> None:
    app = _library(10)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        # The third entry's second line (entries are two lines each).
        await pilot.click(LibraryList, offset=(3, 2 * ENTRY_LINES + 1))
        await settle(pilot)
        assert library.highlighted == 2
        chosen = app.received(LibraryList.BriefingChosen)
        assert [m.briefing.title for m in chosen] == ["Briefing 00007"]
        assert (
            app.main.open_briefing is not None and app.main.open_briefing.title == "Briefing 00007"
        )


async def test_long_titles_stay_on_one_line_with_an_ellipsis() -> None:
    title = "A very long title " * 10
    app = RecordingApp(
        [Path("lib")],
        loader=lambda paths: iter(results([make_briefing("lib/a.yaml", title, date(2020, 1, 1))])),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        first, second = (library.render_line(y).text for y in range(ENTRY_LINES))
        assert first.rstrip().endswith("…")
        assert second.startswith("2020-01-01")
        assert library.render_line(ENTRY_LINES).text.strip() == "", "nothing below the entry"


async def test_while_loading_the_newest_briefing_is_opened_at_most_once_a_second() -> None:
    # Regression: each batch brought a newer briefing, and each was opened (a new
    # Overview): a third of the reader's time while a large library loaded.
    start = date(2020, 1, 1)

    def streaming(paths: object) -> Iterator[LoadResult]:
        for n in range(40):  # each newer than the last, over about 1.2 s
            time.sleep(0.03)
            day = start + timedelta(days=n)
            yield from results([make_briefing(f"lib/{n:03}.yaml", f"Briefing {n:03}", day)])

    app = RecordingApp([Path("lib")], loader=streaming)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
        await settle(pilot)
        opened = [m.briefing.title for m in app.received(LibraryList.BriefingSelected)]
        assert opened[-1] == "Briefing 039", "the newest is open once loading ends"
        assert len(opened) <= 5, opened
        # The reader's own moves are never held back.
        await pilot.press("down", "down")
        opened = [m.briefing.title for m in app.received(LibraryList.BriefingSelected)]
        assert opened[-2:] == ["Briefing 038", "Briefing 037"]


async def test_a_long_load_opens_the_newest_less_and_less_often(
    monkeypatch: Any,
) -> None:
    # Regression: the newest briefing was opened once a second however long loading went
    # on: half the UI thread's time at 10,000 (each opening lays a new Overview out).
    app = _library(0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        now = [1000.0]  # the list's clock, moved by hand: no test waits for real seconds
        monkeypatch.setattr(library_pacing, "time", SimpleNamespace(monotonic=lambda: now[0]))
        start = date(2020, 1, 1)
        for n in range(40):  # a newer briefing every half second for 20 s
            now[0] += 0.5
            day = start + timedelta(days=n)
            library.add_briefings([make_briefing(f"lib/{n:03}.yaml", f"Briefing {n:03}", day)])
        library.add_briefings([], final=True)  # loading ended
        await settle(pilot)
        opened = [m.briefing.title for m in app.received(LibraryList.BriefingSelected)]
        # At 0.5 s, then 1, 2, 4 and 8 s after each opening (1.5, 3.5, 7.5 and 15.5 s),
        # and the newest when loading ends.
        assert len(opened) == 6, opened
        assert opened[-1] == "Briefing 039"


async def test_small_and_large_batches_keep_the_list_in_order() -> None:
    # Large batches are merged by one sort (inserting 10,000 one by one moved the list's
    # tail each time); either way the list is in sort_key order (keys end with the path,
    # so no two are equal).
    days = [date(2020, 1, 1) + timedelta(days=n % 7) for n in range(700)]
    briefings = [
        make_briefing(f"lib/{n:04}.yaml", f"Briefing {n % 5}", day) for n, day in enumerate(days)
    ]
    app = _library(0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        library.add_briefings(briefings[:50])
        library.add_briefings(briefings[50:600])
        library.add_briefings(briefings[600:], final=True)
        keys = [b.sort_key() for b in library.briefings]
        assert keys == sorted(b.sort_key() for b in briefings)
        assert [b.path for b in library.listed] == [b.path for b in library.briefings]


async def test_a_rebuild_draws_again_only_entries_it_moved_into_view(monkeypatch: Any) -> None:
    # Regression: every rebuild of a streaming list threw away the drawn entries, so each
    # of the ~50 rebuilds of a 10,000 start drew the whole screenful again.
    drawn: list[object] = []

    def counting(widget: Any, obj: Any, markup: bool = True) -> Any:
        drawn.append(obj)
        return visualize(widget, obj, markup=markup)

    monkeypatch.setattr(library_entries, "visualize", counting)
    app = _library(300)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        # Focus restyles the list and its scrollbar narrows it: both draw it anew, so the
        # screenful is drawn once they are done, and then a rebuild must not draw it again.
        await wait_until(
            pilot,
            lambda: library.has_focus and library.show_vertical_scrollbar,
            "the list to take focus and scroll",
        )
        await settle(pilot)
        height = library.scrollable_content_region.height
        screenful = [library.render_line(y).text for y in range(height)]
        before = len(drawn)
        assert before > 0
        older = [
            make_briefing(f"old/{n:03}.yaml", f"Old {n:03}", date(2000, 1, 1) + timedelta(days=n))
            for n in range(50)
        ]
        library.add_briefings(older, final=True)  # all below the screen
        await settle(pilot)
        assert len(library.listed) == 350
        assert [library.render_line(y).text for y in range(height)] == screenful
        assert len(drawn) == before
        assert screenful[0].startswith("Briefing 00299")


async def test_clicking_an_entry_of_a_scrolled_list_opens_that_entry() -> None:
    app = _library(200)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        top = library.scroll_offset.y // ENTRY_LINES
        assert top > 0
        await pilot.click(LibraryList, offset=(3, 3 * ENTRY_LINES))
        await settle(pilot)
        assert library.highlighted == top + 3
        chosen = app.received(LibraryList.BriefingChosen)
        assert [m.briefing.title for m in chosen] == [f"Briefing {199 - top - 3:05}"]


async def test_a_large_streaming_list_is_rebuilt_less_often(monkeypatch: Any) -> None:
    # Each rebuild of a list whose top keeps changing draws it again: past LARGE_LIST
    # entries a streaming list is rebuilt at most every LARGE_REBUILD_INTERVAL.
    app = _library(0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        now = [1000.0]  # the list's clock, moved by hand
        monkeypatch.setattr(library_list, "time", SimpleNamespace(monotonic=lambda: now[0]))
        start = date(2000, 1, 1)

        def batch(first: int, count: int) -> list[Any]:
            return [
                make_briefing(f"lib/{n:05}.yaml", f"B{n}", start + timedelta(days=n))
                for n in range(first, first + count)
            ]

        small = 600
        library.add_briefings(batch(0, small))
        assert len(library.listed) == small  # the first rebuild is due at once
        now[0] += REBUILD_INTERVAL + 0.05
        library.add_briefings(batch(small, 10))
        assert len(library.listed) == small + 10, "a smaller list is rebuilt as before"
        library.add_briefings(batch(small + 10, LARGE_LIST), final=True)
        size = len(library.listed)
        assert size > LARGE_LIST
        now[0] += REBUILD_INTERVAL + 0.05
        library.add_briefings(batch(small + 10 + LARGE_LIST, 10))
        assert len(library.listed) == size, "not yet: a large list waits longer"
        now[0] += LARGE_REBUILD_INTERVAL
        library.add_briefings(batch(small + 20 + LARGE_LIST, 10))
        assert len(library.listed) == size + 20
        await settle(pilot)


async def test_a_large_load_is_handed_to_the_ui_less_often() -> None:
    app = _library(LARGE_LOAD + 50)
    async with app.run_test(size=SIZE) as pilot:
        loader = app.main.query_one(LibraryLoader)
        assert loader.drain_interval == DRAIN_SECONDS
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
        assert loader.drain_interval == LARGE_DRAIN_SECONDS > DRAIN_SECONDS
        await settle(pilot)
