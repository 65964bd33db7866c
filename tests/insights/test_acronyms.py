"""Undefined acronyms: warnings a reader from another country would be glad of."""

from __future__ import annotations

from briefing_tui.insights.acronyms import acronym_candidates, is_ignored, undefined_acronyms
from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.model import Briefing, Outcome, Participant, Section, Severity, Topic

from .helpers import sample_briefings


def _acronyms(problems) -> list[str]:
    return [p.message.split("'")[1] for p in problems]


def test_candidates() -> None:
    text = "The JIT-related T-CY work, GLACY+, EC3, R&D, EPOC-PR; not Tor, G7, 2FA or CM-2021-0123."
    assert [a for _, a in acronym_candidates(text)] == [
        "JIT",
        "T-CY",
        "GLACY+",
        "EC3",
        "R&D",
        "EPOC-PR",
    ]
    offset, first = next(iter(acronym_candidates("a JIT")))
    assert (offset, first) == (2, "JIT")


def test_ignored_words() -> None:
    for word in ("NL", "NOR", "EU", "UK", "TLP", "AMBER", "RESTRICTED", "II", "XIV", "NOT", "UTC"):
        assert is_ignored(word), word
    for word in ("MLA", "JIT", "CETS", "LEA"):
        assert not is_ignored(word), word


def test_undefined_acronyms_with_item_lines() -> None:
    b = Briefing(
        path="b.md",
        title="JIT meeting with NL and DE, TLP:AMBER",
        participants=(Participant("X Y", "Head of EC3", "Europol", "NO", line=7),),
        topics=(
            Topic("Cooperation via the Cybercrime Convention Committee (T-CY)", "T-CY", line=12),
        ),
        outcomes=(Outcome("Send the EIO", line=20), Outcome("Another EIO and JIT", line=3)),
        sections=(Section("Annex II", "MLAT requests", line=30),),
        glossary=(("EC3", "European Cybercrime Centre"),),
    )
    problems = undefined_acronyms(b)
    assert _acronyms(problems) == ["EIO", "JIT", "MLAT"]
    assert [p.line for p in problems] == [3, 3, 30]
    assert all(p.path == "b.md" and p.severity is Severity.WARNING for p in problems)
    assert "glossary" in problems[0].message


def test_library_glossary_defines_too() -> None:
    b = Briefing(path="b.md", title="JIT and MLA", overview="MLA again")
    assert _acronyms(undefined_acronyms(b)) == ["JIT", "MLA"]
    assert _acronyms(undefined_acronyms(b, {"JIT": "Joint investigation team"})) == ["MLA"]
    assert _acronyms(undefined_acronyms(b, LibraryGlossary((("MLA", "m"),)))) == ["JIT"]
    assert undefined_acronyms(b, ["JIT", "MLA"]) == []
    # Case-sensitive: "Mla" defines nothing.
    assert _acronyms(undefined_acronyms(b, ["Jit", "Mla"])) == ["JIT", "MLA"]


def test_source_text_gives_exact_positions() -> None:
    b = Briefing(path="b.yaml", title="t", overview="Talks on MLA.")
    source = "title: t\noverview: |\n  Talks on MLA.\n"
    (problem,) = undefined_acronyms(b, source=source)
    assert (problem.line, problem.column) == (3, 12)
    assert str(problem).startswith("b.yaml:3:12: warning: acronym 'MLA'")


def test_names_and_references_are_not_scanned() -> None:
    b = Briefing(
        path="b.yaml",
        title="t",
        participants=(Participant("Alexander SEGER"),),
        extra=(("case_reference", "EJ-XYZ"),),
    )
    assert undefined_acronyms(b) == []


def test_samples_define_all_their_acronyms() -> None:
    for b in sample_briefings():
        assert undefined_acronyms(b) == [], b.path
