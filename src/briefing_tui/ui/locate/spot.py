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
from briefing_tui.search import FindMatch, Hit

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


def spot_of_hit(hit: Hit) -> Spot:
    """Where a hit is, anchored on its snippet so the quoted occurrence is the one shown."""
    snippet = hit.snippet
    lead = 2 if snippet.startswith("… ") else 0
    core = snippet[lead:].removesuffix(" …")
    first = hit.highlights[0][0] - lead if hit.highlights else 0
    return Spot(hit.pane, hit.field, hit.item, anchor=core, anchor_offset=max(0, first))


def spot_of_match(
    match: FindMatch, matches: list[FindMatch], index: int, briefing: Briefing
) -> Spot:
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


class OpenBriefing(Message):
    """Open the briefing read from `path`, at `spot`, with `highlight`'s spans lit up."""

    def __init__(
        self, path: str, spot: Spot | None = None, highlight: SpanFinder | None = None
    ) -> None:
        super().__init__()
        self.path = path
        self.spot = spot
        self.highlight = highlight


# The open briefing's keys; None when every participant is of one kind (the key is then
# the index itself).
_ROW_KEYS: list[tuple[Briefing, list[str] | None]] = []


def people_row_key(briefing: Briefing, item: int) -> str | None:
    """The participants' table row key for `briefing.participants[item]`.

    People and groups have a table each, keyed by position among their own kind, so the
    index is counted among participants of the same kind as this one.  The keys of the
    open briefing are counted once: find marks up to 2,000 rows, and counting from the
    start for each was quadratic with 200,000 participants.  Counting them one by one still
    held the screen's thread 0.1 s for those, so a list of one kind is told at C speed.
    """
    participants = briefing.participants
    if not 0 <= item < len(participants):
        return None
    if not _ROW_KEYS or _ROW_KEYS[0][0] is not briefing:
        keys: list[str] | None = None
        if len(set(map(type, participants))) > 1:
            seen: dict[type, int] = {}
            keys = []
            for participant in participants:
                kind = type(participant)
                keys.append(str(seen.get(kind, 0)))
                seen[kind] = seen.get(kind, 0) + 1
        _ROW_KEYS[:] = [(briefing, keys)]
    keys = _ROW_KEYS[0][1]
    return str(item) if keys is None else keys[item]
