"""Where to open a briefing, and the one message that asks for it.

Every way into a briefing — the library list, the palette, search, and the views across
the library (who, outcomes, timeline) — posts `OpenBriefing`; the main screen handles it in
one place.  A `Spot` says where in the briefing to land; `highlight`, when given, finds the
spans to light up there (a search query's words, a participant's name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message

from briefing_tui.model import Briefing, Pane

SpanFinder = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Spot:
    """A place in a briefing: a pane, and in it the field and item the engine names.

    `item` indexes `briefing.participants` on Participants and `briefing.outcomes` on
    Outcomes (and likewise topics); None means the pane itself.  `nth` is which occurrence
    of the looked-for text, counted within the field, is meant; `anchor` is text around it
    (a search snippet), which picks the occurrence instead.
    """

    pane: Pane
    field: str = ""
    item: int | None = None
    nth: int = 0
    anchor: str = ""
    anchor_offset: int = 0  # where, in `anchor`, the looked-for text starts
    text: str = ""  # the field's text, when known (tells a section's title from its body)


class OpenBriefing(Message):
    """Open the briefing read from `path`, at `spot`, with `highlight`'s spans lit up."""

    def __init__(
        self, path: str, spot: Spot | None = None, highlight: SpanFinder | None = None
    ) -> None:
        super().__init__()
        self.path = path
        self.spot = spot
        self.highlight = highlight


def people_row_key(briefing: Briefing, item: int) -> str | None:
    """The participants' table row key for `briefing.participants[item]`.

    People and groups have a table each, keyed by position among their own kind, so the
    index is counted among participants of the same kind as this one.
    """
    if not 0 <= item < len(briefing.participants):
        return None
    kind = type(briefing.participants[item])
    return str(sum(isinstance(p, kind) for p in briefing.participants[:item]))
