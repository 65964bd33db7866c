"""Background threads step aside while the UI loop is busy, and only then (ui_pulse.py)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from textual import events
from textual.app import App
from textual.drivers.headless_driver import HeadlessDriver

from briefing_tui.ui.services import ui_pulse as pulse_module
from briefing_tui.ui.services.ui_pulse import UiPulse, noting_input, ui_pulse
from waiting import wait_until

from .helpers import SIZE, app_with, rich_briefing, settle

DEADLINE = 5.0


def _until(check: object, timeout: float = DEADLINE) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.001)
    return False


async def test_a_worker_waits_while_the_loop_is_busy_and_goes_on_when_it_is_free() -> None:
    pulse = ui_pulse()
    ready, go = threading.Event(), threading.Event()
    returned: list[float] = []

    def worker() -> None:
        pulse.yield_to_ui()  # the loop is free: returns, and the beat starts
        ready.set()
        go.wait(DEADLINE)
        assert _until(lambda: pulse.busy), "the blocked loop must stop beating"
        pulse.yield_to_ui()
        returned.append(time.monotonic())

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    assert await asyncio.to_thread(ready.wait, DEADLINE)
    go.set()
    # The loop is busy (a long render, say) for longer than a beat can be late.
    busy_until = time.monotonic() + pulse_module.LONGEST / 2
    while time.monotonic() < busy_until:
        time.sleep(0.005)
    freed = time.monotonic()
    await asyncio.to_thread(thread.join, DEADLINE)
    assert returned, "the worker must go on once the loop beats again"
    assert returned[0] >= freed


async def test_a_cancelled_worker_does_not_wait() -> None:
    pulse = ui_pulse()
    ready, go = threading.Event(), threading.Event()
    took: list[float] = []

    def worker() -> None:
        pulse.yield_to_ui()
        ready.set()
        go.wait(DEADLINE)
        assert _until(lambda: pulse.busy)
        start = time.monotonic()
        pulse.yield_to_ui(lambda: True)
        took.append(time.monotonic() - start)

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    assert await asyncio.to_thread(ready.wait, DEADLINE)
    go.set()
    assert _until(lambda: bool(took))  # the loop stays blocked until the worker is done
    assert took[0] < pulse_module.LONGEST / 2


async def test_a_worker_waits_while_input_is_handled_though_the_loop_beats() -> None:
    # Each turn of a loop handling a key waits for the GIL a worker holds, with no beat late
    # enough to say so: input itself holds the workers back (bench_long's probe, 100,000
    # headings: 40 keys 5.3-5.4 s to screen in all without it, 2.0-2.5 s with it).
    pulse = ui_pulse()
    await asyncio.to_thread(pulse.yield_to_ui)  # the beat starts
    pulse.hold(0.2)
    held_until = time.monotonic() + 0.2
    assert pulse.busy
    returned = await asyncio.to_thread(lambda: (pulse.yield_to_ui(), time.monotonic())[1])
    assert returned >= held_until - 0.001


async def test_a_cancelled_worker_does_not_wait_for_input_either() -> None:
    pulse = ui_pulse()
    pulse.hold(pulse_module.LONGEST * 4)
    start = time.monotonic()
    await asyncio.to_thread(pulse.yield_to_ui, lambda: True)
    assert time.monotonic() - start < pulse_module.LONGEST * 4


async def test_keys_and_clicks_hold_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    held: list[float] = []
    monkeypatch.setattr(UiPulse, "hold", lambda self, seconds=pulse_module.HOLD: held.append(1))
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(held)
        await pilot.press("2")
        await wait_until(pilot, lambda: len(held) > before, "a hold for the key")
        before = len(held)
        await pilot.click(offset=(5, 5))
        await wait_until(pilot, lambda: len(held) > before, "a hold for the click")


async def test_a_key_holds_the_workers_as_the_input_thread_reads_it() -> None:
    """A key read while the loop repaints waited for the repaint with the workers running
    beside it: the hold now starts on the driver's input thread, not when the loop is free."""
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.get_driver_class() is noting_input(App.get_driver_class(app))
        pulse = ui_pulse()
        driver = noting_input(HeadlessDriver)(app)
        seen: list[bool] = []
        before = pulse.last_input

        def input_thread() -> None:
            driver.process_message(events.Key("x", "x"))
            seen.append(pulse.last_input > before and pulse.busy)

        thread = threading.Thread(target=input_thread)
        thread.start()
        thread.join(DEADLINE)  # the loop waits here: nothing can have handled the key yet
        assert seen == [True], "held by the input thread, before the loop handled the key"
