"""No flicker: an entry once listed stays listed, and the status never goes back, while loading.

Issue 13 item 6: with a single large file the entry showed in the list, then the list went
back to "Loading…", then the entry showed again.  Every look below is taken while the app
runs (each poll of a wait), so a step back between two of them is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from textual.widgets import Static

from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.library_list import LibraryList
from waiting import wait_until

from .helpers import SIZE, GatedLoader, RecordingApp, make_briefing, results, text_of

SAMPLES = Path(__file__).resolve().parents[2] / "briefings"
COUNT = re.compile(r"Loading… (\d+)")


@dataclass
class Looks:
    """What the list and the status line showed at each look."""

    listed: list[frozenset[str]] = field(default_factory=list)
    status: list[str] = field(default_factory=list)

    def take(self, app: BriefingApp) -> None:
        library = app.query_one(LibraryList)
        self.listed.append(frozenset(b.path for b in library.listed))
        self.status.append(text_of(app.query_one("#load-count", Static)))

    def assert_no_step_back(self) -> None:
        seen: frozenset[str] = frozenset()
        for n, now in enumerate(self.listed):
            lost = seen - now
            assert not lost, f"look {n}: {sorted(lost)} left the list while loading went on"
            seen = now
        counted = -1
        finished = False
        for n, text in enumerate(self.status):
            match = COUNT.match(text)
            if finished:
                assert not text.startswith("Loading"), f"look {n}: back to {text!r} after the end"
            elif match is not None:
                assert int(match[1]) >= counted, f"look {n}: the count went back to {text!r}"
                counted = int(match[1])
            elif text == "Loading…":
                # Only before the first count, and with nothing listed at that look.
                assert counted < 0 and not self.listed[n], f"look {n}: back to a bare 'Loading…'"
            else:
                finished = True


async def test_entries_stay_listed_while_a_gated_load_goes_on() -> None:
    items = results(
        [make_briefing(f"lib/{n}.yaml", f"Briefing {n}", date(2020, 1, 1 + n)) for n in range(6)]
    )
    gate = GatedLoader(items, first=1)  # one entry, then loading stalls until released
    app = RecordingApp([Path("lib")], loader=gate, counter=lambda paths: 6)
    looks = Looks()

    def look(done: bool) -> bool:
        looks.take(app)
        return done

    async with app.run_test(size=SIZE) as pilot:
        library = app.query_one(LibraryList)
        await wait_until(pilot, lambda: look(len(library.listed) == 1), "the first entry")
        # Keep looking while loading stalls: nothing may step back meanwhile.
        await wait_until(
            pilot, lambda: look(len(looks.listed) >= 30), "thirty looks during the stall"
        )
        gate.release.set()
        await wait_until(pilot, lambda: look(not app.main.library_loading), "loading to end")
        await wait_until(pilot, lambda: look(len(looks.listed) >= 60), "thirty looks after")
    assert looks.listed[-1] == frozenset(f"lib/{n}.yaml" for n in range(6))
    looks.assert_no_step_back()


async def test_a_single_file_read_by_the_real_loader_does_not_flicker() -> None:
    # The case the issue saw: one file named on the command line, read by the library code.
    file = next(SAMPLES.glob("*.md"))
    app = BriefingApp([file])
    looks = Looks()

    def look(done: bool) -> bool:
        looks.take(app)
        return done

    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: look(not app.main.library_loading), "loading to end")
        await wait_until(pilot, lambda: look(len(looks.listed) >= 40), "more looks after it")
    assert len(looks.listed[-1]) == 1
    assert looks.status[-1] == "1 briefing"
    looks.assert_no_step_back()
