"""Background threads step aside while the UI loop is busy, and only then (ui_pulse.py)."""

from __future__ import annotations

import asyncio
import threading
import time

from briefing_tui.ui.services import ui_pulse as pulse_module
from briefing_tui.ui.services.ui_pulse import ui_pulse

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
