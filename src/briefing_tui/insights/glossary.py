"""Glossaries: each briefing's own, merged with a library-wide `glossary.yaml`, and marking
where their acronyms occur in text.

A library may hold, at its top, `glossary.yaml` (or `glossary.yml`): a mapping of acronym to
expansion shared by every briefing in it, so "MLA" need not be defined in each file
(`glossary_file` reads it).  A briefing's own definition wins over the library's.  For
convenience the file may also be written as a briefing would, under a `glossary:` key.

Occurrences are found as whole words, case-sensitively ("MLA" is marked, "Mla" is not), and
a term is not found inside a longer acronym ("EPOC" is not marked within "EPOC-PR").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from briefing_tui.model import Briefing, Problem

BRIEFING = "briefing"
LIBRARY = "library"


@dataclass(frozen=True, slots=True)
class LibraryGlossary:
    """The library-wide glossary: its terms (first definition wins), files and problems."""

    terms: tuple[tuple[str, str], ...] = ()
    paths: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    def as_dict(self) -> dict[str, str]:
        return dict(self.terms)


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A term as a briefing's Overview shows it, saying where the definition came from."""

    term: str
    expansion: str
    origin: str  # BRIEFING or LIBRARY


@dataclass(frozen=True, slots=True)
class AcronymHit:
    """One occurrence of a glossary term in a text: `text[start:end] == term`."""

    start: int
    end: int
    term: str


def _library_terms(
    library: LibraryGlossary | Mapping[str, str] | Iterable[tuple[str, str]] | None,
) -> dict[str, str]:
    if library is None:
        return {}
    if isinstance(library, LibraryGlossary):
        return library.as_dict()
    return dict(library)


def merge_glossary(
    briefing: Briefing,
    library: LibraryGlossary | Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
) -> tuple[GlossaryEntry, ...]:
    """The briefing's glossary, then the library terms it does not define itself.

    The briefing's definition wins; one it left empty is filled from the library.  The
    library terms are added sorted (case ignored), as a reader scanning a glossary expects.
    """
    shared = _library_terms(library)
    out: list[GlossaryEntry] = []
    own: set[str] = set()
    for term, expansion in briefing.glossary:
        own.add(term)
        if not expansion and shared.get(term):
            out.append(GlossaryEntry(term, shared[term], LIBRARY))
        else:
            out.append(GlossaryEntry(term, expansion, BRIEFING))
    for term in sorted(shared, key=str.casefold):
        if term not in own:
            out.append(GlossaryEntry(term, shared[term], LIBRARY))
    return tuple(out)


# Whole-word edges for acronyms: no letter, digit, "&" or "+" on either side, and not the
# next part of a hyphenated acronym ("PR" in "EPOC-PR"), while "JIT-related" still finds JIT.
_BEFORE = r"(?<![\w&+])(?<![A-Z0-9]-)"
_AFTER = r"(?![\w&+])(?!-[A-Z0-9])"


class AcronymMatcher:
    """Finds the occurrences of a fixed set of terms; build once, use on every pane."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = tuple(sorted({t for t in terms if t.strip()}, key=lambda t: (-len(t), t)))
        if self.terms:
            alternatives = "|".join(re.escape(t) for t in self.terms)
            self._pattern: re.Pattern[str] | None = re.compile(
                f"{_BEFORE}(?:{alternatives}){_AFTER}"
            )
        else:
            self._pattern = None

    def find(self, text: str) -> list[AcronymHit]:
        if self._pattern is None or not text:
            return []
        return [AcronymHit(m.start(), m.end(), m.group()) for m in self._pattern.finditer(text)]


@lru_cache(maxsize=64)
def _matcher(terms: frozenset[str]) -> AcronymMatcher:
    return AcronymMatcher(terms)


def find_acronyms(text: str, terms: Iterable[str]) -> list[AcronymHit]:
    """Where the glossary `terms` occur in `text` (whole word, case-sensitive), in order."""
    return _matcher(frozenset(terms)).find(text)
