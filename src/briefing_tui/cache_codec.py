"""The cache's data format: parsed results as plain JSON values, read back with validation.

The cache used to be a pickle, and a pickle on disk is code on disk: a file planted in the
cache folder by anything running as this user ran at the next start.  JSON can only ever
describe values, and every value read back is checked against the model's field types
before a record is made, so a damaged or foreign cache is refused (ValueError), never
trusted.

Each record is a list of its fields in declaration order (names would double the file).
The many small records (participants, outcomes) and lists of short texts (tags) are packed
into one string each, fields joined by U+001F, which cleaned document text never holds
(`sanitize.clean` shows it as a visible symbol): JSON's cost is per value, and packing took
reading a 10,000-briefing cache from 1.1 s to 0.4 s.  A record whose text does hold the
separator is kept as a list; the decoder takes either.  A participant is tagged "P"
(person) or "G" (group).  Dates are ISO text, a missing number or date is "" when packed,
and a result's search row is not kept (it is folded again from the briefing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from briefing_tui.model import (
    SHARED_MAX,
    Briefing,
    ExtraValue,
    Link,
    LoadResult,
    Outcome,
    Participant,
    ParticipantGroup,
    Problem,
    Section,
    Severity,
    Source,
    Topic,
)

# Nested "Other details" deeper than this is not something the reader ever produced.
MAX_EXTRA_DEPTH = 80

R = TypeVar("R")
T = TypeVar("T")


class _Bad(ValueError):
    """A value that the model could not have produced."""


def _fail(what: str) -> _Bad:
    return _Bad(f"cache holds {what}")


# -- encoding ---------------------------------------------------------------------------------


def encode_result(result: LoadResult) -> list[Any]:
    """A result as plain values for `json.dumps` (its search row left out)."""
    briefing = _encode_record(result.briefing) if result.briefing is not None else None
    return [result.path, briefing, [_encode_record(p) for p in result.problems]]


def _encode_value(value: object) -> Any:
    if isinstance(value, tuple) and value and all(type(item) is str for item in value):
        return _encode_texts(value)
    if isinstance(value, tuple):
        return [_encode_value(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Severity):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encode_record(value)
    return value


SEP = "\x1f"
_PACKED = (Participant, ParticipantGroup, Outcome)


def _encode_record(record: object) -> list[Any] | str:
    values = [_encode_value(getattr(record, f.name)) for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    if isinstance(record, Participant):
        values = ["P", *values]
    elif isinstance(record, ParticipantGroup):
        values = ["G", *values]
    if isinstance(record, _PACKED):
        texts = ["" if v is None else str(v) for v in values]
        if not any(SEP in text for text in texts):
            return SEP.join(texts)
    return values


def _encode_texts(values: tuple[str, ...]) -> list[str] | str:
    """Short texts packed into one string, unless one is empty or holds the separator."""
    if all(value and SEP not in value for value in values):
        return SEP.join(values)
    return list(values)


# -- decoding ---------------------------------------------------------------------------------
#
# Written out class by class: a start with a 10,000-briefing cache decodes about 300,000
# records, and a generic decoder (a checker call per field, the records' own __init__)
# took 2.7 s where pickle had taken well under one.  Each record is checked in place and
# made without running __init__, as pickle made them; short values are shared as the
# model's own constructors share them (see `model._share`).


def _shared(value: str) -> str:
    return sys.intern(value) if len(value) <= SHARED_MAX else value


def _made(cls: type[R], values: dict[str, Any]) -> R:
    record = object.__new__(cls)
    record.__dict__.update(values)
    return record


def _is_line(value: Any) -> bool:
    return value is None or type(value) is int


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is str:
        return tuple(value.split(SEP)) if value else ()
    if type(value) is not list or not all(type(v) is str for v in value):
        raise _fail("a list of texts that is not one")
    return tuple(value)


def _fields(value: Any) -> list[Any]:
    """A record's fields, from a packed string or a list."""
    if type(value) is str:
        return value.split(SEP)
    if type(value) is list:
        return value
    raise _fail("a record that is not one")


