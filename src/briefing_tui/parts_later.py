"""Briefings whose pane items are read after their first screen.

A 7 MB minutes file listing 200,000 participants took 1.6-2.1 s to read, nearly all of it
spent making the participants, while its first screen (the Overview) needs none of them.
So the file the reader opens on its own thread is read in two steps: everything but the
pane items first, the participants, topics and outcomes (with the prose left over in their
sections) when something first asks for them (see `Deferral` and `read_document`).

A `LaterBriefing` is a `Briefing` in every respect: reading one of `PART_FIELDS`, comparing,
hashing, pickling or copying reads the items then, once, in whichever thread asks first
(others wait for it), and the object's class becomes `Briefing`, so nothing downstream can
tell it was ever deferred.  The reader's screen never touches them before `parts_ready`:
whatever needs them there asks `ui/services/items_reader` to read them in a worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from briefing_tui.lazy_fields import make_lazy
from briefing_tui.memory import paused_gc
from briefing_tui.model import Briefing, Problem, Severity

PART_FIELDS = (
    "participants",
    "topics",
    "outcomes",
    "participants_text",
    "topics_text",
    "outcomes_text",
)

Pause = Callable[[], None]
Finish = Callable[[Pause | None], dict[str, Any]]
"""Reads the deferred items (calling the pause it is given every few thousand): a value
for each of `PART_FIELDS`."""


@dataclass(frozen=True)
class Deferral:
    """Whether, and how, a reader may leave a document's pane items for later.

    Only sections holding at least `min_lines` lines of pane items are left: a small
    document is read whole at once, as before.  `pause` is called every few thousand items
    while they are read later, so a thread doing that steps aside while the screen is busy
    (the reader passes one that does nothing on its own UI thread).
    """

    min_lines: int = 2_000
    pause: Pause | None = None


class _Pending:
    """What a LaterBriefing still has to read, and the lock that makes that happen once."""

    __slots__ = ("finish", "hurry", "lock", "pause")

    def __init__(self, finish: Finish, pause: Pause | None) -> None:
        self.finish = finish
        self.pause = pause
        self.lock = threading.Lock()
        # Set when the screen's thread waits for the items: the thread reading them must
        # not step aside for a screen that is waiting for it (each pause would last until
        # its time ran out).
        self.hurry = False

    def paced(self) -> None:
        if self.pause is not None and not self.hurry:
            self.pause()


class LaterBriefing(Briefing):
    """A briefing whose pane items are read on first use, then a plain `Briefing`."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Briefing):
            return NotImplemented
        if other is self:
            # A reactive set again to the briefing it holds (the one open, opened again)
            # asks this on the screen's thread.
            return True
        # Textual compares a reactive's old and new value: a briefing opened in place of
        # another must not be read whole on the screen's thread only to tell them apart.
        if any(getattr(self, name) != getattr(other, name) for name in _EAGER_FIELDS):
            return False
        finish_parts(self)
        if isinstance(other, LaterBriefing):
            finish_parts(other)
        return self == other

    def __hash__(self) -> int:
        return hash(finish_parts(self))

    def __repr__(self) -> str:
        # A log line or a worker's description must not read 200,000 items to say this.
        return f"LaterBriefing(path={self.path!r}, title={self.title!r}, items not read yet)"

    def __reduce_ex__(self, protocol: Any) -> Any:
        return finish_parts(self).__reduce_ex__(protocol)


# What a briefing's equality compares besides its items, cheapest first.
_LAST = ("sections", "extra")
_EAGER_FIELDS = (
    *(f.name for f in fields(Briefing) if f.compare and f.name not in (*PART_FIELDS, *_LAST)),
    *_LAST,
)

# Guards the swap from LaterBriefing to Briefing, never the reading itself.
_SWAP = threading.Lock()


def later(briefing: Briefing, finish: Finish, pause: Pause | None = None) -> Briefing:
    """`briefing` (made without its items) turned into one that reads them with `finish`,
    which calls `pause` every few thousand items."""
    values = briefing.__dict__
    for name in PART_FIELDS:
        del values[name]
    values["_pending"] = _Pending(finish, pause)
    object.__setattr__(briefing, "__class__", LaterBriefing)
    return briefing


def parts_ready(briefing: Briefing) -> bool:
    """Whether reading `briefing`'s items would return at once (the screen may ask)."""
    return type(briefing) is not LaterBriefing


def finish_parts(briefing: Briefing) -> Briefing:
    """Read a deferred briefing's items now, in this thread, or wait for the thread that is.

    A reader bug costs the items, never the caller: the briefing then shows none, and says
    why among its problems.
    """
    with _SWAP:
        if type(briefing) is not LaterBriefing:
            return briefing
        pending: _Pending = briefing.__dict__["_pending"]
    if threading.current_thread() is threading.main_thread():
        pending.hurry = True  # the reader's screen runs on the main thread
    with pending.lock:
        if type(briefing) is not LaterBriefing:
            return briefing  # read by the thread this one waited for
        try:
            with paused_gc():
                items = pending.finish(pending.paced)
        except Exception as exc:
            items = {name: getattr(Briefing, name) for name in PART_FIELDS}
            problem = Problem(
                briefing.path,
                None,
                None,
                Severity.ERROR,
                "its participants, topics and outcomes could not be read "
                f"(internal error: {type(exc).__name__}: {exc})",
            )
            items["problems"] = (*briefing.problems, problem)
        for name in PART_FIELDS:  # a field the reader left out keeps the model's default
            items.setdefault(name, getattr(Briefing, name))
        with _SWAP:
            values = briefing.__dict__
            values.update(items)
            del values["_pending"]
            object.__setattr__(briefing, "__class__", Briefing)
    return briefing


make_lazy(LaterBriefing, PART_FIELDS, finish_parts)
