"""The search language: parse what a person typed into a Query, then into safe FTS5 and SQL.

The parser never raises and never passes user text through: whatever was typed is folded
and cut into tokens (letters and digits only), and the FTS5 expression is assembled from
those tokens, each inside double quotes, so no input can be read as FTS5 syntax.  Odd
input (`"abc`, `NEAR(`, `[@click=app.quit]`, a lone `-`) simply becomes words, or is
dropped when it holds no word at all.

Syntax: words are ANDed; `"a phrase"`; `-word` or `NOT word` excludes; `a OR b`; a trailing
`*` or the word still being typed (no space after it) matches as a prefix; filters
`title:`, `participant:`, `org:`, `country:`, `tag:`, `marking:` take a word or a phrase;
`date:2018`, `date:2018-03`, `date:2018-03-07`, `date:2018-03..2019-12` (either end may be
left open) keep briefings whose dates overlap the range.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from datetime import date

from briefing_tui.search.folding import TOKEN_CHARS, TOKEN_RE, fold

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
MAX_PHRASE_TOKENS = 32
# A one- or two-letter prefix matches most of the vocabulary and most of a large library,
# which is slow for no use: while the first two letters of a word are being typed, they
# match as a whole word (`eu` finds "EU"); from the third letter on, as a prefix.
MIN_PREFIX = 3


class Scope(enum.StrEnum):
    """Which text a phrase must be found in."""

    ANY = "any"
    TITLE = "title"
    PARTICIPANT = "participant"
    ORG = "org"
    COUNTRY = "country"
    TAG = "tag"
    MARKING = "marking"


FIELD_NAMES: dict[str, Scope | None] = {
    "title": Scope.TITLE,
    "participant": Scope.PARTICIPANT,
    "participants": Scope.PARTICIPANT,
    "person": Scope.PARTICIPANT,
    "people": Scope.PARTICIPANT,
    "org": Scope.ORG,
    "organisation": Scope.ORG,
    "organization": Scope.ORG,
    "country": Scope.COUNTRY,
    "tag": Scope.TAG,
    "tags": Scope.TAG,
    "marking": Scope.MARKING,
    "tlp": Scope.MARKING,
    "date": None,  # dates are not text: see DateRange
}


@dataclass(frozen=True, slots=True)
class Phrase:
    """Consecutive folded tokens; with `prefix`, the last one only has to start a token."""

    tokens: tuple[str, ...]
    prefix: bool = False
    scope: Scope = Scope.ANY

    def fts(self) -> str:
        """This phrase in FTS5 syntax: only token characters and spaces inside the quotes."""
        quoted = '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")
        if self.scope is Scope.ANY:
            return quoted
        return "{" + " ".join(SCOPE_COLUMNS[self.scope]) + "} : " + quoted

    def needle(self) -> str:
        """What the phrase looks like inside a space-joined, space-padded token string."""
        return " " + " ".join(self.tokens) + ("" if self.prefix else " ")


@dataclass(frozen=True, slots=True)
class DateRange:
    """Inclusive range of days; a briefing matches when its own dates overlap it."""

    start: date
    end: date

    def overlaps(self, first: date | None, last: date | None) -> bool:
        if first is None:
            return False
        return first <= self.end and (last or first) >= self.start


Atom = Phrase | DateRange


@dataclass(frozen=True, slots=True)
class Clause:
    """Atoms ORed together; a negated clause excludes what it matches."""

    atoms: tuple[Atom, ...]
    negated: bool = False

    @property
    def is_date(self) -> bool:
        return isinstance(self.atoms[0], DateRange)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: clauses ANDed together, and what was typed but could not be used."""

    text: str
    clauses: tuple[Clause, ...] = ()
    ignored: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def positive_phrases(self) -> tuple[Phrase, ...]:
        """Phrases that make a briefing match: what snippets and highlights show."""
        return tuple(
            a for c in self.clauses if not c.negated for a in c.atoms if isinstance(a, Phrase)
        )

    @property
    def text_clauses(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.is_date)

    @property
    def date_clauses(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.is_date)


