"""What the find bar says under the box: "3/12 · Participants", the match in its context,
the keys when nothing is typed, and that a long document's items are still being read.

Kept apart from the bar's behaviour (`find_bar`); every line is `Content` made from plain
text, since the context is document text.
"""

from __future__ import annotations

from textual.content import Content

from briefing_tui.model import Pane
from briefing_tui.search import FindMatch, count_by_pane
from briefing_tui.ui.locate.highlights import CURRENT_STYLE, mark_content

FIND_KEYS = "enter/n next · shift+enter/N previous · ctrl+f to the text and back · escape closes"
READING = "Reading the participants, topics and outcomes… the matches follow."


def count_lines(
    query: str, matches: list[FindMatch], index: int, order: tuple[Pane, ...]
) -> tuple[Content, Content]:
    """The count line and the context line for match `index` of `matches` (panes in `order`)."""
    if not query.strip():
        return Content(""), Content.styled(FIND_KEYS, "dim")
    if not matches:
        return Content.assemble(("No matches", "bold")), Content("")
    match = matches[index]
    by_pane = count_by_pane(matches)
    others = [f"{p.label} {by_pane[p]}" for p in order if p in by_pane]
    count = Content.assemble(
        (f"{index + 1}/{len(matches)}", "bold"),
        ("  · ", "dim"),
        (match.pane.label, "bold $text-accent"),
        ("   ", ""),
        (" · ".join(others), "dim"),
    )
    start, end = match.context_span
    context = mark_content(Content(match.context.replace("\n", " ")), [(start, end)], CURRENT_STYLE)
    return count, context


def reading_lines() -> tuple[Content, Content]:
    """While a long document's items are read: the count waits, and says why."""
    return Content.styled("Reading…", "dim"), Content.styled(READING, "dim italic")
