"""The YAML form: every key, YAML 1.1 quirks kept as text, wrong types reported with lines."""

from __future__ import annotations

import time
from datetime import date

import pytest

from briefing_tui.model import Participant, ParticipantGroup, Severity
from briefing_tui.readers.documents import read_yaml

FULL = """\
title: Joint meeting
date: 2018-03-07
end_date: 2018-03-08
location: The Hague
organisers: [Eurojust, Council of Europe]
marking: TLP:AMBER
tags: [cybercrime, e-evidence]
summary: One paragraph.
overview: |
  Some **Markdown** prose.
participants:
  - Alexander Seger, Head of the Cybercrime Division, Council of Europe
  - name: Ladislav Hamran
    role: President
    organisation: Eurojust
    country: SK
    notes: Opened the meeting
  - group: Eurojust National Members
    count: 27
    notes: all desks
topics:
  - Cooperation with the private sector
  - title: The Budapest Convention
    summary: Implementation and the *T-CY*.
    speakers: [Alexander Seger]
outcomes:
  - A plain outcome
  - text: Draft guidance
    kind: action
    owner: Eurojust
    due: 2018-06-30
    status: open
links:
  - https://example.org/plain
  - title: Press release
    url: https://example.org/pr
glossary:
  C-PROC: Cybercrime Programme Office
  T-CY: Cybercrime Convention Committee
source:
  publisher: Eurojust
  published: 2018-03-12
  url: https://example.org/src
  reference: Press release
operation_code: ALPHA-7
"""


def load(text: str):
    return read_yaml("t.yaml", text.encode("utf-8"))


def test_every_key_is_read() -> None:
    result = load(FULL)
    b = result.briefing
    assert b is not None
    assert result.problems == ()
    assert b.title == "Joint meeting"
    assert (b.date, b.end_date) == (date(2018, 3, 7), date(2018, 3, 8))
    assert b.location == "The Hague"
    assert b.organisers == ("Eurojust", "Council of Europe")
    assert b.marking == "TLP:AMBER"
    assert b.tags == ("cybercrime", "e-evidence")
    assert b.summary == "One paragraph."
    assert "**Markdown**" in b.overview
    seger, hamran, group = b.participants
    assert seger == Participant(
        "Alexander Seger", "Head of the Cybercrime Division", "Council of Europe", "", "", 12
    )
    assert (hamran.name, hamran.role, hamran.organisation, hamran.country, hamran.notes) == (
        "Ladislav Hamran",
        "President",
        "Eurojust",
        "SK",
        "Opened the meeting",
    )
    assert group == ParticipantGroup("Eurojust National Members", 27, "all desks", 18)
    assert [t.title for t in b.topics] == [
        "Cooperation with the private sector",
        "The Budapest Convention",
    ]
    assert b.topics[1].speakers == ("Alexander Seger",)
    assert b.outcomes[0].text == "A plain outcome"
    o = b.outcomes[1]
    assert (o.text, o.kind, o.owner, o.due, o.status) == (
        "Draft guidance",
        "action",
        "Eurojust",
        date(2018, 6, 30),
        "open",
    )
    assert b.links[0].url == "https://example.org/plain"
    assert (b.links[1].title, b.links[1].url) == ("Press release", "https://example.org/pr")
    assert dict(b.glossary)["T-CY"] == "Cybercrime Convention Committee"
    assert b.source is not None
    assert (b.source.publisher, b.source.published, b.source.reference) == (
        "Eurojust",
        date(2018, 3, 12),
        "Press release",
    )
    assert b.extra == (("operation_code", "ALPHA-7"),)


@pytest.mark.parametrize("value", ["NO", "ON", "012", "1:30", "1.10", "yes", "~x", "0o17"])
def test_yaml_11_quirks_stay_text(value: str) -> None:
    b = load(
        f"title: {value}\nlocation: {value}\nparticipants:\n  - name: X\n    country: {value}\n"
        f"tags: [{value}]\nodd: {value}\n"
    ).briefing
    assert b is not None
    assert b.title == value
    assert b.location == value
    assert b.people[0].country == value
    assert b.tags == (value,)
    assert dict(b.extra)["odd"] == value


@pytest.mark.parametrize(
    ("doc", "key", "line"),
    [
        ("title: [a, b]\n", "title", 1),
        ("title: ok\nparticipants: 12\n", "participants", 2),
        ("title: ok\n\ntopics: {a: 1}\n", "topics", 3),
        ("title: ok\noutcomes: text\n", "outcomes", 2),
        ("title: ok\ndate: next week\n", "date", 2),
        ("title: ok\nglossary: [a]\n", "glossary", 2),
        ("title: ok\nsource: [a]\n", "source", 2),
        ("title: ok\nlocation: {city: x}\n", "location", 2),
        ("title: ok\ntags: {a: b}\n", "tags", 2),
    ],
)
def test_wrong_types_name_key_and_line(doc: str, key: str, line: int) -> None:
    result = load(doc)
    assert result.briefing is not None, "whatever is usable must still show"
    relevant = [p for p in result.problems if p.message.startswith(key)]
    assert relevant, result.problems
    assert relevant[0].line == line