# Columns of the FTS5 table each scope searches (see search.rows), fixed here so that
# nothing a user types ever names a column.
SCOPE_COLUMNS: dict[Scope, tuple[str, ...]] = {
    Scope.TITLE: ("title",),
    Scope.PARTICIPANT: ("names", "f_role", "f_porg"),
    Scope.ORG: ("f_porg", "f_organisers"),
    Scope.COUNTRY: ("f_country",),
    Scope.TAG: ("f_tag",),
    Scope.MARKING: ("f_marking",),
}


# --- Lexing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Lexeme:
    text: str
    negated: bool = False
    field: str | None = None  # lower-cased field name as typed, when it is a known field
    quoted: bool = False
    closed: bool = True  # a quoted lexeme whose closing quote was typed
    star: bool = False  # ended with `*`
    typing: bool = False  # last lexeme, nothing typed after it


_FIELD_RE = re.compile(r"([A-Za-z]+):")


def _lex(text: str) -> list[_Lexeme]:
    out: list[_Lexeme] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        field = None
        m = _FIELD_RE.match(text, i)
        if m and m[1].lower() in FIELD_NAMES:
            field = m[1].lower()
            i = m.end()
        if i < n and text[i] == '"':
            close = text.find('"', i + 1)
            closed = close >= 0
            body = text[i + 1 : close] if closed else text[i + 1 :]
            i = close + 1 if closed else n
            star = i < n and text[i] == "*"
            if star:
                i += 1
            out.append(_Lexeme(body, negated, field, True, closed, star, i >= n and not closed))
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        body = text[i:j]
        star = body.endswith("*")
        typing = j >= n
        out.append(
            _Lexeme(body.rstrip("*") if star else body, negated, field, False, True, star, typing)
        )
        i = j
    return out


# --- Parsing --------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_DATE_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _date_bounds(value: str) -> tuple[date, date] | None:
    m = _DATE_RE.fullmatch(value)
    if not m:
        return None
    try:
        year = int(m[1])
        if m[2] is None:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(m[2])
        if m[3] is None:
            return date(year, month, 1), _month_end(year, month)
        day = date(year, month, int(m[3]))
        return day, day
    except ValueError:
        return None


def parse_date_range(value: str) -> DateRange | None:
    """`2018`, `2018-03`, `2018-03-07`, or two of them joined by `..` (either may be left out)."""
    value = value.strip()
    if ".." not in value:
        bounds = _date_bounds(value)
        return DateRange(*bounds) if bounds else None
    left, _, right = value.partition("..")
    if not left and not right:
        return None
    lo = _date_bounds(left) if left else (date.min, date.min)
    hi = _date_bounds(right) if right else (date.max, date.max)
    if lo is None or hi is None:
        return None
    start, end = lo[0], hi[1]
    if end < start:
        start, end = hi[0], lo[1]
    return DateRange(start, end)


def _phrase(text: str, scope: Scope, prefix: bool) -> Phrase | None:
    toks = tuple(TOKEN_RE.findall(fold(text)))[:MAX_PHRASE_TOKENS]
    if not toks:
        return None
    if prefix and len(toks[-1]) < MIN_PREFIX:
        prefix = False
    return Phrase(toks, prefix, scope)


_OPERATORS = ("OR", "AND", "NOT")


@dataclass(frozen=True, slots=True)
class _Unit:
    atom: Atom | None  # None: an operator
    op: str = ""
    negated: bool = False
    typing: bool = False  # the word still being typed (a prefix because of that alone)

    def negate(self) -> _Unit:
        """This atom excluded; a word being typed is excluded whole, not as a prefix."""
        atom = self.atom
        if self.typing and isinstance(atom, Phrase) and atom.prefix:
            atom = Phrase(atom.tokens, False, atom.scope)
        return _Unit(atom, negated=True)


