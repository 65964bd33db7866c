"""`q` gives the terminal back at once, even while a thread is still busy.

Each case runs in its own Python process, with a thread that would take 60 s, and must end
long before that; the exit code must survive.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

BUSY_SECONDS = 60
# Far below BUSY_SECONDS, far above an interpreter start on a busy machine.
ENDS_WITHIN = 20


def run_python(code: str) -> tuple[int, float, str]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=BUSY_SECONDS + 30,
        check=False,
    )
    return done.returncode, time.monotonic() - started, done.stdout + done.stderr


def test_a_busy_thread_does_not_hold_the_process_at_exit() -> None:
    code, took, output = run_python(
        f"""
        import threading, time
        from briefing_tui.ui.services.quitting import exit_now_if_busy
        threading.Thread(target=time.sleep, args=({BUSY_SECONDS},)).start()
        print("bye", flush=False)
        exit_now_if_busy(3)
        """
    )
    assert code == 3 and "bye" in output, output
    assert took < ENDS_WITHIN


def test_an_app_quits_while_its_thread_worker_is_still_busy() -> None:
    code, took, output = run_python(
        f"""
        import time
        from textual.app import App
        from briefing_tui.ui.services.quitting import exit_now_if_busy, run_app

        class Busy(App[int]):
            def on_mount(self) -> None:
                self.run_worker(lambda: time.sleep({BUSY_SECONDS}), thread=True)
                self.set_timer(0.2, lambda: self.exit(7))

        result = run_app(Busy())
        exit_now_if_busy(result or 0)
        """
    )
    assert code == 7, output
    assert took < ENDS_WITHIN


def test_nothing_busy_exits_normally() -> None:
    code, _took, output = run_python(
        """
        import atexit
        from briefing_tui.ui.services.quitting import exit_now_if_busy
        atexit.register(lambda: print("atexit ran"))
        exit_now_if_busy(0)
        """
    )
    assert code == 0 and "atexit ran" in output, output


def test_leaving_runs_exit_handlers_flushes_and_keeps_the_code() -> None:
    """`briefing` ends through `leave`: the pool's folder is removed by an exit handler, so
    handlers must run although the interpreter is not torn down; a busy thread is not
    waited for."""
    code, took, output = run_python(
        f"""
        import atexit, threading, time
        from briefing_tui.ui.services.quitting import leave
        atexit.register(lambda: print("atexit ran"))
        held = [[n] for n in range(200_000)]  # what the reader held: never freed one by one
        threading.Thread(target=time.sleep, args=({BUSY_SECONDS},)).start()
        print("bye", flush=False)
        leave(5)
        print("not reached")
        """
    )
    assert code == 5, output
    assert "bye" in output and "atexit ran" in output and "not reached" not in output
    assert took < ENDS_WITHIN


def test_the_briefing_command_leaves_through_leave(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_tui.ui import app as app_module

    asked: list[object] = []

    def fake_run(paths: list[object], **kwargs: object) -> int:
        asked.append(kwargs.get("leave_at_end"))
        return 0

    monkeypatch.setattr(app_module, "run", fake_run)
    monkeypatch.setenv("BRIEFING_LIBRARY", "")
    from briefing_tui import cli

    assert cli.main([]) == 0
    assert asked == [True]
