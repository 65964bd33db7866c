"""Opening a briefing at a given place: a pane, and the participant or outcome to highlight.

The library-wide screens (who, outcomes, timeline) close with a `BriefingTarget`; the app
opens that briefing and hands the target to `reveal`, which turns to the pane, highlights
the row and says which widget should take the focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widget import Widget

from briefing_tui.model import Briefing, Pane, Participant
from briefing_tui.ui.widgets.briefing_view import BriefingView
from briefing_tui.ui.widgets.panes.outcomes import OutcomesPane
from briefing_tui.ui.widgets.panes.participants import BigPeopleTable, PeopleTable


@dataclass(frozen=True, slots=True)
class BriefingTarget:
    """Where to open a briefing.  `item` indexes `briefing.participants` on the Participants
    pane and `briefing.outcomes` on the Outcomes pane; None just opens the pane."""

    path: str
    pane: Pane = Pane.OVERVIEW
    item: int | None = None


def people_row_key(briefing: Briefing, participant: int) -> str | None:
    """The people table's row key for `briefing.participants[participant]`.

    The table lists named people only (groups have their own table), keyed by position in
    `briefing.people`, so the participant's index is counted among people.
    """
    if not 0 <= participant < len(briefing.participants):
        return None
    if not isinstance(briefing.participants[participant], Participant):
        return None
    before = briefing.participants[:participant]
    return str(sum(isinstance(p, Participant) for p in before))


def reveal(view: BriefingView, target: BriefingTarget) -> Widget:
    """Turn `view` (showing the target's briefing) to the pane and highlight the item.

    Returns the widget that should take the focus: the highlighted row's table or list.
    """
    view.switch_to(target.pane)
    pane = view.pane_widget(target.pane)
    briefing = view.briefing
    if briefing is not None and target.item is not None:
        if target.pane is Pane.PARTICIPANTS:
            table = pane.query_one(PeopleTable)
            key = people_row_key(briefing, target.item)
            big = pane.query_one(BigPeopleTable)
            if key is not None and big.display and big.move_to_row(int(key)):
                return big
            if key is not None and key in table.rows:
                table.move_cursor(row=table.get_row_index(key), scroll=True)
                return table
        elif target.pane is Pane.OUTCOMES and isinstance(pane, OutcomesPane):
            pane.select_outcome(target.item)
    return pane.focus_target()
