"""Every outcome across the library, as rows a list or a script can filter.

A row keeps the briefing and the outcome's index in it, so a UI can open the briefing on
its Outcomes pane with that outcome selected.  Whether an outcome is overdue depends on the
day, so `today` is always a parameter (tests pin it; the app passes ``date.today()``).

Overdue means what the format records, and nothing more: status ``open`` and a due date
before today.  An outcome with no status is not assumed to be open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from briefing_tui.insights.countries import same_country
from briefing_tui.insights.dates import ANY_DATE, DateRange, parse_end, parse_start
from briefing_tui.insights.names import contains_words, person_key
from briefing_tui.model import Briefing, Outcome


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    """One outcome, where it came from, and whether it is overdue on the day asked."""

    briefing: Briefing = field(repr=False)
    index: int  # into briefing.outcomes
    outcome: Outcome
    overdue: bool = False
    briefing_index: int = -1  # position of `briefing` in the sequence collected from

    @property
    def path(self) -> str:
        return self.briefing.path

    @property
    def title(self) -> str:
        return self.briefing.title


def is_overdue(outcome: Outcome, today: dt.date) -> bool:
    return outcome.status == "open" and outcome.due is not None and outcome.due < today


def collect_outcomes(briefings: Sequence[Briefing], today: dt.date) -> list[OutcomeRow]:
    """Every outcome of every briefing, in the order of `briefings`, then document order."""
    rows: list[OutcomeRow] = []
    append = rows.append
    for bi, b in enumerate(briefings):
        for oi, o in enumerate(b.outcomes):
            overdue = o.status == "open" and o.due is not None and o.due < today
            append(OutcomeRow(b, oi, o, overdue, bi))
    return rows


@dataclass(frozen=True, slots=True)
class OutcomeFilter:
    """What to keep; every field left empty lets everything through.

    `kind` and `status` are exact values of the format (``status="none"`` keeps outcomes
    that have no status; likewise for kind).  `owner` matches forgivingly: whole words of
    the owner ("DE" finds "DE desk"), the same person ("Okafor, Daniel"), or the same
    country ("Norway" finds an owner written "NO").  `due` keeps outcomes whose due date
    falls in the range (so outcomes without a due date go whenever it is set).
    """

    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    owner: str = ""
    due: DateRange = ANY_DATE
    overdue_only: bool = False

    def matches(self, row: OutcomeRow) -> bool:
        o = row.outcome
        if self.kinds and (o.kind or "none") not in self.kinds:
            return False
        if self.statuses and (o.status or "none") not in self.statuses:
            return False
        if self.overdue_only and not row.overdue:
            return False
        if not self.due.is_open and (o.due is None or not self.due.contains(o.due)):
            return False
        return not self.owner or owner_matches(o.owner, self.owner)


def owner_matches(owner: str, query: str) -> bool:
    """Whether an outcome's `owner` is what the reader typed as `query` (see OutcomeFilter)."""
    if not owner.strip() or not query.strip():
        return False
    if contains_words(owner, query):
        return True
    if person_key(owner) == person_key(query):
        return True
    return same_country(owner, query)


def filter_outcomes(rows: Iterable[OutcomeRow], flt: OutcomeFilter) -> list[OutcomeRow]:
    """The rows `flt` keeps, in order.  Owners repeat across a library, so each distinct
    owner is matched once."""
    if not flt.owner:
        return [row for row in rows if flt.matches(row)]
    unowned = replace(flt, owner="")
    verdicts: dict[str, bool] = {}
    out: list[OutcomeRow] = []
    for row in rows:
        owner = row.outcome.owner
        ok = verdicts.get(owner)
        if ok is None:
            ok = verdicts[owner] = owner_matches(owner, flt.owner)
        if ok and unowned.matches(row):
            out.append(row)
    return out


def due_range(before: str | None = None, after: str | None = None) -> DateRange:
    """Due strictly before the period `before` and strictly after the period `after`.

    Periods as typed (`2026`, `2026-03`, `2026-03-06`): "before 2026-03" is up to the end
    of February, "after 2025" from 1 January 2026.  ValueError on a bad period.
    """
    nothing = DateRange(dt.date.max, dt.date.min)
    start = end = None
    if before:
        first = parse_start(before)
        if first == dt.date.min:
            return nothing
        end = first - dt.timedelta(days=1)
    if after:
        last = parse_end(after)
        if last == dt.date.max:
            return nothing
        start = last + dt.timedelta(days=1)
    return DateRange(start, end)


def by_due_date(rows: Iterable[OutcomeRow]) -> list[OutcomeRow]:
    """Overdue first, then soonest due, undated last; the order of a to-do list."""
    far = dt.date.max
    return sorted(rows, key=lambda r: (not r.overdue, r.outcome.due or far))
