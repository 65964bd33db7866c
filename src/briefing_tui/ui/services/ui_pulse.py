"""Background work that steps aside while the screen is busy.

Every thread of the reader shares one GIL with the screen.  A worker laying out 10,000
headings, indexing a huge briefing or grouping 200,000 participants takes the GIL back
every 5 ms (Python's switch interval), so a key that needs 40 ms of the UI thread's time
took 80 to 300 ms to reach the screen while two or three such workers ran.  Nothing tells
a thread that the screen is waiting, so the screen says when it is free: while any worker
asks, the event loop beats every `BEAT` seconds, and a beat only happens when the loop is
idle enough to run it.  A worker calls `yield_to_ui()` between small slices of its work;
when the last beat is older than `STALE`, the screen is busy (or waiting for the GIL) and
the worker sleeps, releasing the GIL, until the beat comes back or `LONGEST` has passed,
so background work always progresses, only more slowly while the reader types.

A late beat is not the whole story.  Each turn of the event loop lets go of the GIL (it
polls for input) and must win it back, which takes up to a switch interval while a
worker runs Python: a key that needs thirty turns paid 50-200 ms more than its own 10-50 ms
of work (bench_long's probe, 200,000 participants), with every beat well under `STALE`.
So input itself says the screen is busy: the app calls `hold()` as a key or click arrives,
and workers step aside for `HOLD` seconds, the time a key takes to reach the screen.
"""

from __future__ import annotations

import asyncio
import threading
import time
import weakref
from collections.abc import Callable

BEAT = 0.01
STALE = 0.03
LONGEST = 0.5
# While no worker has asked for this long, the loop stops beating (an idle reader sleeps).
KEEP_BEATING = 1.0
# After a key or a click, workers wait this long: handling it and drawing the new screen.
HOLD = 0.25
_NAP = 0.004


class UiPulse:
    """The UI loop's beat, and the wait background threads take while it is late."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._last = time.monotonic()
        self._asked = 0.0
        self._beating = False
        self._held_until = 0.0
        # When the reader last pressed a key or clicked: a focus that moved after it moved
        # on purpose, one that moved without it was moved by Textual (see focus_when_shown).
        self.last_input = 0.0
        self._lock = threading.Lock()

    def _beat(self) -> None:
        now = time.monotonic()
        self._last = now
        with self._lock:
            if now - self._asked > KEEP_BEATING or self._loop.is_closed():
                self._beating = False
                return
        self._loop.call_later(BEAT, self._beat)

    def _ensure_beating(self) -> None:
        with self._lock:
            self._asked = time.monotonic()
            if self._beating:
                return
            self._beating = True
            # The beat restarts from now: a silent loop is not a busy one.
            self._last = self._asked
        try:
            self._loop.call_soon_threadsafe(self._beat)
        except RuntimeError:  # the loop is closed: the reader is gone
            with self._lock:
                self._beating = False

    def hold(self, seconds: float = HOLD) -> None:
        """On the UI thread, as input arrives: background work waits for `seconds`."""
        now = self.last_input = time.monotonic()
        self._held_until = max(self._held_until, now + seconds)

    @property
    def busy(self) -> bool:
        """Whether input is being handled, or the UI thread has not been free for a beat."""
        now = time.monotonic()
        return now < self._held_until or now - self._last > STALE

    def yield_to_ui(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """From a background thread, between slices: wait while the screen is busy."""
        self._ensure_beating()
        deadline = time.monotonic() + LONGEST
        while self.busy and not cancelled() and time.monotonic() < deadline:
            time.sleep(_NAP)


_pulses: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, UiPulse] = weakref.WeakKeyDictionary()
_pulses_lock = threading.Lock()


def ui_pulse(loop: asyncio.AbstractEventLoop | None = None) -> UiPulse:
    """The pulse of `loop` (by default the running loop: call it on the UI thread)."""
    loop = loop or asyncio.get_running_loop()
    with _pulses_lock:
        pulse = _pulses.get(loop)
        if pulse is None:
            pulse = _pulses[loop] = UiPulse(loop)
        return pulse
