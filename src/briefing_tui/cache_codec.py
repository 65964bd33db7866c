"""The cache's data format: parsed results as plain JSON values, read back with validation.

The cache used to be a pickle, and a pickle on disk is code on disk: a file planted in the
cache folder by anything running as this user ran at the next start.  JSON can only ever
describe values, and every value read back is checked against the model's field types
before a record is made, so a damaged or foreign cache is refused (ValueError), never
trusted.

Each record is a list of its fields in declaration order (names would double the file);
a participant entry is tagged "P" (person) or "G" (group).  Dates are ISO text, tuples are
lists, and a result's search row is not kept (it is folded again from the briefing).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from briefing_tui.model import (
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

Decoder = Callable[[Any], Any]


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
    if isinstance(value, tuple):
        return [_encode_value(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Severity):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encode_record(value)
    return value


def _encode_record(record: object) -> list[Any]:
    values = [_encode_value(getattr(record, f.name)) for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    if isinstance(record, Participant):
        return ["P", *values]
    if isinstance(record, ParticipantGroup):
        return ["G", *values]
    return values


# -- decoding ---------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _fail("a value that should be text")
    return value


def _line(value: Any) -> int | None:
    if value is None or type(value) is int:
        return value
    raise _fail("a line number that is not a number")


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(_text(value))
    except ValueError:
        raise _fail("a date that is not a date") from None


def _severity(value: Any) -> Severity:
    try:
        return Severity(_text(value))
    except ValueError:
        raise _fail("an unknown severity") from None


def _count(value: Any) -> int | None:
    return _line(value)


def _many(item: Decoder) -> Decoder:
    def decode(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _fail("a list that is not a list")
        return tuple(item(v) for v in value)

    return decode


def _pair(value: Any) -> tuple[str, str]:
    if type(value) is not list or len(value) != 2:
        raise _fail("a pair that is not a pair")
    return _text(value[0]), _text(value[1])


def _extra(value: Any, depth: int = 0) -> ExtraValue:
    if depth > MAX_EXTRA_DEPTH:
        raise _fail("details nested too deeply")
    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value  # type: ignore[no-any-return]
    if kind is list:
        return [_extra(v, depth + 1) for v in value]
    if kind is dict:
        return {_text(k): _extra(v, depth + 1) for k, v in value.items()}
    raise _fail("a detail of an unknown kind")


def _extra_pair(value: Any) -> tuple[str, ExtraValue]:
    if type(value) is not list or len(value) != 2:
        raise _fail("a detail that is not a pair")
    return _text(value[0]), _extra(value[1])


def _record(cls: type, decoders: tuple[Decoder, ...], tagged: bool = False) -> Decoder:
    """A decoder for `cls` made by its constructor, so its own checks and sharing apply."""
    size = len(decoders)

    def decode(value: Any) -> Any:
        if type(value) is not list:
            raise _fail(f"a {cls.__name__} that is not a record")
        fields = value[1:] if tagged else value
        if len(fields) != size:
            raise _fail(f"a {cls.__name__} with {len(fields)} fields, not {size}")
        return cls(*[d(v) for d, v in zip(decoders, fields, strict=True)])

    return decode


def _optional(decoder: Decoder) -> Decoder:
    return lambda value: None if value is None else decoder(value)


_problem = _record(Problem, (_text, _line, _line, _severity, _text))
_person = _record(Participant, (_text, _text, _text, _text, _text, _line), tagged=True)
_group = _record(ParticipantGroup, (_text, _count, _text, _line), tagged=True)


def _participant(value: Any) -> Participant | ParticipantGroup:
    tag = value[0] if type(value) is list and value else None
    if tag == "P":
        return _person(value)  # type: ignore[no-any-return]
    if tag == "G":
        return _group(value)  # type: ignore[no-any-return]
    raise _fail("a participant of an unknown kind")


_texts = _many(_text)
_briefing = _record(
    Briefing,
    (
        _text,  # path
        _text,  # title
        _text,  # format
        _date,  # date
        _date,  # end_date
        _text,  # location
        _texts,  # organisers
        _text,  # marking
        _texts,  # tags
        _text,  # summary
        _text,  # overview
        _many(_participant),
        _many(_record(Topic, (_text, _text, _texts, _line))),
        _many(_record(Outcome, (_text, _text, _text, _date, _text, _line))),
        _many(_record(Link, (_text, _text))),
        _many(_pair),  # glossary
        _optional(_record(Source, (_text, _date, _text, _text))),
        _text,  # participants_text
        _text,  # topics_text
        _text,  # outcomes_text
        _many(_record(Section, (_text, _text, _line))),
        _many(_extra_pair),
        _many(_problem),
    ),
)
_problems = _many(_problem)


def decode_result(value: Any) -> LoadResult:
    """The result `encode_result` made; raises ValueError for anything it could not have made."""
    if type(value) is not list or len(value) != 3:
        raise _fail("a result that is not a result")
    path, briefing, problems = value
    return LoadResult(
        _text(path),
        None if briefing is None else _briefing(briefing),
        _problems(problems),
    )
