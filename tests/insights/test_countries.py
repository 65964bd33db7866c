"""Country codes and names unified through the built-in ISO 3166 table."""

from __future__ import annotations

import pytest

from briefing_tui.insights.countries import (
    COUNTRY_CODES,
    all_countries,
    country,
    country_code,
    country_name,
    same_country,
)
from briefing_tui.insights.countries_data import COUNTRIES
from briefing_tui.insights.names import fold


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("NO", "NO"),
        ("no", "NO"),
        ("NOR", "NO"),
        ("Norway", "NO"),
        (" norway ", "NO"),
        ("UK", "GB"),
        ("GB", "GB"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("The Netherlands", "NL"),
        ("Netherlands", "NL"),
        ("NLD", "NL"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("CZE", "CZ"),
        ("EL", "GR"),
        ("Greece", "GR"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
        ("Korea, Republic of", "KR"),
        ("Republic of Moldova", "MD"),
        ("Russian Federation", "RU"),
        ("EU", "EU"),
        ("European Union", "EU"),
        ("Kosovo", "XK"),
        ("United States of America", "US"),
        ("USA", "US"),
    ],
)
def test_codes_and_names_resolve(written: str, code: str) -> None:
    assert country_code(written) == code


def test_unknown_countries() -> None:
    assert country_code("Atlantis") is None
    assert country_code("") is None
    assert country("Atlantis") is None
    assert country_name("Atlantis ") == "Atlantis"


def test_names_shown() -> None:
    assert country_name("NO") == "Norway"
    assert country_name("nor") == "Norway"
    assert country_name("UK") == "United Kingdom"
    found = country("NLD")
    assert found is not None
    assert (found.code, found.alpha3, found.name) == ("NL", "NLD", "Netherlands")
    assert same_country("NO", "Norway")
    assert not same_country("NO", "SE")
    assert not same_country("Atlantis", "Atlantis")


def test_table_is_complete_and_consistent() -> None:
    alpha2 = [row[0] for row in COUNTRIES]
    alpha3 = [row[1] for row in COUNTRIES if row[1]]
    assert len(alpha2) == len(set(alpha2)) == 251  # 249 ISO 3166-1 codes, plus EU and XK
    assert len(alpha3) == len(set(alpha3)) == 250  # EU has no alpha-3
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in alpha2)
    assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in alpha3)
    assert len(all_countries()) == 251
    # No spelling is shadowed by another country's: every one finds its own row.
    for row in COUNTRIES:
        for spelling in row:
            if spelling:
                assert country_code(spelling) == row[0], (spelling, fold(spelling))


def test_country_codes_for_the_acronym_check() -> None:
    assert {"NO", "NOR", "UK", "EL", "EU", "XK", "DE", "DEU"} <= COUNTRY_CODES
    assert "Norway" not in COUNTRY_CODES
