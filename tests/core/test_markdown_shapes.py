"""Markdown as people write it: bold labels, `Label:` paragraphs, setext headings, `##Heading`,
numbered agenda items, country (agency) lists, and headings in the EU's languages."""

from __future__ import annotations

import pytest

from briefing_tui.model import Participant
from briefing_tui.readers.documents import read_markdown


def load(text: str):
    b = read_markdown("notes.md", text.encode()).briefing
    assert b is not None
    return b


def test_bold_labels_standing_alone_are_headings() -> None:
    b = load(
        "# Team sync\n\n__Attendees__\n\n- Ana Ruiz\n- Piet de Vries\n\n"
        "**Action Items:**\n\n- [ ] Send the letter @ana\n- Book a room\n"
    )
    assert [p.name for p in b.people] == ["Ana Ruiz", "Piet de Vries"]
    assert [o.text for o in b.outcomes] == ["Send the letter @ana", "Book a room"]
    assert b.outcomes[0].owner == "ana"


def test_label_paragraph_of_plain_lines() -> None:
    b = load(
        "# Steering group\n\nPresent:\nAna Ruiz\nPiet de Vries\n\n"
        "Decisions:\nThe budget is approved\nThe next meeting is online\n\n"
        "Next steps: circulate the draft\n"
    )
    assert [p.name for p in b.people] == ["Ana Ruiz", "Piet de Vries"]
    assert [(o.text, o.kind) for o in b.outcomes] == [
        ("The budget is approved", "decision"),
        ("The next meeting is online", "decision"),
        ("circulate the draft", "action"),
    ]


def test_setext_headings_and_title() -> None:
    b = load(
        "Quarterly review\n================\n\nIntro.\n\nAgenda\n------\n\n1. Opening\n2. Cases\n"
    )
    assert b.title == "Quarterly review"
    assert [t.title for t in b.topics] == ["Opening", "Cases"]


def test_heading_without_space_only_when_short_and_alone() -> None:
    b = load("# Notes\n\n##Participants\n\n- Ana Ruiz\n\n##not a heading\ntext under it\n")
    assert [p.name for p in b.people] == ["Ana Ruiz"]
    assert "##not a heading" in b.participants_text + b.overview


def test_country_agency_lists_give_participants_with_their_country() -> None:
    b = load(
        "# Operation Harbour\n\n## International cooperation (3 countries)\n\n"
        "- Germany (Bundeskriminalamt)\n- Spain (Guardia Civil)\n"
        "- United Kingdom (National Crime Agency)\n"
    )
    assert [(p.name, p.country) for p in b.people] == [
        ("Bundeskriminalamt", "Germany"),
        ("Guardia Civil", "Spain"),
        ("National Crime Agency", "United Kingdom"),
    ]


@pytest.mark.parametrize(
    ("people", "agenda", "results"),
    [
        ("Participants", "Ordre du jour", "Conclusions"),
        ("Teilnehmer", "Tagesordnung", "Ergebnisse"),
        ("Participantes", "Orden del día", "Conclusiones"),
        ("Partecipanti", "Ordine del giorno", "Conclusioni"),
        ("Deelnemers", "Agenda", "Besluiten"),
        ("Participantes", "Ordem de trabalhos", "Conclusões"),
        ("Uczestnicy", "Porządek obrad", "Wnioski"),
        ("Deltagare", "Dagordning", "Beslut"),
    ],
)
def test_headings_in_the_eus_languages(people: str, agenda: str, results: str) -> None:
    b = load(
        f"# Sitzung\n\n## {people}\n\n- Ana Ruiz\n\n## {agenda}\n\n1. Punkt eins\n\n"
        f"## {results}\n\n- Ergebnis eins\n"
    )
    assert isinstance(b.participants[0], Participant)
    assert [t.title for t in b.topics] == ["Punkt eins"]
    assert [o.text for o in b.outcomes] == ["Ergebnis eins"]
