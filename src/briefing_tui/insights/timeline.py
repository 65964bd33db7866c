"""Briefings by year and month, newest first, with undated ones in a group of their own.

A briefing belongs to the month it starts in.  With a date range set, a briefing is kept
when its days (date to end_date) touch the range, and undated briefings are left out: a
reader who asks for 2018 wants what happened in 2018, not what cannot be placed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing_tui.insights.dates import ANY_DATE, DateRange
from briefing_tui.model import Briefing

UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class TimelineGroup:
    """The briefings of one month (or the undated ones), in library order."""

    year: int | None
    month: int | None
    briefings: tuple[Briefing, ...]

    @property
    def label(self) -> str:
        """`2018-03`, or `undated`."""
        if self.year is None or self.month is None:
            return UNDATED
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def undated(self) -> bool:
        return self.year is None


def in_range(briefing: Briefing, dates: DateRange) -> bool:
    """Whether the briefing's days touch `dates` (an open range keeps everything)."""
    return dates.overlaps(briefing.date, briefing.end_date)


def timeline(briefings: Iterable[Briefing], dates: DateRange = ANY_DATE) -> list[TimelineGroup]:
    """Groups newest month first, undated last; within a group, newest first then title."""
    months: dict[tuple[int, int], list[Briefing]] = {}
    undated: list[Briefing] = []
    for b in briefings:
        if not dates.overlaps(b.date, b.end_date):
            continue
        if b.date is None:
            undated.append(b)
        else:
            months.setdefault((b.date.year, b.date.month), []).append(b)
    groups = [
        TimelineGroup(year, month, tuple(sorted(items, key=Briefing.sort_key)))
        for (year, month), items in sorted(months.items(), reverse=True)
    ]
    if undated:
        groups.append(TimelineGroup(None, None, tuple(sorted(undated, key=Briefing.sort_key))))
    return groups


def years(groups: Sequence[TimelineGroup]) -> list[tuple[int | None, list[TimelineGroup]]]:
    """The month groups gathered by year (None for undated), for a two-level tree."""
    out: list[tuple[int | None, list[TimelineGroup]]] = []
    for group in groups:
        if out and out[-1][0] == group.year:
            out[-1][1].append(group)
        else:
            out.append((group.year, [group]))
    return out
