"""The Markdown form: front matter plus headings that fill panes by name and synonym."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_tui.model import Pane, ParticipantGroup, Severity
from briefing_tui.readers.documents import read_markdown
from briefing_tui.readers.markdown_body import SYNONYMS, pane_for


def load(text: str, name: str = "note.md"):
    return read_markdown(name, text.encode("utf-8"))


DOC = """\
---
title: Example coordination meeting
date: 2021-11-16
marking: TLP:AMBER
participants:
  - Kari Nordmann, Prosecutor, Økokrim, NO
custom_field: kept
---
Opening paragraph before any heading.

## Background

Why we met.

## Attendees

| Name | Role | Organisation | Country |
| --- | --- | --- | --- |
| Jane Roe | Liaison officer | Europol | NL |
| **Ana Silva** | Judge | CEJ | PT |

- John Smith, Analyst, EC3
- about 40 delegates from member states

Everyone had read the file.

## Agenda

Preamble to the agenda.

### Opening
Speakers: Jane Roe, Ana Silva

Welcome and introductions.

### Case review
The timeline.

## Decisions

- Open a JIT (owner: Eurojust, due: 2022-01-15)
- Recommendation: share the template

## Next steps

- [ ] Send minutes
- [x] Book the room

## Logistics

Room 2.
"""


def test_front_matter_and_body_combine() -> None:
    result = load(DOC)
    b = result.briefing
    assert b is not None
    assert result.problems == ()
    assert b.title == "Example coordination meeting"
    assert b.date == date(2021, 11, 16)
    assert b.marking == "TLP:AMBER"
    assert b.overview.startswith("Opening paragraph")
    assert "### Background" in b.overview and "Why we met." in b.overview
    assert b.summary == "Opening paragraph before any heading."
    assert dict(b.extra) == {"custom_field": "kept"}
    names = [p.name for p in b.people]
    assert names == ["Kari Nordmann", "Jane Roe", "Ana Silva", "John Smith"]
    assert b.people[0].country == "NO"
    assert b.people[1].organisation == "Europol" and b.people[1].country == "NL"
    assert b.people[1].line == 19
    (group,) = b.groups
    assert group == ParticipantGroup("about 40 delegates from member states", 40, "", 23)
    assert b.participants_text == "Everyone had read the file."
    assert [t.title for t in b.topics] == ["Opening", "Case review"]
    assert b.topics[0].speakers == ("Jane Roe", "Ana Silva")
    assert b.topics[0].summary.strip() == "Welcome and introductions."
    assert b.topics_text == "Preamble to the agenda."
    decisions = b.outcomes[:2]
    assert (decisions[0].kind, decisions[0].owner, decisions[0].due) == (
        "decision",
        "Eurojust",
        date(2022, 1, 15),
    )
    assert decisions[1].kind == "recommendation"
    assert decisions[1].text == "share the template"
    assert [(o.text, o.kind, o.status) for o in b.outcomes[2:]] == [
        ("Send minutes", "action", "open"),
        ("Book the room", "action", "done"),
    ]
    assert [(s.title, s.body) for s in b.sections] == [("Logistics", "Room 2.")]


@pytest.mark.parametrize(("heading", "pane"), sorted(SYNONYMS.items()))
def test_every_synonym_maps_case_insensitively(heading: str, pane: Pane) -> None:
    assert pane_for(heading.upper()) is pane
    assert pane_for(f"2. {heading.title()}:") is pane


def test_title_from_first_heading_then_file_name() -> None:
    b = load("# Operation notes\n\nText.\n\n## Results\n\n- Found it\n").briefing
    assert b is not None
    assert b.title == "Operation notes"
    assert b.overview == "Text."
    assert b.outcomes[0].kind == "finding"
    b = load("Just text.\n", "2024-05-minutes.md").briefing
    assert b is not None and b.title == "2024 05 minutes"


def test_a_different_h1_under_a_front_matter_title_is_kept() -> None:
    b = load("---\ntitle: A\n---\n# Something else\n\nBody.\n").briefing
    assert b is not None
    assert b.title == "A"
    assert [(s.title, s.body) for s in b.sections] == [("Something else", "Body.")]


def test_agency_country_table() -> None:
    b = load(
        "# Op\n\n## Participating parties\n\n| Agency | Country |\n|---|---|\n"
        "| Polícia Judiciária | PT |\n| BKA | DE |\n"
    ).briefing
    assert b is not None
    assert [(p.name, p.organisation, p.country) for p in b.people] == [
        ("Polícia Judiciária", "Polícia Judiciária", "PT"),
        ("BKA", "BKA", "DE"),
    ]


def test_headings_inside_code_fences_are_not_sections() -> None:
    b = load("# T\n\n```\n## Participants\n- not a person\n```\n").briefing
    assert b is not None
    assert b.participants == ()
    assert "## Participants" in b.overview


def test_agenda_list_items_become_topics() -> None:
    b = load("# T\n\n## Agenda\n\n1. Welcome (speakers: A, B)\n2. Lunch\n").briefing
    assert b is not None
    assert [(t.title, t.speakers) for t in b.topics] == [("Welcome", ("A", "B")), ("Lunch", ())]


@pytest.mark.parametrize(
    "doc",
    [
        "---\ntitle: x\nno end\n",
        "---\n- a list\n---\n# Heading\n",
        "---\n: bad: yaml: [\n---\n# Heading\n",
    ],
)
def test_broken_front_matter_warns_and_shows_the_text(doc: str) -> None:
    result = load(doc)
    assert result.briefing is not None
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    everything = result.briefing.overview + result.briefing.title
    assert "x" in everything or "a list" in everything or "bad" in everything


def test_toml_front_matter() -> None:
    b = load('+++\ntitle = "Hugo post"\ndate = 2020-05-01\ntags = ["a"]\n+++\nBody\n').briefing
    assert b is not None
    assert (b.title, b.date, b.tags, b.overview) == ("Hugo post", date(2020, 5, 1), ("a",), "Body")


def test_crlf_and_bom() -> None:
    raw = "\ufeff---\r\ntitle: Win\r\n---\r\n## Outcomes\r\n- Done\r\n".encode()
    result = read_markdown("w.md", raw)
    assert result.briefing is not None
    assert result.briefing.title == "Win"
    assert result.briefing.outcomes[0].text == "Done"
    assert "\r" not in result.briefing.outcomes[0].text


def test_front_matter_line_numbers_point_into_the_file() -> None:
    result = load("---\ntitle: t\nparticipants: 3\n---\n")
    assert result.problems[0].line == 3


def test_deeply_nested_markdown_does_not_hang() -> None:
    doc = "# T\n\n" + ">" * 5000 + " deep\n\n" + "".join("  " * i + "- x\n" for i in range(2000))
    result = load(doc)
    assert result.briefing is not None


def test_a_different_fence_marker_inside_code_does_not_end_the_code() -> None:
    # Regression: list items and topics toggled on any fence line, so a `~~~` inside a
    # ``` block ended the code early and the code's lines became participants and topics.
    b = load(
        "# T\n\n## Participants\n\n```\n~~~\n- Not A Person\n```\n\n- Real Person\n\n"
        "## Topics\n\n```\n~~~\n### Not a topic\n```\n\n### A topic\n"
    ).briefing
    assert b is not None
    assert [p.name for p in b.people] == ["Real Person"]
    assert [t.title for t in b.topics] == ["A topic"]
