"""The SQLite FTS5 engine: an in-memory full-text index, one row per briefing.

The table is contentless (`content=''`): SQLite keeps the index but not a second copy of
every text, which saves memory and time; removing a row therefore needs its text again,
which the caller recomputes from the briefing.  Dates live in an ordinary table beside it.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from briefing_tui.search.query import Clause, DateRange, Phrase, Query, Scope
from briefing_tui.search.rows import COLUMNS, WEIGHTS

# --- Compiling a query to SQL --------------------------------------------------------------------


def _group(clause: Clause) -> str:
    parts = [a.fts() for a in clause.atoms if isinstance(a, Phrase)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def fts_match(query: Query) -> tuple[str, str]:
    """(positive, negative) FTS5 MATCH expressions; either may be "" when there is none.

    FTS5's NOT needs something on its left, so a query of exclusions only is answered by the
    caller as "every briefing except those matching `negative`".
    """
    text = query.text_clauses
    positive = " AND ".join(_group(c) for c in text if not c.negated)
    negative = " OR ".join(_group(c) for c in text if c.negated)
    return positive, negative


def sql_dates(query: Query, start_col: str, end_col: str) -> tuple[str, list[int]]:
    """A WHERE fragment (and its parameters) for the date clauses, or ("", [])."""
    parts: list[str] = []
    params: list[int] = []
    for clause in query.date_clauses:
        ors: list[str] = []
        for atom in clause.atoms:
            assert isinstance(atom, DateRange)
            ors.append(f"({start_col} IS NOT NULL AND {start_col} <= ? AND {end_col} >= ?)")
            params += [atom.end.toordinal(), atom.start.toordinal()]
        expr = "(" + " OR ".join(ors) + ")"
        parts.append(f"NOT {expr}" if clause.negated else expr)
    return " AND ".join(parts), params


_TOKENIZE = "unicode61 remove_diacritics 0"  # text arrives folded: see search.folding.fold
# A prefix index for 3-letter prefixes keeps the first keystrokes of a word fast (shorter
# words being typed match whole words: see query.MIN_PREFIX); longer prefixes are
# selective enough without one, and each prefix index costs about a third more build time.
_PREFIX = "3"
# Phrases that can score: bare words (all columns) and title: (a weighted column).
WEIGHTED_SCOPES = (Scope.ANY, Scope.TITLE)
# While a library loads, rows gather in one transaction until there are this many: FTS5
# writes its pending terms out as a new segment at each commit (and at each savepoint, so
# there are none), and merges segments as they pile up.  Indexing 10,000 generated
# briefings took 2.4-2.7 s of CPU committed 200 at a time, 1.9-2.1 s 1,000 at a time, and
# 1.6-1.7 s with merges waiting for 16 segments of a size rather than 4 (queries took as
# long: 8-9 ms for `evi*`).  Queries on the same connection see rows not yet committed.
TRANSACTION_ROWS = 1000
_AUTOMERGE = 16


@cache
def fts5_available() -> bool:
    """Whether this Python's SQLite was built with FTS5."""
    try:
        con = sqlite3.connect(":memory:")
        try:
            con.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return True


# A saved index (see snapshot) carries each row's path and folded names, and its key.
_SAVED_TABLES = (
    "CREATE TABLE saved(id INTEGER PRIMARY KEY, path TEXT, names TEXT);"
    "CREATE TABLE saved_key(key TEXT);"
)
_DROP_SAVED = "DROP TABLE saved; DROP TABLE saved_key;"
# Everything in a database's schema: a saved index must match this version's exactly.
_SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"


