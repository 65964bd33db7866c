"""Opening `/` again: the same dialog, on the last query, selected so typing replaces it.

The search screen is made once and kept (composing a new one cost 60-100 ms of the UI
thread at every `/`), so what it holds between openings must be what a reader expects:
the last query and its results, refreshed if more was indexed meanwhile, and nothing done
on its own while it is closed.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from textual.widgets import Input

from briefing_tui.model import Topic
from briefing_tui.search import Hit
from briefing_tui.ui.locate.spot import OpenBriefing
from briefing_tui.ui.screens.search import ResultList, SearchScreen

from .helpers import SIZE, GatedLoader, RecordingApp, make_briefing, results, settle
from .search_helpers import SEED_TITLE, loaded, sample_app, search_for, until


async def test_reopening_shows_the_same_dialog_on_the_last_query_selected() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        first = await search_for(pilot, "seger")
        box = first.query_one(Input)
        assert first.result_titles() == [SEED_TITLE]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)

        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen), "the search screen")
        screen = app.screen
        assert screen is first and screen.query_one(Input) is box  # not composed again
        assert box.value == "seger" and app.focused is box
        assert (box.selection.start, box.selection.end) == (0, len("seger"))
        # Its results are there at once, the last answer, not an empty list.
        assert screen.query_one(ResultList).option_count == 1
        assert first.result_titles() == [SEED_TITLE]

        await pilot.press("r", "a", "n", "s", "o", "m")
        await until(pilot, lambda: first.shown_query == "ransom", "results for the new query")
        assert box.value == "ransom"  # the selected query was replaced, not added to
        assert SEED_TITLE not in first.result_titles()


async def test_a_query_cleared_elsewhere_opens_an_empty_box() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "seger")
        await pilot.press("escape")
        await settle(pilot)
        app.main.library_index.last_query = ""
        again = await search_for(pilot, "")
        assert again is screen
        assert screen.query_text == "" and screen.hits == []
        assert screen.query_one(ResultList).option_count == 0


async def test_more_indexed_while_closed_is_found_on_reopening() -> None:
    early = [make_briefing(f"lib/{n}.yaml", f"Early {n}", date(2020, 1, n + 1)) for n in range(3)]
    late = make_briefing(
        "lib/late.yaml", "Late meeting", date(2021, 1, 1), topics=(Topic("Zanzibar"),)
    )
    gated = GatedLoader(results([*early, late]), first=3)
    app = RecordingApp([Path("lib")], loader=gated, counter=lambda paths: 4)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.main.library_index.progress().indexed == 3, "3 indexed")
        screen = await search_for(pilot, "zanzibar")
        assert screen.hits == []
        await pilot.press("escape")
        await settle(pilot)
        gated.release.set()
        await loaded(pilot)
        await pilot.press("slash")
        await until(pilot, lambda: screen.result_titles() == ["Late meeting"], "the late hit")
        assert app.screen is screen


async def test_an_answer_that_arrives_after_escape_opens_nothing() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        index = app.main.library_index
        gate = threading.Event()
        search = index.search

        def slow(query: str, limit: int) -> list[Hit]:
            gate.wait(timeout=30)
            return search(query, limit)

        index.search = slow  # type: ignore[method-assign]
        # Enter before the results: the best hit is to be opened when they arrive...
        await pilot.press("slash", *"seger", "enter")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await until(pilot, lambda: screen.work_pending is False and screen.workers, "asked")
        # ...but the reader went back first.
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, SearchScreen), "closed")
        gate.set()
        await settle(pilot)
        assert screen.shown_query == "seger"  # the answer was taken in, and only shown
        assert not isinstance(app.screen, SearchScreen)
        assert [m for m in app.received(OpenBriefing) if m.highlight] == []
        # Opened again, it shows that answer and waits for the reader.
        await pilot.press("slash")
        await until(pilot, lambda: app.screen is screen, "the search screen")
        await settle(pilot)
        assert app.screen is screen and screen.result_titles() == [SEED_TITLE]
        assert [m for m in app.received(OpenBriefing) if m.highlight] == []
