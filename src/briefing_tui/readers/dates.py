"""Dates as documents write them: ISO, written out in several languages, numeric day first,
in file names, and the ranges events are announced with.

Every recogniser here is a bounded regular expression run once over a line or a value, so a
hostile document costs linear time.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH}\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_MONTH_DAY = re.compile(
    rf"(?<!\w){_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_NUMERIC = re.compile(r"(?<![\d./])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d./])")
_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.IGNORECASE
)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, numeric: bool = True) -> tuple[date, int, int] | None:
    """The first date written in `text` as (date, start, end), or None.

    ISO, "8 March 2022", "March 8, 2022" and, when `numeric`, "08/03/2022" or "8.3.2022" —
    day first, as the documents this reader serves (European judicial cooperation) write it.
    """
    found: list[tuple[int, int, date]] = []
    for m in _ISO.finditer(text):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), m.end(), d))
            break
    m2 = _DAY_MONTH.search(text)
    if m2:
        d = _make(int(m2.group(3)), _MONTHS[m2.group(2)[:3].casefold()], int(m2.group(1)))
        if d:
            found.append((m2.start(), m2.end(), d))
    m3 = _MONTH_DAY.search(text)
    if m3:
        d = _make(int(m3.group(3)), _MONTHS[m3.group(1)[:3].casefold()], int(m3.group(2)))
        if d:
            found.append((m3.start(), m3.end(), d))
    if numeric:
        m4 = _NUMERIC.search(text)
        if m4:
            d = _make(int(m4.group(3)), int(m4.group(2)), int(m4.group(1)))
            if d:
                found.append((m4.start(), m4.end(), d))
    if not found:
        return None
    start, end, d = min(found, key=lambda f: f[0])
    return d, start, end


def parse_written_date(text: str) -> date | None:
    """A whole value that is a date with its month written out ("7 March 2018"), or None.

    Numeric forms other than ISO are not taken here: in a key meant to hold a date,
    `07/03/2018` is ambiguous between countries and is better reported than guessed.
    """
    value = _WEEKDAY.sub("", text.strip())
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.fullmatch(value)
        if m:
            found = find_date(value, numeric=False)
            return found[0] if found else None
    return None


_PATH_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[-_ .])")


def date_from_path(path: str) -> date | None:
    """A date that starts the file name, as Jekyll posts and daily notes are named."""
    m = _PATH_DATE.match(PurePath(path).stem)
    return _make(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def strip_path_date(stem: str) -> str:
    """`2019-04-02-conference-recap` -> `conference-recap`; a bare date stays as it is."""
    m = _PATH_DATE.match(stem)
    rest = stem[m.end() :] if m else stem
    return rest if rest.strip(" -_.") else stem


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def parse_date(text: str) -> date | str:
    """A date from ISO text (time and zone ignored), or the reason it is not one."""
    m = _DATE.match(text.strip())
    if m is None:
        return "expected an ISO date (YYYY-MM-DD)"
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        return f"{text.strip()} is not a real date ({exc})"
