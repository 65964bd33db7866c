"""One name per country: "NO", "NOR", "Norway" and "norway" are all Norway (NO).

Participants' countries are written as codes by some and names by others; the library's
country index is only useful if they meet.  Lookups go through a table built once from
:mod:`briefing_tui.insights.countries_data`, keyed by the same folding as names (case,
diacritics, punctuation, a leading "the" ignored).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing_tui.insights.countries_data import COUNTRIES
from briefing_tui.insights.names import fold


@dataclass(frozen=True, slots=True)
class Country:
    """A country as the index shows it: its alpha-2 code and its English name."""

    code: str
    alpha3: str
    name: str
    other_names: tuple[str, ...] = ()


def _build() -> tuple[dict[str, Country], dict[str, str]]:
    by_code: dict[str, Country] = {}
    lookup: dict[str, str] = {}
    for alpha2, alpha3, name, *others in COUNTRIES:
        by_code[alpha2] = Country(alpha2, alpha3, name, tuple(others))
        for spelling in (alpha2, alpha3, name, *others):
            if spelling:
                lookup.setdefault(_key(spelling), alpha2)
    return by_code, lookup


def _key(text: str) -> str:
    key = fold(text)
    if key.startswith("the ") and len(key) > 4:
        key = key[4:]
    return key


_BY_CODE, _LOOKUP = _build()

# Every code a briefing may use for a country, for callers that must not mistake a country
# code for an acronym (alpha-2, alpha-3 and the variants UK and EL).
COUNTRY_CODES: frozenset[str] = frozenset(
    spelling
    for row in COUNTRIES
    for spelling in row
    if spelling and len(spelling) <= 3 and spelling.isupper() and spelling.isalpha()
)


@lru_cache(maxsize=1 << 14)
def country_code(text: str) -> str | None:
    """The alpha-2 code for a code or name written any usual way, or None if unknown."""
    if not text:
        return None
    return _LOOKUP.get(_key(text))


def country(code_or_name: str) -> Country | None:
    """The country a code or name stands for, or None."""
    code = country_code(code_or_name)
    return _BY_CODE[code] if code else None


def country_name(code_or_name: str) -> str:
    """The English name ("Norway" for "NO"), or the text as written when it is unknown."""
    found = country(code_or_name)
    return found.name if found else code_or_name.strip()


def all_countries() -> tuple[Country, ...]:
    """Every country in the table, in code order (for pickers and completion)."""
    return tuple(_BY_CODE[code] for code in sorted(_BY_CODE))


def same_country(a: str, b: str) -> bool:
    code = country_code(a)
    return code is not None and code == country_code(b)
