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
from collections.abc import Callable, Iterable
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
    `field` and `item` say where the snippet was taken from (see `search.fields.Field`), so
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
        # Rows of a restored index still waiting for their briefing (see attach), by path.
        self._waiting: dict[str, int] = {}
        self._waiting_paths: dict[int, str] = {}
        self._resolve: Callable[[str], Briefing | None] | None = None
        self._next = 1
        self.last_error: str | None = None

    def __len__(self) -> int:
        with self._lock:
            return len(self._docs)

    def add(
        self,
        briefings: Iterable[Briefing],
        rows: Iterable[tuple[str, ...] | None] | None = None,
        *,
        hold: bool = False,
        pause: Callable[[], None] | None = None,
    ) -> int:
        """Index briefings (a briefing with a path already indexed replaces it); returns count.

        Call it with each batch as the loader delivers it; the text is prepared before the
        lock is taken, so searches keep running while a batch is folded.  `rows`, when
        given, holds each briefing's `row_values` already made (by the loader's worker
        processes), or None where it still has to be made here.  With `hold` (more batches
        are coming), the engine may gather rows into larger transactions, cheaper to index;
        they are searchable at once all the same, and `settle()` ends the gathering.
        `pause` is called every few thousand items while a row is made (`pacing.paced`).
        """
        docs = list(briefings)
        given = list(rows) if rows is not None else [None] * len(docs)
        prepared = [
            (b, _bounds(b), row if row is not None else row_values(b, pause))
            for b, row in zip(docs, given, strict=True)
        ]
        if not prepared:
            return 0
        with self._lock:
            records = []
            for b, (first, last), values in prepared:
                self._remove_locked(b.path)
                stale = self._waiting.pop(b.path, None)  # a restored row is superseded
                if stale is not None:
                    del self._waiting_paths[stale]
                rowid = self._next
                self._next += 1
                self._docs[rowid] = b
                self._names[rowid] = values[NAMES]
                self._by_path[b.path] = rowid
                records.append((rowid, first, last, values))
            self._engine.insert(records, hold)
        return len(prepared)

    def settle(self) -> None:
        """No more batches for now: write what `add(hold=True)` gathered into the index."""
        with self._lock:
            self._engine.commit()

    # -- a saved index (the optional cache) ---------------------------------------------------

    def snapshot(self, key: str) -> bytes | None:
        """The index as an image for `restore`; None without FTS5."""
        with self._lock:
            if not isinstance(self._engine, Fts5Engine):
                return None
            records = [(rowid, b.path, self._names[rowid]) for rowid, b in self._docs.items()]
            return self._engine.snapshot(records, key)

    def restore(
        self, data: bytes, key: str, resolve: Callable[[str], Briefing | None] | None = None
    ) -> bool:
        """Take over an index saved by `snapshot` under the same key, instead of building one.

        Only an empty index restores.  `attach` gives its rows their briefings as they
        load; a row hit before then gets its briefing from `resolve(path)` (the cache), or
        is left out.  False, with nothing changed, when the image is for another key,
        another version or is no database at all: the index is then built as usual.
        """
        with self._lock:
            if not isinstance(self._engine, Fts5Engine) or self._docs or self._waiting:
                return False
            try:
                engine, records = Fts5Engine.restore(data, key)
            except (ValueError, sqlite3.Error):
                return False
            self._engine.close()
            self._engine = engine
            self._resolve = resolve
            for rowid, path, names in records:
                self._waiting[path] = rowid
                self._waiting_paths[rowid] = path
                self._names[rowid] = names
            self._next = max((rowid for rowid, _, _ in records), default=0) + 1
            return True

    def attach(self, briefings: Iterable[Briefing]) -> list[Briefing]:
        """Give restored rows their briefings; returns the briefings the restored index lacks."""
        missing: list[Briefing] = []
        with self._lock:
            for b in briefings:
                rowid = self._waiting.get(b.path)
                if rowid is not None:
                    self._attach_locked(b, rowid)
                elif self._docs.get(self._by_path.get(b.path, 0)) is not b:
                    missing.append(b)  # (one the resolver attached already is not missing)
        return missing

    def _attach_locked(self, b: Briefing, rowid: int) -> None:
        del self._waiting[b.path]
        del self._waiting_paths[rowid]
        self._docs[rowid] = b
        self._by_path[b.path] = rowid

    def _resolve_waiting_locked(self, rowids: set[int]) -> None:
        """Attach the waiting rows among `rowids` now, from the resolver."""
        if self._resolve is None:
            return
        for rowid in rowids:
            path = self._waiting_paths.get(rowid)
            if path is None:
                continue
            b = self._resolve(path)
            if b is not None and b.path == path:
                self._attach_locked(b, rowid)

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
            self._waiting.clear()
            self._waiting_paths.clear()

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
            if self._waiting and any(rowid not in self._docs for rowid, _ in matches):
                self._resolve_waiting_locked({rowid for rowid, _ in matches})
            # A restored row whose briefing could not be found is left out.
            found = [
                (self._docs[rowid], score, self._names[rowid])
                for rowid, score in matches
                if rowid in self._docs
            ]
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
