"""Acronyms a briefing uses without defining: a reader from another country cannot guess them.

An *acronym* here is a word that starts with a capital, holds at least two, and may also
hold digits, "&", "-" and "+" ("MLA", "T-CY", "GLACY+", "EC3", "EPOC-PR").  One counts as
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
from bisect import bisect_right
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
# A word of capitals, digits, "&" and "+", maybe hyphenated ("EPOC-PR"), starting with a
# capital.  The regex has no
# look-arounds, so the scan is fast; whether the word stands alone (not inside a longer
# word of any script; a hyphen may join it to a lower-case word, "JIT-related" gives JIT)
# is checked on the few matches, and it still needs two capitals to count.
_CANDIDATE = re.compile(r"[A-Z][A-Z0-9&+-]*[A-Z0-9&+]")
_TWO_CAPITALS = re.compile(r"[A-Z][^A-Z]*[A-Z]")
_ALL_DIGITS_PART = re.compile(r"(?:^|-)\d+(?:-|$)")
# "Words of the expansion (ACR)": the bracket directly after a word introduces the acronym.
# Brackets are rare, so they are found first and what precedes them checked after.
_BRACKETED = re.compile(r"\(([A-Za-z0-9&+\-]+)\)")


def inline_definitions(text: str) -> set[str]:
    """Acronyms the text introduces in brackets after words: "Joint investigation team (JIT)"."""
    found: set[str] = set()
    for m in _BRACKETED.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        stripped = before.rstrip()
        if (
            stripped
            and len(stripped) < len(before)
            and (stripped[-1].isalnum() or stripped[-1] in ".'’")
        ):
            found.add(m.group(1))
    return found


def _joins_word(ch: str) -> bool:
    return ch.isalnum() or ch in "&+"


def acronym_candidates(text: str) -> Iterator[tuple[int, str]]:
    """(offset, acronym) for each acronym-like word in `text`, ignoring nothing."""
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if start and _joins_word(text[start - 1]):
            continue
        word = m.group()
        while end < len(text) and _joins_word(text[end]):
            cut = word.rfind("-")  # "JIT-Related": fall back to "JIT"
            if cut <= 0:
                break
            word = word[:cut]
            end = start + cut
        else:
            if _TWO_CAPITALS.search(word) and not _ALL_DIGITS_PART.search(word):
                yield start, word


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
    # One scan over all the texts joined (NUL never occurs in them and is no word or
    # space), with the item line of each text found afterwards by bisection.
    parts: list[str] = []
    starts: list[int] = []
    lines: list[int | None] = []
    offset = 0
    for text, line in _texts(briefing):
        if text:
            parts.append(text)
            starts.append(offset)
            lines.append(line)
            offset += len(text) + 1
    joined = "\x00".join(parts)
    defined.update(inline_definitions(joined))
    verdict: dict[str, bool] = {}
    first_line: dict[str, int | None] = {}
    for start, acronym in acronym_candidates(joined):
        report = verdict.get(acronym)
        if report is None:
            report = verdict[acronym] = not (acronym in defined or is_ignored(acronym))
        if not report:
            continue
        line = lines[bisect_right(starts, start) - 1]
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