def _atom(lx: _Lexeme, ignored: list[str]) -> Atom | None:
    shown = (
        ("-" if lx.negated else "")
        + (f"{lx.field}:" if lx.field else "")
        + (f'"{lx.text}"' if lx.quoted else lx.text)
    )
    if lx.field == "date":
        rng = parse_date_range(lx.text)
        if rng is None:
            ignored.append(shown)
        return rng
    if lx.field is not None and not lx.text.strip():
        ignored.append(shown)  # `title:` with nothing after it yet
        return None
    scope = FIELD_NAMES[lx.field] if lx.field else Scope.ANY
    prefix = not lx.negated and (lx.star or (lx.typing and (not lx.quoted or not lx.closed)))
    phrase = _phrase(lx.text, scope or Scope.ANY, prefix)
    if phrase is None and lx.text.strip():
        ignored.append(shown)
    return phrase


def _units(lexemes: list[_Lexeme], ignored: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    for lx in lexemes:
        if lx.text in _OPERATORS and not (lx.quoted or lx.negated or lx.field or lx.star):
            units.append(_Unit(None, lx.text, typing=lx.typing))
            continue
        atom = _atom(lx, ignored)
        if atom is not None:
            units.append(_Unit(atom, negated=lx.negated, typing=lx.typing and not lx.star))
    return units


def _as_word(unit: _Unit) -> _Unit:
    """An operator with nothing to operate on is the plain word it spells."""
    phrase = _phrase(unit.op, Scope.ANY, unit.typing)
    return _Unit(phrase)


def parse_query(text: str) -> Query:
    """Parse anything a person can type; never raises."""
    original = text
    ignored: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        ignored.append(f"(text after {MAX_QUERY_CHARS} characters)")
    units = _units(_lex(text), ignored)

    # NOT binds to the atom after it; AND between two atoms is what happens anyway.
    resolved: list[_Unit] = []
    i = 0
    while i < len(units):
        u = units[i]
        nxt = units[i + 1] if i + 1 < len(units) else None
        if u.op == "NOT" and nxt is not None and nxt.atom is not None and not nxt.negated:
            resolved.append(nxt.negate())
            i += 2
            continue
        if u.op == "AND" and resolved and resolved[-1].atom is not None and nxt is not None:
            i += 1
            continue
        resolved.append(_as_word(u) if u.op in ("NOT", "AND") else u)
        i += 1

    clauses: list[Clause] = []
    i = 0
    while i < len(resolved):
        u = resolved[i]
        if u.op == "OR":
            prev = clauses[-1] if clauses else None
            nxt = resolved[i + 1] if i + 1 < len(resolved) else None
            joinable = (
                prev is not None
                and not prev.negated
                and nxt is not None
                and nxt.atom is not None
                and not nxt.negated
            )
            if joinable and prev is not None and nxt is not None and nxt.atom is not None:
                if prev.is_date == isinstance(nxt.atom, DateRange):
                    clauses[-1] = Clause((*prev.atoms, nxt.atom))
                else:
                    ignored.append("OR")  # a date OR a word: both are kept, ANDed
                    clauses.append(Clause((nxt.atom,)))
                i += 2
                continue
            u = _as_word(u)
        if u.atom is not None:
            clauses.append(Clause((u.atom,), u.negated))
        i += 1

    if len(clauses) > MAX_CLAUSES:
        ignored.append(f"(terms after the first {MAX_CLAUSES})")
        clauses = clauses[:MAX_CLAUSES]
    return Query(original, tuple(clauses), tuple(ignored))


# --- Matching in Python: the scan fallback and the highlighter ------------------------------


def phrase_pattern(phrase: Phrase) -> re.Pattern[str]:
    """A regex finding `phrase` in folded text, token boundaries respected.

    The pattern starts with the first token as a literal, and checks the boundary before it
    with a lookbehind placed after it, so that the regex engine can skip ahead with a fast
    literal search (a leading lookbehind made every search sixty times slower).
    """
    first = re.escape(phrase.tokens[0])
    sep = r"[\W_]+"  # anything but token characters (see search.folding.TOKEN_CHARS)
    body = first + f"(?<!(?:{TOKEN_CHARS}){first})"
    for token in phrase.tokens[1:]:
        body += sep + re.escape(token)
    body += f"(?:{TOKEN_CHARS})*" if phrase.prefix else f"(?!{TOKEN_CHARS})"
    return re.compile(body, re.DOTALL)
