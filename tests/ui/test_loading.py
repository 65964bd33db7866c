"""Streaming load: the list fills while loading, progress shows, quitting mid-load is clean."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.widgets import ProgressBar, Static

from briefing_tui.search.fts import Fts5Engine
from briefing_tui.ui.services import loader as loader_module
from briefing_tui.ui.services.loader import LibraryLoader
from briefing_tui.ui.widgets.library_list import LibraryList
from waiting import wait_until

from .helpers import SIZE, GatedLoader, RecordingApp, make_briefing, results, settle, text_of
from .search_helpers import loaded, search_for


def many(count: int) -> list:  # type: ignore[type-arg]
    return results(
        [
            make_briefing(
                f"lib/{n:04}.yaml", f"Briefing {n}", date(2000, 1, 1).replace(year=2000 + n % 20)
            )
            for n in range(count)
        ]
    )


async def test_list_appears_before_loading_ends_and_progress_updates() -> None:
    gate = GatedLoader(many(10), first=3)
    app = RecordingApp([Path("lib")], loader=gate, counter=lambda paths: 10)
    async with app.run_test(size=SIZE) as pilot:
        bar = app.query_one(ProgressBar)
        await wait_until(
            pilot,
            lambda: (
                len(app.query_one(LibraryList).briefings) == 3
                and app.main.open_briefing is not None  # the newest loaded so far is already open
                and "Loading… 3 of 10" in text_of(app.query_one("#load-count", Static))
                and (bar.total, bar.progress) == (10, 3)
            ),
            "the first three briefings listed, one open, and the progress shown",
        )
        assert app.main.library_loading
        assert app.is_running
        first = app.main.open_briefing
        await pilot.press("right_square_bracket")  # keys keep working while loading
        await wait_until(pilot, lambda: app.main.open_briefing not in (None, first), "the next one")

        gate.release.set()
        await settle(pilot)
        assert not app.main.library_loading
        assert len(app.query_one(LibraryList).briefings) == 10
        assert "10 briefings" in text_of(app.query_one("#load-count", Static))
        started = app.received(LibraryLoader.Started)
        assert [m.total for m in started] == [10]
        loaded = sum(len(m.results) for m in app.received(LibraryLoader.Loaded))
        assert loaded == 10
        assert [m.count for m in app.received(LibraryLoader.Finished)] == [10]


async def test_settling_waits_for_results_held_for_the_next_drain(monkeypatch: Any) -> None:
    # The loader drains at most every DRAIN_SECONDS; a worker that finished inside that window
    # leaves its last results behind a timer while nothing runs and no message waits.  Settling
    # then must not call the app quiet (CI failed on the test above this way, once).
    monkeypatch.setattr(loader_module, "DRAIN_SECONDS", 2.0)
    gate = GatedLoader(many(10), first=3)
    app = RecordingApp([Path("lib")], loader=gate, counter=lambda paths: 10)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.query_one(LibraryList).briefings) == 3, "3 listed")
        gate.release.set()
        await settle(pilot)
        assert not app.main.library_loading
        assert len(app.query_one(LibraryList).briefings) == 10


async def test_the_last_results_are_handed_over_as_soon_as_loading_ends(monkeypatch: Any) -> None:
    # A large load is drained every LARGE_DRAIN_SECONDS; its end must not wait for the
    # next drain (the library would be listed that much later).
    monkeypatch.setattr(loader_module, "DRAIN_SECONDS", 60.0)
    gate = GatedLoader(many(10), first=3)
    app = RecordingApp([Path("lib")], loader=gate, counter=lambda paths: 10)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.query_one(LibraryList).briefings) == 3, "3 listed")
        gate.release.set()
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end", timeout=20)
        assert len(app.query_one(LibraryList).briefings) == 10


async def test_quitting_mid_load_is_clean() -> None:
    gate = GatedLoader(many(50), first=5)
    app = RecordingApp([Path("lib")], loader=gate)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.query_one(LibraryList).briefings) >= 5, "5 listed")
        assert app.main.library_loading
        await pilot.press("q")
    assert app.return_code == 0
    # The worker notices the cancellation at the next result and closes the loader.
    gate.release.set()
    assert gate.closed.wait(timeout=10)
    assert gate.yielded < 50
    assert app.received(LibraryLoader.Finished) == []


async def test_a_failing_loader_is_reported_not_raised() -> None:
    def broken(paths):  # type: ignore[no-untyped-def]
        yield from many(2)
        raise OSError("disk on fire")

    app = RecordingApp([Path("lib")], loader=broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        finished = app.received(LibraryLoader.Finished)
        assert [(m.count, m.error) for m in finished] == [(2, "OSError: disk on fire")]
        assert len(app.query_one(LibraryList).briefings) == 2
        assert any("disk on fire" in n.message for n in app.notifications())


async def test_a_large_library_streams_into_the_list_in_order() -> None:
    items = many(1200)
    app = RecordingApp([Path("lib")], loader=lambda paths: iter(items))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.query_one(LibraryList)
        assert len(library.listed) == 1200
        keys = [b.sort_key() for b in library.briefings]
        assert keys == sorted(keys)
        batches = app.received(LibraryLoader.Loaded)
        assert sum(len(b.results) for b in batches) == 1200
        assert len(batches) < 1200  # handed over in batches, not one message per file


async def test_the_newest_briefing_is_open_after_loading_until_the_reader_moves() -> None:
    # Regression: the first briefing to arrive stayed open, so a library that streamed in
    # oldest first opened on an old briefing instead of the newest at the top of the list.
    items = results([make_briefing(f"b{n}.yaml", f"B{n}", date(2020, 1, 1 + n)) for n in range(6)])
    gate = GatedLoader(items, first=2)
    app = RecordingApp([Path("lib")], loader=gate)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.query_one(LibraryList).briefings) >= 2, "2 listed")
        gate.release.set()
        await settle(pilot)
        await wait_until(  # the list rebuilds at most every so often while loading
            pilot,
            lambda: app.main.open_briefing is not None and app.main.open_briefing.title == "B5",
            "the newest briefing open",
        )

    gate = GatedLoader(items, first=3)
    app = RecordingApp([Path("lib")], loader=gate)
    async with app.run_test(size=SIZE) as pilot:
        library = app.query_one(LibraryList)
        await wait_until(
            pilot,
            lambda: len(library.listed) == 3 and app.main.open_briefing is not None,
            "3 listed and the newest open",
        )
        newest = app.main.open_briefing
        library.focus()
        await pilot.press("down")  # the reader chose: later arrivals must not move it
        await wait_until(pilot, lambda: app.main.open_briefing not in (None, newest), "the move")
        chosen = app.main.open_briefing
        gate.release.set()
        await settle(pilot)
        await wait_until(pilot, lambda: len(library.listed) == 6, "all 6 listed")
        await settle(pilot)
        assert app.main.open_briefing == chosen


def test_the_librarys_load_job_is_a_planned_load(tmp_path: Path) -> None:
    """The loader asks a LoadJob for its total and index store through `PlannedLoad`; a
    rename on either side would silently turn the progress count off."""
    from briefing_tui.library import LoadJob
    from briefing_tui.ui.services.loader import PlannedLoad

    (tmp_path / "a.yaml").write_text("title: A\n")
    job = LoadJob([tmp_path])
    assert isinstance(job, PlannedLoad)
    assert job.total == 1
    assert not isinstance([], PlannedLoad)


async def test_a_list_growing_while_it_streams_in_keeps_its_scrollbar_and_end_right() -> None:
    # A list that already scrolls grows without a layout pass of the screen (see
    # support/scroll_size.py): its scrollbar and its end must still follow every batch.
    gate = GatedLoader(many(900), first=300)
    app = RecordingApp([Path("lib")], loader=gate, counter=lambda paths: 900)
    async with app.run_test(size=SIZE) as pilot:
        library = app.query_one(LibraryList)
        await wait_until(pilot, lambda: len(library.listed) == 300, "300 listed")
        assert library.max_scroll_y > 0  # it scrolls before it grows
        gate.release.set()
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
        await wait_until(pilot, lambda: len(library.listed) == 900, "900 listed")
        rows = 900 * 2
        assert library.virtual_size.height == rows
        await wait_until(
            pilot,
            lambda: library.vertical_scrollbar.window_virtual_size == rows,
            "the scrollbar sized for all 900 entries",
        )
        assert library.max_scroll_y == rows - library.scrollable_content_region.height
        library.focus()
        await pilot.press("end")
        await wait_until(pilot, lambda: library.highlighted == 899, "the last entry highlighted")
        await wait_until(
            pilot, lambda: library.scroll_offset.y == library.max_scroll_y, "scrolled to the end"
        )


async def test_a_single_file_listed_before_its_search_row_is_folded_is_found_by_search(
    tmp_path: Path,
) -> None:
    # The loading thread hands a file over unfolded (issue 13: a 7 MB file was listed
    # 0.4-0.7 s later for it); the search index's worker folds it, so every hit is found.
    people = "".join(f"- Person {n}, Prosecutor, Office {n}, FR\n" for n in range(500))
    (tmp_path / "big.md").write_text(
        "---\ntitle: One large file\n---\n\nOpening words.\n\n## Participants\n\n"
        f"{people}- Zenobia Quist, Liaison officer, Eurojust, NL\n\n"
        "## Outcomes\n\n- Decision: the xylophone protocol is adopted.\n"
    )
    app = RecordingApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert [b.title for b in app.main.briefings] == ["One large file"]
        for query, pane in (("Quist", "participants"), ("xylophone", "outcomes")):
            hits = app.main.library_index.search(query, 20)
            assert [(h.title, h.pane) for h in hits] == [("One large file", pane)], query
        screen = await search_for(pilot, "zenobia")
        assert screen.shown_query == "zenobia"
        assert [h.title for h in screen.hits] == ["One large file"]


async def test_the_index_writes_out_what_it_gathered_once_loading_ends(tmp_path: Path) -> None:
    # While loading, rows gather in one open transaction (cheaper to index); once the
    # library has loaded and been indexed, it is committed, so a saved image or the next
    # search does not depend on an open transaction.
    for n in range(30):
        (tmp_path / f"b{n:02}.yaml").write_text(f"title: Hearing number {n}\n")
    app = RecordingApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await settle(pilot)
        engine = app.main.library_index.index._engine  # white-box: the open transaction
        assert isinstance(engine, Fts5Engine)
        assert not engine._con.in_transaction
        assert len(app.main.library_index.search("hearing", 50)) == 30
