"""The scan used when SQLite has no FTS5 finds exactly what FTS5 finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.model import Briefing
from briefing_tui.search import FALLBACK_NOTICE, ScanIndex, SearchIndex
from briefing_tui.search import index as index_module
from briefing_tui.search.fts import fts5_available

from .conftest import hand_made, sample_briefings
from .test_query import HOSTILE

pytestmark = pytest.mark.skipif(not fts5_available(), reason="parity needs FTS5 to compare")

QUERIES = [
    "ransomware",
    "ransomw",
    "europol",
    "prosecutor",
    "müller",
    "zoe",
    "łukasz",
    "seger",
    "cryp",
    "eu",
    "budapest convention",
    '"budapest convention"',
    '"joint investigation team"',
    '"electronic evidence',
    "joint investigation team",
    "tag:ransomware",
    'tag:"electronic evidence"',
    "participant:müller",
    "participant:prosecutor",
    'participant:"public prosecutor"',
    "org:eurojust",
    "org:europol",
    "country:DE",
    "country:NO",
    "marking:red",
    "marking:amber",
    "tlp:clear",
    "title:workshop",
    "title:seminar -phishing",
    "date:2018",
    "date:2015-01..2016-06",
    "date:2020.. europol",
    "-date:2018",
    "ransomware OR phishing",
    "europol -eurojust",
    "fraud NOT investment",
    "-ransomware",
    "-ransomware -phishing",
    "cryptocurrency laundering exchange",
    "xylophone",
    "c-proc",
    "t-cy",
    "2018",
    "2018-03",
    "the",
    *HOSTILE,
]


def _corpus(generated: list[Briefing]) -> list[Briefing]:
    return [*sample_briefings(), *hand_made(), *generated]


@pytest.fixture(scope="module")
def pair(generated: list[Briefing]) -> tuple[SearchIndex, ScanIndex]:
    fts, scan = SearchIndex(), ScanIndex()
    corpus = _corpus(generated)
    fts.add(corpus)
    scan.add(corpus)
    return fts, scan


def _found(index: SearchIndex, query: str) -> set[str]:
    return {h.path for h in index.search(query, limit=100_000)}


@pytest.mark.parametrize("query", QUERIES)
def test_scan_finds_what_fts5_finds(pair: tuple[SearchIndex, ScanIndex], query: str) -> None:
    fts, scan = pair
    assert _found(scan, query) == _found(fts, query)
    assert fts.last_error is None


def test_parity_is_not_vacuous(pair: tuple[SearchIndex, ScanIndex]) -> None:
    fts, _ = pair
    sizes = [len(_found(fts, q)) for q in QUERIES[:40]]
    assert sum(1 for n in sizes if n) >= 30
    assert any(n > 20 for n in sizes)


def test_hits_look_the_same_in_both_engines(pair: tuple[SearchIndex, ScanIndex]) -> None:
    fts, scan = pair
    for query in ("seger", '"budapest convention"', "participant:müller", "tag:ransomware"):
        a = {h.path: (h.pane, h.snippet, h.highlights) for h in fts.search(query, limit=1000)}
        b = {h.path: (h.pane, h.snippet, h.highlights) for h in scan.search(query, limit=1000)}
        assert a == b, query


WORDS = st.sampled_from(
    [
        "ransomware",
        "europol",
        "eurojust",
        "prosecutor",
        "müller",
        "zoe",
        "evidence",
        "electronic",
        "joint",
        "investigation",
        "team",
        "cryp",
        "extrad",
        "fraud",
        "the",
        "convention",
        "budapest",
        "de",
        "no",
        "amber",
        "2019",
        "2021-05",
        "seminar",
    ]
)
SYNTAX = st.sampled_from(["", "-", "tag:", "title:", "participant:", "org:", "country:", '"'])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(SYNTAX, WORDS, st.sampled_from([" ", " OR ", " ", "* "])), max_size=4))
def test_scan_parity_on_composed_queries(
    pair: tuple[SearchIndex, ScanIndex], parts: list[tuple[str, str, str]]
) -> None:
    fts, scan = pair
    query = "".join(f"{syntax}{word}{sep}" for syntax, word, sep in parts).rstrip()
    assert _found(scan, query) == _found(fts, query), query


def test_without_fts5_the_index_scans_and_says_so_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "fts5_available", lambda: False)
    index = SearchIndex()
    assert index.fts5_available is False
    assert index.notice == FALLBACK_NOTICE
    index.add(hand_made())
    assert {h.path for h in index.search("ransomware ")} == {"b.yaml", "c.md", "d.yaml"}


def test_forced_scan_has_no_notice() -> None:
    index = ScanIndex()
    assert index.fts5_available is False
    assert index.notice is None
