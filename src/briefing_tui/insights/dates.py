"""Date bounds people type: `2018`, `2018-03` or `2018-03-07`, each meaning a whole period.

"From 2018 to 2019" should mean 1 January 2018 to 31 December 2019, so a bound is read as
a period and the range takes the *start* of the `from` period and the *end* of the `to`
period.  Every bound is inclusive.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_BOUND = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the year, month or day written; ValueError if not one."""
    m = _BOUND.match(text)
    if m is None:
        raise ValueError(f"{text.strip()!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    if year < 1:
        raise ValueError(f"{text.strip()!r}: year 0 does not exist")
    if m.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"{text.strip()!r}: month must be 01 to 12")
    if m.group(3) is None:
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last)
    try:
        day = dt.date(year, month, int(m.group(3)))
    except ValueError as exc:
        raise ValueError(f"{text.strip()!r} is not a real date ({exc})") from None
    return day, day


def parse_start(text: str) -> dt.date:
    """The first day of the period written: the right reading for a `from` bound."""
    return parse_period(text)[0]


def parse_end(text: str) -> dt.date:
    """The last day of the period written: the right reading for a `to` bound."""
    return parse_period(text)[1]


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of days; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None

    @classmethod
    def parse(cls, start: str | None = None, end: str | None = None) -> DateRange:
        """From typed bounds (`--from 2018 --to 2019-06`); ValueError on a bad bound."""
        return cls(
            parse_start(start) if start else None,
            parse_end(end) if end else None,
        )

    @property
    def is_open(self) -> bool:
        """True when neither end is set: the range lets everything through, undated too."""
        return self.start is None and self.end is None

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return self.is_open
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end

    def overlaps(self, first: dt.date | None, last: dt.date | None = None) -> bool:
        """Whether an event from `first` to `last` (one day if no `last`) touches the range.

        A two-day conference on 7-8 March belongs to a range ending on 7 March, and to one
        starting on 8 March: it was happening then.
        """
        if first is None:
            return self.is_open
        last = last if last is not None and last >= first else first
        if self.start is not None and last < self.start:
            return False
        return self.end is None or first <= self.end


# The range that lets every date through (and undated things too): the default filter.
ANY_DATE = DateRange()
