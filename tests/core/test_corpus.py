"""The corpus of real-shaped documents (tests/corpus/): each gives the counts recorded for it,
and the corpus as a whole meets the targets of issue 11.

The documents are written in our own words in the shapes of public documents (see
tests/corpus/SOURCES.md): minutes, programmes, press releases, court and operation pages,
event reports and newsletters in eleven languages.  A change to the readers that moves a
count shows up here with the document's name; update expected.json only when the new
count is the better reading.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_tui.readers.build import title_from_path
from briefing_tui.readers.documents import read_document

CORPUS = Path(__file__).parents[1] / "corpus"
EXPECTED: dict[str, dict[str, object]] = json.loads((CORPUS / "expected.json").read_text("utf-8"))


def _read(name: str):
    path = CORPUS / name
    result = read_document(str(path), path.read_bytes())
    assert result.briefing is not None, result.problems
    return result.briefing


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_document_gives_its_recorded_counts(name: str) -> None:
    want = EXPECTED[name]
    b = _read(name)
    got = {
        "titled": b.title != title_from_path(b.path),
        "date": b.date.isoformat() if b.date else None,
        "participants": len(b.participants),
        "topics": len(b.topics),
        "outcomes": len(b.outcomes),
    }
    assert got == {k: want[k] for k in got}


def test_every_document_is_listed_with_its_source() -> None:
    files = {p.name for p in CORPUS.iterdir()} - {"SOURCES.md", "expected.json"}
    assert files == set(EXPECTED)
    sources = (CORPUS / "SOURCES.md").read_text("utf-8")
    missing = [name for name in files if f"`{name}`" not in sources]
    assert missing == []


def test_the_corpus_meets_the_targets() -> None:
    docs = {name: _read(name) for name in EXPECTED}
    n = len(docs)
    assert n >= 40
    assert len({v["language"] for v in EXPECTED.values()}) >= 5
    titled = sum(b.title != title_from_path(b.path) for b in docs.values())
    assert titled / n >= 0.95
    filled = sum(
        sum(bool(x) for x in (b.participants, b.topics, b.outcomes)) >= 2 for b in docs.values()
    )
    assert filled / n >= 0.70
    for name, b in docs.items():
        if EXPECTED[name]["kind"] == "minutes" and EXPECTED[name]["action_items"]:
            assert b.outcomes, name
        if EXPECTED[name]["kind"] == "programme":
            assert b.topics and b.participants, name
