"""Row keys of the participants' tables: by position among participants of the same kind."""

from __future__ import annotations

from briefing_tui.model import Briefing, Participant, ParticipantGroup
from briefing_tui.ui.locate.spot import people_row_key


def test_people_and_groups_are_keyed_among_their_own_kind() -> None:
    mixed = Briefing(
        path="m.md",
        title="M",
        participants=(
            ParticipantGroup("Desk"),
            Participant("Ann"),
            ParticipantGroup("Unit"),
            Participant("Bo"),
            Participant("Cy"),
        ),
    )
    assert [people_row_key(mixed, i) for i in range(5)] == ["0", "0", "1", "1", "2"]
    assert people_row_key(mixed, 5) is None and people_row_key(mixed, -1) is None


def test_a_list_of_one_kind_is_keyed_by_index_without_a_key_per_person() -> None:
    people = Briefing(
        path="p.md", title="P", participants=tuple(Participant(f"P{n}") for n in range(5_000))
    )
    assert people_row_key(people, 4_321) == "4321"
    groups = Briefing(path="g.md", title="G", participants=(ParticipantGroup("A"),) * 3)
    assert [people_row_key(groups, i) for i in range(3)] == ["0", "1", "2"]
    # Back to the first briefing: its keys are counted again, not taken from the last.
    assert people_row_key(people, 7) == "7"
