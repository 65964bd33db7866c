"""Loading the library off the UI thread and handing results over in batches.

The loader is any callable that turns paths into an iterable of LoadResults: a
`briefing_tui.library.LoadJob` (whose `close()` stops its worker processes), or a fake in
tests, without this widget changing.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from briefing_tui.cache import IndexStore
from briefing_tui.model import LoadResult
from briefing_tui.ui.services.ui_pulse import ui_pulse

Loader = Callable[[Sequence[Path]], Iterable[LoadResult]]
"""Streams load results for the given paths; may be slow, runs in a thread."""


@runtime_checkable
class PlannedLoad(Protocol):
    """A load that knows up front how many results it yields and where its cached search
    index lives (the library's `LoadJob`); the UI needs no library import to ask."""

    @property
    def total(self) -> int: ...

    @property
    def index_store(self) -> IndexStore | None: ...

    def __iter__(self) -> Iterator[LoadResult]: ...


@runtime_checkable
class PacedLoad(Protocol):
    """A load that may leave a long document's items for later (`LoadJob.pace`): it is
    given the pause that makes whichever thread reads them step aside for the screen."""

    def pace(self, pause: Callable[[], None]) -> None: ...


Counter = Callable[[Sequence[Path]], int | None]
"""How many results the loader will yield, or None when that is not known up front."""

# The UI drains what the worker produced at most this often, so a fast loader costs the UI
# ten updates a second however many files there are, and a slow one shows each
# result as soon as the UI is free.
DRAIN_SECONDS = 0.1
# Once a load has delivered this many results it is a large library streaming in, drained
# at most every LARGE_DRAIN_SECONDS: each drain redraws the count, the bar and often the
# list, and a replay of 10,000 results at 2,000 a second cost the UI thread 1.25-1.46 s of
# CPU drained every 0.1 s (the list rebuilt every 0.2 s), 0.92-0.98 s every 0.25 s (0.5 s).
LARGE_LOAD = 1000
LARGE_DRAIN_SECONDS = 0.25


def make_loader(cache_dir: Path | None = None) -> Loader:
    """The library's streaming loader (a LoadJob, which knows its total up front).

    With `cache_dir`, parsed results are kept in and read from the optional cache.
    Imported late so tests can run the UI with a fake loader and no library code.
    """

    def load(paths: Sequence[Path]) -> Iterable[LoadResult]:
        from briefing_tui.cache import LoadCache
        from briefing_tui.library import LoadJob
        from briefing_tui.parts_later import Deferral

        cache = LoadCache.open(cache_dir, paths) if cache_dir is not None else None
        return LoadJob(paths, cache=cache, search_rows=True, defer=Deferral())

    return load


default_loader = make_loader()


class _End:
    """Queued after the last result: the loader finished (or failed with `error`)."""

    def __init__(self, count: int, error: str | None) -> None:
        self.count = count
        self.error = error


class LibraryLoader(Widget):
    """A non-visual widget that owns the loading worker and reports progress as messages.

    The worker appends results to a queue and wakes the UI at most once until the UI has
    drained it; the UI then posts everything queued as one `Loaded` batch. A loader that
    stalls never leaves finished results waiting, and a fast one is shown in large batches.
    """

    DEFAULT_CSS = "LibraryLoader { display: none; }"

    class Started(Message):
        """Loading began; `total` is the expected number of results, if known.

        `index_store` is where the cache keeps the search index for this library state,
        when the loader caches (see `LoadJob.index_store`).
        """

        def __init__(self, total: int | None, index_store: IndexStore | None = None) -> None:
            super().__init__()
            self.total = total
            self.index_store = index_store

    class Loaded(Message):
        """A batch of results, in the order the loader produced them."""

        def __init__(self, results: tuple[LoadResult, ...]) -> None:
            super().__init__()
            self.results = results

    class Finished(Message):
        """Loading ended: normally, or with `error` set if the loader itself failed."""

        def __init__(self, count: int, error: str | None = None) -> None:
            super().__init__()
            self.count = count
            self.error = error

    class _Wake(Message, bubble=False):
        """Internal: the worker queued something for the UI to drain."""

    def __init__(
        self,
        paths: Sequence[Path],
        loader: Loader | None = None,
        counter: Counter | None = None,
    ) -> None:
        super().__init__()
        self.paths = tuple(paths)
        self.loader: Loader = loader or default_loader
        # A custom loader without a counter gets an indeterminate bar rather than a wrong total.
        self.counter: Counter | None = counter
        self._queue: deque[LoadResult | _End] = deque()
        self._lock = threading.Lock()
        self._wake_pending = False
        self._last_drain = 0.0
        self._drained = 0  # results delivered so far in this load
        self._drain_timer: Timer | None = None
        # Called in the loading thread with the loader's source before any result is taken
        # from it: the app restores a saved search index there (see LibraryIndex.restore).
        self.before_results: Callable[[Iterable[LoadResult]], None] | None = None
        self._pause: Callable[[], None] = lambda: None

    def start(self) -> None:
        pulse = ui_pulse()
        ui_thread = threading.current_thread()

        def pause() -> None:
            # Items left for later are read by whichever worker asks first, stepping aside
            # for the screen (whose thread never reads them: see items_reader).
            if threading.current_thread() is not ui_thread:
                pulse.yield_to_ui()

        self._pause = pause
        self._load()

    @property
    def work_pending(self) -> bool:
        """Results are queued for the UI, or a drain is due.

        Between a worker that has finished and the deferred drain (up to DRAIN_SECONDS
        later) nothing runs and no message waits, yet results are still undelivered; a
        caller asking "is the app idle?" must ask this too.
        """
        with self._lock:
            return bool(self._queue) or self._drain_timer is not None

    @property
    def drain_interval(self) -> float:
        """The least time between two batches handed to the UI now (longer once large)."""
        return DRAIN_SECONDS if self._drained < LARGE_LOAD else LARGE_DRAIN_SECONDS

    # -- worker thread ----------------------------------------------------------------------

    def _put(self, item: LoadResult | _End) -> None:
        with self._lock:
            self._queue.append(item)
            # The end always wakes the UI: it is drained at once, not after the interval.
            if self._wake_pending and not isinstance(item, _End):
                return
            self._wake_pending = True
        self.post_message(self._Wake())

    @work(thread=True, exclusive=True, group="library-load", exit_on_error=False)
    def _load(self) -> None:
        worker = get_current_worker()
        count = 0
        error: str | None = None
        results: Iterator[LoadResult] | None = None
        try:
            source = self.loader(self.paths)
            if isinstance(source, PacedLoad):
                source.pace(self._pause)
            if self.before_results is not None:
                self.before_results(source)
            # A planned load knows how many results it will yield; others may be counted.
            planned = source if isinstance(source, PlannedLoad) else None
            total = planned.total if planned is not None else None
            if total is None and self.counter is not None:
                total = self.counter(self.paths)
            if worker.is_cancelled:
                return
            store = planned.index_store if planned is not None else None
            self.post_message(self.Started(total, store))
            results = iter(source)
            for result in results:
                if worker.is_cancelled:
                    return
                self._put(result)
                count += 1
        except Exception as exc:  # a broken loader must not take the reader down
            error = f"{type(exc).__name__}: {exc}"
        finally:
            # Generators (and the process pool behind them) release their resources on close().
            if isinstance(results, Generator):
                results.close()
        self._put(_End(count, error))

    # -- UI thread --------------------------------------------------------------------------

    def on_library_loader__wake(self, event: LibraryLoader._Wake) -> None:
        event.stop()
        with self._lock:
            if not self._queue:  # an earlier wake drained it already
                return
            ended = isinstance(self._queue[-1], _End)
        wait = self.drain_interval - (time.monotonic() - self._last_drain)
        if wait > 0 and not ended:
            if self._drain_timer is None:
                self._drain_timer = self.set_timer(wait, self._drain)
            return
        if self._drain_timer is not None:
            self._drain_timer.stop()
        self._drain()

    def _drain(self) -> None:
        self._drain_timer = None
        self._last_drain = time.monotonic()
        with self._lock:
            items = list(self._queue)
            self._queue.clear()
            self._wake_pending = False
        batch = tuple(item for item in items if isinstance(item, LoadResult))
        self._drained += len(batch)
        if batch:
            self.post_message(self.Loaded(batch))
        for item in items:
            if isinstance(item, _End):
                self.post_message(self.Finished(item.count, item.error))
