"""The library-wide views' data, built once per library and shared by every screen.

The entity index of 10,000 briefings takes about half a second to build and the outcome
rows a fifth of one, so both are made once — in a worker as soon as the library has loaded,
or on first use — and reused until the library changes.  Screens ask from a worker thread
when the data is not ready yet, so the reader never waits on a frozen screen.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence

from briefing_tui.insights.entities import EntityIndex, build_entity_index
from briefing_tui.insights.outcomes import OutcomeRow, collect_outcomes
from briefing_tui.memory import paused_gc
from briefing_tui.model import Briefing
from briefing_tui.pacing import paced

# Up to this many people named in the library, the entity index is made as soon as it has
# loaded (a 10,000-briefing library names a few thousand, each in many briefings).
WARM_PEOPLE = 50_000


def few_people(
    briefings: Sequence[Briefing], limit: int, pause: Callable[[], None] | None = None
) -> bool:
    """Whether the briefings name at most `limit` different people (names as written)."""
    names: set[str] = set()
    for briefing in briefings:
        names.update(getattr(p, "name", "") for p in paced(briefing.participants, pause))
        if len(names) > limit:
            return False
    return True


class LibraryInsights:
    """Entity index and outcome rows for one state of the library (thread-safe).

    A state is known by the number of briefings loaded: the library only grows while it
    loads, so a different count means the data must be rebuilt.
    """

    def __init__(self, pause: Callable[[], None] | None = None) -> None:
        """`pause` is called between slices of a long build (see `UiPulse.yield_to_ui`)."""
        self._lock = threading.Lock()
        self.pause = pause
        self._index: EntityIndex | None = None
        self._rows: list[OutcomeRow] | None = None
        self._rows_day: dt.date | None = None
        self._rows_count = -1

    def index_ready(self, briefings: Sequence[Briefing]) -> bool:
        index = self._index
        return index is not None and len(index.briefings) == len(briefings)

    def outcomes_ready(self, briefings: Sequence[Briefing], today: dt.date) -> bool:
        rows = self._rows
        return rows is not None and self._rows_day == today and self._rows_count == len(briefings)

    def entity_index(self, briefings: Sequence[Briefing]) -> EntityIndex:
        """The index of `briefings` (in their order), built now if not built for them yet."""
        with self._lock:
            index = self._index
            if index is None or len(index.briefings) != len(briefings):
                with paused_gc():
                    index = build_entity_index(tuple(briefings), self.pause)
                self._index = index
            return index

    def outcome_rows(self, briefings: Sequence[Briefing], today: dt.date) -> list[OutcomeRow]:
        """Every outcome of `briefings`, overdue as of `today` (rebuilt when the day changes)."""
        with self._lock:
            rows = self._rows
            if rows is None or self._rows_day != today or self._rows_count != len(briefings):
                with paused_gc():
                    rows = collect_outcomes(tuple(briefings), today)
                self._rows, self._rows_day, self._rows_count = rows, today, len(briefings)
            return rows

    def warm(self, briefings: Sequence[Briefing], today: dt.date) -> None:
        """Build both, for a worker to call once the library has loaded.

        The entity index only while it is small: for 200,000 people it held 105 MB (and
        twice that while built) for a view few readers open; it is built when the entities
        screen first asks instead.  The outcome rows are always cheap.
        """
        if few_people(briefings, WARM_PEOPLE, self.pause):
            self.entity_index(briefings)
        self.outcome_rows(briefings, today)
