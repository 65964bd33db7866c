"""Opening a briefing at a search hit or a palette participant, words highlighted.

Used by the app when the search screen closes with a hit and by the palette's participant
commands.  The briefing is opened at once (and selected in the library list); turning to
the pane and bringing the spot into view runs in an async worker, because the Overview
builds itself in a worker of its own and scrolling needs the pane laid out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static
from textual.worker import Worker

from briefing_tui.model import Briefing, Pane
from briefing_tui.search import Hit, highlight_spans
from briefing_tui.ui.locate.highlights import Marks, marks_for
from briefing_tui.ui.locate.locator import Shown, Spot, people_row_key, show_spot
from briefing_tui.ui.screens.search import SearchChoice, SearchScreen
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.reading_view import ReadingText
from briefing_tui.ui.widgets.virtual_list import VirtualList
from briefing_tui.ui.widgets.virtual_table import VirtualTable

if TYPE_CHECKING:
    from briefing_tui.ui.app import BriefingApp

SpanFinder = Callable[[str], list[tuple[int, int]]]
REVEAL_GROUP = "reveal"


def spot_of(hit: Hit) -> Spot:
    """Where a hit is, anchored on its snippet so the quoted occurrence is the one shown."""
    snippet = hit.snippet
    lead = 2 if snippet.startswith("… ") else 0
    core = snippet[lead:].removesuffix(" …")
    first = hit.highlights[0][0] - lead if hit.highlights else 0
    return Spot(hit.pane, hit.field, hit.item, anchor=core, anchor_offset=max(0, first))


def open_search(app: BriefingApp) -> None:
    """`/`: the search screen over whatever is open; a chosen hit is opened where it is."""
    if isinstance(app.screen, SearchScreen):
        app.screen.query_one("#search-input").focus()
        return
    if app.screen.is_modal:
        return  # not over the help, problems or another dialog

    def chosen(choice: SearchChoice | None) -> None:
        if choice is not None:
            open_hit(app, choice)

    app.push_screen(SearchScreen(app.library_index), chosen)


def open_hit(app: BriefingApp, choice: SearchChoice) -> Worker[Any] | None:
    hit = choice.hit
    briefing = hit.briefing or next((b for b in app.briefings if b.path == hit.path), None)
    if briefing is None:
        return None
    query = choice.query
    return open_at(app, briefing, spot_of(hit), lambda text: highlight_spans(text, query))


def open_participant(app: BriefingApp, briefing: Briefing, item: int) -> Worker[Any]:
    """Open `briefing` on Participants with participant `item`'s row selected."""
    name = getattr(briefing.participants[item], "name", "")

    def whole_name(text: str) -> list[tuple[int, int]]:
        return [(0, len(text))] if name and text == name else []

    return open_at(app, briefing, Spot(Pane.PARTICIPANTS, "participant", item), whole_name)


def open_at(app: BriefingApp, briefing: Briefing, spot: Spot, find: SpanFinder) -> Worker[Any]:
    """Open `briefing`, then turn to `spot`, highlight `find`'s spans there and focus it."""
    app.open_path(briefing.path)
    view = app.view
    if view.briefing is not briefing:
        view.open(briefing)
        app.sub_title = briefing.title
    bar = FindBar.of(view)
    if bar is not None and bar.display:
        bar.close()  # its matches were of the briefing being left
    marks = marks_for(view)
    marks.clear()

    async def reveal() -> None:
        shown = await show_spot(view, spot, find)
        if shown is None:
            return
        mark_spot(marks, shown, spot, briefing, find)
        shown.focus.focus()

    return app.run_worker(reveal(), group=REVEAL_GROUP, exclusive=True, exit_on_error=False)


def mark_spot(marks: Marks, shown: Shown, spot: Spot, briefing: Briefing, find: SpanFinder) -> None:
    """Highlight the spot's words in the widget showing it (its row, option or text)."""
    widget: Widget | None = shown.widget
    if isinstance(widget, DataTable):
        key = people_row_key(briefing, spot.item) if spot.item is not None else None
        if key is not None:
            marks.table(widget, find, rows=[key])
    elif isinstance(widget, VirtualTable):
        key = people_row_key(briefing, spot.item) if spot.item is not None else None
        if key is not None:
            marks.rows(widget, find, [int(key)])
    elif isinstance(widget, VirtualList):
        if spot.item is not None:
            marks.rows(widget, find, [spot.item])
    elif isinstance(widget, OptionList):
        if spot.item is not None:
            marks.options(widget, find, only=[spot.item])
    elif isinstance(widget, Static):
        marks.static(widget, find, shown.current)
    elif isinstance(widget, ReadingText) and shown.part is not None and shown.current is not None:
        marks.headings(widget, find, (shown.part, shown.current))
