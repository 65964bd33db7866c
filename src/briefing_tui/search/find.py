"""Find in the open briefing (ctrl+f): every occurrence of a piece of text, pane by pane.

Unlike library search this is plain substring matching, the way find works in any
reader: `conv` finds "Convention", case and diacritics are folded (`zoe` finds "Zoë"), and
any run of spaces or line breaks in what was typed matches any run in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing_tui.model import Briefing, Pane
from briefing_tui.parts_later import parts_ready
from briefing_tui.search.fields import Field, fields
from briefing_tui.search.folding import Folded, fold, fold_map

MAX_MATCHES = 10_000
CONTEXT_CHARS = 30
# Each key typed in the find bar finds again in the whole briefing, and making and folding
# its fields again every time was most of that (a 350 KB briefing's 1,900 fields: 20-30 ms
# of the screen's thread a key).  The last briefing's folded fields are kept, when its
# fields hold at most this many characters: a field with accents keeps a position map of
# a machine word and an int per character, so this bounds the memory kept to tens of MB.
KEEP_CHARS = 1_000_000
_kept: tuple[Briefing, list[tuple[Field, Folded]]] | None = None


@dataclass(frozen=True, slots=True)
class FindMatch:
    """One occurrence, located in the field (see `search.fields.Field`) that shows it.

    `start`/`end` index `text`, the field's text as a reader sees it (Markdown markup
    removed); `context` is a short excerpt of it with the match at `context_span`, made
    when asked for: only the current match's is shown, and making all 10,000 of a letter
    typed took a third of finding them.
    """

    pane: Pane
    field: str
    item: int | None
    part: int
    start: int
    end: int
    text: str

    @property
    def context(self) -> str:
        return _context(self.text, self.start, self.end)[0]

    @property
    def context_span(self) -> tuple[int, int]:
        return _context(self.text, self.start, self.end)[1]


@lru_cache(maxsize=64)
def _needle(query: str) -> re.Pattern[str] | None:
    words = fold(query).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def find_spans(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """(start, end) spans of `text` where `query` occurs, folded, at most `limit` of them.

    For the reader: run it over the plain text of whatever a pane renders to highlight it.
    """
    pattern = _needle(query)
    if pattern is None or not text:
        return []
    return _spans(fold_map(text), pattern, limit)


def _spans(folded: Folded, pattern: re.Pattern[str], limit: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(folded.text):
        if m.end() == m.start():
            continue
        out.append(folded.span(m.start(), m.end()))
        if len(out) >= limit:
            break
    return out


def _folded_fields(b: Briefing) -> Iterable[tuple[Field, Folded]]:
    """Every field of `b` with its folded text: kept from the last call for the same
    briefing, or made now (and kept, if it is small enough and its items are all read)."""
    global _kept
    kept = _kept
    if kept is not None and kept[0] is b:
        return kept[1]
    every = fields(b)
    if not parts_ready(b) or sum(len(f.text) for f in every) > KEEP_CHARS:
        return ((f, fold_map(f.text)) for f in every)
    made = [(f, fold_map(f.text)) for f in every]
    _kept = (b, made)
    return made


def _context(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    shift = len(head) - lo
    return head + text[lo:hi] + tail, (start + shift, end + shift)


def find_in_briefing(b: Briefing, query: str, limit: int = MAX_MATCHES) -> list[FindMatch]:
    """Every occurrence of `query` in the four panes of `b`, in pane and reading order."""
    pattern = _needle(query)
    if pattern is None:
        return []
    out: list[FindMatch] = []
    for fld, folded in _folded_fields(b):
        if not fld.text:
            continue
        pane, key, item, part, text = fld.pane, fld.key, fld.item, fld.part, fld.text
        for start, end in _spans(folded, pattern, limit - len(out)):
            out.append(FindMatch(pane, key, item, part, start, end, text))
        if len(out) >= limit:
            break
    return out


def count_by_pane(matches: list[FindMatch]) -> dict[Pane, int]:
    """How many matches each pane holds, for "3/12 (Participants)"-style status lines."""
    counts: dict[Pane, int] = {}
    for m in matches:
        counts[m.pane] = counts.get(m.pane, 0) + 1
    return counts
