"""The library list draws only what is on screen, and moves the way a list should."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from briefing_tui.model import LoadResult
from briefing_tui.ui.support.row_format import entry_prompt
from briefing_tui.ui.widgets import library_list
from briefing_tui.ui.widgets.library_list import ENTRY_LINES, LibraryList
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

    monkeypatch.setattr(library_list, "entry_prompt", counting)
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
