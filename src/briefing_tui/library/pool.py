"""The worker processes that parse a large library, and what they leave on disk: nothing.

Large libraries are parsed in a process pool (libyaml holds the GIL, so threads would not
help).  The pool's workers fork from a clean "forkserver" process, which is safe although
the reader runs threads; the forkserver listens on an AF_UNIX socket in a temporary folder
(`pymp-*`).  That folder is made inside a private folder of our own (`briefing-*`, 0700, in
the system's temporary folder) and removed, with everything in it, when the process ends:
at a normal exit, and on SIGHUP (the terminal closing mid-load), when the default action
would otherwise kill the process before any clean-up ran.  The results travel back as
pickles over pipes between our own processes; nothing is read from disk.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
import multiprocessing.util
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_private: str | None = None


def private_temp_folder() -> str:
    """Our own 0700 temporary folder, made once, removed at exit (and on SIGHUP)."""
    global _private
    with _lock:
        if _private is None:
            _private = tempfile.mkdtemp(prefix="briefing-")
            # After multiprocessing's own clean-up of its folder inside ours (priority
            # -100): a lower priority runs later.
            multiprocessing.util.Finalize(None, remove_private_temp_folder, exitpriority=-200)
        return _private


def remove_private_temp_folder() -> None:
    """Remove the private temporary folder and what is in it; safe to call twice."""
    global _private
    with _lock:
        folder, _private = _private, None
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def remove_on_hangup() -> None:
    """On SIGHUP, remove the temporary folder, then end as SIGHUP would have.

    Call from the main thread before the reader starts; a handler someone else installed
    (not the default) is kept and called after the clean-up.  A SIGHUP that is ignored
    (`nohup briefing ...`) stays ignored: the reader goes on, so its pool still needs the
    folder, which a normal exit removes.
    """
    if not hasattr(signal, "SIGHUP") or threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGHUP)
    if previous == signal.SIG_IGN:
        return

    def on_hangup(signum: int, frame: FrameType | None) -> None:
        remove_private_temp_folder()
        if callable(previous):
            previous(signum, frame)
            return
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGHUP)

    signal.signal(signal.SIGHUP, on_hangup)


@contextlib.contextmanager
def _temp_folder_in(folder: str) -> Iterator[None]:
    """Let multiprocessing make its temporary folder (once per process) inside `folder`."""
    saved = tempfile.tempdir
    tempfile.tempdir = folder
    try:
        yield
    finally:
        tempfile.tempdir = saved


@contextlib.contextmanager
def _real_stderr() -> Iterator[None]:
    """Let multiprocessing see the process's real stderr while it starts helpers.

    Textual swaps `sys.stderr` for an object without a usable file descriptor, and the
    resource tracker that a process pool starts passes `sys.stderr.fileno()` to its child.
    """
    saved = sys.stderr
    if sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


def warm_up(preload: str) -> None:
    """Start the server the pool's workers fork from, before the pool is asked for.

    The server is a fresh interpreter that imports `preload` (the readers) before it
    forks a worker: 0.3-0.4 s that ran after discovery, and now runs beside it.  Its
    socket goes into our private folder, as `start_pool`'s would.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload])
    with _real_stderr(), _temp_folder_in(private_temp_folder()):
        multiprocessing.forkserver.ensure_running()


def start_pool(
    workers: int, preload: str, tasks: Iterable[tuple[Callable[..., T], tuple[Any, ...]]]
) -> tuple[ProcessPoolExecutor, list[Future[T]]]:
    """A pool of `workers` processes forked from a server that has imported `preload`,
    and the futures of `tasks` (function, arguments) submitted to it.

    Submitting starts the server and the workers, so it happens while multiprocessing's
    temporary folder goes into ours.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload])
    with _real_stderr(), _temp_folder_in(private_temp_folder()):
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        try:
            return pool, [pool.submit(function, *args) for function, args in tasks]
        except BaseException:
            stop_pool(pool)
            raise


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop now: cancel queued work and end the workers, even mid-task.

    Cancelling alone leaves the tasks already handed to workers running, and Python waits
    for them on exit: quitting the reader mid-load took 5 to 9 s.  Parsing has no side
    effects, so a worker can be stopped at any point.
    """
    terminate: Callable[[], None] | None = getattr(pool, "terminate_workers", None)
    if callable(terminate):  # Python 3.14 and later
        terminate()
        return
    # Before 3.14 there is no public way to stop a pool's workers: shutdown forgets the
    # processes and the result pipe, so take them first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    # A worker stopped while it was writing its results leaves half a message in the
    # pipe, and the pool's manager thread then waits for the rest for ever; Python joins
    # that thread at exit, so the reader would hang on quitting.  With the workers gone,
    # closing this process's own writing end turns the wait into an end of file, which
    # the pool treats as a broken pool and cleans up.
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=2)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.close()
