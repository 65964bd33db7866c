"""Find in the open briefing (ctrl+f): every occurrence, pane by pane, folded."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model import Pane
from briefing_tui.search import find_in_briefing, find_spans, fold
from briefing_tui.search.find import count_by_pane

from .conftest import SAMPLES, SEED_NAME, hand_made


def seed():  # type: ignore[no-untyped-def]
    from briefing_tui.library import load_file

    result = load_file(SAMPLES / SEED_NAME)
    assert result.briefing is not None
    return result.briefing


def test_finds_every_occurrence_in_pane_order() -> None:
    matches = find_in_briefing(seed(), "budapest convention")
    panes = [m.pane for m in matches]
    assert panes == sorted(
        panes, key=[Pane.OVERVIEW, Pane.PARTICIPANTS, Pane.TOPICS, Pane.OUTCOMES].index
    )
    counts = count_by_pane(matches)
    assert counts[Pane.OVERVIEW] >= 3  # a tag, the summary, the overview
    assert counts[Pane.TOPICS] == 2
    assert counts[Pane.OUTCOMES] == 2
    assert Pane.PARTICIPANTS not in counts
    for m in matches:
        assert fold(m.text[m.start : m.end]) == "budapest convention"
        s, e = m.context_span
        assert fold(m.context[s:e]) == "budapest convention"


def test_match_knows_its_item() -> None:
    (m,) = find_in_briefing(seed(), "seger")
    assert m.pane is Pane.PARTICIPANTS
    assert m.field == "participant"
    assert seed().participants[m.item or 0].name == "Alexander Seger"  # type: ignore[union-attr]
    assert m.text[m.start : m.end] == "Seger"


def test_case_diacritics_and_spacing_are_folded() -> None:
    b = hand_made()[0]
    assert [m.text[m.start : m.end] for m in find_in_briefing(b, "muller")] == ["Müller"]
    assert [m.text[m.start : m.end] for m in find_in_briefing(b, "ZOE")] == ["Zoë", "Zoë"]
    assert [m.text[m.start : m.end] for m in find_in_briefing(b, "Zoë  łukasz")] == [
        "Zoë Łukasz",
        "Zoë Łukasz",
    ]


def test_substring_not_words() -> None:
    b = hand_made()[0]
    found = [m.text[m.start : m.end] for m in find_in_briefing(b, "serv")]
    assert found == ["serv", "serv", "serv"]  # pre-serv-ation, three times


def test_markup_is_not_searched() -> None:
    # The summary is "compare **preservation** requests": find sees what the reader sees.
    b = hand_made()[0]
    assert any(m.field == "summary" for m in find_in_briefing(b, "compare preservation"))
    assert find_in_briefing(b, "**") == []


def test_empty_query_finds_nothing() -> None:
    assert find_in_briefing(seed(), "") == []
    assert find_in_briefing(seed(), "   ") == []


def test_limit() -> None:
    assert len(find_in_briefing(seed(), "e", limit=7)) == 7


def test_find_spans_on_any_text() -> None:
    text = "Straße and STRASSE and strasse"
    assert [text[s:e] for s, e in find_spans(text, "strasse")] == ["Straße", "STRASSE", "strasse"]


@settings(max_examples=200)
@given(st.text(max_size=80), st.text(max_size=10))
def test_find_spans_never_raise_and_stay_in_bounds(text: str, query: str) -> None:
    for start, end in find_spans(text, query):
        assert 0 <= start < end <= len(text)
        assert " ".join(fold(query).split()) in " ".join(fold(text[start:end]).split())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=20))
def test_find_in_briefing_never_raises(query: str) -> None:
    for m in find_in_briefing(seed(), query):
        assert 0 <= m.start < m.end <= len(m.text)


def test_typing_on_finds_without_folding_the_briefing_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each key typed finds again in the whole briefing: folding its 1,900 fields again
    every time was 20-30 ms of the screen's thread a key on a 350 KB briefing."""
    from briefing_tui.search import find as find_module

    monkeypatch.setattr(find_module, "_kept", None)
    b = seed()
    fresh = {q: find_in_briefing(b, q) for q in ("b", "bu", "budapest", "zoë", "e")}
    folds: list[str] = []
    real = find_module.fold_map

    def counting(text: str):  # type: ignore[no-untyped-def]
        folds.append(text)
        return real(text)

    monkeypatch.setattr(find_module, "fold_map", counting)
    for query, matches in fresh.items():
        assert find_in_briefing(b, query) == matches
    assert folds == []
    find_in_briefing(hand_made()[0], "e")
    assert folds, "another briefing is folded afresh"


def test_a_long_briefing_is_not_kept(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefing_tui.search import find as find_module

    monkeypatch.setattr(find_module, "_kept", None)
    monkeypatch.setattr(find_module, "KEEP_CHARS", 100)
    b = seed()
    first = find_in_briefing(b, "convention")
    assert find_module._kept is None
    assert find_in_briefing(b, "convention") == first
