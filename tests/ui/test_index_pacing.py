"""The search indexer steps aside inside one huge briefing, not only between briefings."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from briefing_tui import pacing
from briefing_tui.model import Briefing, Participant
from briefing_tui.ui.services.search_index import LibraryIndex
from briefing_tui.ui.services.ui_pulse import UiPulse
from waiting import wait_until

DEADLINE = 30.0


def crowd(count: int) -> Briefing:
    people = tuple(Participant(f"Person {n}", "Judge", f"Court {n % 7}") for n in range(count))
    return Briefing(path="crowd.md", title="Crowd", date=None, participants=people)


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("host")


class _BusyScreen:
    """Stands for the screen's pulse: the third call on is the screen being busy, and the
    worker is held there (as `yield_to_ui` would hold it) until the test lets it go."""

    def __init__(self) -> None:
        self.calls = 0
        self.held = threading.Event()
        self.free = threading.Event()

    def yield_to_ui(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        self.calls += 1
        if self.calls == 3:
            self.held.set()
            while not self.free.wait(0.005) and not cancelled():
                pass


@pytest.fixture
def busy(monkeypatch: pytest.MonkeyPatch) -> _BusyScreen:
    screen = _BusyScreen()

    def yield_to_ui(_self: UiPulse, cancelled: Callable[[], bool] = lambda: False) -> None:
        screen.yield_to_ui(cancelled)

    monkeypatch.setattr(UiPulse, "yield_to_ui", yield_to_ui)
    return screen


async def test_a_huge_briefing_waits_for_the_screen_in_the_middle_of_its_row(
    busy: _BusyScreen,
) -> None:
    app = _Host()
    async with app.run_test() as pilot:
        index = LibraryIndex(app.screen, lambda: False)
        index.add([crowd(5 * pacing.PAUSE_EVERY)])
        # Calls 1 (before the slice) and 2 (inside the row, after 2,000 participants) pass;
        # call 3 is still inside the same briefing's row, which is not indexed yet.
        await wait_until(pilot, busy.held.is_set, "the row build asks the screen", DEADLINE)
        assert index.progress().indexed == 0
        assert index.search("person", 1) == []
        busy.free.set()
        await wait_until(pilot, lambda: index.progress().indexed == 1, "indexed", DEADLINE)
        assert busy.calls > 10, "every few thousand items, not once per briefing"
        assert index.error is None
        assert [hit.briefing.title for hit in index.search("person", 1)] == ["Crowd"]


async def test_quitting_stops_a_huge_briefing_inside_its_row(busy: _BusyScreen) -> None:
    app = _Host()
    async with app.run_test() as pilot:
        index = LibraryIndex(app.screen, lambda: False)
        index.add([crowd(5 * pacing.PAUSE_EVERY)])
        await wait_until(pilot, busy.held.is_set, "the row build asks the screen", DEADLINE)
        app.workers.cancel_all()
        await wait_until(pilot, lambda: not app.workers, "the indexer stops", DEADLINE)
        # One more call: the turn after the stopped row, which sees the cancellation.
        assert busy.calls == 4, "the rest of the row was not built"
        assert index.progress().indexed == 0
        assert index.error is None
