"""How long opening a briefing takes: from the key press in the list until its Overview is built.

    python benchmarks/bench_open.py [LIBRARY ...]   (default: the sample library)

Runs the reader through Textual's Pilot (no terminal), loads the library, then presses
`down` repeatedly and times each move until the newly highlighted briefing's Overview has
been built and the screen update after that has been composed.  Prints p50/p95/max
against the < 100 ms target for a typical briefing, and exits 1 when a library's p95
misses it.  Nothing here is a test; figures vary with machine load.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from textual.screen import Screen

from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.services.loader import make_loader
from briefing_tui.ui.widgets.panes.overview import OverviewPane

HERE = Path(__file__).resolve().parent


_painted: list[float] = []
_compositor_refresh = Screen._compositor_refresh


def _noting_refresh(self: Screen[Any]) -> None:
    """Screen updates, timed as they finish: what was built is on screen after the next."""
    _compositor_refresh(self)
    _painted.append(time.perf_counter())


Screen._compositor_refresh = _noting_refresh  # type: ignore[method-assign]


class TimedApp(BriefingApp):
    """Notes when each Overview has been built."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.built: dict[str, float] = {}

    def on_overview_pane_built(self, event: OverviewPane.Built) -> None:
        self.built[event.briefing.path] = time.perf_counter()


async def measure(library: Path, moves: int) -> list[float]:
    app = TimedApp([library], loader=make_loader(None))
    timings: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        # `library_loading`, not Textual's own `loading` (a widget's loading indicator,
        # always False here): waiting on that one left 10,000 briefings unlisted, no moves.
        while app.main.library_loading:
            await asyncio.sleep(0.05)
        await pilot.pause(0.5)
        listing = app.main.library_list
        for _ in range(min(moves, len(listing.listed) - 1)):
            index = (listing.highlighted or 0) + 1
            target = listing.listed[index].path
            app.built.pop(target, None)
            start = time.perf_counter()
            app.simulate_key("down")  # as a terminal would send it; Pilot.press also waits
            while target not in app.built:
                await asyncio.sleep(0.001)
            built = app.built[target]
            while not _painted or _painted[-1] < built:
                await asyncio.sleep(0.001)
            timings.append(_painted[-1] - start)
            await pilot.pause(0.1)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("libraries", nargs="*", type=Path, default=[HERE.parent / "briefings"])
    parser.add_argument("--moves", type=int, default=30)
    args = parser.parse_args()
    met = True
    for library in args.libraries:
        timings = sorted(asyncio.run(measure(library, args.moves)))
        if len(timings) < 2:
            print(f"{library}: fewer than two briefings listed, nothing to time")
            met = False
            continue
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        verdict = "ok" if p95 < 0.1 else "OVER"
        met &= p95 < 0.1
        print(
            f"{library}: open {len(timings)} briefings: p50 "
            f"{statistics.median(timings) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {timings[-1] * 1000:.0f} ms (target < 100 ms at p95, {verdict})"
        )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
