"""A paced index row is the same row, and its pause is called inside one huge briefing."""

from __future__ import annotations

from datetime import date

from briefing_tui import pacing
from briefing_tui.model import Briefing, Outcome, Participant, ParticipantGroup, Section, Topic
from briefing_tui.search.rows import row_values


def crowd(count: int) -> Briefing:
    """A briefing with `count` of each list, as a long document read from Markdown has."""
    people = tuple(
        Participant(f"Person {n}", "Prosecutor", f"Office {n % 7}", ("FR", "DE", "Spain")[n % 3])
        if n % 5
        else ParticipantGroup(f"Delegation {n}", n % 9)
        for n in range(count)
    )
    return Briefing(
        path="crowd.md",
        title="Crowd",
        date=date(2024, 1, 1),
        participants=people,
        topics=tuple(Topic(f"Topic {n}", f"Summary *{n}*") for n in range(count)),
        outcomes=tuple(Outcome(f"Outcome {n}") for n in range(count)),
        sections=tuple(Section(f"Part {n}", f"Body {n}") for n in range(count)),
    )


def test_a_paced_row_equals_the_unpaced_one_and_pauses_in_every_long_list() -> None:
    briefing = crowd(3 * pacing.PAUSE_EVERY)
    calls: list[int] = []
    assert row_values(briefing, lambda: calls.append(1)) == row_values(briefing)
    # Participants are walked six times (people, names, text, roles, organisations,
    # countries), topics, outcomes and sections once: each pass pauses at least once.
    assert len(calls) >= 9


def test_a_short_briefing_never_pauses() -> None:
    calls: list[int] = []
    row_values(crowd(10), lambda: calls.append(1))
    assert calls == []
