"""The model's records behave as frozen dataclasses, however they are made."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from briefing_tui.model import SHARED_MAX, Participant, Section


def test_a_participant_is_a_frozen_dataclass_with_its_short_values_shared() -> None:
    role = "".join(["Pro", "secutor"])  # a fresh string, not the literal's
    long_notes = "n" * (SHARED_MAX + 1)
    person = Participant("Ana Ruiz", role, "Office 7", "FR", long_notes, 12)
    assert person.role is Participant("Bo", "Prosecutor").role  # one shared string
    assert person == Participant(
        name="Ana Ruiz", role="Prosecutor", organisation="Office 7", country="FR",
        notes=long_notes, line=12,
    )  # fmt: skip
    assert hash(person) == hash(pickle.loads(pickle.dumps(person)))
    assert dataclasses.replace(person, role="Judge").role == "Judge"
    assert [f.name for f in dataclasses.fields(person)] == list(vars(person))
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.name = "Other"  # type: ignore[misc]
    assert repr(Participant("X")) == (
        "Participant(name='X', role='', organisation='', country='', notes='', line=None)"
    )


def test_a_section_is_a_frozen_dataclass() -> None:
    section = Section("Background", "Text.", 4)
    assert section == Section(title="Background", body="Text.", line=4)
    assert dataclasses.replace(section, line=None) == Section("Background", "Text.")
    assert pickle.loads(pickle.dumps(section)) == section
    with pytest.raises(dataclasses.FrozenInstanceError):
        section.body = "Other"  # type: ignore[misc]
