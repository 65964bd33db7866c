"""A long document's items, read for the screen by a worker, never on the screen's thread.

A `LaterBriefing` (`parts_later`) reads its participants, topics and outcomes in whichever
thread first touches them: about a second for 200,000 participants.  The panes, find, the
glossary's counts, a filter by organisation or country and the palette's people all need
them; each one that touched them on the screen's thread froze the reader for that second.
So they ask here: `when_read` runs their step on the screen's thread once a worker has read
the items (at once if they are read already).  However many ask, one worker reads each
briefing, and a step whose widget or screen is gone by then is dropped.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.dom import DOMNode

from briefing_tui import parts_later
from briefing_tui.insights.filters import BriefingFilter, filter_briefings
from briefing_tui.model import Briefing
from briefing_tui.parts_later import parts_ready

GROUP = "items-read"

Step = Callable[[], object]


@dataclass
class _Waiting:
    briefings: tuple[Briefing, ...]
    then: Step
    owner: DOMNode | None


def unread(briefings: Iterable[Briefing]) -> list[Briefing]:
    """Those of `briefings` whose items are not read yet (the screen may ask this)."""
    return [b for b in briefings if not parts_ready(b)]


class ItemsReader:
    """Reads deferred items in workers of `app`, and runs what waits for them."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        # Per briefing being read (by id: a LaterBriefing is compared by reading it).
        self._reading: dict[int, tuple[Briefing, list[_Waiting]]] = {}

    @property
    def busy(self) -> bool:
        """Whether items are being read for someone on the screen."""
        return bool(self._reading)

    def when_read(
        self, briefings: Briefing | Iterable[Briefing], then: Step, owner: DOMNode | None = None
    ) -> None:
        """Run `then` once every one of `briefings` has its items: now, if they have.

        Asking again with an equal `then` and the same `owner` (a bound method, say) before
        the items are read replaces the earlier request rather than adding a second step.
        """
        wanted = (briefings,) if isinstance(briefings, Briefing) else tuple(briefings)
        left = unread(wanted)
        if not left:
            then()
            return
        first = left[0]
        entry = self._reading.get(id(first))
        if entry is None:
            entry = self._reading[id(first)] = (first, [])
            self._app.run_worker(
                self._read(first),
                group=GROUP,
                # Not the briefing's repr, nor anything else that would read its items.
                description=f"read the items of {first.path}",
            )
        steps = entry[1]
        for step in steps:
            if step.owner is owner and step.then == then:
                step.briefings = wanted
                return
        steps.append(_Waiting(wanted, then, owner))

    def filter(
        self, briefings: list[Briefing], flt: BriefingFilter, then: Step, owner: DOMNode
    ) -> tuple[list[Briefing], list[Briefing]]:
        """What `flt` keeps of `briefings`, judged now, and those it cannot judge yet.

        A filter by organisation or country looks at the participants: a briefing whose
        items are unread is left out, and `then` runs once they are read (to judge again).
        """
        waiting = unread(briefings) if flt.reads_items else []
        if waiting:
            later = set(map(id, waiting))
            briefings = [b for b in briefings if id(b) not in later]
            self.when_read(waiting, then, owner)
        return filter_briefings(briefings, flt), waiting

    async def _read(self, briefing: Briefing) -> None:
        # Through the module: tests put a guard there that tells which thread reads.
        await asyncio.to_thread(parts_later.finish_parts, briefing)
        _, steps = self._reading.pop(id(briefing), (briefing, []))
        for step in steps:
            owner = step.owner
            if owner is None or owner.is_attached:
                self.when_read(step.briefings, step.then, owner)


_readers: weakref.WeakKeyDictionary[App[Any], ItemsReader] = weakref.WeakKeyDictionary()


def items_reader(app: App[Any]) -> ItemsReader:
    """The app's one reader of deferred items (on the screen's thread)."""
    reader = _readers.get(app)
    if reader is None:
        reader = _readers[app] = ItemsReader(app)
    return reader
