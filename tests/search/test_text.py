"""Folding (case, diacritics, position mapping) and the searchable text of each pane."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model import Pane
from briefing_tui.search.fields import (
    PANES,
    fields,
    index_columns,
    pane_parts,
    pane_texts,
    plain_blocks,
)
from briefing_tui.search.folding import fold, fold_map, fold_reference, tokens

from .conftest import hand_made, sample_briefings


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Müller", "muller"),
        ("Zoë", "zoe"),
        ("Łukasz Śliwa", "lukasz sliwa"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Ørsted Æble Œuvre", "orsted aeble oeuvre"),
        ("Þóra Guðrún", "thora gudrun"),
        ("İstanbul", "istanbul"),
        ("ﬁnance", "finance"),
        ("e\u0301cole", "ecole"),
        ("Dvořák", "dvorak"),
        ("Nguyễn", "nguyen"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_equals_its_definition(text: str) -> None:
    assert fold(text) == fold_reference(text)


@given(st.text(), st.text())
def test_fold_works_character_by_character(a: str, b: str) -> None:
    assert fold(a + b) == fold(a) + fold(b)


def test_fold_survives_lone_surrogates() -> None:
    assert fold("a\ud800Ü") == "a u"


def test_fold_turns_what_is_not_a_word_into_spaces() -> None:
    # An emoji newer than SQLite's Unicode tables must not glue words together.
    assert fold("great\U0001f970news—today") == "great news today"
    assert tokens("great\U0001f970news") == ["great", "news"]
    assert fold("a\ue000b") == "a b"  # private use: a word character to SQLite, not to Python


@given(st.text())
def test_fold_map_points_back_at_the_original(text: str) -> None:
    folded = fold_map(text)
    assert folded.text == fold(text)
    for m in __import__("re").finditer(r"\w+", folded.text):
        start, end = folded.span(m.start(), m.end())
        assert 0 <= start <= end <= len(text)
        # The original stretch folds to text that contains what was matched.
        assert m.group(0) in fold(text[start:end])


@given(st.text())
def test_fold_leaves_no_marks_and_no_upper_case_ascii(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.category(c) == "Mn" for c in folded)
    assert not any("A" <= c <= "Z" for c in folded)


def test_tokens_split_like_fts5_unicode61() -> None:
    assert tokens("C-PROC's T-CY (GLACY+) 2018-03-07 snake_case x²") == [
        "c",
        "proc",
        "s",
        "t",
        "cy",
        "glacy",
        "2018",
        "03",
        "07",
        "snake",
        "case",
        "x2",
    ]


def _fts5_tokens(con, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    con.execute("DELETE FROM t")
    con.execute("INSERT INTO t(a) VALUES (?)", (text,))
    rows = con.execute("SELECT term, offset FROM v ORDER BY offset").fetchall()
    return [term for term, _ in rows]


@pytest.fixture(scope="module")
def fts5():  # type: ignore[no-untyped-def]
    from briefing_tui.search.fts import fts5_available

    if not fts5_available():
        pytest.skip("this SQLite has no FTS5")
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 0')")
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    return con


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_tokens_are_what_fts5_indexes(fts5, text: str) -> None:  # type: ignore[no-untyped-def]
    folded = fold(text)
    assert tokens(text) == [t.lower() for t in _fts5_tokens(fts5, folded)]


def test_plain_blocks_remove_markup_but_keep_words_in_order() -> None:
    md = (
        "# Heading\n\nSome **bold** and *em* text with a [link](https://site.example).\n"
        "Continued line.\n\n- item one\n- [x] item two\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    )
    blocks = plain_blocks(md)
    assert blocks == (
        "Heading",
        "Some bold and em text with a link (https://site.example). Continued line.",
        "item one",
        "item two",
        "a · b",
        "1 · 2",
    )
    raw_tokens = [t for t in tokens(md) if t != "x"]  # the task box's x is markup
    assert [t for b in blocks for t in tokens(b)] == raw_tokens


def _all_briefings():  # type: ignore[no-untyped-def]
    return sample_briefings() + hand_made()


def test_pane_text_and_parts_hold_the_same_tokens(generated) -> None:  # type: ignore[no-untyped-def]
    for b in _all_briefings() + generated[:40]:
        texts = pane_texts(b)
        for pane in PANES:
            parts = "\n".join(p.text for p in pane_parts(b, pane))
            assert tokens(texts[pane]) == tokens(parts), (b.path, pane)


def test_index_columns_folded_piecewise_equal_folding_the_whole(generated) -> None:  # type: ignore[no-untyped-def]
    from briefing_tui.search.folding import fold_short

    for b in _all_briefings() + generated[:40]:
        raw = index_columns(b)
        assert index_columns(b, fold_short, fold) == tuple(fold(c) for c in raw)


def test_pane_texts_cover_what_each_pane_shows() -> None:
    b = hand_made()[0]
    texts = pane_texts(b)
    assert "Workshop on cross-border evidence" in texts[Pane.OVERVIEW]
    assert "TLP:GREEN" in texts[Pane.OVERVIEW]
    assert "2018-03-07" in texts[Pane.OVERVIEW]
    assert "Jürgen Müller" in texts[Pane.PARTICIPANTS]
    assert "Supreme Court" in texts[Pane.PARTICIPANTS]
    assert "Trainees from twelve countries" in texts[Pane.PARTICIPANTS]
    assert "Preservation first" in texts[Pane.TOPICS]
    assert "Zoë Łukasz" in texts[Pane.TOPICS]  # a speaker
    assert "Circulate the templates." in texts[Pane.OUTCOMES]
    assert "Secretariat" in texts[Pane.OUTCOMES]


def test_fields_say_where_text_sits() -> None:
    b = hand_made()[0]
    found = {(f.pane, f.key, f.item, f.text) for f in fields(b)}
    assert (
        Pane.PARTICIPANTS,
        "participant",
        1,
        "Zoë Łukasz — Judge, Supreme Court (PL). Chaired.",
    ) in found
    assert (Pane.TOPICS, "summary", 0, "Why preservation comes first.") in found
    assert (
        Pane.OVERVIEW,
        "summary",
        None,
        "Practitioners met to compare preservation requests.",
    ) in found


@settings(max_examples=50)
@given(st.text(max_size=300))
def test_plain_blocks_never_raise(md: str) -> None:
    for block in plain_blocks(md):
        assert "\n" not in block
