"""Saving the search index into the optional cache and restoring it on the next start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing_tui.cache import LoadCache
from briefing_tui.library import LoadJob
from briefing_tui.model import Briefing, Participant
from briefing_tui.search import SearchIndex
from briefing_tui.search.fts import fts5_available

pytestmark = pytest.mark.skipif(not fts5_available(), reason="needs SQLite FTS5")


def _briefings() -> list[Briefing]:
    return [
        Briefing(
            "a.yaml",
            "Joint conference",
            summary="Electronic evidence across borders",
            participants=(Participant("Alexander Seger", organisation="Council of Europe"),),
        ),
        Briefing("b.yaml", "Workshop", summary="Mutual legal assistance requests"),
    ]


def _saved(key: str = "k") -> bytes:
    index = SearchIndex()
    index.add(_briefings())
    image = index.snapshot(key)
    assert image is not None
    return image


def test_a_restored_index_finds_what_the_saved_one_did() -> None:
    fresh = _briefings()
    index = SearchIndex()
    assert index.restore(_saved(), "k")
    assert index.attach(fresh) == []
    hits = index.search("seger")
    assert [h.title for h in hits] == ["Joint conference"]
    assert hits[0].briefing is fresh[0], "hits carry the briefing the reader loaded"
    assert [h.title for h in index.search("participant:seger")] == ["Joint conference"]
    assert [h.title for h in index.search("mutual")] == ["Workshop"]


def test_a_restored_index_keeps_working_for_changes() -> None:
    index = SearchIndex()
    assert index.restore(_saved(), "k")
    index.attach(_briefings())
    index.add([Briefing("b.yaml", "Workshop", summary="Something else entirely")])
    assert index.search("mutual") == []
    assert [h.title for h in index.search("entirely")] == ["Workshop"]
    index.remove(["a.yaml"])
    assert index.search("seger") == []


def test_rows_not_yet_attached_are_found_through_the_resolver() -> None:
    known = {b.path: b for b in _briefings()}
    asked: list[str] = []

    def resolve(path: str) -> Briefing | None:
        asked.append(path)
        return known.get(path)

    index = SearchIndex()
    assert index.restore(_saved(), "k", resolve)
    assert [h.title for h in index.search("evidence")] == ["Joint conference"]
    assert asked == ["a.yaml"]
    # Attaching the same briefing later leaves nothing missing and asks nothing more.
    assert index.attach(known.values()) == []
    assert [h.title for h in index.search("evidence")] == ["Joint conference"]
    assert asked == ["a.yaml"]


def test_without_a_resolver_unattached_rows_are_left_out() -> None:
    index = SearchIndex()
    assert index.restore(_saved(), "k")
    assert index.search("evidence") == []
    index.attach(_briefings()[:1])
    assert [h.title for h in index.search("evidence")] == ["Joint conference"]


def test_another_key_or_a_damaged_image_is_refused_and_changes_nothing() -> None:
    index = SearchIndex()
    assert not index.restore(_saved("k"), "other")
    assert not index.restore(b"not a database" * 50, "k")
    assert not index.restore(b"SQLite format 3\x00" + b"\x00" * 200, "k")
    index.add(_briefings())
    assert [h.title for h in index.search("mutual")] == ["Workshop"]
    # A non-empty index never takes over a saved one.
    assert not index.restore(_saved(), "k")


def test_an_image_with_anything_extra_in_its_schema_is_refused() -> None:
    con = sqlite3.connect(":memory:")
    con.deserialize(_saved())
    con.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END")
    assert not SearchIndex().restore(con.serialize(), "k")


def test_the_store_key_changes_with_any_file(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.yaml").write_text("title: A\n")
    cache = LoadCache.open(tmp_path / "cache", [root])
    first = LoadJob([root], cache=cache).index_store
    same = LoadJob([root], cache=cache).index_store
    assert first is not None and same is not None
    assert first.key == same.key
    (root / "b.yaml").write_text("title: B\n")
    added = LoadJob([root], cache=cache).index_store
    assert added is not None and added.key != first.key
    assert added.file.parent == tmp_path / "cache"
    assert LoadJob([root]).index_store is None, "no cache, nothing saved"