def _packed_number(value: Any) -> Any:
    """A packed number field back to int or None; list-form values pass as they are."""
    if type(value) is not str:
        return value
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise _fail("a number that is not one") from None


def _packed_date(value: Any) -> Any:
    return None if value == "" else value


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if type(value) is not str:
        raise _fail("a date that is not a date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail("a date that is not a date") from None


def _record(value: Any, size: int, what: str) -> list[Any]:
    if type(value) is not list or len(value) != size:
        raise _fail(f"a {what} that is not one")
    return value


def _problem(value: Any) -> Problem:
    path, line, column, severity, message = _record(value, 5, "problem")
    if not (
        type(path) is str
        and type(message) is str
        and _is_line(line)
        and _is_line(column)
        and severity in _SEVERITIES
    ):
        raise _fail("a problem that is not one")
    return _made(
        Problem,
        {
            "path": path,
            "line": line,
            "column": column,
            "severity": _SEVERITIES[severity],
            "message": message,
        },
    )


_SEVERITIES = {s.value: s for s in Severity}


def _participant(value: Any) -> Participant | ParticipantGroup:
    packed = type(value) is str
    value = _fields(value)
    if len(value) == 7 and value[0] == "P":
        _, name, role, organisation, country, notes, line = value
        if packed:
            line = _packed_number(line)
        if (
            type(name) is str
            and type(role) is str
            and type(organisation) is str
            and type(country) is str
            and type(notes) is str
            and _is_line(line)
        ):
            return _made(
                Participant,
                {
                    "name": _shared(name),
                    "role": _shared(role),
                    "organisation": _shared(organisation),
                    "country": _shared(country),
                    "notes": notes,
                    "line": line,
                },
            )
    elif len(value) == 5 and value[0] == "G":
        _, group, count, notes, line = value
        if packed:
            count, line = _packed_number(count), _packed_number(line)
        if type(group) is str and _is_line(count) and type(notes) is str and _is_line(line):
            return _made(
                ParticipantGroup,
                {"group": _shared(group), "count": count, "notes": notes, "line": line},
            )
    raise _fail("a participant that is not one")


def _participants(value: Any) -> tuple[Participant | ParticipantGroup, ...]:
    """All of a briefing's participants: the packed people, most of a cache, on a fast path."""
    if type(value) is not list:
        raise _fail("a list that is not one")
    out: list[Participant | ParticipantGroup] = []
    append, new, intern, sep = out.append, object.__new__, sys.intern, SEP
    for item in value:
        if type(item) is str and item.startswith("P\x1f"):
            parts = item.split(sep)
            if len(parts) != 7:
                raise _fail("a participant that is not one")
            _, name, role, organisation, country, notes, line = parts
            person = new(Participant)
            person.__dict__.update(
                name=intern(name) if len(name) <= SHARED_MAX else name,
                role=intern(role) if len(role) <= SHARED_MAX else role,
                organisation=(
                    intern(organisation) if len(organisation) <= SHARED_MAX else organisation
                ),
                country=intern(country) if len(country) <= SHARED_MAX else country,
                notes=notes,
                line=int(line) if line else None,  # (int's ValueError is refusal too)
            )
            append(person)
        else:
            append(_participant(item))
    return tuple(out)


def _topic(value: Any) -> Topic:
    title, summary, speakers, line = _record(value, 4, "topic")
    if not (type(title) is str and type(summary) is str and _is_line(line)):
        raise _fail("a topic that is not one")
    return _made(
        Topic, {"title": title, "summary": summary, "speakers": _texts(speakers), "line": line}
    )


def _outcome(value: Any) -> Outcome:
    packed = type(value) is str
    text, kind, owner, due, status, line = _record(_fields(value), 6, "outcome")
    if packed:
        due, line = _packed_date(due), _packed_number(line)
    if not (
        type(text) is str
        and type(kind) is str
        and type(owner) is str
        and type(status) is str
        and _is_line(line)
    ):
        raise _fail("an outcome that is not one")
    return _made(
        Outcome,
        {
            "text": text,
            "kind": _shared(kind),
            "owner": _shared(owner),
            "due": _date(due),
            "status": _shared(status),
            "line": line,
        },
    )


def _link(value: Any) -> Link:
    title, url = _record(value, 2, "link")
    if type(title) is not str or type(url) is not str:
        raise _fail("a link that is not one")
    return _made(Link, {"title": title, "url": url})


def _pair(value: Any) -> tuple[str, str]:
    first, second = _record(_fields(value), 2, "pair")
    if type(first) is not str or type(second) is not str:
        raise _fail("a pair that is not one")
    return first, second


def _source(value: Any) -> Source | None:
    if value is None:
        return None
    publisher, published, url, reference = _record(value, 4, "source")
    if not (type(publisher) is str and type(url) is str and type(reference) is str):
        raise _fail("a source that is not one")
    return _made(
        Source,
        {"publisher": publisher, "published": _date(published), "url": url, "reference": reference},
    )


def _section(value: Any) -> Section:
    title, body, line = _record(value, 3, "section")
    if not (type(title) is str and type(body) is str and _is_line(line)):
        raise _fail("a section that is not one")
    return _made(Section, {"title": title, "body": body, "line": line})


def _extra(value: Any, depth: int = 0) -> ExtraValue:
    if depth > MAX_EXTRA_DEPTH:
        raise _fail("details nested too deeply")
    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value  # type: ignore[no-any-return]
    if kind is list:
        return [_extra(v, depth + 1) for v in value]
    if kind is dict:
        return {k: _extra(v, depth + 1) for k, v in value.items()}  # JSON keys are text
    raise _fail("a detail of an unknown kind")


def _extra_pair(value: Any) -> tuple[str, ExtraValue]:
    key, item = _record(_fields(value), 2, "detail")
    if type(key) is not str:
        raise _fail("a detail that is not one")
    return key, _extra(item)


def _many(decode: Callable[[Any], T], value: Any) -> tuple[T, ...]:
    if type(value) is not list:
        raise _fail("a list that is not one")
    return tuple(map(decode, value))


_BRIEFING_TEXTS = (
    "path",
    "title",
    "format",
    "location",
    "marking",
    "summary",
    "overview",
    "participants_text",
    "topics_text",
    "outcomes_text",
)


def _briefing(value: Any) -> Briefing:
    (
        path,
        title,
        format_,
        date,
        end_date,
        location,
        organisers,
        marking,
        tags,
        summary,
        overview,
        participants,
        topics,
        outcomes,
        links,
        glossary,
        source,
        participants_text,
        topics_text,
        outcomes_text,
        sections,
        extra,
        problems,
    ) = _record(value, 23, "briefing")
    fields = {
        "path": path,
        "title": title,
        "format": format_,
        "date": _date(date),
        "end_date": _date(end_date),
        "location": location,
        "organisers": _texts(organisers),
        "marking": marking,
        "tags": _texts(tags),
        "summary": summary,
        "overview": overview,
        "participants": _participants(participants),
        "topics": _many(_topic, topics),
        "outcomes": _many(_outcome, outcomes),
        "links": _many(_link, links),
        "glossary": _many(_pair, glossary),
        "source": _source(source),
        "participants_text": participants_text,
        "topics_text": topics_text,
        "outcomes_text": outcomes_text,
        "sections": _many(_section, sections),
        "extra": _many(_extra_pair, extra),
        "problems": _many(_problem, problems),
    }
    if not all(type(fields[name]) is str for name in _BRIEFING_TEXTS):
        raise _fail("a briefing that is not one")
    return _made(Briefing, fields)


def decode_result(value: Any) -> LoadResult:
    """The result `encode_result` made; raises ValueError for anything it could not have made."""
    path, briefing, problems = _record(value, 3, "result")
    if type(path) is not str:
        raise _fail("a result that is not one")
    return _made(
        LoadResult,
        {
            "path": path,
            "briefing": None if briefing is None else _briefing(briefing),
            "problems": _many(_problem, problems),
            "search_row": None,
        },
    )
