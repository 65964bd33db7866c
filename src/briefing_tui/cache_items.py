"""Decoding a cached briefing's items (participants, topics, outcomes, ...) on first use.

Checked as strictly as the rest of the cache (see `cache_codec`): anything the encoder
could not have made raises ValueError, and `cache_lazy` then reads the file afresh.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from briefing_tui.cache_values import (
    SEP,
    _date,
    _fail,
    _fields,
    _is_line,
    _made,
    _many,
    _packed_date,
    _packed_number,
    _record,
    _shared,
    _texts,
)
from briefing_tui.model import (
    SHARED_MAX,
    ExtraValue,
    Link,
    Outcome,
    Participant,
    ParticipantGroup,
    Section,
    Topic,
)

# Nested "Other details" deeper than this is not something the reader ever produced.
MAX_EXTRA_DEPTH = 80


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


def decode_items(raw: str) -> dict[str, Any]:
    """A briefing's items from the JSON text `cache_codec` kept them as."""
    participants, topics, outcomes, links, glossary, sections, extra = _record(
        json.loads(raw), 7, "list of items"
    )
    return {
        "participants": _participants(participants),
        "topics": _many(_topic, topics),
        "outcomes": _many(_outcome, outcomes),
        "links": _many(_link, links),
        "glossary": _many(_pair, glossary),
        "sections": _many(_section, sections),
        "extra": _many(_extra_pair, extra),
    }
