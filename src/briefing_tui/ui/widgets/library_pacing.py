"""How often the library list opens the newest briefing on its own while a library loads.

A briefing highlighted by a rebuild (not by the reader) is opened at most once a second at
first, then half as often after each such opening, down to once every LONGEST: each
opening (a new Overview, laid out) costs the UI thread about 0.1 s, and once a second it
was 40% of that thread's time while 10,000 briefings streamed in; a view that keeps
changing is hard to start reading anyway.  The reader's own moves are never paced.
"""

from __future__ import annotations

import time

FIRST = 1.0
LONGEST = 8.0


class AutoOpen:
    """The wait before the next opening the reader did not ask for."""

    def __init__(self) -> None:
        self._interval = FIRST
        self._last = 0.0

    def wait(self) -> float:
        """Seconds until an automatic opening is due (0 or less: now)."""
        return self._interval - (time.monotonic() - self._last)

    def opened(self, *, automatic: bool) -> None:
        self._last = time.monotonic()
        if automatic:
            self._interval = min(LONGEST, self._interval * 2)

    def restart(self) -> None:
        """Loading ended: the next load starts quick again."""
        self._interval = FIRST