class Fts5Engine:
    """Rows in, ranked row ids out.  Not thread-safe by itself: SearchIndex holds the lock."""

    def __init__(self) -> None:
        # Built in a worker thread, queried from the UI thread; SearchIndex serialises use.
        self._con = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        cols = ", ".join(COLUMNS)
        self._con.execute(
            f"CREATE VIRTUAL TABLE docs USING fts5({cols}, content='', "
            f"tokenize='{_TOKENIZE}', prefix='{_PREFIX}')"
        )
        self._con.execute(f"INSERT INTO docs(docs, rank) VALUES ('automerge', {_AUTOMERGE})")
        self._con.execute("CREATE TABLE meta(id INTEGER PRIMARY KEY, first INTEGER, last INTEGER)")
        # What the open transaction holds, to insert again should a later batch fail.
        self._open: list[tuple[int, int | None, int | None, tuple[str, ...]]] = []
        self._weights = ", ".join(repr(w) for w in WEIGHTS)
        marks = ", ".join("?" for _ in COLUMNS)
        self._insert = f"INSERT INTO docs(rowid, {cols}) VALUES (?, {marks})"
        self._delete = f"INSERT INTO docs(docs, rowid, {cols}) VALUES ('delete', ?, {marks})"

    def insert(
        self, rows: list[tuple[int, int | None, int | None, tuple[str, ...]]], hold: bool = False
    ) -> None:
        """Index `rows`; with `hold`, they may wait in the open transaction for more (see
        TRANSACTION_ROWS) until `commit`.  A batch that fails is left out alone: the rows
        held before it are inserted again, and the error raised."""
        con = self._con
        if not con.in_transaction:
            con.execute("BEGIN")
        try:
            self._write(rows)
        except BaseException:
            con.execute("ROLLBACK")
            held, self._open = self._open, []
            if held:
                con.execute("BEGIN")
                self._write(held)
                con.execute("COMMIT")
            raise
        self._open += rows
        if not hold or len(self._open) >= TRANSACTION_ROWS:
            self.commit()

    def _write(self, rows: list[tuple[int, int | None, int | None, tuple[str, ...]]]) -> None:
        con = self._con
        con.executemany(self._insert, [(rowid, *values) for rowid, _, _, values in rows])
        con.executemany(
            "INSERT INTO meta(id, first, last) VALUES (?, ?, ?)",
            [(rowid, first, last) for rowid, first, last, _ in rows],
        )

    def commit(self) -> None:
        """End the open transaction, if any: what it holds is written into the index."""
        if self._con.in_transaction:
            self._con.execute("COMMIT")
        self._open = []

    # -- saving and restoring (the optional cache) -------------------------------------------

    def snapshot(self, records: list[tuple[int, str, str]], key: str) -> bytes:
        """The whole index as a database image, with each row's (id, path, names) and the
        `key` of the library state it belongs to.

        An image in memory rather than a backup into a file by name: the file is then
        written through the one descriptor that created it (`private_files`), so nobody
        can swap a link in between.  The extra tables live only for the moment of the
        copy, so the index in use stays as it was.
        """
        self.commit()
        con = self._con
        con.executescript(_SAVED_TABLES)
        try:
            con.execute("BEGIN")
            try:
                con.executemany("INSERT INTO saved VALUES (?, ?, ?)", records)
                con.execute("INSERT INTO saved_key VALUES (?)", (key,))
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
            return con.serialize()
        finally:
            con.executescript(_DROP_SAVED)

    @classmethod
    def restore(cls, data: bytes, key: str) -> tuple[Fts5Engine, list[tuple[int, str, str]]]:
        """An engine holding a saved image, and the image's (id, path, names) rows.

        The image must hold exactly the tables this version makes, nothing more (no
        triggers or views), and be for `key`.  Raises ValueError when it is not, and
        sqlite3.Error when it is no database: the caller then builds the index anew.
        """
        engine = cls()
        con = engine._con
        try:
            con.executescript(_SAVED_TABLES)
            expected = con.execute(_SCHEMA).fetchall()
            con.deserialize(data)
            if con.execute(_SCHEMA).fetchall() != expected:
                raise ValueError("saved index has another layout")
            if con.execute("SELECT key FROM saved_key").fetchall() != [(key,)]:
                raise ValueError("saved index is for another state of the library")
            records = con.execute(
                "SELECT id, CAST(path AS TEXT), CAST(names AS TEXT) FROM saved"
            ).fetchall()
            con.executescript(_DROP_SAVED)
        except BaseException:
            con.close()
            raise
        return engine, records

    def delete(self, rowid: int, values: tuple[str, ...]) -> None:
        self._con.execute(self._delete, (rowid, *values))
        self._con.execute("DELETE FROM meta WHERE id = ?", (rowid,))

    def clear(self) -> None:
        self.commit()
        self._con.execute("INSERT INTO docs(docs) VALUES ('delete-all')")
        self._con.execute("DELETE FROM meta")

    def match(self, query: Query, limit: int) -> list[tuple[int, float]]:
        """(row id, score) best first; score is -bm25, so higher is better."""
        positive, negative = fts_match(query)
        dates, date_params = sql_dates(query, "meta.first", "meta.last")
        params: list[object] = []
        if positive:
            expr = positive if not negative else f"({positive}) NOT ({negative})"
            params = [expr, *date_params, limit]
            ranked = any(p.scope in WEIGHTED_SCOPES for p in query.positive_phrases)
            if dates or not ranked:
                # Filters alone weigh nothing: newest first.  (The join costs a tenth more,
                # so ranked queries without dates leave it out.)
                where = "docs MATCH ?" + (f" AND {dates}" if dates else "")
                sql = (
                    f"SELECT docs.rowid, bm25(docs, {self._weights}) AS s FROM docs "
                    f"JOIN meta ON meta.id = docs.rowid WHERE {where} "
                    "ORDER BY s, meta.first DESC NULLS LAST, docs.rowid LIMIT ?"
                )
            else:
                sql = (
                    f"SELECT rowid, bm25(docs, {self._weights}) AS s FROM docs "
                    "WHERE docs MATCH ? ORDER BY s, rowid LIMIT ?"
                )
        else:
            conditions = [dates] if dates else []
            params = list(date_params)
            if negative:
                conditions.append("meta.id NOT IN (SELECT rowid FROM docs WHERE docs MATCH ?)")
                params.append(negative)
            if not conditions:
                return []
            params.append(limit)
            sql = (
                f"SELECT meta.id, 0.0 FROM meta WHERE {' AND '.join(conditions)} "
                "ORDER BY meta.first DESC NULLS LAST, meta.id LIMIT ?"
            )
        rows = self._con.execute(sql, params).fetchall()
        return [(int(rowid), 0.0 - float(score)) for rowid, score in rows]  # never -0.0

    def close(self) -> None:
        self.commit()
        self._con.close()
