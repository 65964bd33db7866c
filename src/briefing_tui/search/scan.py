"""The fallback engine when SQLite lacks FTS5: a scan over token strings, same answers.

Each column is kept as its tokens joined by single spaces and padded with a space at each
end, so a word is the substring " word ", a prefix " wor" and a phrase " two words ".
That is exactly what FTS5 decides for the same folded text, so the set of hits is the
same; only the ranking (a weighted count instead of bm25) differs.
"""

from __future__ import annotations

from briefing_tui.search.query import SCOPE_COLUMNS, Clause, DateRange, Phrase, Query, Scope
from briefing_tui.search.rows import COLUMNS, WEIGHTS
from briefing_tui.search.text import TOKEN_RE

_SCOPE_COLUMNS = {
    scope: tuple(COLUMNS.index(name) for name in names) for scope, names in SCOPE_COLUMNS.items()
}
_ALL = tuple(range(len(COLUMNS)))


def _columns(phrase: Phrase) -> tuple[int, ...]:
    return _ALL if phrase.scope is Scope.ANY else _SCOPE_COLUMNS[phrase.scope]


def _padded(value: str) -> str:
    return " " + " ".join(TOKEN_RE.findall(value)) + " "


class _Row:
    __slots__ = ("cols", "first", "last")

    def __init__(self, first: int | None, last: int | None, cols: tuple[str, ...]) -> None:
        self.first = first
        self.last = last
        self.cols = cols


class ScanEngine:
    """Rows in, ranked row ids out, by looking at every row."""

    def __init__(self) -> None:
        self._rows: dict[int, _Row] = {}

    def insert(self, rows: list[tuple[int, int | None, int | None, tuple[str, ...]]]) -> None:
        for rowid, first, last, values in rows:
            self._rows[rowid] = _Row(first, last, tuple(_padded(v) for v in values))

    def delete(self, rowid: int, values: tuple[str, ...]) -> None:
        self._rows.pop(rowid, None)

    def clear(self) -> None:
        self._rows.clear()

    @staticmethod
    def _atom(atom: Phrase | DateRange, row: _Row) -> bool:
        if isinstance(atom, DateRange):
            if row.first is None or row.last is None:
                return False
            return row.first <= atom.end.toordinal() and row.last >= atom.start.toordinal()
        needle = atom.needle()
        return any(needle in row.cols[c] for c in _columns(atom))

    def _matches(self, clauses: tuple[Clause, ...], row: _Row) -> bool:
        for clause in clauses:
            found = any(self._atom(a, row) for a in clause.atoms)
            if found == clause.negated:
                return False
        return True

    def match(self, query: Query, limit: int) -> list[tuple[int, float]]:
        clauses = query.clauses
        if not clauses:
            return []
        phrases = [(p.needle(), _columns(p)) for p in query.positive_phrases]
        found: list[tuple[float, int, int]] = []
        for rowid, row in self._rows.items():
            if not self._matches(clauses, row):
                continue
            score = 0.0
            for needle, cols in phrases:
                for c in cols:
                    if WEIGHTS[c]:
                        score += WEIGHTS[c] * row.cols[c].count(needle)
            found.append((score, row.first if row.first is not None else -1, rowid))
        found.sort(key=lambda t: (-t[0], -t[1], t[2]))
        return [(rowid, score) for score, _, rowid in found[:limit]]

    def close(self) -> None:
        self._rows.clear()
