"""What find needs to know of a briefing and its widgets: whether finding takes a thread,
which field an option list lists, and which Statics show document text."""

from __future__ import annotations

from textual.widget import Widget

from briefing_tui.model import Briefing, Pane

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
