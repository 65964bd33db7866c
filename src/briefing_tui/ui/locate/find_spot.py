"""Where a find match is, as the locator sees a place; and whether finding takes a thread."""

from __future__ import annotations

from textual.widget import Widget

from briefing_tui.model import Briefing, Pane
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


# Above these, finding in a briefing takes long enough (2 s for 100,000 headings or
# 200,000 participants) to run in a thread; below, it runs at once, as it always did.
BIG_ITEMS = 2_000
BIG_TEXT = 500_000


def is_big(b: Briefing) -> bool:
    items = len(b.participants) + len(b.sections) + len(b.topics) + len(b.outcomes)
    if items > BIG_ITEMS:
        return True
    texts = (b.overview, b.participants_text, b.topics_text, b.outcomes_text)
    return sum(map(len, texts)) + sum(len(s.body) for s in b.sections) > BIG_TEXT


# Which field's items an option list of each pane lists (topics, outcomes, links).
OPTION_FIELDS = {
    Pane.OVERVIEW: "link",
    Pane.PARTICIPANTS: "",
    Pane.TOPICS: "topic",
    Pane.OUTCOMES: "outcome",
}


def document_text(widget: Widget, sections: set[str]) -> bool:
    """Whether a Static shows document text (not a count line, a banner or a fixed label)."""
    if widget.has_class("pane-counts") or widget.id == "marking-banner":
        return False
    if widget.has_class("subheading"):
        return getattr(getattr(widget, "content", None), "plain", None) in sections
    return True
