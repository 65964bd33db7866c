"""Find in the open briefing (ctrl+f): every occurrence of a piece of text, pane by pane.

Unlike library search this is plain substring matching, the way find works in any
reader: `conv` finds "Convention", case and diacritics are folded (`zoe` finds "Zoë"), and
any run of spaces or line breaks in what was typed matches any run in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing_tui.model import Briefing, Pane
from briefing_tui.search.fields import fields
from briefing_tui.search.folding import fold, fold_map

MAX_MATCHES = 10_000
CONTEXT_CHARS = 30


@dataclass(frozen=True, slots=True)
class FindMatch:
    """One occurrence, located in the field (see `search.fields.Field`) that shows it.

    `start`/`end` index `text`, the field's text as a reader sees it (Markdown markup
    removed); `context` is a short excerpt of it with the match at `context_span`.
    """

    pane: Pane
    field: str
    item: int | None
    part: int
    start: int
    end: int
    text: str
    context: str
    context_span: tuple[int, int]


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
    folded = fold_map(text)
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(folded.text):
        if m.end() == m.start():
            continue
        out.append(folded.span(m.start(), m.end()))
        if len(out) >= limit:
            break
    return out


def _context(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    shift = len(head) - lo
    return head + text[lo:hi] + tail, (start + shift, end + shift)


def find_in_briefing(b: Briefing, query: str, limit: int = MAX_MATCHES) -> list[FindMatch]:
    """Every occurrence of `query` in the four panes of `b`, in pane and reading order."""
    if _needle(query) is None:
        return []
    out: list[FindMatch] = []
    for fld in fields(b):
        for start, end in find_spans(fld.text, query, limit - len(out)):
            context, span = _context(fld.text, start, end)
            out.append(
                FindMatch(
                    fld.pane, fld.key, fld.item, fld.part, start, end, fld.text, context, span
                )
            )
        if len(out) >= limit:
            break
    return out


def count_by_pane(matches: list[FindMatch]) -> dict[Pane, int]:
    """How many matches each pane holds, for "3/12 (Participants)"-style status lines."""
    counts: dict[Pane, int] = {}
    for m in matches:
        counts[m.pane] = counts.get(m.pane, 0) + 1
    return counts
