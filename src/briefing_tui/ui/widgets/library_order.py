"""The library list's order: every briefing by `Briefing.sort_key()`, kept as batches arrive."""

from __future__ import annotations

import bisect

from briefing_tui.model import Briefing

# A batch larger than this is merged by sorting rather than inserted entry by entry.
BULK_INSERT = 200

Key = tuple[int, str, str]


def insert_sorted(keys: list[Key], briefings: list[Briefing], batch: list[Briefing]) -> None:
    """Put `batch` into `briefings` (and their keys into `keys`), keeping both sorted."""
    if len(batch) > BULK_INSERT:
        # One sort of everything: inserting 10,000 cached briefings one by one into a
        # list moved its tail each time.  (Both sorts are stable: equal keys keep their
        # arrival order, as the one-by-one insert after equals does.)
        pairs = sorted(
            [*zip(keys, briefings, strict=True)] + [(b.sort_key(), b) for b in batch],
            key=lambda pair: pair[0],
        )
        keys[:] = [key for key, _ in pairs]
        briefings[:] = [b for _, b in pairs]
        return
    for briefing in batch:
        key = briefing.sort_key()
        index = bisect.bisect_right(keys, key)
        keys.insert(index, key)
        briefings.insert(index, briefing)
