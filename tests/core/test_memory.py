"""The collector is held while any thread builds, and freed only when the last is done."""

from __future__ import annotations

import gc
import threading

from briefing_tui.memory import paused_gc

DEADLINE = 10.0


def test_the_collector_stays_held_until_the_last_builder_is_done() -> None:
    """The loader, the indexer and the reading layout overlap: the first one done used to
    turn the collector back on under the others, and its full collections over a long
    text's laid-out lines held the screen for 0.1 to 0.3 s."""
    assert gc.isenabled()
    inside, leave = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_builder() -> None:
        with paused_gc():
            inside.set()
            leave.wait(DEADLINE)
        seen.append(gc.isenabled())

    thread = threading.Thread(target=other_builder)
    with paused_gc():
        thread.start()
        assert inside.wait(DEADLINE)
    # This builder is done, the other is not: the collector is still held.
    assert not gc.isenabled()
    leave.set()
    thread.join(DEADLINE)
    assert seen == [True] and gc.isenabled()


def test_nested_use_in_one_thread_holds_until_the_outer_one_ends() -> None:
    with paused_gc():
        with paused_gc():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
