"""Where a hit matched, and the few words around it, highlighted on the original text.

Both engines only say *which* briefings match; this module looks at each of the (few)
hits shown to decide the pane to open, the field to quote and the spans to highlight, so
the result looks the same whichever engine found it.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from briefing_tui.model import Briefing, Pane
from briefing_tui.search.fields import (
    PANES,
    Part,
    iter_pane_fields,
    pane_parts,
    part_fields,
    participant_names,
    plain_blocks,
)
from briefing_tui.search.folding import fold, fold_map, fold_short
from briefing_tui.search.query import Phrase, Query, Scope, parse_query, phrase_pattern

SNIPPET_CHARS = 120
LEAD_CHARS = 40

# The panes in which a phrase of each scope can be seen.
SCOPE_PANES: dict[Scope, tuple[Pane, ...]] = {
    Scope.ANY: PANES,
    Scope.TITLE: (Pane.OVERVIEW,),
    Scope.PARTICIPANT: (Pane.PARTICIPANTS,),
    Scope.COUNTRY: (Pane.PARTICIPANTS,),
    Scope.ORG: (Pane.PARTICIPANTS, Pane.OVERVIEW),
    Scope.TAG: (Pane.OVERVIEW,),
    Scope.MARKING: (Pane.OVERVIEW,),
}


@dataclass(frozen=True, slots=True)
class Snippet:
    """The quoted text of a hit and where it came from."""

    pane: Pane
    text: str
    highlights: tuple[tuple[int, int], ...]
    field: str = ""
    item: int | None = None


@lru_cache(maxsize=256)
def pattern(phrase: Phrase) -> re.Pattern[str]:
    return phrase_pattern(phrase)


def match_spans(text: str, phrases: tuple[Phrase, ...]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of `text` (original positions) where any phrase occurs."""
    if not phrases or not text:
        return []
    folded = fold_map(text)
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        for m in pattern(phrase).finditer(folded.text):
            spans.append(folded.span(m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def highlight_spans(text: str, query: Query | str) -> list[tuple[int, int]]:
    """Spans of `text` to highlight for a library query (its words, phrases, filter values).

    For the reader: run it over the plain text of a rendered pane to light up a hit.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    return match_spans(text, parsed.positive_phrases)


# Line breaks and tabs inside a snippet become spaces, one for one, so that it is one line
# wherever it is shown and its highlight spans still hold.
_FLAT = str.maketrans(dict.fromkeys("\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def _window(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most about SNIPPET_CHARS of `text` around its first span, cut at spaces."""
    text = text.translate(_FLAT)
    if len(text) <= SNIPPET_CHARS or not spans:
        cut = text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0]
        shown = tuple(s for s in spans if s[1] <= len(cut))
        return (cut if cut == text else cut + " …"), shown
    first_start, first_end = spans[0]
    start = max(0, first_start - LEAD_CHARS)
    if start > 0:
        space = text.find(" ", start, first_start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space > 0 else end
    end = max(end, first_end)
    head = "… " if start > 0 else ""
    tail = " …" if end < len(text) else ""
    shift = len(head) - start
    shown = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    return head + text[start:end] + tail, shown


class _PaneText:
    """One pane's parts with their folded text, joined, and where each part starts in it."""

    __slots__ = ("folded", "pane", "parts", "pieces", "starts")

    def __init__(self, b: Briefing, pane: Pane) -> None:
        self.pane = pane
        self.parts = pane_parts(b, pane)
        self.pieces = [fold(p.text) if p.prose else fold_short(p.text) for p in self.parts]
        self.folded = "\n".join(self.pieces)
        self.starts = list(accumulate((len(x) + 1 for x in self.pieces[:-1]), initial=0))

    def count(self, phrases: Iterable[Phrase]) -> int:
        return sum(1 for p in phrases if pattern(p).search(self.folded))

    def best_part(self, phrases: tuple[Phrase, ...]) -> Part | None:
        """The first part holding the most of `phrases` (None if none holds any).

        Each phrase is searched once over the whole pane, and its matches are assigned to
        parts by position: far fewer regex calls than trying every phrase on every part.
        """
        if len(phrases) == 1:
            m = pattern(phrases[0]).search(self.folded)
            return self.parts[bisect_right(self.starts, m.start()) - 1] if m else None
        found: dict[int, set[int]] = {}
        for n, phrase in enumerate(phrases):
            for m in pattern(phrase).finditer(self.folded):
                found.setdefault(bisect_right(self.starts, m.start()) - 1, set()).add(n)
        if not found:
            return None
        best = min(found, key=lambda i: (-len(found[i]), i))
        return self.parts[best]


_VIEWS: OrderedDict[tuple[int, Pane], tuple[Briefing, _PaneText]] = OrderedDict()
_VIEWS_MAX = 1024
_VIEWS_LOCK = threading.Lock()


def _pane_view(b: Briefing, pane: Pane) -> _PaneText:
    """A pane's folded text, remembered for the last briefings shown: as a query is typed,
    each keystroke mostly shows the same briefings again."""
    key = (id(b), pane)
    with _VIEWS_LOCK:
        cached = _VIEWS.get(key)
        if cached is not None and cached[0] is b:
            _VIEWS.move_to_end(key)
            return cached[1]
    view = _PaneText(b, pane)
    with _VIEWS_LOCK:
        _VIEWS[key] = (b, view)
        if len(_VIEWS) > _VIEWS_MAX:
            _VIEWS.popitem(last=False)
    return view


def _choose(b: Briefing, phrases: tuple[Phrase, ...], names: str | None) -> _PaneText | None:
    if names is None:
        names = participant_names(b, fold_short)
    name_hit = any(
        pattern(p).search(names) for p in phrases if p.scope in (Scope.ANY, Scope.PARTICIPANT)
    )
    order = (
        (Pane.PARTICIPANTS, *(p for p in PANES if p is not Pane.PARTICIPANTS))
        if name_hit
        else PANES
    )
    best: _PaneText | None = None
    best_count = 0
    for pane in order:
        usable = [p for p in phrases if pane in SCOPE_PANES[p.scope]]
        if len(usable) <= best_count:
            continue
        view = _pane_view(b, pane)
        count = view.count(usable)
        if count > best_count:
            best, best_count = view, count
            if count == len(phrases):
                break
    return best


_TITLE_SCOPES = (Scope.ANY, Scope.TITLE)


def _title_hit(b: Briefing, phrases: tuple[Phrase, ...], names: str) -> Snippet | None:
    """The title, when it holds the whole query and no participant's name does.

    That is the common case for the best hits (a title weighs most), and it is exactly what
    the general rule below decides (Overview holds every phrase, its first part is the
    title), found without building the Overview's text.
    """
    if not all(p.scope in _TITLE_SCOPES for p in phrases):
        return None
    folded = fold(b.title)
    if not all(pattern(p).search(folded) for p in phrases):
        return None
    if any(pattern(p).search(names) for p in phrases):
        return None  # a name matched too: Participants may win the tie
    text, shown = _window(b.title, match_spans(b.title, phrases))
    return Snippet(Pane.OVERVIEW, text, shown, "title", None)


def make_snippet(b: Briefing, query: Query, names: str | None = None) -> Snippet:
    """The pane a hit should open on (where most phrases occur) and the best few words from it.

    `names` is `participant_names(b, fold)` when the caller has it at hand (the index keeps
    it), to save recomputing it for every hit.
    """
    phrases = query.positive_phrases
    if not phrases:
        return _fallback(b)
    if names is None:
        names = participant_names(b, fold_short)
    title = _title_hit(b, phrases, names)
    if title is not None:
        return title
    view = _choose(b, phrases, names)
    if view is None:
        return _fallback(b)
    pane = view.pane
    usable = tuple(p for p in phrases if pane in SCOPE_PANES[p.scope])
    part = view.best_part(usable)
    if part is None:  # matched only across two parts: quote the pane's first part
        first = next(part_fields(pane, view.parts[0]), None) if view.parts else None
        if first is None:
            return _fallback(b)
        text, _ = _window(first.text, [])
        return Snippet(pane, text, (), first.key, first.item)
    text = part.text
    if part.prose:
        best_count = -1
        for block in plain_blocks(part.text):
            folded = fold(block)
            count = sum(1 for p in usable if pattern(p).search(folded))
            if count > best_count:
                text, best_count = block, count
                if count == len(usable):
                    break
    spans = match_spans(text, usable)
    shown_text, shown = _window(text, spans)
    return Snippet(pane, shown_text, shown, part.key, part.item)


def _fallback(b: Briefing) -> Snippet:
    """A hit found by filters that show no words (dates, exclusions): quote the summary."""
    for fld in iter_pane_fields(b, Pane.OVERVIEW):
        if fld.key in ("summary", "overview"):
            text, _ = _window(fld.text, [])
            return Snippet(Pane.OVERVIEW, text, (), fld.key, fld.item)
    return Snippet(Pane.OVERVIEW, "", (), "", None)
