"""Small builders so each test states only what it is about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing_tui.library import load_library
from briefing_tui.model import Briefing, Outcome, Participant, ParticipantGroup

SAMPLES = Path(__file__).resolve().parents[2] / "briefings"


def person(
    name: str, role: str = "", organisation: str = "", country: str = "", line: int | None = None
) -> Participant:
    return Participant(name, role, organisation, country, line=line)


def briefing(
    path: str,
    *,
    title: str = "",
    date: dt.date | None = None,
    end_date: dt.date | None = None,
    participants: tuple[Participant | ParticipantGroup, ...] = (),
    organisers: tuple[str, ...] = (),
    outcomes: tuple[Outcome, ...] = (),
    location: str = "",
    marking: str = "",
    tags: tuple[str, ...] = (),
) -> Briefing:
    return Briefing(
        path=path,
        title=title or path,
        date=date,
        end_date=end_date,
        participants=participants,
        organisers=organisers,
        outcomes=outcomes,
        location=location,
        marking=marking,
        tags=tags,
    )


def sample_briefings() -> list[Briefing]:
    library = load_library([SAMPLES])
    assert not library.problems
    return library.briefings