def test_wrong_type_title_falls_back_and_keeps_the_value() -> None:
    result = load("title: [a, b]\nlocation: Rome\n")
    b = result.briefing
    assert b is not None
    assert b.title == "t"
    assert b.location == "Rome"
    assert ("title", ["a", "b"]) in b.extra
    assert any("title is required" in p.message for p in result.problems)


def test_missing_title_is_an_error_but_the_briefing_shows() -> None:
    result = read_yaml("dir/my-meeting_notes.yaml", b"location: Rome\n")
    assert result.briefing is not None
    assert result.briefing.title == "my meeting notes"
    assert [p.severity for p in result.problems] == [Severity.ERROR]


def test_bad_items_are_reported_and_good_ones_kept() -> None:
    result = load("title: t\nparticipants:\n  - [nested]\n  - Jane Doe, Analyst\n")
    b = result.briefing
    assert b is not None
    assert [p.name for p in b.people] == ["Jane Doe"]
    assert result.problems[0].line == 3


def test_duplicate_keys_are_reported_and_nothing_is_lost() -> None:
    result = load("title: First\nlocation: x\ntitle: Second\n")
    b = result.briefing
    assert b is not None
    assert b.title == "Second"
    (problem,) = result.problems
    assert problem.line == 3
    assert "duplicate key 'title'" in problem.message
    assert ("title (duplicate, line 1)", "First") in b.extra


def test_impossible_date_is_a_problem_not_a_crash() -> None:
    result = load("title: t\ndate: 2024-02-30\n")
    assert result.briefing is not None
    assert result.briefing.date is None
    assert "2024-02-30 is not a real date" in result.problems[0].message
    assert result.problems[0].line == 2


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("- a\n- b\n", "found a list"),
        ("just text\n", "found a single value"),
        ("title: a\n---\ntitle: b\n", "more than one YAML document"),
        ("title: [unclosed\n", "the file:"),
        ("title: a\n\tbad: tab\n", "the file:"),
    ],
)
def test_unusable_documents_give_one_clear_error(doc: str, needle: str) -> None:
    result = load(doc)
    assert result.briefing is None
    assert len(result.problems) == 1
    assert needle in result.problems[0].message
    assert result.problems[0].severity is Severity.ERROR


def test_python_tags_are_refused() -> None:
    result = load(
        "title: t\nx: !!python/object/apply:os.system ['echo hi']\n"
        "location: !!python/name:os.system\n"
    )
    b = result.briefing
    assert b is not None
    assert b.location == ""
    assert all("python" not in str(v) for _, v in b.extra)
    assert len([p for p in result.problems if "is not allowed" in p.message]) == 2


def test_billion_laughs_is_refused_quickly() -> None:
    doc = 'title: lol\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghi":
        doc += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
        prev = name
    assert len(doc) < 500
    start = time.perf_counter()
    result = load(doc)
    assert time.perf_counter() - start < 0.5
    assert any("alias expansion limit" in p.message for p in result.problems)


def test_deep_nesting_is_refused_not_crashing() -> None:
    # Depending on the libyaml version, the parser refuses the file itself (0.2.5+) or we
    # refuse the value; either way it is a clear problem, never a crash.
    doc = "title: t\nx: " + "[" * 3000 + "]" * 3000 + "\n"
    result = load(doc)
    assert any("nested" in p.message for p in result.problems)
    assert all(p.severity is Severity.ERROR for p in result.problems)


def test_merge_keys_are_handled() -> None:
    doc = (
        "title: t\n_defaults: &d {role: Prosecutor, country: NO}\n"
        "participants:\n  - <<: *d\n    name: Kari\n  - <<: *d\n    name: Ola\n"
        "    role: Judge\n"
    )
    b = load(doc).briefing
    assert b is not None
    assert [(p.name, p.role, p.country) for p in b.people] == [
        ("Kari", "Prosecutor", "NO"),
        ("Ola", "Judge", "NO"),
    ]


def test_escaped_control_characters_in_scalars_are_made_visible() -> None:
    b = load('title: "a\\e]0;owned\\a b\\x9b c"\n').briefing
    assert b is not None
    assert "\x1b" not in b.title and "\x07" not in b.title and "\x9b" not in b.title
    assert "␛" in b.title


def test_dates_only_from_the_schema() -> None:
    b = load("title: t\ndate: 2018-03-07T09:30:00+01:00\nversion: 2018-03-07\n").briefing
    assert b is not None
    assert b.date == date(2018, 3, 7)
    assert dict(b.extra)["version"] == "2018-03-07"


def test_date_falls_back_to_other_tools_keys() -> None:
    b = load("title: t\npublished: 2020-01-02\n").briefing
    assert b is not None and b.date == date(2020, 1, 2)
    b = load("title: t\ntimeframe: {start: 2020-01-02, end: 2020-01-05}\n").briefing
    assert b is not None and (b.date, b.end_date) == (date(2020, 1, 2), date(2020, 1, 5))


def test_outcome_kind_and_status_are_checked() -> None:
    result = load(
        "title: t\noutcomes:\n  - {text: a, kind: Decisions, status: Completed}\n"
        "  - {text: b, kind: wish, status: maybe}\n"
    )
    b = result.briefing
    assert b is not None
    assert (b.outcomes[0].kind, b.outcomes[0].status) == ("decision", "done")
    assert {p.severity for p in result.problems} == {Severity.WARNING}
    assert len(result.problems) == 2
