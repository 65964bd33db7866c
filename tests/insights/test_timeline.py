"""The timeline: month groups newest first, undated last, and an inclusive date range."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_tui.insights.dates import DateRange, parse_end, parse_period, parse_start
from briefing_tui.insights.timeline import in_range, timeline, years

from .helpers import briefing, sample_briefings

D = dt.date


def _library():
    return [
        briefing("jan-a", title="A", date=D(2024, 1, 5)),
        briefing("undated", title="U"),
        briefing("mar", title="M", date=D(2023, 3, 31), end_date=D(2023, 4, 2)),
        briefing("jan-b", title="B", date=D(2024, 1, 20)),
        briefing("dec", title="D", date=D(2023, 12, 1)),
    ]


def test_groups_by_year_and_month_newest_first_undated_last() -> None:
    groups = timeline(_library())
    assert [g.label for g in groups] == ["2024-01", "2023-12", "2023-03", "undated"]
    assert [b.path for b in groups[0].briefings] == ["jan-b", "jan-a"]
    assert groups[-1].undated
    assert (groups[-1].year, groups[-1].month) == (None, None)
    assert [(y, [g.label for g in gs]) for y, gs in years(groups)] == [
        (2024, ["2024-01"]),
        (2023, ["2023-12", "2023-03"]),
        (None, ["undated"]),
    ]


def test_range_is_inclusive_and_drops_undated() -> None:
    labels = [g.label for g in timeline(_library(), DateRange.parse("2023-12", "2024-01-05"))]
    assert labels == ["2024-01", "2023-12"]
    only = timeline(_library(), DateRange.parse("2024-01-05", "2024-01-05"))
    assert [b.path for g in only for b in g.briefings] == ["jan-a"]
    assert timeline(_library(), DateRange.parse("2030")) == []


def test_an_event_in_range_on_any_of_its_days() -> None:
    # 31 March - 2 April belongs to April too, but is grouped under the month it starts.
    groups = timeline(_library(), DateRange.parse("2023-04", "2023-04"))
    assert [g.label for g in groups] == ["2023-03"]
    assert in_range(_library()[2], DateRange.parse(None, "2023-03-31"))
    assert not in_range(_library()[2], DateRange.parse("2023-04-03"))


def test_bounds_read_as_periods() -> None:
    assert parse_period("2018") == (D(2018, 1, 1), D(2018, 12, 31))
    assert parse_period("2024-02") == (D(2024, 2, 1), D(2024, 2, 29))
    assert parse_period("2018-03-07") == (D(2018, 3, 7), D(2018, 3, 7))
    assert parse_start("2019-06") == D(2019, 6, 1)
    assert parse_end("2019") == D(2019, 12, 31)
    assert DateRange.parse("2018", "2019") == DateRange(D(2018, 1, 1), D(2019, 12, 31))
    for bad in ("", "18", "2018-13", "2018-02-30", "March 2018", "2018/03", "0000"):
        with pytest.raises(ValueError, match=r"date|month|year"):
            parse_period(bad)


def test_open_range_keeps_everything() -> None:
    assert DateRange().contains(None)
    assert not DateRange(start=D(2020, 1, 1)).contains(None)
    assert sum(len(g.briefings) for g in timeline(sample_briefings())) == 5
