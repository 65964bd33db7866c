"""bench_long's probe charges a key only with a screen update that the key itself caused.

A long text's layout grows the scrollbar from a timer while the reader types; a key that
did nothing (enter in the Overview's text) was charged with that update, 0.25-0.37 s later,
and read as the worst stall of its row; j on a people table still being prepared was
charged with the worker's rows, 0.7 s later.  The probe notes which key caused each
repaint request, carried by a context variable from a key's handlers to the messages and
tasks they make.  The rule is checked here on made-up records, and the ways Textual
carries a context that the probe relies on, on a small app.
"""

from __future__ import annotations

import contextvars
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Static

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "probe"))
from stall_figures import read_probe

from waiting import wait_until


def _report(asks: list[tuple[float, int, str]] | None) -> dict[str, Any]:
    """Key 1 made at 10.0 and handled by 10.002; screen updates at 10.1 and 10.3."""
    key = {"key": "enter", "made": 10.0, "first": 10.001, "last": 10.002, "n": 1}
    key |= {"cpu_first": 1.0, "cpu_last": 1.001}
    report: dict[str, Any] = {
        "keys": [key],
        "paints": [[10.1, 9000, 1.01], [10.3, 9000, 1.02]],
        "flushes": [10.101, 10.301],
        "late": [],
        "beats": 100,
    }
    if asks is not None:
        report["asks"] = asks
    return report


def _key(asks: list[tuple[float, int, str]] | None) -> Any:
    (key,) = read_probe(_report(asks), 0.0, 99.0).keys
    return key


def test_a_key_that_caused_no_repaint_is_timed_to_handled() -> None:
    key = _key([(10.05, 0, "ReadingText"), (10.25, 0, "BigPeopleTable")])
    assert key.caused_nothing
    assert key.stall == key.handled  # 2 ms, not the 101 ms to the background's update


def test_a_key_is_charged_with_the_first_update_after_what_it_caused() -> None:
    # Asked while it was handled: the first update after it.
    key = _key([(10.0015, 1, "ReadingScroll")])
    assert not key.caused_nothing and round(key.stall, 3) == 0.101
    # Asked later (a debounce, a worker it started): the update after that, not the one
    # the background made before it.
    key = _key([(10.05, 0, "ReadingText"), (10.2, 1, "ResultList")])
    assert round(key.stall, 3) == 0.301
    # A probe file from before causes were noted: the first update after it.
    key = _key(None)
    assert not key.caused_nothing and round(key.stall, 3) == 0.101


def test_a_key_painted_before_its_last_handler_returned_is_charged_with_that_paint() -> None:
    report = _report([(10.0005, 1, "Screen")])
    report["keys"][0]["last"] = 10.15  # a pump handled it once more after the first paint
    (key,) = read_probe(report, 0.0, 99.0).keys
    assert round(key.stall, 3) == 0.101  # not 0.301, the next update after 10.15


async def test_textual_carries_a_handlers_context_to_what_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A set_timer callback and a worker's state messages run in (or are made in) a copy
    of the context of the handler that started them; a worker thread's call_from_thread
    does not: what stall_probe's cause relies on."""
    cause: contextvars.ContextVar[int] = contextvars.ContextVar("cause", default=0)
    seen: dict[str, int] = {}
    from textual.worker import Worker

    made = Worker.StateChanged.__init__

    def noted(self: Message, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        seen.setdefault(f"state {args[1].name}", cause.get())

    monkeypatch.setattr(Worker.StateChanged, "__init__", noted)

    class Probed(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("x")

        def on_mount(self) -> None:
            cause.set(7)  # as the probe does around a key's handlers
            self.set_timer(0.01, lambda: seen.setdefault("timer", cause.get()))
            self.run_worker(self.work, thread=True)

        def work(self) -> None:
            seen["thread"] = cause.get()
            self.call_from_thread(lambda: seen.setdefault("from thread", cause.get()))

    app = Probed()
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: "state SUCCESS" in seen and "timer" in seen, "both")
        await wait_until(pilot, lambda: "from thread" in seen, "the call from the thread")
    assert seen["timer"] == 7 and seen["state SUCCESS"] == 7
    assert seen["thread"] == 0 and seen["from thread"] == 0
    assert threading.current_thread() is threading.main_thread()
