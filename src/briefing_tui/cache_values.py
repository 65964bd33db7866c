"""The checked building blocks the cache's decoders share (see `cache_codec`).

Every function refuses, with ValueError ("cache holds ..."), a value the encoder could
not have written.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from briefing_tui.model import SHARED_MAX

R = TypeVar("R")
T = TypeVar("T")


class _Bad(ValueError):
    """A value that the model could not have produced."""


def _fail(what: str) -> _Bad:
    return _Bad(f"cache holds {what}")


SEP = "\x1f"
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


def _many(decode: Callable[[Any], T], value: Any) -> tuple[T, ...]:
    if type(value) is not list:
        raise _fail("a list that is not one")
    return tuple(map(decode, value))
