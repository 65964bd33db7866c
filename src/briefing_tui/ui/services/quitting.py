"""Quitting at once, whatever background work is still going on.

Textual runs thread workers in the event loop's default executor, and both `asyncio.run`
and the interpreter wait for its threads at exit.  Much of that work cannot stop halfway:
a Rich render, an SQLite transaction of a huge briefing's search rows, the entity index
over 200,000 participants.  So `q` took up to 32 s to give the terminal back, with the
screen already gone.  Nothing such a thread does needs finishing once the reader has
left (caches are written to a temporary file and renamed, so a cut write leaves no half
file behind), so the reader's loop gets an executor that does not wait at shutdown, and
if threads are still busy after a short grace the process ends without joining them.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import NoReturn, TypeVar

from textual.app import App

ReturnType = TypeVar("ReturnType")

# How long finished-but-not-yet-returned threads get before the process ends regardless.
GRACE_SECONDS = 0.15


class _NoWaitExecutor(ThreadPoolExecutor):
    """The default executor, except that closing the loop does not wait for its threads."""

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=False, cancel_futures=True)


def run_app(app: App[ReturnType]) -> ReturnType | None:
    """`app.run()` on a loop whose executor threads are not waited for at the end."""
    loop = asyncio.new_event_loop()
    loop.set_default_executor(_NoWaitExecutor(thread_name_prefix="briefing-worker"))
    asyncio.set_event_loop(loop)
    try:
        return app.run(loop=loop)
    finally:
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            asyncio.set_event_loop(None)
            loop.close()


def busy_threads() -> list[threading.Thread]:
    """Threads the interpreter would wait for at exit."""
    main = threading.main_thread()
    return [t for t in threading.enumerate() if t is not main and not t.daemon and t.is_alive()]


def exit_now_if_busy(code: int, grace: float = GRACE_SECONDS) -> None:
    """End the process with `code` without joining threads still busy after `grace`."""
    deadline = time.monotonic() + grace
    for thread in busy_threads():
        thread.join(max(0.0, deadline - time.monotonic()))
    if busy_threads():
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)


def leave(code: int, grace: float = GRACE_SECONDS) -> NoReturn:
    """End the process with `code` now that the screen is gone, without tearing it down.

    Exit handlers run (the worker pool's private folder is removed) and the streams are
    flushed, but the interpreter does not free what the reader held one object at a time:
    for a 700,000-word Overview that took 0.5 s after the screen had gone, and `q` up to
    1.25 s on a busy machine.  Threads still busy after `grace` are not waited for
    (see `exit_now_if_busy`).
    """
    deadline = time.monotonic() + grace
    for thread in busy_threads():
        thread.join(max(0.0, deadline - time.monotonic()))
    with contextlib.suppress(Exception):
        atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
