"""The library views' data made ahead: the entity index only while it is small."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_tui.model import Briefing, Participant
from briefing_tui.ui.services import insights_cache
from briefing_tui.ui.services.insights_cache import LibraryInsights, few_people


def _library(names: list[str], copies: int = 1) -> list[Briefing]:
    people = tuple(Participant(name, "Prosecutor") for name in names)
    return [Briefing(path=f"b{n}.md", title=f"B{n}", participants=people) for n in range(copies)]


def test_people_are_counted_once_however_often_they_are_named() -> None:
    assert few_people(_library(["Ana", "Bo"], copies=50), 2)
    assert not few_people(_library(["Ana", "Bo", "Cy"]), 2)


def test_a_library_of_few_people_gets_its_entity_index_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(insights_cache, "WARM_PEOPLE", 3)
    library = _library(["Ana", "Bo", "Cy"], copies=20)
    insights = LibraryInsights()
    insights.warm(library, date(2025, 1, 1))
    assert insights.index_ready(library)
    assert insights.outcomes_ready(library, date(2025, 1, 1))


def test_very_many_people_get_their_entity_index_when_a_view_asks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(insights_cache, "WARM_PEOPLE", 3)
    library = _library([f"P{n}" for n in range(5)])
    insights = LibraryInsights()
    insights.warm(library, date(2025, 1, 1))
    assert not insights.index_ready(library)
    assert insights.outcomes_ready(library, date(2025, 1, 1))
    index = insights.entity_index(library)  # what the entities screen does, in a worker
    assert sorted(e.name for e in index.of_kind("person")) == [f"P{n}" for n in range(5)]
    assert insights.index_ready(library)
