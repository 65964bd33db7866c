"""Landing on a spot in the open briefing once it is shown: the pane, the row, the words.

`reveal` is the quick way, for the views across the library: turn to the pane and select
the participant or outcome, at once.  A spot with words to light up (a search hit, a
palette participant) goes through `locator.show_spot` instead, which waits for the pane to
be built and scrolls prose; `mark_spot` then highlights the words in what shows them.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static

from briefing_tui.model import Briefing, Pane, Participant
from briefing_tui.parts_later import parts_ready
from briefing_tui.ui.locate.highlights import Marks
from briefing_tui.ui.locate.locator import Shown
from briefing_tui.ui.locate.spot import SpanFinder, Spot, people_row_key
from briefing_tui.ui.widgets.briefing_view import BriefingView
from briefing_tui.ui.widgets.panes.outcomes import OutcomesPane
from briefing_tui.ui.widgets.panes.participants import BigPeopleTable, PeopleTable
from briefing_tui.ui.widgets.reading_view import ReadingText
from briefing_tui.ui.widgets.virtual_list import VirtualList
from briefing_tui.ui.widgets.virtual_table import VirtualTable


def reveal(view: BriefingView, spot: Spot) -> Widget:
    """Turn `view` (showing the spot's briefing) to the pane and highlight the item.

    Returns the widget that should take the focus: the highlighted row's table or list.
    """
    view.switch_to(spot.pane)
    pane = view.pane_widget(spot.pane)
    briefing = view.briefing
    # The views across the library that land here have read the items; a long document's
    # items still unread are never read on the screen's thread just to select a row.
    if briefing is not None and spot.item is not None and parts_ready(briefing):
        if spot.pane is Pane.PARTICIPANTS and _is_person(briefing, spot.item):
            table = pane.query_one(PeopleTable)
            key = people_row_key(briefing, spot.item)
            big = pane.query_one(BigPeopleTable)
            if key is not None and big.display and big.move_to_row(int(key)):
                return big
            if key is not None and key in table.rows:
                table.move_cursor(row=table.get_row_index(key), scroll=True)
                return table
        elif spot.pane is Pane.OUTCOMES and isinstance(pane, OutcomesPane):
            pane.select_outcome(spot.item)
    return pane.focus_target()


def _is_person(briefing: Briefing, item: int) -> bool:
    """Groups have their own table; a target names people only in the people table."""
    return 0 <= item < len(briefing.participants) and isinstance(
        briefing.participants[item], Participant
    )


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
