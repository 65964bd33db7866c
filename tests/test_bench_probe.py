"""bench_long's probe charges a key only with a screen update that something other than a
timer asked for.

A long text's layout grows the scrollbar from a timer while the reader types; a key that
did nothing (enter in the Overview's text) was charged with that update, 0.25-0.37 s later,
and read as the worst stall of its row.  The probe notes where each repaint request came
from, by the asyncio task it ran in, so the figures rest on Textual's task names: checked
here, with the rule itself.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Static

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "probe"))
from stall_figures import read_probe

from waiting import wait_until


def _report(asks: list[tuple[float, str, str]]) -> dict[str, Any]:
    """One key made at 10.0, handled by 10.002, and a screen update at 10.3."""
    key = {"key": "enter", "made": 10.0, "first": 10.001, "last": 10.002}
    key |= {"cpu_first": 1.0, "cpu_last": 1.001}
    return {
        "keys": [key],
        "paints": [[10.3, 9000, 1.01]],
        "flushes": [10.301],
        "late": [],
        "beats": 100,
        "asks": asks,
    }


def test_an_update_only_timers_asked_for_is_not_the_keys() -> None:
    timer = [(10.25, "task:set_interval", "ReadingText"), (10.3, "task:screen_update", "X")]
    (key,) = read_probe(_report(timer), 0.0, 99.0).keys
    assert key.timers_only
    assert key.stall == key.handled  # 2 ms, not the 301 ms to the layout's update


def test_an_update_the_key_or_its_messages_asked_for_is_the_keys() -> None:
    for origin in ("Key", "Focus", "task:Task", "ScreenResume"):
        asks = [(10.25, "task:set_interval", "ReadingText"), (10.2, origin, "Widget")]
        (key,) = read_probe(_report(sorted(asks)), 0.0, 99.0).keys
        assert not key.timers_only
        assert round(key.stall, 3) == 0.301
    # Only the compositor's task: it carries out what was asked before, so the key is charged.
    (key,) = read_probe(_report([(10.3, "task:screen_update", "X")]), 0.0, 99.0).keys
    assert not key.timers_only and round(key.stall, 3) == 0.301
    # A probe file from before the requests were noted: every update is the key's.
    report = _report([])
    del report["asks"]
    (key,) = read_probe(report, 0.0, 99.0).keys
    assert round(key.stall, 3) == 0.301


async def test_textual_names_the_tasks_the_probe_tells_apart() -> None:
    """An interval's callback runs in a task named set_interval#N, a handler in its pump's
    task or the app's: what stall_probe reads as a request's origin.  A set_timer callback
    is handed to the pump (call_next), so it counts as a handler: the key is charged."""
    names: dict[str, str] = {}

    def name() -> str:
        task = asyncio.current_task()
        return task.get_name() if task is not None else ""

    class Noted(Static):
        def on_mount(self) -> None:
            names["widget"] = name()

    class Probed(App[None]):
        def compose(self) -> ComposeResult:
            yield Noted("x")

        def on_mount(self) -> None:
            names["app"] = name()
            self.set_interval(0.01, lambda: names.setdefault("interval", name()))
            self.set_timer(0.01, lambda: names.setdefault("timer", name()))

    app = Probed()
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: len(names) == 4, "the timers")
    kinds = {k: v.split("#")[0].split("-")[0] for k, v in names.items()}
    assert kinds["interval"] == "set_interval"
    assert names["widget"].startswith("message pump")
    assert kinds["app"] == kinds["timer"]  # in the app's own task, as a handler
    assert kinds["app"] not in {"set_interval", "set_timer", "Timer", "screen_update"}
