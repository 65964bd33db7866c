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
So input itself says the screen is busy: a key or a click holds the workers back for
`HOLD` seconds, the time a key takes to reach the screen.  The hold starts on the driver's
input thread, as the key is read (`noting_input`), not when the loop comes to handle it: a
key that arrived during a repaint waited for it with the workers still running beside it
(100,000 headings: 65-80 ms for a repaint of 26 ms of the loop's CPU, bench_long's probe).
"""

from __future__ import annotations

import asyncio
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from textual import events
from textual.driver import Driver
from textual.message import Message

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
        """As input arrives (on the input thread or the UI thread): background work waits
        for `seconds`."""
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


# What the reader does: while one is handled and drawn, background threads step aside.
INPUT = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)

_noting: dict[type[Driver], type[Driver]] = {}


def noting_input(driver_class: type[Driver]) -> type[Driver]:
    """`driver_class`, holding the workers back from its input thread as input is read.

    The driver reads the terminal on a thread of its own and hands each event to the loop;
    the hold is taken there, so workers stop before the loop is free to handle the key.
    """
    made = _noting.get(driver_class)
    if made is not None:
        return made

    class NotingInput(driver_class):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # Made on the loop's thread (Driver takes the running loop too).
            self._input_pulse = ui_pulse(asyncio.get_running_loop())

        def process_message(self, message: Message) -> None:
            if isinstance(message, INPUT):
                self._input_pulse.hold()
            super().process_message(message)

    NotingInput.__name__ = NotingInput.__qualname__ = f"Noting{driver_class.__name__}"
    _noting[driver_class] = NotingInput
    return NotingInput


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
