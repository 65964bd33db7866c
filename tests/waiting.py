"""Waiting in Pilot tests: for a condition, with a deadline, never for a number of pauses.

`pilot.pause()` waits until the process *looks* idle, by comparing CPU time with wall time;
on a machine where another process holds the core that comparison says "idle" early, and a
test that paused a fixed number of times reads the screen before the work is done.  So
every wait here polls a predicate against a wall-clock deadline generous enough for a
loaded machine, and fails with what it was waiting for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.worker import WorkerState

# Long enough for a busy, shared machine; only ever reached when something is wrong.
TIMEOUT = 60.0
POLL = 0.01


async def wait_until(
    pilot: Any, predicate: Callable[[], object], what: str = "condition", timeout: float = TIMEOUT
) -> None:
    """Let the app run until `predicate()` holds; fail after `timeout` seconds if it never does."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f}s and it never happened: {what}")
        await pilot.pause(POLL)


def quiet(app: App[Any]) -> bool:
    """No worker running, no message waiting anywhere in the app or its screens, and no
    debounced or throttled step due (a widget with such a timer says so in `work_pending`).

    A step behind a timer runs nothing and queues nothing until the timer fires, so without
    asking, a test would call the app quiet with, say, the last loaded results undrawn.
    """
    if any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
        return False
    if app.message_queue_size:
        return False
    return all(
        node.message_queue_size == 0 and not getattr(node, "work_pending", False)
        for screen in app.screen_stack
        for node in screen.walk_children(with_self=True)
    )


async def settle(pilot: Any, timeout: float = TIMEOUT) -> None:
    """Wait until workers, message batches and lazy builds have finished.

    Quiet must hold on two polls in a row: a handler that just ran may have started a
    worker or posted a message that the first look raced.
    """
    calm = 0
    deadline = time.monotonic() + timeout
    while calm < 2:
        await pilot.pause(POLL)
        calm = calm + 1 if quiet(pilot.app) else 0
        if time.monotonic() > deadline:
            raise AssertionError(f"the app never settled in {timeout:.0f}s")
