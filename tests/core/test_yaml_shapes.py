"""YAML in the shapes conference sites, minutes templates and court dockets use (issue 11)."""

from __future__ import annotations

from datetime import date

from briefing_tui.readers.documents import read_document


def load(text: str, name: str = "doc.yaml"):
    result = read_document(name, text.encode())
    assert result.briefing is not None, result.problems
    return result.briefing


def test_top_level_list_of_talks_gives_topics_and_their_speakers_once() -> None:
    b = load(
        "- title: Opening\n  schedule_time: '09:00'\n"
        "  speakers: [{name: Ana Ruiz, company: ACME}]\n"
        "- name: Ransomware trends\n  abstract: What changed.\n"
        "  speakers: ['Piet de Vries & Ana Ruiz']\n",
        "talks.yaml",
    )
    assert [t.title for t in b.topics] == ["Opening", "Ransomware trends"]
    assert b.topics[0].summary.startswith("09:00")
    assert b.topics[1].speakers == ("Piet de Vries", "Ana Ruiz")
    assert [(p.name, p.role, p.organisation) for p in b.people] == [
        ("Ana Ruiz", "Speaker", "ACME"),
        ("Piet de Vries", "Speaker", ""),
    ]


def test_conference_keys_authors_and_outcome_lists() -> None:
    b = load(
        "conference: Example Summit\nauthor: Ana Ruiz and Piet de Vries\n"
        "moderators: [Eva Lind]\nitems:\n  - title: Welcome\n"
        "resolutions:\n  - Adopt the report\nnext_steps:\n  - Circulate the minutes\n"
    )
    assert b.title == "Example Summit"
    assert [(p.name, p.role) for p in b.people] == [
        ("Ana Ruiz", "Author"),
        ("Piet de Vries", "Author"),
        ("Eva Lind", "Moderator"),
    ]
    assert [t.title for t in b.topics] == ["Welcome"]
    assert [(o.text, o.kind) for o in b.outcomes] == [
        ("Adopt the report", "decision"),
        ("Circulate the minutes", "action"),
    ]


def test_event_date_keys_win_over_metadata_dates_and_published_is_kept() -> None:
    b = load(
        "case_name: Example v. Example\nupdated: 2023-02-01\ndate_filed: 2021-01-27\n"
        "published: 2021-02-03\n"
    )
    assert b.title == "Example v. Example"
    assert b.date == date(2021, 1, 27)
    assert b.source is not None and b.source.published == date(2021, 2, 3)


def test_multi_document_yaml_shows_every_documents_lists() -> None:
    b = load(
        "name: Summit\ndates: 2023-10-04 – 2023-10-05\n---\n- title: Opening\n"
        "  speakers: [Ana Ruiz]\n---\nexported_by: tool\n"
    )
    assert (b.date, b.end_date) == (date(2023, 10, 4), date(2023, 10, 5))
    assert [t.title for t in b.topics] == ["Opening"]
    assert [p.name for p in b.people] == ["Ana Ruiz"]
    assert ("YAML document 3", {"exported_by": "tool"}) in b.extra


def test_a_number_is_not_an_attendee() -> None:
    b = load("title: t\nattendees: 120\n")
    assert b.participants == ()
