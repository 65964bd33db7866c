"""Where a find match is, as the locator sees a place: its field and which occurrence."""

from __future__ import annotations

from briefing_tui.model import Briefing
from briefing_tui.search import FindMatch
from briefing_tui.ui.locate.locator import Spot


def spot_of(match: FindMatch, matches: list[FindMatch], index: int, briefing: Briefing) -> Spot:
    """The match as a place in the panes: its field, and which occurrence within it."""

    def key(m: FindMatch) -> tuple[object, ...]:
        in_title = (
            m.field == "section"
            and m.item is not None
            and m.item < len(briefing.sections)
            and m.text == briefing.sections[m.item].title
        )
        return (m.pane, m.field, m.item, in_title)

    mine = key(match)
    nth = sum(1 for m in matches[:index] if key(m) == mine)
    return Spot(match.pane, match.field, match.item, nth=nth, text=match.text)
