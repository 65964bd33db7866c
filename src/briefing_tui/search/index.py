"""The library search index: feed it briefings as they load, ask it what matches.

`SearchIndex` uses SQLite FTS5 in memory (nothing is ever written to disk) and falls back
to a scan, with the same hits, when this Python's SQLite has no FTS5; `ScanIndex` forces
the scan.  It is meant to be filled from a worker thread while the library loads and
searched from the UI thread, so every use of the engine happens under one lock.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from briefing_tui.model import Briefing, Pane
from briefing_tui.search.fts import Fts5Engine, fts5_available
from briefing_tui.search.query import Query, parse_query
from briefing_tui.search.rows import NAMES, row_values
from briefing_tui.search.scan import ScanEngine
from briefing_tui.search.snippet import make_snippet

FALLBACK_NOTICE = (
    "This Python's SQLite has no FTS5: library search scans every briefing instead "
    "(same results, slower on large libraries)."
)


@dataclass(frozen=True, slots=True)
class Hit:
    """One briefing that matches, with what to show for it and where to open it.

    `highlights` are (start, end) character spans of `snippet`.  `score` is higher for
    better hits (FTS5: -bm25; scan: a weighted count); it only orders one result list.
    `field` and `item` say where the snippet was taken from (see `search.text.Field`), so
    the reader can bring that participant, topic or outcome into view.
    """

    path: str
    title: str
    date: date | None
    pane: Pane
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    field: str = ""
    item: int | None = None
    briefing: Briefing | None = dataclasses.field(default=None, compare=False, repr=False)


def _bounds(b: Briefing) -> tuple[int | None, int | None]:
    if b.date is None:
        return None, None
    first = b.date.toordinal()
    last = b.end_date.toordinal() if b.end_date is not None else first
    return first, max(first, last)


class SearchIndex:
    """Full-text index over briefings; FTS5 when available, else a scan (see `notice`)."""

    def __init__(self, *, force_scan: bool = False) -> None:
        self.fts5_available = fts5_available() and not force_scan
        # Said once by whoever shows the index (the reader's status line, `briefing search`).
        self.notice: str | None = None
        self._engine: Fts5Engine | ScanEngine
        if self.fts5_available:
            self._engine = Fts5Engine()
        else:
            self._engine = ScanEngine()
            if not force_scan:
                self.notice = FALLBACK_NOTICE
        self._lock = threading.Lock()
        self._docs: dict[int, Briefing] = {}
        self._names: dict[int, str] = {}  # folded people's names, to place hits quickly
        self._by_path: dict[str, int] = {}
        self._next = 1
        self.last_error: str | None = None

    def __len__(self) -> int:
        with self._lock:
            return len(self._docs)

    def add(
        self,
        briefings: Iterable[Briefing],
        rows: Iterable[tuple[str, ...] | None] | None = None,
    ) -> int:
        """Index briefings (a briefing with a path already indexed replaces it); returns count.

        Call it with each batch as the loader delivers it; the text is prepared before the
        lock is taken, so searches keep running while a batch is folded.  `rows`, when
        given, holds each briefing's `row_values` already made (by the loader's worker
        processes), or None where it still has to be made here.
        """
        docs = list(briefings)
        given = list(rows) if rows is not None else [None] * len(docs)
        prepared = [
            (b, _bounds(b), row if row is not None else row_values(b))
            for b, row in zip(docs, given, strict=True)
        ]
        if not prepared:
            return 0
        with self._lock:
            records = []
            for b, (first, last), values in prepared:
                self._remove_locked(b.path)
                rowid = self._next
                self._next += 1
                self._docs[rowid] = b
                self._names[rowid] = values[NAMES]
                self._by_path[b.path] = rowid
                records.append((rowid, first, last, values))
            self._engine.insert(records)
        return len(prepared)

    def remove(self, paths: Iterable[str]) -> None:
        with self._lock:
            for path in paths:
                self._remove_locked(path)

    def _remove_locked(self, path: str) -> None:
        rowid = self._by_path.pop(path, None)
        if rowid is None:
            return
        old = self._docs.pop(rowid)
        self._names.pop(rowid, None)
        self._engine.delete(rowid, row_values(old))

    def clear(self) -> None:
        with self._lock:
            self._engine.clear()
            self._docs.clear()
            self._names.clear()
            self._by_path.clear()

    def search(self, query: str | Query, limit: int = 50) -> list[Hit]:
        """The best `limit` hits for what was typed; never raises for any query text."""
        q = parse_query(query) if isinstance(query, str) else query
        if q.is_empty or limit <= 0:
            return []
        with self._lock:
            try:
                matches = self._engine.match(q, limit)
            except sqlite3.Error as exc:  # queries are built from quoted tokens: a bug
                self.last_error = f"{type(exc).__name__}: {exc}"
                return []
            found = [(self._docs[rowid], score, self._names[rowid]) for rowid, score in matches]
        return [self._hit(b, score, q, names) for b, score, names in found]

    @staticmethod
    def _hit(b: Briefing, score: float, q: Query, names: str) -> Hit:
        s = make_snippet(b, q, names)
        return Hit(b.path, b.title, b.date, s.pane, s.text, s.highlights, score, s.field, s.item, b)

    def close(self) -> None:
        with self._lock:
            self._engine.close()


class ScanIndex(SearchIndex):
    """The fallback scan, on purpose: same hits as FTS5, for tests and odd SQLite builds."""

    def __init__(self) -> None:
        super().__init__(force_scan=True)
