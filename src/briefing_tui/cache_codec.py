"""The cache's data format: parsed results as plain JSON values, read back with validation.

The cache used to be a pickle, and a pickle on disk is code on disk: a file planted in the
cache folder by anything running as this user ran at the next start.  JSON can only ever
describe values, and every value read back is checked against the model's field types
before a record is made, so a damaged or foreign cache is refused (ValueError), never
trusted.

Each record is a list of its fields in declaration order (names would double the file); a
briefing's items (`cache_lazy.LAZY_FIELDS`) come last, as one JSON text decoded on use.
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
import json
from typing import Any

from briefing_tui.cache_lazy import LAZY_FIELDS, LazyBriefing, Reread
from briefing_tui.cache_values import (
    SEP,
    _date,
    _fail,
    _is_line,
    _made,
    _many,
    _record,
    _texts,
)
from briefing_tui.model import (
    Briefing,
    LoadResult,
    Outcome,
    Participant,
    ParticipantGroup,
    Problem,
    Severity,
    Source,
)

# -- encoding ---------------------------------------------------------------------------------


def encode_result(result: LoadResult) -> list[Any]:
    """A result as plain values for `json.dumps` (its search row left out)."""
    briefing = _encode_briefing(result.briefing) if result.briefing is not None else None
    return [result.path, briefing, [_encode_record(p) for p in result.problems]]


def _encode_briefing(briefing: Briefing) -> list[Any]:
    """The briefing's own fields in order, then its items as one JSON text (`cache_lazy`).

    Kept as text, the items cost a start one string each to read (a fast scan in C):
    reading a 10,000-briefing cache's JSON took 0.25 s instead of 0.51 s.
    """
    head = [
        _encode_value(getattr(briefing, f.name))
        for f in dataclasses.fields(briefing)
        if f.name not in LAZY_FIELDS
    ]
    # A cached briefing saved again (another file changed) keeps its items' text as read:
    # they are checked whenever they are used, and decoding 10,000 only to save them cost
    # the end of such a load about a second.
    kept = briefing.__dict__.get("_raw") if type(briefing) is LazyBriefing else None
    if type(kept) is str:
        return [*head, kept]
    items = [_encode_value(getattr(briefing, name)) for name in LAZY_FIELDS]
    return [*head, json.dumps(items, ensure_ascii=True, separators=(",", ":"))]


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


def _briefing(value: Any, reread: Reread | None = None) -> Briefing:
    """The briefing's own fields now; its items (`LAZY_FIELDS`) when first asked for."""
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
        source,
        participants_text,
        topics_text,
        outcomes_text,
        problems,
        items,
    ) = _record(value, 17, "briefing")
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
        "source": _source(source),
        "participants_text": participants_text,
        "topics_text": topics_text,
        "outcomes_text": outcomes_text,
        "problems": _many(_problem, problems),
    }
    if type(items) is not str or not all(type(fields[name]) is str for name in _BRIEFING_TEXTS):
        raise _fail("a briefing that is not one")
    fields["_raw"] = items
    fields["_reread"] = reread
    return _made(LazyBriefing, fields)


def decode_result(value: Any, reread: Reread | None = None) -> LoadResult:
    """The result `encode_result` made; raises ValueError for anything it could not have made.

    Its briefing's items are checked when first used (see `LazyBriefing`); `reread` then
    stands in for items that fail the checks.
    """
    path, briefing, problems = _record(value, 3, "result")
    if type(path) is not str:
        raise _fail("a result that is not one")
    return _made(
        LoadResult,
        {
            "path": path,
            "briefing": None if briefing is None else _briefing(briefing, reread),
            "problems": _many(_problem, problems),
            "search_row": None,
        },
    )
