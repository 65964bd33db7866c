"""Dates as documents write them: ISO, written out in several languages, numeric day first,
in file names, and the ranges events are announced with.

Every recogniser here is a bounded regular expression run once over a line or a value, so a
hostile document costs linear time.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath

# Month names in the languages briefings are written in (Polish in the genitive, as dates
# use it); English also by its abbreviations.
_MONTH_WORDS = (
    "january janvier januar jänner enero gennaio januari janeiro stycznia",
    "february février februar febrero febbraio februari fevereiro lutego",
    "march mars märz marzo maart março marca",
    "april avril abril aprile kwietnia",
    "may mai mayo maggio mei maio maj maja",
    "june juin juni junio giugno junho czerwca",
    "july juillet juli julio luglio julho lipca",
    "august août agosto augustus augusti sierpnia",
    "september septembre septiembre settembre setembro września",
    "october octobre oktober octubre ottobre outubro października",
    "november novembre noviembre novembro listopada",
    "december décembre dezember diciembre dicembre dezembro grudnia",
)
_MONTHS: dict[str, int] = {}
for _n, _words in enumerate(_MONTH_WORDS, 1):
    for _w in _words.split():
        _MONTHS.setdefault(_w, _n)
    _MONTHS.setdefault(_words.split()[0][:3], _n)
_MONTHS["sept"] = 9
MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"


def month_number(word: str) -> int:
    """The month a name found by `MONTH` stands for."""
    w = word.casefold().rstrip(".")
    return _MONTHS.get(w) or _MONTHS[w[:3]]


_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?{MONTH}\s+(?:de\s+)?(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# 2018年3月7日 (Chinese, Japanese) and 2018년 3월 7일 (Korean).
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
_MONTH_DAY = re.compile(
    rf"(?<!\w){MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
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
        d = _make(int(m2.group(3)), month_number(m2.group(2)), int(m2.group(1)))
        if d:
            found.append((m2.start(), m2.end(), d))
    m3 = _MONTH_DAY.search(text)
    if m3:
        d = _make(int(m3.group(3)), month_number(m3.group(1)), int(m3.group(2)))
        if d:
            found.append((m3.start(), m3.end(), d))
    if numeric:
        m4 = _NUMERIC.search(text)
        if m4:
            d = _make(int(m4.group(3)), int(m4.group(2)), int(m4.group(1)))
            if d:
                found.append((m4.start(), m4.end(), d))
    m5 = _CJK.search(text) if not found else None
    if m5:
        d = _make(int(m5.group(1)), int(m5.group(2)), int(m5.group(3)))
        if d:
            found.append((m5.start(), m5.end(), d))
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


_DATELINE = re.compile(
    r"^(?:(?:published|date|posted|updated|issued|press release)\s*:?\s*|[A-Z][\w .'-]{1,40},\s*)?",
    re.IGNORECASE,
)


def _letters(text: str) -> int:
    return sum(1 for ch in text[:200] if ch.isalpha())


def dateline(text: str) -> date | None:
    """A block that is only a date ("12 March 2018", "The Hague, 12 March 2018",
    "Published: 2018-03-12"): when the release was published."""
    if len(text) > 80:
        return None
    rest = _DATELINE.sub("", text.strip(), count=1)
    found = find_date(rest)
    if found is None:
        return None
    leftover = (rest[: found[1]] + rest[found[2] :]).strip(" ,.–—-|()")
    return found[0] if _letters(leftover) <= 12 else None
