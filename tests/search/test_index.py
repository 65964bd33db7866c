"""The library index: what matches, where it says it matched, what it highlights, and order."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model import Briefing, Pane, Participant
from briefing_tui.search import Hit, ScanIndex, SearchIndex, fold
from briefing_tui.search.fts import fts5_available

from .conftest import SEED_NAME, hand_made
from .test_query import HOSTILE

pytestmark = pytest.mark.skipif(not fts5_available(), reason="this SQLite has no FTS5")


def paths(hits: list[Hit]) -> list[str]:
    return [h.path for h in hits]


def highlighted(hit: Hit) -> list[str]:
    return [hit.snippet[s:e] for s, e in hit.highlights]


def test_seger_finds_the_seed_in_participants(samples_index: SearchIndex) -> None:
    hits = samples_index.search("seger")
    assert len(hits) == 1
    (hit,) = hits
    assert hit.path.endswith(SEED_NAME)
    assert hit.pane is Pane.PARTICIPANTS
    assert hit.title == "Joint conference on judicial cooperation in cybercrime matters"
    assert hit.date == date(2018, 3, 7)
    assert highlighted(hit) == ["Seger"]
    assert hit.field == "participant"
    assert hit.briefing is not None
    assert hit.briefing.participants[hit.item or 0].name == "Alexander Seger"  # type: ignore[union-attr]


def test_seger_while_typing(samples_index: SearchIndex) -> None:
    for typed in ("seg", "sege", "seger"):
        assert any(h.path.endswith(SEED_NAME) for h in samples_index.search(typed)), typed


def test_budapest_convention_phrase_is_highlighted(samples_index: SearchIndex) -> None:
    for query in ('"budapest convention"', "budapest convention"):
        hits = samples_index.search(query)
        seed = [h for h in hits if h.path.endswith(SEED_NAME)]
        assert seed, query
        words = " ".join(highlighted(seed[0]))
        assert fold(words) == "budapest convention", (query, seed[0])


def test_phrase_needs_the_words_together(hand_index: SearchIndex) -> None:
    assert paths(hand_index.search('"budapest convention"')) == ["c.md"]
    assert hand_index.search('"convention budapest"') == []


def test_prefix_on_the_word_being_typed(hand_index: SearchIndex) -> None:
    assert sorted(paths(hand_index.search("ransomw"))) == ["b.yaml", "c.md", "d.yaml"]
    assert hand_index.search("ransomw ") == []  # a finished word matches whole words only
    assert hand_index.search("ransomw*") != []  # unless it says otherwise


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("muller", "Müller"),
        ("Müller", "Müller"),
        ("MULLER", "Müller"),
        ("zoe", "Zoë"),
        ("Zoë", "Zoë"),
        ("lukasz", "Łukasz"),
        ("krakow", "Kraków"),
        ("strasse", "Straße"),
        ("Straße", "Straße"),
    ],
)
def test_case_and_diacritics_fold_both_ways(
    hand_index: SearchIndex, query: str, expected: str
) -> None:
    hits = hand_index.search(query + " ")
    assert hits, query
    assert expected in highlighted(hits[0]), hits[0]


def test_highlights_point_at_the_original_text_with_its_accents(hand_index: SearchIndex) -> None:
    (hit,) = hand_index.search("jurgen muller ")
    assert hit.pane is Pane.PARTICIPANTS
    assert highlighted(hit) == ["Jürgen", "Müller"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("title:workshop", ["a.yaml"]),
        ("title:evidence", ["a.yaml"]),
        ("title:ransomware", ["b.yaml", "d.yaml"]),
        ("participant:haugen", ["b.yaml"]),
        ("participant:judge", ["a.yaml"]),  # a role
        ('participant:"supreme court"', ["a.yaml"]),  # an organisation
        ("org:eurojust", ["b.yaml"]),
        ("org:example", ["a.yaml"]),  # an organiser
        ("country:NO", ["c.md", "b.yaml"]),
        ("country:pl", ["a.yaml"]),
        ("tag:ransomware", ["b.yaml"]),
        ('tag:"electronic evidence"', ["a.yaml"]),
        ("marking:amber", ["b.yaml"]),
        ("marking:restricted", ["c.md"]),
        ("tlp:green", ["a.yaml"]),
        ("date:2018", ["a.yaml"]),
        ("date:2018-03-08", ["a.yaml"]),  # the last day of a two-day event
        ("date:2018-03-09", []),
        ("date:2019..2025", ["c.md", "b.yaml"]),
        ("date:2021-11..", ["c.md", "b.yaml"]),
        ("date:..2020", ["a.yaml"]),
        ("date:2018 OR date:2025", ["c.md", "a.yaml"]),
        ("-date:2018", ["c.md", "b.yaml", "d.yaml"]),  # undated briefings are not excluded
        ("ransomware date:2021", ["b.yaml"]),
    ],
)
def test_filters(hand_index: SearchIndex, query: str, expected: list[str]) -> None:
    assert sorted(paths(hand_index.search(query + " "))) == sorted(expected)


def test_filter_does_not_match_outside_its_field(hand_index: SearchIndex) -> None:
    # "Haugen" is a participant of b.yaml, never in a title or a tag.
    assert hand_index.search("title:haugen ") == []
    assert hand_index.search("tag:haugen ") == []
    # "ransomware" is in c.md's outcomes text, not in its tags.
    assert "c.md" not in paths(hand_index.search("tag:ransomware "))


def test_or_and_exclusions(hand_index: SearchIndex) -> None:
    assert sorted(paths(hand_index.search("workshop OR plenary "))) == ["a.yaml", "c.md"]
    assert sorted(paths(hand_index.search("ransomware -exchange "))) == ["c.md", "d.yaml"]
    assert sorted(paths(hand_index.search("ransomware NOT exchange "))) == ["c.md", "d.yaml"]
    assert sorted(paths(hand_index.search("-ransomware "))) == ["a.yaml"]
    assert hand_index.search("ransomware workshop ") == []  # words are ANDed


def test_date_only_and_exclusion_only_hits_quote_the_summary(hand_index: SearchIndex) -> None:
    (hit,) = hand_index.search("date:2021")
    assert hit.pane is Pane.OVERVIEW
    assert hit.snippet.startswith("Investigators from")
    assert hit.highlights == ()


def test_title_matches_rank_first() -> None:
    index = SearchIndex()
    body = Briefing(
        "body.yaml",
        "Meeting",
        date=date(2024, 1, 1),
        summary="Ransomware ransomware ransomware was discussed at length.",
    )
    title = Briefing(
        "title.yaml", "Ransomware meeting", date=date(2010, 1, 1), summary="A meeting."
    )
    name = Briefing(
        "name.yaml", "Meeting", date=date(2012, 1, 1), participants=(Participant("Ann Ransomware"),)
    )
    index.add([body, title, name])
    assert paths(index.search("ransomware")) == ["title.yaml", "name.yaml", "body.yaml"]


def test_participant_name_wins_the_pane_over_the_title() -> None:
    index = SearchIndex()
    index.add(
        [
            Briefing(
                "x.yaml",
                "Talk by Alexander Seger",
                participants=(Participant("Alexander Seger", "Head"),),
            )
        ]
    )
    (hit,) = index.search("seger")
    assert hit.pane is Pane.PARTICIPANTS


def test_pane_is_where_most_of_the_query_matched(hand_index: SearchIndex) -> None:
    (hit,) = hand_index.search("preservation zoe ")
    assert hit.pane is Pane.TOPICS  # both words in the Topics pane; only one elsewhere
    (hit,) = hand_index.search("templates ")
    assert hit.pane is Pane.OUTCOMES


def test_re_adding_a_path_replaces_it_and_remove_and_clear_work() -> None:
    index = SearchIndex()
    first = hand_made()
    index.add(first)
    assert len(index) == 4
    changed = replace(first[1], title="Renamed meeting about phishing")
    index.add([changed])
    assert len(index) == 4
    assert paths(index.search("phishing")) == ["b.yaml"]
    assert "b.yaml" not in paths(index.search("title:coordination"))
    index.remove(["b.yaml"])
    assert index.search("phishing") == []
    assert len(index) == 3
    index.clear()
    assert len(index) == 0
    assert index.search("ransomware") == []


def test_limit(generated: list[Briefing]) -> None:
    index = SearchIndex()
    index.add(generated)
    assert len(index.search("the", limit=5)) == 5
    assert index.search("the", limit=0) == []


def test_incremental_batches_from_a_worker_thread_while_searching(
    generated: list[Briefing],
) -> None:
    index = SearchIndex()
    errors: list[BaseException] = []

    def load() -> None:
        try:
            for i in range(0, len(generated), 10):
                index.add(generated[i : i + 10])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=load)
    worker.start()
    seen = 0
    while worker.is_alive():
        seen = max(seen, len(index.search("prosecutor", limit=500)))
    worker.join()
    assert not errors
    assert len(index) == len(generated)
    assert len(index.search("prosecutor", limit=500)) >= seen


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise_or_reach_sqlite_as_syntax(
    samples_index: SearchIndex, query: str
) -> None:
    hits = samples_index.search(query)
    assert isinstance(hits, list)
    assert samples_index.last_error is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_query_string_never_raises(samples_index: SearchIndex, text: str) -> None:
    hits = samples_index.search(text)
    assert samples_index.last_error is None
    for hit in hits:
        for start, end in hit.highlights:
            assert 0 <= start < end <= len(hit.snippet)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_query_string_never_raises_in_the_scan(text: str) -> None:
    index = ScanIndex()
    index.add(hand_made())
    assert isinstance(index.search(text), list)


def test_highlights_are_the_query_words(generated: list[Briefing]) -> None:
    index = SearchIndex()
    index.add(generated)
    for query in ("ransomware", "europol", "prosecutor", '"electronic evidence"', "cryp"):
        hits = index.search(query)
        assert hits, query
        for hit in hits:
            assert hit.highlights, (query, hit)
            for start, end in hit.highlights:
                word = fold(hit.snippet[start:end])
                assert word.startswith(fold(query.strip('"')).split()[0][:4]), (query, word)


def test_highlight_spans_light_up_any_text() -> None:
    from briefing_tui.search import highlight_spans

    text = "Zoë Müller spoke on the Budapest Convention (BUDAPEST-convention)."
    spans = highlight_spans(text, '"budapest convention" muller')
    assert [text[s:e] for s, e in spans] == ["Müller", "Budapest Convention", "BUDAPEST-convention"]
    assert highlight_spans(text, "-muller") == []


def test_filter_only_scores_are_plain_zero(hand_index: SearchIndex) -> None:
    assert all(str(h.score) == "0.0" for h in hand_index.search("tag:ransomware"))


def test_title_shortcut_decides_like_the_general_rule(
    generated: list[Briefing], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.search import snippet

    index = SearchIndex()
    index.add([*generated, *hand_made()])
    queries = ["ransomware", "workshop", "meeting europol", "title:seminar", "seger", "müller"]
    fast = {
        q: [(h.path, h.pane, h.snippet, h.highlights, h.field) for h in index.search(q)]
        for q in queries
    }
    monkeypatch.setattr(snippet, "_title_hit", lambda b, phrases, names: None)
    slow = {
        q: [(h.path, h.pane, h.snippet, h.highlights, h.field) for h in index.search(q)]
        for q in queries
    }
    assert fast == slow
    assert any(field == "title" for hits in fast.values() for *_, field in hits)


def test_snippets_are_one_line_with_their_highlights_intact() -> None:
    index = SearchIndex()
    index.add(
        [
            Briefing(
                "n.yaml",
                "Note",
                participants=(Participant("Kari Nordby", notes="Line one\nline two with\tseger"),),
            )
        ]
    )
    (hit,) = index.search("seger")
    assert "\n" not in hit.snippet and "\t" not in hit.snippet
    assert highlighted(hit) == ["seger"]


def test_an_extra_field_is_searched_as_the_overview_words_it() -> None:
    """The Overview shows `interpretation: yes` and `minutes: —`; a search used to hold
    "True" and "(empty)", so searching for what was on screen found nothing."""
    b = Briefing(
        path="x.yaml",
        title="Plenary",
        extra=(("interpretation", True), ("minutes", None)),
    )
    index = SearchIndex()
    index.add([b])
    assert paths(index.search("interpretation yes")) == ["x.yaml"]
    assert index.search("interpretation true") == []
    assert index.search("empty") == []
