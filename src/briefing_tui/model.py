"""The briefing model: immutable records that every reader produces and every view consumes.

The model is deliberately free of any UI or parsing concerns, so that the loader, search,
command line and Textual front end can all share it, and so that it can be pickled cheaply
across processes when a large library is parsed in parallel.  Every string held here has
already been sanitised by :mod:`briefing_tui.sanitize`, so views never need to think about
terminal control characters again (they still must never treat text as markup).

The records are frozen but not slotted: a slotted dataclass unpickles through a Python
`__setstate__` per object, which made handing 10,000 parsed briefings back from worker
processes about 40% slower; a plain `__dict__` is restored in C.
"""

from __future__ import annotations

import datetime as dt
import enum
import sys
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    """How bad a problem is: errors make `briefing check` fail, warnings do not."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Problem:
    """Something wrong with a file, pinned to where a person can go and fix it."""

    path: str
    line: int | None
    column: int | None
    severity: Severity
    message: str

    def location(self) -> str:
        """`path:line:col` in the form editors and compilers use, so the text is clickable there."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity.value}: {self.message}"


class Pane(enum.StrEnum):
    """The four panes a briefing is read in; search hits and Markdown sections name one."""

    OVERVIEW = "overview"
    PARTICIPANTS = "participants"
    TOPICS = "topics"
    OUTCOMES = "outcomes"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    def __str__(self) -> str:
        return self.value


OUTCOME_KINDS = ("finding", "decision", "action", "recommendation")
OUTCOME_STATUSES = ("open", "done")

# Values up to this long are shared (interned) when a record is made.
SHARED_MAX = 64


def _shared(value: str) -> str:
    """`value`, as the one shared string when it is short (see `_share`)."""
    return sys.intern(value) if type(value) is str and 0 < len(value) <= SHARED_MAX else value


def _share(record: object, *names: str) -> None:
    """Make short values that repeat across a library one shared string each.

    Roles, organisations, countries, kinds and statuses recur thousands of times in a large
    library: sharing them took a 10,000-briefing library's records from 22 KB to about
    13 KB each, and a pickle of a chunk of records holds each value once, so results cross
    from the worker processes faster.  Only freshly made records are touched (from
    `__post_init__`), before anything else can see them.
    """
    values = record.__dict__
    for name in names:
        values[name] = _shared(values[name])


@dataclass(frozen=True, init=False)
class Participant:
    """A named person or body that took part."""

    name: str
    role: str = ""
    organisation: str = ""
    country: str = ""
    notes: str = ""
    line: int | None = None

    def __init__(
        self,
        name: str,
        role: str = "",
        organisation: str = "",
        country: str = "",
        notes: str = "",
        line: int | None = None,
    ) -> None:
        # Straight into the instance's dict, shared as `_share` does: a frozen dataclass's
        # own __init__ sets each field through object.__setattr__, and with the sharing
        # after it, making 200,000 participants took 0.37-0.46 s instead of 0.19 s.
        values = self.__dict__
        values["name"] = _shared(name)
        values["role"] = _shared(role)
        values["organisation"] = _shared(organisation)
        values["country"] = _shared(country)
        values["notes"] = notes
        values["line"] = line


@dataclass(frozen=True)
class ParticipantGroup:
    """Many people described together ("Eurojust National Members", "60+ countries")."""

    group: str
    count: int | None = None
    notes: str = ""
    line: int | None = None

    def __post_init__(self) -> None:
        _share(self, "group")


@dataclass(frozen=True)
class Topic:
    """One thing that was discussed; `summary` is Markdown."""

    title: str
    summary: str = ""
    speakers: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Outcome:
    """A finding, decision, action or recommendation that came out of the event."""

    text: str
    kind: str = ""
    owner: str = ""
    due: dt.date | None = None
    status: str = ""
    line: int | None = None

    def __post_init__(self) -> None:
        _share(self, "kind", "owner", "status")


@dataclass(frozen=True)
class Link:
    """A reference shown as text with its URL visible; the reader never opens it."""

    title: str
    url: str = ""


@dataclass(frozen=True)
class Source:
    """Where the briefing's facts come from."""

    publisher: str = ""
    published: dt.date | None = None
    url: str = ""
    reference: str = ""

    def is_empty(self) -> bool:
        return not (self.publisher or self.published or self.url or self.reference)


@dataclass(frozen=True, init=False)
class Section:
    """A Markdown section that belongs to no pane; shown on Overview in document order."""

    title: str
    body: str
    line: int | None = None

    def __init__(self, title: str, body: str, line: int | None = None) -> None:
        # As Participant's: 100,000 headings are read before their first screen.
        values = self.__dict__
        values["title"] = title
        values["body"] = body
        values["line"] = line


ExtraValue = str | int | float | bool | None | list["ExtraValue"] | dict[str, "ExtraValue"]


@dataclass(frozen=True)
class Briefing:
    """One briefing document, as read; everything optional but the title."""

    path: str
    title: str
    format: str = "yaml"
    date: dt.date | None = None
    end_date: dt.date | None = None
    location: str = ""
    organisers: tuple[str, ...] = ()
    marking: str = ""
    tags: tuple[str, ...] = ()
    summary: str = ""
    overview: str = ""
    participants: tuple[Participant | ParticipantGroup, ...] = ()
    topics: tuple[Topic, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    links: tuple[Link, ...] = ()
    glossary: tuple[tuple[str, str], ...] = ()
    source: Source | None = None
    # Prose from Markdown pane sections that did not turn into items (kept, never dropped).
    participants_text: str = ""
    topics_text: str = ""
    outcomes_text: str = ""
    sections: tuple[Section, ...] = ()
    extra: tuple[tuple[str, ExtraValue], ...] = ()
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def people(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if isinstance(p, Participant))

    @property
    def groups(self) -> tuple[ParticipantGroup, ...]:
        return tuple(p for p in self.participants if isinstance(p, ParticipantGroup))

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def date_range(self) -> str:
        """Human form of the event dates: `2018-03-07 – 2018-03-08`, or one date, or ``""``."""
        if self.date is None:
            return ""
        if self.end_date is None or self.end_date == self.date:
            return self.date.isoformat()
        return f"{self.date.isoformat()} – {self.end_date.isoformat()}"

    def sort_key(self) -> tuple[int, str, str]:
        """Newest first, undated last, then by title: the order of the library list."""
        ordinal = self.date.toordinal() if self.date else 0
        return (-ordinal, self.title.casefold(), self.path)


@dataclass(frozen=True)
class LoadResult:
    """What reading one file gave: maybe a briefing, and every problem found on the way."""

    path: str
    briefing: Briefing | None
    problems: tuple[Problem, ...] = ()
    # The briefing's folded search columns (`search.rows.row_values`), when the loader was
    # asked to make them where the file was parsed: a worker process folds the text, so the
    # reader's own process only inserts it into the index.
    search_row: tuple[str, ...] | None = field(default=None, compare=False, repr=False)
