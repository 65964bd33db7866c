"""While another screen covers the reader, the list and load status wait, then catch up.

Regression: the search screen (and every dialog) lets the reader show through, dimmed, and
each change underneath redrew all of it: with `/` pressed at first paint, a 10,000-briefing
start spent 6.3 s of the UI thread drawing, against 2.6-4.3 s once the covered list and
count wait until they are on top again.  The search index is not held: search finds what
loaded meanwhile.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from briefing_tui.ui.widgets.library_list import LibraryList
from waiting import wait_until

from .helpers import SIZE, GatedLoader, RecordingApp, make_briefing, results, text_of
from .search_helpers import search_for

NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]


def _gated_app() -> tuple[RecordingApp, GatedLoader]:
    briefings = [
        make_briefing(f"lib/{n}.yaml", f"Briefing {name}", date(2020, 1, 1 + n))
        for n, name in enumerate(NAMES)
    ]
    gate = GatedLoader(results(briefings), first=3)
    return RecordingApp([Path("lib")], loader=gate, counter=lambda paths: 9), gate


async def test_a_covered_list_waits_and_catches_up_when_shown_again() -> None:
    app, gate = _gated_app()
    async with app.run_test(size=SIZE) as pilot:
        library = app.query_one(LibraryList)
        status = app.query_one("#load-count", Static)
        try:
            await wait_until(
                pilot,
                lambda: len(library.listed) == 3 and "Loading… 3 of 9" in text_of(status),
                "three briefings listed",
            )
            screen = await search_for(pilot, "briefing")
        finally:
            gate.release.set()
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
        await wait_until(pilot, lambda: len(screen.hits) == 9, "every briefing found")
        # Under the search screen nothing moved: no rebuild, no newer briefing opened.
        assert len(library.listed) == 3
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Briefing charlie"
        await pilot.press("escape")
        await wait_until(pilot, lambda: len(library.listed) == 9, "the list to catch up")
        assert text_of(status).startswith("9 briefings")
        await wait_until(
            pilot,
            lambda: (
                app.main.open_briefing is not None
                and app.main.open_briefing.title == "Briefing india"
            ),
            "the newest briefing to open",
        )


async def test_a_hit_loaded_while_the_list_was_covered_opens() -> None:
    app, gate = _gated_app()
    async with app.run_test(size=SIZE) as pilot:
        library = app.query_one(LibraryList)
        try:
            await wait_until(pilot, lambda: len(library.listed) == 3, "three briefings listed")
            screen = await search_for(pilot, "golf")
        finally:
            gate.release.set()
        await wait_until(pilot, lambda: screen.result_titles() == ["Briefing golf"], "the hit")
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                app.main.open_briefing is not None
                and app.main.open_briefing.title == "Briefing golf"
            ),
            "the hit to open",
        )
        selected = library.selected_briefing
        assert selected is not None and selected.title == "Briefing golf"
