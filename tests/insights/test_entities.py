"""The people, organisations and countries index: matching, counting, and where each appears."""

from __future__ import annotations

import datetime as dt

from briefing_tui.insights.entities import (
    EntityKind,
    Via,
    build_entity_index,
    entity_key,
    location_country,
)
from briefing_tui.model import ParticipantGroup

from .helpers import briefing, person, sample_briefings


def _library() -> list:
    return [
        briefing(
            "a.yaml",
            date=dt.date(2024, 5, 1),
            participants=(
                person("Alexander Seger", "Head of Division", "Council of Europe", "FR", line=10),
                person("Kari Nordby", "Prosecutor", "Higher Prosecuting Authority", "NO", line=11),
                ParticipantGroup("Delegates from 30 countries", line=12),
            ),
            organisers=("Eurojust",),
            location="The Hague, Netherlands",
        ),
        briefing(
            "b.md",
            date=dt.date(2023, 1, 1),
            participants=(
                person("SEGER, Alexander", "Speaker", "The Council of Europe", line=3),
                person("Kári Nordby", "Chair", "", "Norway", line=4),
                person("Kari Nordby", "Rapporteur", "", "NOR", line=5),  # twice in one briefing
                person("Eurojust", "", "Eurojust", line=6),  # a body listed under its name
            ),
        ),
        briefing(
            "c.yaml",
            participants=(person("Europol"), person("Norway")),
            organisers=("EUROPOL",),
            location="Video conference",
        ),
    ]


def test_people_merge_across_spellings_and_count_briefings_not_rows() -> None:
    index = build_entity_index(_library())
    seger = index.find("Seger, Alexander")
    assert seger is not None
    assert seger.kind is EntityKind.PERSON
    assert seger.briefing_count == 2
    assert seger.name == "Alexander Seger"  # the inverted spelling is never preferred
    assert set(seger.spellings) == {"Alexander Seger", "SEGER, Alexander"}
    nordby = index.find("kari nordby", EntityKind.PERSON)
    assert nordby is not None
    assert (nordby.briefing_count, nordby.mention_count) == (2, 3)
    # Equal counts: the spelling with its accent is shown.
    assert nordby.name in {"Kari Nordby", "Kári Nordby"}


def test_mentions_carry_role_and_participant_row() -> None:
    index = build_entity_index(_library())
    seger = index.find("Alexander Seger")
    assert seger is not None
    mentions = index.mentions(seger)
    assert [(m.briefing.path, m.role, m.participant, m.line) for m in mentions] == [
        ("a.yaml", "Head of Division", 0, 10),
        ("b.md", "Speaker", 0, 3),
    ]
    assert mentions[1].name == "SEGER, Alexander"
    assert mentions[0].briefing_index == 0
    assert [b.path for b in index.briefings_of(seger)] == ["a.yaml", "b.md"]
    assert next(index.iter_mentions(seger)) == mentions[0]


def test_organisations_from_participants_bodies_and_organisers() -> None:
    index = build_entity_index(_library())
    coe = index.find("council of europe", EntityKind.ORGANISATION)
    assert coe is not None
    assert coe.briefing_count == 2  # "The Council of Europe" is the same body
    eurojust = index.find("Eurojust", EntityKind.ORGANISATION)
    assert eurojust is not None
    assert eurojust.briefing_count == 2
    vias = {(m.briefing.path, m.via, m.index) for m in index.mentions(eurojust)}
    assert vias == {("a.yaml", Via.ORGANISER, 0), ("b.md", Via.PARTICIPANT, 3)}
    # A body listed as a participant is not a person.
    assert index.find("Eurojust", EntityKind.PERSON) is None


def test_names_that_are_organisations_or_countries_are_not_people() -> None:
    index = build_entity_index(_library())
    assert index.find("Europol", EntityKind.PERSON) is None
    europol = index.find("Europol", EntityKind.ORGANISATION)
    assert europol is not None
    assert europol.briefing_count == 1
    assert europol.mention_count == 2
    assert index.find("Norway", EntityKind.PERSON) is None


def test_countries_unified_and_from_the_location() -> None:
    index = build_entity_index(_library())
    norway = index.find("NO", EntityKind.COUNTRY)
    assert norway is not None
    assert (norway.name, norway.code, norway.key) == ("Norway", "NO", "NO")
    assert norway.briefing_count == 3  # NO in a, Norway and NOR in b, a "person" Norway in c
    assert index.find("nor") is norway
    netherlands = index.find("The Netherlands", EntityKind.COUNTRY)
    assert netherlands is not None
    (mention,) = index.mentions(netherlands)
    assert (mention.via, mention.index, mention.role) == (Via.LOCATION, None, "venue")
    assert mention.participant is None


def test_groups_are_not_entities() -> None:
    index = build_entity_index(_library())
    assert index.search("delegates") == []


def test_order_kinds_search_and_get() -> None:
    index = build_entity_index(_library())
    counts = [e.briefing_count for e in index]
    assert counts == sorted(counts, reverse=True)
    top = [e for e in index if e.briefing_count == counts[0]]
    assert [e.name.casefold() for e in top] == sorted(e.name.casefold() for e in top)
    assert all(e.kind is EntityKind.COUNTRY for e in index.of_kind("country"))
    assert len(index.of_kind(None)) == len(index)
    assert [e.name for e in index.search("seg")] == ["Alexander Seger"]
    assert [e.name for e in index.search("NOR", EntityKind.COUNTRY)] == ["Norway"]
    found = index.get("person", "alexander seger")
    assert found is not None
    assert found.name == "Alexander Seger"
    assert entity_key("country", "Norway") == "NO"
    assert entity_key("country", "Atlantis") == "?atlantis"


def test_unknown_country_is_kept_as_written() -> None:
    index = build_entity_index(
        [briefing("x.yaml", participants=(person("A B", country="Atlantis"),))]
    )
    atlantis = index.find("atlantis", EntityKind.COUNTRY)
    assert atlantis is not None
    assert (atlantis.name, atlantis.code) == ("Atlantis", "")


def test_location_country() -> None:
    assert location_country("Eurojust, The Hague, Netherlands") == "Netherlands"
    assert location_country("Brussels, BE") == "BE"
    assert location_country("Online, be") is None
    assert location_country("Council of Europe, Strasbourg") is None
    assert location_country("Video conference") is None


def test_sample_library() -> None:
    briefings = sample_briefings()
    index = build_entity_index(briefings)
    seger = index.find("Seger, Alexander")
    assert seger is not None
    (mention,) = index.mentions(seger)
    assert mention.role == "Head of the Cybercrime Division"
    assert mention.briefing.path.endswith("2018-03-eurojust-coe-joint-conference-cybercrime.yaml")
    participant = mention.briefing.participants[mention.participant or 0]
    assert getattr(participant, "name", "") == "Alexander Seger"
    eurojust = index.find("Eurojust", EntityKind.ORGANISATION)
    assert eurojust is not None
    assert eurojust.briefing_count >= 2
    norway = index.find("Norway")
    assert norway is not None
    assert norway.briefing_count == 3
    # The Norwegian delegates of the T-CY debrief are people; their ministry an organisation.
    assert index.find("Ingvild Dahl", EntityKind.PERSON) is not None
    ministry = index.find("Ministry of Justice and Public Security", EntityKind.ORGANISATION)
    assert ministry is not None
    assert ministry.mention_count == 2
