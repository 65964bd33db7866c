"""Acronyms a briefing uses without defining: a reader from another country cannot guess them.

An *acronym* here is a word of capitals with at least two letters, which may also hold
digits, "&", "-" and "+" ("MLA", "T-CY", "GLACY+", "EC3", "EPOC-PR").  One counts as
defined when the briefing's glossary or the library glossary has it (exact case), or when
the text introduces it in brackets straight after its words ("Cybercrime Convention
Committee (T-CY)").  Words of capitals that are not acronyms a reader needs explained are
ignored:

* country codes — ISO 3166 alpha-2 and alpha-3 ("NL", "NOR"), and EU, UK, EL, XK;
  "EU" is thus never reported, though a glossary may still define it for marking;
* handling-marking words: TLP, RED, AMBER, GREEN, CLEAR, WHITE, STRICT, RESTRICTED,
  CONFIDENTIAL, SECRET, TOP, LIMITE, UNCLASSIFIED, OFFICIAL, SENSITIVE, PUBLIC, …;
* Roman numerals made of I, V, X and L ("II", "XIV"), as in "Part II";
* a short list of abbreviations nobody spells out (AM, PM, UTC, PDF, URL, …) and of
  English words written in capitals for emphasis (NOT, MUST, NOTE, …);
* reference numbers: a hyphenated word with an all-digit part ("CM-2021-0123").

Names of people are not scanned (surnames are sometimes written in capitals), nor URLs,
source references or unknown keys.  One warning is given per acronym, at the first line
known for it; the model keeps lines for items (participants, topics, outcomes, sections),
and when the caller passes the file's text the exact line and column are found there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from briefing_tui.insights.countries import COUNTRY_CODES
from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.model import Briefing, Participant, Problem, Severity

MARKING_WORDS = frozenset(
    {
        "TLP",
        "RED",
        "AMBER",
        "AMBER+STRICT",
        "GREEN",
        "CLEAR",
        "WHITE",
        "STRICT",
        "RESTRICTED",
        "RESTREINT",
        "CONFIDENTIAL",
        "CONFIDENTIEL",
        "SECRET",
        "TOP",
        "LIMITE",
        "UNCLASSIFIED",
        "OFFICIAL",
        "OFFICIAL-SENSITIVE",
        "SENSITIVE",
        "PUBLIC",
        "INTERNAL",
        "FOUO",
        "UE",
    }
)
COMMON_WORDS = frozenset(
    {
        # abbreviations read as words
        "AM",
        "PM",
        "OK",
        "TV",
        "ID",
        "PDF",
        "URL",
        "FAQ",
        "UTC",
        "GMT",
        "CET",
        "CEST",
        "EUR",
        "USD",
        "GBP",
        "NB",
        "PS",
        "TBC",
        "TBD",
        # English words in capitals for emphasis
        "NOT",
        "MUST",
        "SHALL",
        "NOTE",
        "ONLY",
        "ALL",
        "AND",
        "OR",
        "THE",
        "DRAFT",
        "FINAL",
        "ANNEX",
        "URGENT",
    }
)
IGNORED = MARKING_WORDS | COMMON_WORDS | COUNTRY_CODES

_ROMAN = re.compile(r"^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
# A run of letters, digits, "&", "+" and "-" (any script, so "ÅLAND" is one word).
_WORD = re.compile(r"(?:[^\W_]|[&+\-])+")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&+\-]*$")
_CAPITALS = re.compile(r"[A-Z]")
# "Words of the expansion (ACR)": the bracket directly after a word introduces the acronym.
_INLINE = re.compile(r"[^\W\d_][\w.'’-]*\s+\(([A-Za-z0-9&+\-]+)\)")


def acronym_candidates(text: str) -> Iterator[tuple[int, str]]:
    """(offset, acronym) for each acronym-like word in `text`, ignoring nothing."""
    for m in _WORD.finditer(text):
        word = m.group()
        start = m.start()
        if _ACRONYM.match(word):
            parts = [(start, word)]
        else:  # "JIT-related": look at the hyphenated parts
            parts = []
            offset = start
            for part in word.split("-"):
                parts.append((offset, part))
                offset += len(part) + 1
        for offset, part in parts:
            lead = len(part) - len(part.lstrip("-&"))
            part = part.strip("-&")
            if (
                len(part) >= 2
                and _ACRONYM.match(part)
                and len(_CAPITALS.findall(part)) >= 2
                and not any(piece.isdigit() for piece in part.split("-"))
            ):
                yield offset + lead, part


def is_ignored(acronym: str) -> bool:
    """Whether `acronym` is a word this check never reports (see the module docstring)."""
    return acronym in IGNORED or bool(_ROMAN.match(acronym))


def _texts(b: Briefing) -> Iterator[tuple[str, int | None]]:
    """Every text of a briefing a reader sees, with the line of its item where known."""
    yield b.title, None
    yield b.summary, None
    yield b.location, None
    for organiser in b.organisers:
        yield organiser, None
    for tag in b.tags:
        yield tag, None
    yield b.overview, None
    for p in b.participants:
        if isinstance(p, Participant):
            yield p.role, p.line
            yield p.organisation, p.line
            yield p.notes, p.line
        else:
            yield p.group, p.line
            yield p.notes, p.line
    yield b.participants_text, None
    for t in b.topics:
        yield t.title, t.line
        yield t.summary, t.line
        for speaker in t.speakers:
            yield speaker, t.line
    yield b.topics_text, None
    for o in b.outcomes:
        yield o.text, o.line
        yield o.owner, o.line
    yield b.outcomes_text, None
    for s in b.sections:
        yield s.title, s.line
        yield s.body, s.line
    for link in b.links:
        if link.title != link.url:
            yield link.title, None
    for _, expansion in b.glossary:
        yield expansion, None
    if b.source is not None:
        yield b.source.publisher, None


def _position(source: str, acronym: str) -> tuple[int, int] | None:
    """1-based (line, column) of the first whole-word occurrence of `acronym` in `source`."""
    pattern = re.compile(r"(?<![\w&+])(?<![A-Z0-9]-)" + re.escape(acronym) + r"(?![\w&+])")
    m = pattern.search(source)
    if m is None:
        return None
    line = source.count("\n", 0, m.start()) + 1
    column = m.start() - (source.rfind("\n", 0, m.start()) + 1) + 1
    return line, column


def undefined_acronyms(
    briefing: Briefing,
    library_glossary: LibraryGlossary | Mapping[str, str] | Iterable[str] | None = None,
    source: str | None = None,
) -> list[Problem]:
    """A warning for each acronym `briefing` uses that no glossary defines.

    `library_glossary` is the library-wide glossary (a LibraryGlossary, a mapping, or just
    the terms).  `source`, the file's text as read, when given, pins each warning to the
    exact line and column of the acronym's first use.
    """
    defined: set[str] = {term for term, _ in briefing.glossary}
    if isinstance(library_glossary, LibraryGlossary):
        defined.update(term for term, _ in library_glossary.terms)
    elif library_glossary is not None:
        defined.update(library_glossary)
    first_line: dict[str, int | None] = {}
    texts = [(text, line) for text, line in _texts(briefing) if text]
    for text, _ in texts:
        for m in _INLINE.finditer(text):
            defined.add(m.group(1))
    for text, line in texts:
        for _, acronym in acronym_candidates(text):
            if acronym in defined or is_ignored(acronym):
                continue
            if acronym not in first_line:
                first_line[acronym] = line
            elif line is not None:
                known = first_line[acronym]
                first_line[acronym] = line if known is None else min(known, line)
    problems: list[Problem] = []
    for acronym, line in first_line.items():
        column: int | None = None
        if source is not None:
            found = _position(source, acronym)
            if found is not None:
                line, column = found
        problems.append(
            Problem(
                briefing.path,
                line,
                column,
                Severity.WARNING,
                f"acronym '{acronym}' is not defined (add it under glossary: "
                "or to the library's glossary.yaml)",
            )
        )
    problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0, p.message))
    return problems
