"""The one reader of deferred items for the screen: one worker per briefing however many
ask, each step once, on the screen's thread, and none for a widget that has gone."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual.widgets import Static

from briefing_tui.parts_later import parts_ready
from briefing_tui.ui.services.items_reader import GROUP, items_reader
from waiting import wait_until

from .helpers import SIZE, RecordingApp, library, loader_of, results, settle
from .items_guard import guard_items, held_minutes


async def test_steps_wait_for_one_worker_and_run_once_on_the_screens_thread(
    monkeypatch: Any,
) -> None:
    guard = guard_items(monkeypatch)
    minutes = held_minutes(guard)
    others = library()
    app = RecordingApp([Path("lib")], loader=loader_of(results(others)))
    ran: list[tuple[str, bool]] = []

    def step(name: str) -> Any:
        def run() -> None:
            ran.append((name, threading.current_thread() is threading.main_thread()))

        return run

    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            reader = items_reader(app)
            reader.when_read(others, step("ready"))  # nothing to read: at once
            assert ran == [("ready", True)]

            gone = Static()
            await app.main.mount(gone)
            twice = step("twice")
            reader.when_read(minutes, twice, app.main)
            reader.when_read([minutes, *others], twice, app.main)  # the same step: once
            reader.when_read(minutes, step("other"), app.main)
            reader.when_read(minutes, step("gone"), gone)
            await gone.remove()
            readers = [w for w in app.workers if w.group == GROUP]
            assert len(readers) == 1 and reader.busy
            assert not parts_ready(minutes) and len(ran) == 1

            guard.release.set()
            await wait_until(pilot, lambda: len(ran) == 3, "the steps")
            await settle(pilot)
            assert ran[1:] == [("twice", True), ("other", True)]
            assert parts_ready(minutes) and not reader.busy
            assert not guard.on_screen
    finally:
        guard.release.set()
