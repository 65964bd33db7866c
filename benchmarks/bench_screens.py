"""How long the reader's screens across the library take to open, through Textual's Pilot.

    python benchmarks/bench_screens.py [--library /tmp/gen10k] [--count 10000] [--runs 3]

With --library a real folder is loaded first (for example one written by
benchmarks/generate_library.py); otherwise 10,000 made-up briefings are built in memory
(benchmarks/bench_insights.py's generator).  The app is then started headless on those
briefings and each screen is opened with its key, timed from the key press until the
screen shows its rows:

- "prepared": the usual case — the app built the entity index and outcome rows in a worker
  right after the library loaded, and the reader opens the screen afterwards;
- "cold": the reader opens the screen before that work is done (here: it never ran), so
  the screen builds what it needs itself, off the UI thread.

Every screen is closed with escape between runs; the best of `--runs` is shown with the
worst in brackets.  It exits 1 when a prepared screen's worst run takes 1 s or more.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from briefing_tui.model import Briefing, LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.screens.entities import EntitiesScreen, EntityList
from briefing_tui.ui.screens.filter import FilterScreen
from briefing_tui.ui.screens.glossary import GlossaryScreen
from briefing_tui.ui.screens.outcomes import OutcomeRows, OutcomesScreen
from briefing_tui.ui.screens.timeline import TimelineList, TimelineScreen

SIZE = (160, 50)
# Seconds from the key until a prepared screen shows its rows (the worst of the runs).
TARGET = 1.0


def load(args: argparse.Namespace) -> list[Briefing]:
    t0 = time.perf_counter()
    if args.library:
        from briefing_tui.library import load_library

        briefings = load_library([args.library]).briefings
        print(f"loaded {len(briefings):,} briefings in {time.perf_counter() - t0:.1f} s")
    else:
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_insights import make_library

        briefings = make_library(args.count)
        print(f"built {len(briefings):,} briefings in {time.perf_counter() - t0:.1f} s")
    return briefings


def loader_of(briefings: Sequence[Briefing]) -> Callable[[Sequence[Path]], Iterator[LoadResult]]:
    def loader(paths: Sequence[Path]) -> Iterator[LoadResult]:
        for b in briefings:
            yield LoadResult(b.path, b, ())

    return loader


def counter_of(briefings: Sequence[Briefing]) -> Callable[[Sequence[Path]], int]:
    return lambda paths: len(briefings)


class ColdApp(BriefingApp):
    """Nothing prepared after loading: every screen builds its own data when opened."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.main.prepare_across = lambda: None  # type: ignore[method-assign]


SCREENS: list[tuple[str, str, type[Any], Callable[[Any], bool]]] = [
    ("who appears where (i)", "i", EntitiesScreen, lambda s: s.query_one(EntityList).option_count),
    ("outcomes (o)", "o", OutcomesScreen, lambda s: s.query_one(OutcomeRows).option_count),
    ("timeline (t)", "t", TimelineScreen, lambda s: s.query_one(TimelineList).option_count),
    ("glossary (g)", "g", GlossaryScreen, lambda s: True),
    ("filter dialog (f)", "f", FilterScreen, lambda s: True),
]


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def time_screen(
    pilot: Any, key: str, kind: type[Any], ready: Callable[[Any], bool], limit: float = 60.0
) -> float:
    started = time.perf_counter()
    await pilot.press(key)
    while True:
        screen = pilot.app.screen
        if isinstance(screen, kind) and ready(screen):
            break
        if time.perf_counter() - started > limit:
            raise TimeoutError(f"{kind.__name__} did not fill in {limit} s")
        await pilot.pause(0.005)
    await settle(pilot)  # one more refresh: the rows are drawn
    return time.perf_counter() - started


async def run(
    app_class: type[BriefingApp], briefings: list[Briefing], runs: int, target: float | None
) -> bool:
    """Prints each screen's best and worst; whether every worst met `target`."""
    met = True
    app = app_class([Path("library")], loader=loader_of(briefings), counter=counter_of(briefings))
    async with app.run_test(size=SIZE) as pilot:
        t0 = time.perf_counter()
        # `library_loading`, not Textual's own `loading` (a widget's loading indicator,
        # always False here): waiting on that one timed nothing.
        while app.main.library_loading:
            await pilot.pause(0.05)
        await settle(pilot)
        print(f"  library listed and prepared in {time.perf_counter() - t0:.2f} s")
        for label, key, kind, ready in SCREENS:
            times = []
            for _ in range(runs):
                times.append(await time_screen(pilot, key, kind, ready))
                await pilot.press("escape")
                await settle(pilot)
            verdict = ""
            if target is not None:
                ok = max(times) < target
                met &= ok
                verdict = f"   target < {target:.0f} s: {'ok' if ok else 'OVER'}"
            print(
                f"  {label:<26} {min(times) * 1000:8.0f} ms   (worst {max(times) * 1000:.0f} ms)"
                + verdict
            )
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--library", type=Path, help="load this folder instead")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    briefings = load(args)
    print(
        f"{sum(len(b.participants) for b in briefings):,} participants, "
        f"{sum(len(b.outcomes) for b in briefings):,} outcomes\n"
    )
    print("prepared (index and outcome rows built after loading):")
    met = asyncio.run(run(BriefingApp, briefings, args.runs, TARGET))
    print("\ncold (nothing prepared; the first open builds it, off the UI thread; no target):")
    asyncio.run(run(ColdApp, briefings, 1, None))
    print("all targets met" if met else "some targets missed")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
