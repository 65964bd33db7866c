"""The fallback engine when SQLite lacks FTS5: a scan over token strings, same answers.

Each column is kept as its tokens joined by single spaces and padded with a space at each
end, so a word is the substring " word ", a prefix " wor" and a phrase " two words ".
That is exactly what FTS5 decides for the same folded text, so the set of hits is the
same; only the ranking (a weighted count instead of bm25) differs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing_tui.search.query import SCOPE_COLUMNS, DateRange, Phrase, Query, Scope
from briefing_tui.search.rows import COLUMNS, WEIGHTS

_SCOPE_COLUMNS = {
    scope: tuple(COLUMNS.index(name) for name in names) for scope, names in SCOPE_COLUMNS.items()
}
_ALL = tuple(range(len(COLUMNS)))


def _columns(phrase: Phrase) -> tuple[int, ...]:
    return _ALL if phrase.scope is Scope.ANY else _SCOPE_COLUMNS[phrase.scope]


_NON_TOKEN = re.compile(r"[\W_]+")  # anything but token characters (see search.folding)


def _padded(value: str) -> str:
    """Tokens joined by single spaces, with a space at each end."""
    return " " + _NON_TOKEN.sub(" ", value).strip(" ") + " "


class _Row:
    """All columns in one string (NUL between them, so no phrase spans two) and where each
    column lies in it: one `in` answers a bare word, `find` within bounds a filter."""

    __slots__ = ("bounds", "first", "last", "text")

    def __init__(self, first: int | None, last: int | None, values: tuple[str, ...]) -> None:
        self.first = first
        self.last = last
        cols = [_padded(v) for v in values]
        self.text = "\x00".join(cols)
        bounds = []
        pos = 0
        for col in cols:
            bounds.append((pos, pos + len(col)))
            pos += len(col) + 1
        self.bounds = tuple(bounds)


Check = Callable[[_Row], bool]


def _check(atom: Phrase | DateRange) -> Check:
    if isinstance(atom, DateRange):
        lo, hi = atom.start.toordinal(), atom.end.toordinal()
        return lambda r: (
            r.first is not None and r.last is not None and r.first <= hi and r.last >= lo
        )
    needle = atom.needle()
    if atom.scope is Scope.ANY:
        return lambda r: needle in r.text
    cols = _columns(atom)
    return lambda r: any(r.text.find(needle, *r.bounds[c]) >= 0 for c in cols)


_WEIGHTED = tuple((c, w) for c, w in enumerate(WEIGHTS) if w)


class ScanEngine:
    """Rows in, ranked row ids out, by looking at every row."""

    def __init__(self) -> None:
        self._rows: dict[int, _Row] = {}

    def insert(
        self, rows: list[tuple[int, int | None, int | None, tuple[str, ...]]], hold: bool = False
    ) -> None:
        for rowid, first, last, values in rows:
            self._rows[rowid] = _Row(first, last, values)

    def commit(self) -> None:
        """Nothing waits: the scan keeps rows in memory as they come."""

    def delete(self, rowid: int, values: tuple[str, ...]) -> None:
        self._rows.pop(rowid, None)

    def clear(self) -> None:
        self._rows.clear()

    def match(self, query: Query, limit: int) -> list[tuple[int, float]]:
        if not query.clauses:
            return []
        checks = [(tuple(_check(a) for a in c.atoms), c.negated) for c in query.clauses]
        scored = [
            (p.needle(), [(c, w) for c, w in _WEIGHTED if c in _columns(p)])
            for p in query.positive_phrases
        ]
        found: list[tuple[float, int, int]] = []
        for rowid, row in self._rows.items():
            for atoms, negated in checks:
                hit = False
                for check in atoms:
                    if check(row):
                        hit = True
                        break
                if hit == negated:
                    break
            else:
                score = 0.0
                for needle, cols in scored:
                    for c, weight in cols:
                        score += weight * row.text.count(needle, *row.bounds[c])
                found.append((score, row.first if row.first is not None else -1, rowid))
        found.sort(key=lambda t: (-t[0], -t[1], t[2]))
        return [(rowid, score) for score, _, rowid in found[:limit]]

    def close(self) -> None:
        self._rows.clear()
