"""Rows gathered into large transactions while a library loads: searchable at once, kept
whole when a later batch fails, and written into the index by `settle`."""

from __future__ import annotations

import sqlite3

import pytest

from briefing_tui.model import Briefing
from briefing_tui.search import SearchIndex
from briefing_tui.search.fts import TRANSACTION_ROWS, Fts5Engine, fts5_available
from briefing_tui.search.query import parse_query
from briefing_tui.search.rows import COLUMNS

pytestmark = pytest.mark.skipif(not fts5_available(), reason="this SQLite has no FTS5")


def row(title: str) -> tuple[str, ...]:
    return (title,) + ("",) * (len(COLUMNS) - 1)


def test_held_rows_are_searchable_before_they_are_committed() -> None:
    index = SearchIndex()
    index.add([Briefing(path="a.yaml", title="Extradition hearing")], hold=True)
    assert [h.path for h in index.search("extradition")] == ["a.yaml"]
    index.add([Briefing(path="b.yaml", title="Extradition treaty")], hold=True)
    assert sorted(h.path for h in index.search("extrad")) == ["a.yaml", "b.yaml"]
    index.settle()
    assert sorted(h.path for h in index.search("extradition")) == ["a.yaml", "b.yaml"]


def test_a_failing_batch_keeps_the_rows_held_before_it() -> None:
    engine = Fts5Engine()
    engine.insert([(1, None, None, row("ransomware"))], hold=True)
    engine.insert([(2, None, None, row("phishing"))], hold=True)
    with pytest.raises(sqlite3.IntegrityError):  # row 2 again: its meta row clashes
        engine.insert([(3, None, None, row("botnet")), (2, None, None, row("x"))], hold=True)
    assert engine.match(parse_query("ransomware"), 10)[0][0] == 1
    assert engine.match(parse_query("phishing"), 10)[0][0] == 2
    assert engine.match(parse_query("botnet"), 10) == []
    engine.insert([(4, None, None, row("botnet"))])
    assert engine.match(parse_query("botnet"), 10)[0][0] == 4


def test_rows_are_committed_once_a_transaction_holds_enough() -> None:
    engine = Fts5Engine()
    connection = engine._con  # white-box: whether a transaction is still open
    engine.insert([(n, None, None, row(f"word{n}")) for n in range(1, 10)], hold=True)
    assert connection.in_transaction
    more = [(n, None, None, row(f"word{n}")) for n in range(10, TRANSACTION_ROWS + 10)]
    engine.insert(more, hold=True)
    assert not connection.in_transaction
    engine.insert([(TRANSACTION_ROWS + 20, None, None, row("last"))])  # not held: committed
    assert not connection.in_transaction


def test_a_snapshot_holds_the_rows_not_yet_committed() -> None:
    index = SearchIndex()
    index.add([Briefing(path="a.yaml", title="Joint investigation team")], hold=True)
    image = index.snapshot("key")
    assert image is not None
    again = SearchIndex()
    assert again.restore(image, "key", lambda path: Briefing(path=path, title="x"))
    assert [h.path for h in again.search("joint")] == ["a.yaml"]
