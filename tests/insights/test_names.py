"""Forgiving name keys: the same person or body however it was typed."""

from __future__ import annotations

import pytest

from briefing_tui.insights.names import (
    contains_words,
    fold,
    one_line,
    organisation_key,
    person_key,
    same_organisation,
    same_person,
)


@pytest.mark.parametrize(
    "spelling",
    [
        "Alexander Seger",
        "Seger, Alexander",
        "SEGER, Alexander",
        "alexander seger",
        "  Alexander   Seger ",
        "Dr Alexander Seger",
        "Dr. Alexander Seger",
        "Alexander\tSeger",
    ],
)
def test_spellings_of_one_person_share_a_key(spelling: str) -> None:
    assert person_key(spelling) == "alexander seger"


def test_diacritics_and_letters_unicode_does_not_decompose() -> None:
    assert person_key("Tomás Ferreira") == person_key("Tomas Ferreira")
    assert person_key("Łukasz Wiśniewski") == "lukasz wisniewski"
    assert person_key("Søren Ørsted") == "soren orsted"
    assert person_key("Þóra Guðmundsdóttir") == "thora gudmundsdottir"
    assert fold("Straße") == "strasse"


def test_apostrophes_and_hyphens() -> None:
    assert person_key("O'Brien, Siobhán") == person_key("Siobhan O’Brien")
    assert person_key("Jean-Pierre Dubois") == person_key("Jean Pierre Dubois")


def test_different_people_stay_apart() -> None:
    assert not same_person("Alexander Seger", "Alexandra Seger")
    assert not same_person("", "")
    # Two commas read as "Name, Role, …", not as an inverted name.
    assert person_key("Seger, Head, CoE") != person_key("Alexander Seger")


def test_organisation_keys() -> None:
    assert same_organisation("The Council of Europe", "council of europe")
    assert same_organisation("Prosecutor General’s Office", "Prosecutor General's Office")
    assert same_organisation("EUROJUST", " Eurojust ")
    assert not same_organisation("Europol", "Eurojust")
    assert organisation_key("The") == "the"


def test_contains_words_is_whole_words() -> None:
    assert contains_words("DE desk", "de")
    assert contains_words("Project secretariat", "Secretariat")
    assert contains_words("Netherlands Desk at Eurojust", "eurojust")
    assert not contains_words("Daniel Okafor", "an")
    assert not contains_words("anything", "")


def test_one_line() -> None:
    assert one_line("a\nb\t c  ") == "a b c"
