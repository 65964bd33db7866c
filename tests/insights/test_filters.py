"""Library filters: tag, organisation, country, marking and dates, all pure."""

from __future__ import annotations

import datetime as dt

from briefing_tui.insights.dates import DateRange
from briefing_tui.insights.filters import (
    BriefingFilter,
    filter_briefings,
    marking_counts,
    tag_counts,
)

from .helpers import briefing, person, sample_briefings


def _library():
    return [
        briefing(
            "a",
            date=dt.date(2024, 5, 1),
            marking="TLP:AMBER",
            tags=("Cybercrime", "JIT"),
            organisers=("Netherlands Desk at Eurojust",),
            participants=(person("P Q", organisation="Europol", country="NO"),),
        ),
        briefing(
            "b",
            date=dt.date(2019, 2, 1),
            marking="tlp:green",
            tags=("cybercrime",),
            location="Bucharest, Romania",
        ),
        briefing("c", marking="RESTRICTED", tags=("Rançongiciel",)),
    ]


def _paths(flt: BriefingFilter) -> list[str]:
    return [b.path for b in filter_briefings(_library(), flt)]


def test_empty_filter_keeps_everything() -> None:
    assert BriefingFilter().is_empty
    assert _paths(BriefingFilter()) == ["a", "b", "c"]


def test_tags_all_required_case_and_accents_ignored() -> None:
    assert _paths(BriefingFilter(tags=("CYBERCRIME",))) == ["a", "b"]
    assert _paths(BriefingFilter(tags=("cybercrime", "jit"))) == ["a"]
    assert _paths(BriefingFilter(tags=("rancongiciel",))) == ["c"]


def test_organisations_as_whole_words() -> None:
    assert _paths(BriefingFilter(organisations=("eurojust",))) == ["a"]
    assert _paths(BriefingFilter(organisations=("Europol",))) == ["a"]
    assert _paths(BriefingFilter(organisations=("Euro",))) == []


def test_countries_by_code_or_name() -> None:
    assert _paths(BriefingFilter(countries=("Norway",))) == ["a"]
    assert _paths(BriefingFilter(countries=("NOR",))) == ["a"]
    assert _paths(BriefingFilter(countries=("RO",))) == ["b"]
    assert _paths(BriefingFilter(countries=("Atlantis",))) == []


def test_markings_and_ceiling() -> None:
    assert _paths(BriefingFilter(markings=("TLP:GREEN",))) == ["b"]
    assert _paths(BriefingFilter(markings=("tlp:amber", "restricted"))) == ["a", "c"]
    assert _paths(BriefingFilter(max_marking="TLP:AMBER")) == ["a", "b"]


def test_dates() -> None:
    assert _paths(BriefingFilter(dates=DateRange.parse("2019", "2019"))) == ["b"]
    assert _paths(BriefingFilter(dates=DateRange.parse("2020"))) == ["a"]


def test_criteria_combine() -> None:
    flt = BriefingFilter(tags=("cybercrime",), max_marking="TLP:GREEN")
    assert _paths(flt) == ["b"]


def test_choices_for_pickers() -> None:
    assert tag_counts(_library())[0] == ("Cybercrime", 2)
    assert marking_counts(_library()) == [("TLP:GREEN", 1), ("TLP:AMBER", 1), ("RESTRICTED", 1)]
    counts = dict(marking_counts(sample_briefings()))
    assert counts["TLP:AMBER+STRICT"] == 1
    assert sum(counts.values()) == 5
