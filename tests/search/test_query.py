"""The query language: every syntax, and hostile input that must stay plain words."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.search.folding import TOKEN_RE
from briefing_tui.search.fts import fts_match, sql_dates
from briefing_tui.search.query import (
    MAX_CLAUSES,
    Clause,
    DateRange,
    Phrase,
    Query,
    Scope,
    parse_date_range,
    parse_query,
)

HOSTILE = [
    '"',
    '"abc',
    "-",
    "*",
    "^",
    ":",
    "NEAR(",
    "NEAR(a b, 3)",
    "a OR",
    "OR",
    "AND",
    "NOT",
    "a AND",
    "NOT NOT",
    "(",
    ")",
    "{}",
    "{title}: x",
    "title:",
    "date:garbage",
    "date:..",
    "date:2018-13",
    "date:2018-02-30",
    "[@click=app.quit]",
    "[/]",
    "[b]bold[/b]",
    "\x1b[31mred",
    "🙂",
    "🙂🙂🙂 emoji only",
    "a" * 5000,
    "word " * 500,
    '"' * 101,
    "-" * 50,
    "* ^ : ( ) { } + - \" ' ;",
    "x:y:z",
    "title:title:title",
    "'; DROP TABLE docs; --",
    "\\",
    "\x00",
    "\ud800",
    "c-proc*",
    "*prefix",
    "\u202e reversed",
]

_QUOTED = re.compile(r'"([^"]*)"')
_GRAMMAR = re.compile(r"^(?:[\s(){}:*]|AND|OR|NOT|title|names|f_[a-z]+)*$")


class _Safe:
    """What every compiled MATCH expression must look like: quoted tokens and grammar."""

    @staticmethod
    def match(expr: str) -> bool:
        for quoted in _QUOTED.findall(expr):
            if not quoted or not all(TOKEN_RE.fullmatch(t) for t in quoted.split(" ")):
                return False
        return bool(_GRAMMAR.match(_QUOTED.sub(" ", expr)))


SAFE_FTS = _Safe()


def phrases(q: Query) -> list[tuple[tuple[str, ...], bool, Scope]]:
    return [(p.tokens, p.prefix, p.scope) for p in q.positive_phrases]


def test_words_are_anded_and_the_last_is_a_prefix() -> None:
    q = parse_query("budapest conv")
    assert [c.atoms for c in q.clauses] == [
        (Phrase(("budapest",), False),),
        (Phrase(("conv",), True),),
    ]


def test_nothing_is_a_prefix_after_a_space() -> None:
    q = parse_query("budapest conv ")
    assert all(not p.prefix for p in q.positive_phrases)


def test_short_words_being_typed_match_whole_words() -> None:
    assert parse_query("eu").positive_phrases == (Phrase(("eu",), False),)
    assert parse_query("eur").positive_phrases == (Phrase(("eur",), True),)


def test_explicit_star_makes_a_prefix_anywhere() -> None:
    q = parse_query("crypt* exchange")
    assert phrases(q) == [(("crypt",), True, Scope.ANY), (("exchange",), True, Scope.ANY)]


def test_quoted_phrase_and_unclosed_phrase_being_typed() -> None:
    assert phrases(parse_query('"Budapest Convention"')) == [
        (("budapest", "convention"), False, Scope.ANY)
    ]
    assert phrases(parse_query('"budapest conv')) == [(("budapest", "conv"), True, Scope.ANY)]
    assert phrases(parse_query('"budapest conv"*')) == [(("budapest", "conv"), True, Scope.ANY)]


def test_case_and_diacritics_are_folded() -> None:
    assert phrases(parse_query("MÜLLER Zoë ")) == [
        (("muller",), False, Scope.ANY),
        (("zoe",), False, Scope.ANY),
    ]


def test_punctuated_word_becomes_a_phrase() -> None:
    assert phrases(parse_query("C-PROC ")) == [(("c", "proc"), False, Scope.ANY)]


def test_negation_with_minus_and_not() -> None:
    for text in ("europol -eurojust", "europol NOT eurojust"):
        q = parse_query(text)
        assert [(c.negated, c.atoms) for c in q.clauses] == [
            (False, (Phrase(("europol",)),)),
            (True, (Phrase(("eurojust",)),)),
        ], text


def test_negated_word_being_typed_is_not_a_prefix() -> None:
    q = parse_query("europol -euroj")
    assert q.clauses[1] == Clause((Phrase(("euroj",)),), negated=True)


def test_or_groups_and_and_is_a_no_op() -> None:
    q = parse_query("ransomware OR phishing AND europol ")
    assert [c.atoms for c in q.clauses] == [
        (Phrase(("ransomware",)), Phrase(("phishing",))),
        (Phrase(("europol",)),),
    ]
    assert fts_match(q) == ('("ransomware" OR "phishing") AND "europol"', "")


def test_dangling_operators_are_words() -> None:
    assert phrases(parse_query("a OR")) == [(("a",), False, Scope.ANY), (("or",), False, Scope.ANY)]
    assert phrases(parse_query("OR ")) == [(("or",), False, Scope.ANY)]
    assert phrases(parse_query("NOT ")) == [(("not",), False, Scope.ANY)]
    assert phrases(parse_query("AND ")) == [(("and",), False, Scope.ANY)]
    assert phrases(parse_query("or ")) == [(("or",), False, Scope.ANY)]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("title:workshop ", Scope.TITLE),
        ("participant:seger ", Scope.PARTICIPANT),
        ("Participants:seger ", Scope.PARTICIPANT),
        ("org:europol ", Scope.ORG),
        ("organisation:europol ", Scope.ORG),
        ("organization:europol ", Scope.ORG),
        ("country:de ", Scope.COUNTRY),
        ("tag:ransomware ", Scope.TAG),
        ("tags:ransomware ", Scope.TAG),
        ("marking:amber ", Scope.MARKING),
    ],
)
def test_field_filters(text: str, scope: Scope) -> None:
    (phrase,) = parse_query(text).positive_phrases
    assert phrase.scope is scope
    assert phrase.fts().startswith("{")


def test_field_filter_with_phrase_and_negation() -> None:
    q = parse_query('tag:"electronic evidence" -country:NO')
    assert q.clauses == (
        Clause((Phrase(("electronic", "evidence"), False, Scope.TAG),)),
        Clause((Phrase(("no",), False, Scope.COUNTRY),), negated=True),
    )
    assert fts_match(q) == ('{f_tag} : "electronic evidence"', '{f_country} : "no"')


def test_tlp_is_a_marking_filter() -> None:
    assert phrases(parse_query("TLP:CLEAR ")) == [(("clear",), False, Scope.MARKING)]


def test_unknown_field_is_plain_text() -> None:
    assert phrases(parse_query("foo:bar ")) == [(("foo", "bar"), False, Scope.ANY)]
    assert phrases(parse_query("https://example.org ")) == [
        (("https", "example", "org"), False, Scope.ANY)
    ]


def test_incomplete_filter_is_ignored_and_reported() -> None:
    q = parse_query("ransomware title:")
    assert phrases(q) == [(("ransomware",), False, Scope.ANY)]
    assert q.ignored == ("title:",)


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2018", date(2018, 1, 1), date(2018, 12, 31)),
        ("2018-03", date(2018, 3, 1), date(2018, 3, 31)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        ("2018-03-07", date(2018, 3, 7), date(2018, 3, 7)),
        ("2018-03..2019-12", date(2018, 3, 1), date(2019, 12, 31)),
        ("2019..2018", date(2018, 1, 1), date(2019, 12, 31)),
        ("2018..", date(2018, 1, 1), date.max),
        ("..2018-06", date.min, date(2018, 6, 30)),
    ],
)
def test_date_ranges(value: str, start: date, end: date) -> None:
    assert parse_date_range(value) == DateRange(start, end)
    q = parse_query(f"date:{value}")
    assert q.clauses == (Clause((DateRange(start, end),)),)


@pytest.mark.parametrize("value", ["garbage", "18", "2018-13", "2018-02-30", "..", "2018..x", ""])
def test_bad_dates_are_ignored_and_reported(value: str) -> None:
    q = parse_query(f"date:{value}")
    assert q.is_empty
    assert q.ignored == (f"date:{value}",)


def test_date_or_groups_and_negated_dates_compile_to_parameters() -> None:
    q = parse_query("date:2018 OR date:2020 -date:2018-03")
    sql, params = sql_dates(q, "a", "b")
    assert sql == (
        "((a IS NOT NULL AND a <= ? AND b >= ?) OR (a IS NOT NULL AND a <= ? AND b >= ?)) "
        "AND NOT ((a IS NOT NULL AND a <= ? AND b >= ?))"
    )
    assert params == [
        date(2018, 12, 31).toordinal(),
        date(2018, 1, 1).toordinal(),
        date(2020, 12, 31).toordinal(),
        date(2020, 1, 1).toordinal(),
        date(2018, 3, 31).toordinal(),
        date(2018, 3, 1).toordinal(),
    ]


def test_date_or_word_keeps_both_anded() -> None:
    q = parse_query("europol OR date:2018")
    assert len(q.clauses) == 2
    assert "OR" in q.ignored


def test_only_exclusions_compile_to_a_negative_expression() -> None:
    assert fts_match(parse_query("-ransomware")) == ("", '"ransomware"')


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises_and_compiles_safely(text: str) -> None:
    q = parse_query(text)
    positive, negative = fts_match(q)
    for expr in (positive, negative):
        assert SAFE_FTS.match(expr), expr
    assert len(q.clauses) <= MAX_CLAUSES


def test_markup_becomes_plain_words() -> None:
    assert phrases(parse_query("[@click=app.quit]")) == [
        (("click", "app", "quit"), True, Scope.ANY)
    ]
    assert parse_query("[/]").is_empty
    assert parse_query("NEAR(").positive_phrases == (Phrase(("near",), True),)


@settings(max_examples=500)
@given(st.text())
def test_any_text_parses_and_compiles_safely(text: str) -> None:
    q = parse_query(text)
    positive, negative = fts_match(q)
    assert SAFE_FTS.match(positive)
    assert SAFE_FTS.match(negative)
    sql, params = sql_dates(q, "a", "b")
    assert sql.count("?") == len(params)


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "-",
                "*",
                "OR",
                "AND",
                "NOT",
                "(",
                ")",
                ":",
                "title:",
                "date:",
                "tag:",
                "NEAR",
                "word",
                "müller",
                "2018",
                "..",
                " ",
                "^",
                "{",
                "}",
                "[@click=x]",
                "'",
            ]
        ),
        max_size=12,
    )
)
def test_any_mix_of_syntax_parses_and_compiles_safely(parts: list[str]) -> None:
    text = "".join(parts)
    q = parse_query(text)
    for expr in fts_match(q):
        assert SAFE_FTS.match(expr)
