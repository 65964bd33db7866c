"""Across the library: who appears where, every outcome, the timeline, markings, glossaries.

Pure functions over loaded :class:`~briefing_tui.model.Briefing` objects — no I/O except
reading a library's `glossary.yaml`, no UI — so the command line and the Textual screens
share one meaning of each view.  Everything is built for 10,000 briefings in well under a
second (see benchmarks/bench_insights.py).
"""

from __future__ import annotations

from briefing_tui.insights.acronyms import undefined_acronyms
from briefing_tui.insights.countries import country, country_code, country_name, same_country
from briefing_tui.insights.dates import ANY_DATE, DateRange, parse_end, parse_period, parse_start
from briefing_tui.insights.entities import (
    Entity,
    EntityIndex,
    EntityKind,
    Mention,
    Via,
    build_entity_index,
)
from briefing_tui.insights.filters import BriefingFilter, filter_briefings
from briefing_tui.insights.glossary import (
    AcronymMatcher,
    GlossaryEntry,
    LibraryGlossary,
    find_acronyms,
    merge_glossary,
)
from briefing_tui.insights.markings import (
    TLP_BACKGROUND,
    TLP_COLOURS,
    marking_colour,
    marking_level,
    marking_rank,
    most_restrictive,
)
from briefing_tui.insights.names import organisation_key, person_key
from briefing_tui.insights.outcomes import (
    OutcomeFilter,
    OutcomeRow,
    collect_outcomes,
    due_range,
    filter_outcomes,
)
from briefing_tui.insights.timeline import TimelineGroup, timeline

__all__ = [
    "ANY_DATE",
    "TLP_BACKGROUND",
    "TLP_COLOURS",
    "AcronymMatcher",
    "BriefingFilter",
    "DateRange",
    "Entity",
    "EntityIndex",
    "EntityKind",
    "GlossaryEntry",
    "LibraryGlossary",
    "Mention",
    "OutcomeFilter",
    "OutcomeRow",
    "TimelineGroup",
    "Via",
    "build_entity_index",
    "collect_outcomes",
    "country",
    "country_code",
    "country_name",
    "due_range",
    "filter_briefings",
    "filter_outcomes",
    "find_acronyms",
    "marking_colour",
    "marking_level",
    "marking_rank",
    "merge_glossary",
    "most_restrictive",
    "organisation_key",
    "parse_end",
    "parse_period",
    "parse_start",
    "person_key",
    "same_country",
    "timeline",
    "undefined_acronyms",
]
