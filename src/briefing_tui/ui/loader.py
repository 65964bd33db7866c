"""Loading the library off the UI thread and handing results over in batches.

The loader is any callable that turns paths into an iterator of LoadResults. Today that is
`briefing_tui.library.iter_load`; a process pool can later stand behind the same signature
(an iterator whose `close()` shuts the pool down) without this widget changing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from briefing_tui.model import LoadResult

Loader = Callable[[Sequence[Path]], Iterable[LoadResult]]
"""Streams load results for the given paths; may be slow, runs in a thread."""

Counter = Callable[[Sequence[Path]], int | None]
"""How many results the loader will yield, or None when that is not known up front."""

BATCH_SIZE = 50
BATCH_SECONDS = 0.05


def default_loader(paths: Sequence[Path]) -> Iterator[LoadResult]:
    """The library's streaming loader, imported late so tests can run without it."""
    from briefing_tui.library import iter_load

    return iter(iter_load(paths))


def default_counter(paths: Sequence[Path]) -> int | None:
    """Count files first so the progress bar has a total; a failing count just means no total."""
    from briefing_tui.library import discover

    try:
        files, _problems = discover(paths)
    except Exception:  # the count is a nicety; loading reports the real problems
        return None
    return len(files)


class LibraryLoader(Widget):
    """A non-visual widget that owns the loading worker and reports progress as messages.

    Results go over in batches (every BATCH_SIZE results or BATCH_SECONDS), so a library of
    ten thousand files costs the UI a few hundred updates rather than ten thousand.
    """

    DEFAULT_CSS = "LibraryLoader { display: none; }"

    class Started(Message):
        """Loading began; `total` is the expected number of results, if known."""

        def __init__(self, total: int | None) -> None:
            super().__init__()
            self.total = total

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
        self.counter: Counter | None = counter or (None if loader else default_counter)

    def start(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="library-load", exit_on_error=False)
    def _load(self) -> None:
        worker = get_current_worker()
        total = self.counter(self.paths) if self.counter else None
        if worker.is_cancelled:
            return
        self.post_message(self.Started(total))
        count = 0
        batch: list[LoadResult] = []
        last_sent = time.monotonic()
        results = iter(self.loader(self.paths))
        error: str | None = None
        try:
            for result in results:
                if worker.is_cancelled:
                    return
                batch.append(result)
                count += 1
                now = time.monotonic()
                if len(batch) >= BATCH_SIZE or now - last_sent >= BATCH_SECONDS:
                    self.post_message(self.Loaded(tuple(batch)))
                    batch = []
                    last_sent = now
        except Exception as exc:  # a broken loader must not take the reader down
            error = f"{type(exc).__name__}: {exc}"
        finally:
            # Generators (and a future process pool) release their resources on close().
            close = getattr(results, "close", None)
            if callable(close):
                close()
        if batch:
            self.post_message(self.Loaded(tuple(batch)))
        self.post_message(self.Finished(count, error))
