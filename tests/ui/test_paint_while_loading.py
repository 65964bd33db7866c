"""The library list and its load status are on screen while a library is still loading.

Regression: with 10,000 briefings the terminal showed nothing but Textual's loading
indicator until everything was listed (first paint 10.1 s instead of 0.7 s).  The main
screen's "library still loading" flag was named `loading`, which on a Textual widget (a
screen is one) means "cover me with a loading indicator": the whole screen was hidden for
as long as the library loaded.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widget import Widget
from textual.widgets import LoadingIndicator, Static

from briefing_tui.ui.widgets.library_list import LibraryList
from waiting import wait_until

from .helpers import SIZE, GatedLoader, RecordingApp, make_briefing, results, text_of


def _on_top(widget: Widget) -> bool:
    """Whether `widget` is what the screen shows at the middle of its region."""
    region = widget.region
    if not region:
        return False
    shown, _ = widget.screen.get_widget_at(region.x + region.width // 2, region.y)
    return shown is widget


async def test_the_list_and_load_status_show_while_loading_goes_on() -> None:
    items = results(
        [make_briefing(f"lib/{n}.yaml", f"Briefing {n}", date(2020, 1, 1 + n)) for n in range(9)]
    )
    gate = GatedLoader(items, first=3)  # the rest waits until released: loading goes on
    app = RecordingApp([Path("lib")], loader=gate, counter=lambda paths: 9)
    async with app.run_test(size=SIZE) as pilot:
        status = app.query_one("#load-count", Static)
        library = app.query_one(LibraryList)
        try:
            await wait_until(
                pilot,
                lambda: "Loading… 3 of 9" in text_of(status) and len(library.listed) == 3,
                "three briefings listed and the count shown",
            )
            await wait_until(
                pilot,
                lambda: _on_top(status) and _on_top(library),
                "the load status and the list on screen, not hidden",
                timeout=10,
            )
            assert app.main.library_loading
            assert not app.query(LoadingIndicator)
        finally:
            gate.release.set()
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
        assert len(library.listed) == 9
