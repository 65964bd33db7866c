"""A paced entity index is the same index, and its pause is called as it goes."""

from __future__ import annotations

from datetime import date

from briefing_tui import pacing
from briefing_tui.insights.entities import build_entity_index
from briefing_tui.model import Briefing, Participant


def _crowd(count: int) -> Briefing:
    people = tuple(
        Participant(f"Person {n}", "Prosecutor", f"Office {n % 7}", ("FR", "DE", "Spain")[n % 3])
        for n in range(count)
    )
    return Briefing(path="crowd.md", title="Crowd", date=date(2024, 1, 1), participants=people)


def test_paced_calls_pause_every_so_many_items() -> None:
    calls: list[int] = []
    items = list(pacing.paced(range(5 * pacing.PAUSE_EVERY + 1), lambda: calls.append(1)))
    assert items == list(range(5 * pacing.PAUSE_EVERY + 1))
    assert len(calls) == 5


def test_a_paced_entity_index_equals_the_unpaced_one() -> None:
    briefings = (_crowd(3 * pacing.PAUSE_EVERY),)
    calls: list[int] = []
    paced = build_entity_index(briefings, lambda: calls.append(1))
    plain = build_entity_index(briefings)
    assert calls, "a long build pauses"
    assert paced.entities == plain.entities


def test_slices_pause_between_runs_and_keep_every_item() -> None:
    calls: list[int] = []
    items = list(range(3 * pacing.PAUSE_EVERY + 1))
    runs = list(pacing.slices(items, lambda: calls.append(1)))
    assert [x for run in runs for x in run] == items
    assert len(runs) == 4
    assert len(calls) == 3  # between runs, never before the first
    assert list(pacing.slices(items[:10], lambda: calls.append(1))) == [items[:10]]
    assert len(calls) == 3
