"""Narrowing the library list: by tag, organisation, country, marking and dates.

One pure function, :func:`filter_briefings`, so the library list, the command line and any
export agree on what a filter means.  Every criterion must hold (AND); within a criterion
given several values, the rules are:

* tags — every tag given must be on the briefing (case and diacritics ignored);
* organisations — every one must appear among the organisers or the participants'
  organisations, as whole words ("Eurojust" also finds "Netherlands Desk at Eurojust");
* countries — every one must be a participant's country or the location's country, codes
  and names unified ("Norway" finds `NO`);
* markings — the briefing's marking is any of those given (compared in canonical form,
  "tlp:amber" = "TLP:AMBER"); `max_marking` keeps briefings no more restrictive than it;
* dates — the briefing's days touch the range; undated briefings go when a bound is set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_tui.insights.countries import country_code
from briefing_tui.insights.dates import ANY_DATE, DateRange
from briefing_tui.insights.entities import location_country
from briefing_tui.insights.markings import marking_rank, normalise_marking
from briefing_tui.insights.names import contains_words, fold
from briefing_tui.model import Briefing, Participant


@dataclass(frozen=True, slots=True)
class BriefingFilter:
    tags: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    markings: tuple[str, ...] = ()
    max_marking: str = ""
    dates: DateRange = ANY_DATE

    @property
    def is_empty(self) -> bool:
        return not (
            self.tags
            or self.organisations
            or self.countries
            or self.markings
            or self.max_marking
            or not self.dates.is_open
        )

    @property
    def reads_items(self) -> bool:
        """Whether judging a briefing takes its participants (a long document's are read
        after its first screen, see `parts_later`)."""
        return bool(self.organisations or self.countries)

    def matches(self, b: Briefing) -> bool:
        if not self.dates.overlaps(b.date, b.end_date):
            return False
        if self.markings and normalise_marking(b.marking) not in {
            normalise_marking(m) for m in self.markings
        }:
            return False
        if self.max_marking and marking_rank(b.marking) > marking_rank(self.max_marking):
            return False
        if self.tags:
            have = {fold(t) for t in b.tags}
            if not all(fold(t) in have for t in self.tags):
                return False
        if self.organisations:
            names = organisations_of(b)
            if not all(any(contains_words(n, want) for n in names) for want in self.organisations):
                return False
        if self.countries:
            have_codes = countries_of(b)
            for want in self.countries:
                if (country_code(want) or "?" + fold(want)) not in have_codes:
                    return False
        return True


def organisations_of(b: Briefing) -> list[str]:
    """Every organisation a briefing names: organisers, then participants' organisations."""
    names = [o for o in b.organisers if o]
    names.extend(p.organisation for p in b.participants if isinstance(p, Participant))
    return [n for n in names if n]


def countries_of(b: Briefing) -> set[str]:
    """Country keys in a briefing: alpha-2 codes, or "?"+folded text for unknown ones."""
    keys: set[str] = set()
    for p in b.participants:
        if isinstance(p, Participant) and p.country:
            keys.add(country_code(p.country) or "?" + fold(p.country))
    place = location_country(b.location) if b.location else None
    if place:
        keys.add(country_code(place) or "?" + fold(place))
    return keys


def filter_briefings(briefings: Iterable[Briefing], flt: BriefingFilter) -> list[Briefing]:
    """The briefings `flt` keeps, in the order given."""
    if flt.is_empty:
        return list(briefings)
    return [b for b in briefings if flt.matches(b)]


def tag_counts(briefings: Iterable[Briefing]) -> list[tuple[str, int]]:
    """Tags with how many briefings carry them, most used first: choices for a tag filter.

    Tags that differ only in case or accents count as one, shown as first written.
    """
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for b in briefings:
        for key in {fold(t): t for t in b.tags if t.strip()}.items():
            shown.setdefault(key[0], key[1])
            counts[key[0]] += 1
    return sorted(
        ((shown[k], n) for k, n in counts.items()), key=lambda kv: (-kv[1], kv[0].casefold())
    )


def marking_counts(briefings: Iterable[Briefing]) -> list[tuple[str, int]]:
    """Markings (canonical) with their counts, least restrictive first; unmarked as ""."""
    counts: Counter[str] = Counter(normalise_marking(b.marking) for b in briefings)
    return sorted(counts.items(), key=lambda kv: (marking_rank(kv[0]), kv[0]))
