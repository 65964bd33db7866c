"""Outcomes across the library: filters, overdue, and where each came from."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_tui.insights.dates import DateRange
from briefing_tui.insights.outcomes import (
    OutcomeFilter,
    by_due_date,
    collect_outcomes,
    due_range,
    filter_outcomes,
    is_overdue,
    owner_matches,
)
from briefing_tui.model import Outcome

from .helpers import briefing, sample_briefings

TODAY = dt.date(2026, 3, 10)


def _rows():
    return collect_outcomes(
        [
            briefing(
                "new.yaml",
                title="New",
                outcomes=(
                    Outcome("late", "action", "Daniel Okafor", dt.date(2026, 3, 6), "open", 7),
                    Outcome("due today", "action", "NO", TODAY, "open"),
                    Outcome("done late", "action", "DE desk", dt.date(2026, 1, 1), "done"),
                    Outcome("no status", "action", "", dt.date(2026, 1, 1), ""),
                ),
            ),
            briefing(
                "old.md",
                title="Old",
                outcomes=(
                    Outcome("decided", "decision"),
                    Outcome(
                        "future",
                        "recommendation",
                        "Project secretariat",
                        dt.date(2027, 1, 1),
                        "open",
                    ),
                ),
            ),
        ],
        TODAY,
    )


def test_rows_carry_briefing_and_index_in_library_order() -> None:
    rows = _rows()
    assert [(r.path, r.index, r.outcome.text) for r in rows][:2] == [
        ("new.yaml", 0, "late"),
        ("new.yaml", 1, "due today"),
    ]
    assert rows[4].title == "Old"
    assert rows[4].briefing_index == 1
    assert rows[4].index == 0


def test_overdue_is_open_and_due_before_today() -> None:
    overdue = {r.outcome.text for r in _rows() if r.overdue}
    assert overdue == {"late"}
    assert not is_overdue(Outcome("x", due=dt.date(2020, 1, 1), status="done"), TODAY)
    assert is_overdue(Outcome("x", due=dt.date(2020, 1, 1), status="open"), TODAY)
    # `today` really is a parameter.
    assert {
        r.outcome.text
        for r in collect_outcomes(
            [briefing("n", outcomes=(Outcome("late", due=dt.date(2026, 3, 6), status="open"),))],
            dt.date(2026, 3, 1),
        )
        if r.overdue
    } == set()


def _texts(flt: OutcomeFilter) -> list[str]:
    return [r.outcome.text for r in filter_outcomes(_rows(), flt)]


def test_filter_by_kind_and_status() -> None:
    assert _texts(OutcomeFilter(kinds=("decision",))) == ["decided"]
    assert _texts(OutcomeFilter(statuses=("done",))) == ["done late"]
    assert _texts(OutcomeFilter(statuses=("none",))) == ["no status", "decided"]
    assert _texts(OutcomeFilter(kinds=("action",), statuses=("open",))) == ["late", "due today"]
    assert _texts(OutcomeFilter(overdue_only=True)) == ["late"]
    assert len(_texts(OutcomeFilter())) == 6


def test_filter_by_owner_is_forgiving() -> None:
    assert _texts(OutcomeFilter(owner="Okafor, Daniel")) == ["late"]
    assert _texts(OutcomeFilter(owner="okafor")) == ["late"]
    assert _texts(OutcomeFilter(owner="Norway")) == ["due today"]
    assert _texts(OutcomeFilter(owner="de")) == ["done late"]
    assert _texts(OutcomeFilter(owner="secretariat")) == ["future"]
    assert not owner_matches("", "anyone")
    assert not owner_matches("Daniel Okafor", "an")


def test_filter_by_due_date() -> None:
    assert _texts(OutcomeFilter(due=due_range(before="2026-03-06"))) == ["done late", "no status"]
    assert _texts(OutcomeFilter(due=due_range(before="2026-03"))) == ["done late", "no status"]
    assert _texts(OutcomeFilter(due=due_range(after="2026-03-06"))) == ["due today", "future"]
    assert _texts(OutcomeFilter(due=due_range(after="2026"))) == ["future"]
    assert _texts(OutcomeFilter(due=due_range(before="2027", after="2026-02"))) == [
        "late",
        "due today",
    ]
    assert _texts(OutcomeFilter(due=DateRange(dt.date(2026, 3, 6), dt.date(2026, 3, 6)))) == [
        "late"
    ]


def test_due_range_edges() -> None:
    assert due_range() == DateRange()
    assert due_range(before="2026-03-06") == DateRange(None, dt.date(2026, 3, 5))
    assert due_range(after="2026-02") == DateRange(dt.date(2026, 3, 1), None)
    assert not due_range(before="0001").contains(dt.date(1, 1, 1))
    assert not due_range(after="9999").contains(dt.date(9999, 12, 31))
    with pytest.raises(ValueError, match="not a date"):
        due_range(before="soon")


def test_sort_by_due_date() -> None:
    ordered = [r.outcome.text for r in by_due_date(_rows())]
    assert ordered == ["late", "done late", "no status", "due today", "future", "decided"]


def test_sample_outcomes() -> None:
    rows = collect_outcomes(sample_briefings(), dt.date(2026, 3, 10))
    assert len(rows) == 32
    overdue = sorted((r.outcome.owner, r.outcome.due) for r in rows if r.overdue)
    assert overdue == [("Daniel Okafor", dt.date(2026, 3, 6)), ("NO", dt.date(2023, 10, 31))]
