"""The library's search index, filled in a thread worker from the batches the loader delivers.

Folding and indexing a 10,000-briefing library takes seconds, so it must never run on the
UI thread.  `LibraryIndex.add` only queues the batch and makes sure one worker is draining
the queue; the worker feeds `SearchIndex.add`, whose lock lets the search screen query the
part already indexed while the rest is still being added.  Nothing here posts messages:
the search screen reads `progress()` when it wants to say how far indexing has got.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.signal import Signal
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from briefing_tui.cache import IndexStore
from briefing_tui.memory import paused_gc
from briefing_tui.model import Briefing
from briefing_tui.search import Hit, SearchIndex
from briefing_tui.ui.services.ui_pulse import ui_pulse

SEARCH_GROUP = "search-index"

Pause = Callable[[Callable[[], bool]], None]


# Briefings indexed between two looks at whether the reader is quitting (about 50 ms).
SLICE = 200


class _Stopped(Exception):
    """Raised inside a long row build when the worker is cancelled (the reader quits)."""


@dataclass(frozen=True, slots=True)
class IndexProgress:
    """How far indexing has got: `indexed` of `expected` (None until the loader counted)."""

    indexed: int
    queued: int
    expected: int | None
    loading: bool
    error: str | None = None

    @property
    def building(self) -> bool:
        """True while briefings already loaded, or still to load, are not yet searchable."""
        return self.indexed < self.queued or self.loading

    def describe(self) -> str:
        """`indexing… 3,000 of 10,000`, or "" once everything loaded is searchable."""
        if not self.building:
            return ""
        total = self.queued if not self.loading else max(self.expected or 0, self.queued)
        return f"indexing… {self.indexed:,} of {total:,}"


class LibraryIndex:
    """The app's one search index, and the queue and worker that fill it.

    Owned by the main screen (not a widget in it), so it exists before anything is mounted
    and outlives every search screen: a screen opened and closed ten times searches one index.

    With the optional cache, the loading thread first restores the index saved for the
    library as it is now (see `IndexStore`), and the worker then only attaches each loaded
    briefing to its row;
    an index that had to be built is saved once loading and indexing are both done.
    """

    def __init__(
        self, host: Widget, loading: Callable[[], bool], index: SearchIndex | None = None
    ) -> None:
        self.host = host  # runs the worker; its app takes calls from the loading thread
        self._loading = loading
        self._index = index
        self._lock = threading.Lock()
        self._pending: deque[list[tuple[Briefing, tuple[str, ...] | None]]] = deque()
        self._draining = False
        self._indexed = 0
        self._queued = 0
        self._expected: int | None = None
        self._store: IndexStore | None = None
        self._finished = False
        self._built = False  # rows were built here, so a store has something new to keep
        self.restored = False
        self.restored_signal: Signal[None] = Signal(host, "search-index-restored")
        self.saved = False
        self.save_error: str | None = None
        self.error: str | None = None
        # What the reader last searched for: `/` opens on it again, to refine it.
        self.last_query = ""
        # The fallback notice is said once per run, not at every `/`.
        self.notice_shown = False

    @property
    def index(self) -> SearchIndex:
        """The engine, made on first use (an in-memory SQLite database, nothing on disk)."""
        with self._lock:  # the loading thread may ask first (restore)
            if self._index is None:
                self._index = SearchIndex()
            return self._index

    @property
    def notice(self) -> str | None:
        """Set when this Python's SQLite lacks FTS5 and searches scan instead."""
        return self.index.notice

    def expect(self, total: int | None, store: IndexStore | None = None) -> None:
        """The loader's count of files, for "indexing… N of M" before they have all loaded.

        `store` is where the cache keeps the index for this library state, if caching.
        """
        self._expected = total
        if store is not None:
            with self._lock:
                self._store = store

    def restore(self, source: object) -> None:
        """Restore the index the cache saved for this library state, if there is one.

        Called in the loading thread before the first result is taken from `source` (a
        LoadJob), so the whole library is searchable before the list has filled; done
        later, in the indexer's thread, it waited behind the list for over a second.
        """
        store = getattr(source, "index_store", None)
        if not isinstance(store, IndexStore):
            return
        with self._lock:
            self._store = store
        data = store.load()
        if data is not None:
            self.restored = self.index.restore(data, store.key, store.resolve)
        if self.restored:
            # A search screen already open asks again now, not at its next progress check.
            with contextlib.suppress(RuntimeError):  # the reader is closing
                self.host.app.call_from_thread(self.restored_signal.publish, None)

    def add(
        self,
        briefings: Iterable[Briefing],
        rows: Iterable[tuple[str, ...] | None] | None = None,
    ) -> None:
        """Queue a batch for indexing (UI thread); returns at once.

        `rows` are the briefings' search columns when the loader already folded them.
        """
        docs = list(briefings)
        given = list(rows) if rows is not None else [None] * len(docs)
        batch = list(zip(docs, given, strict=True))
        if not batch:
            return
        with self._lock:
            self._pending.append(batch)
            self._queued += len(batch)
        self._wake()

    def load_finished(self, complete: bool = True) -> None:
        """Loading ended: once the queue is drained, an index that was built is saved.

        Only a `complete` load is saved: the saved index stands for every file, and one
        missing some would be restored as if it were whole.
        """
        with self._lock:
            self._finished = True
            if not complete:
                self._store = None
        self._wake()

    def _wake(self) -> None:
        """Make sure one worker is draining (UI thread)."""
        index = self.index  # made here, on the UI thread, before any worker uses it
        with self._lock:
            if self._draining:
                return
            self._draining = True
        pulse = ui_pulse()
        self.host.run_worker(
            lambda: self._drain(index, pulse.yield_to_ui),
            name="search-indexer",
            group=SEARCH_GROUP,
            thread=True,
            exit_on_error=False,
        )

    def _drain(self, index: SearchIndex, pause: Pause) -> None:
        """Worker thread: index queued batches until the queue is empty, then save.

        The collector is held meanwhile and what was built frozen after, as the loader
        does: the index's Python side (folded names, cached text) is made of many small
        objects without cycles, and a full collection walking them later stalls typing.
        """
        with paused_gc():
            save = self._drain_queue(index, pause)
        if save is not None:
            self._save(index, save)

    def _drain_queue(self, index: SearchIndex, pause: Pause) -> IndexStore | None:
        """Index what is queued; returns the store to save into once all is done, if any.

        Between slices it steps aside while the screen is busy (`UiPulse.yield_to_ui`).
        """
        worker = get_current_worker()
        while True:
            pause(lambda: worker.is_cancelled)
            with self._lock:
                # Quitting cancels the worker: stop between slices rather than index the
                # rest of a large library on the way out (it kept the reader open 9 s).
                if not self._pending or worker.is_cancelled:
                    self._draining = False
                    done = self._finished and not self._pending and not worker.is_cancelled
                    store = self._store
                    save = done and self._built and store is not None and not self.saved
                    self.saved = self.saved or save
                    break
                batch = self._pending.popleft()
                if len(batch) > SLICE:
                    self._pending.appendleft(batch[SLICE:])
                    batch = batch[:SLICE]
            try:
                self._index_batch(index, batch, lambda: self._step_aside(pause, worker))
            except _Stopped:
                continue  # the next turn sees the cancellation and stops
            except Exception as exc:  # one odd briefing must not stop search for the rest
                self.error = f"{type(exc).__name__}: {exc}"
            with self._lock:
                self._indexed += len(batch)
        if done:
            # Batches were gathered into large transactions while more could come.
            index.settle()
        return store if save else None

    @staticmethod
    def _step_aside(pause: Pause, worker: Worker[None]) -> None:
        """Inside one briefing's row (200,000 participants took 0.4 s): the slices' pause.

        Without it, keys pressed while a huge briefing was indexed waited 60-160 ms for
        the GIL; quitting stops the build here too, not after the whole row.
        """
        pause(lambda: worker.is_cancelled)
        if worker.is_cancelled:
            raise _Stopped

    def _index_batch(
        self,
        index: SearchIndex,
        batch: list[tuple[Briefing, tuple[str, ...] | None]],
        pause: Callable[[], None] | None = None,
    ) -> None:
        if self.restored:
            missing = {id(b) for b in index.attach(b for b, _ in batch)}
            batch = [(b, row) for b, row in batch if id(b) in missing]
        if batch:
            self._built = True
            index.add([b for b, _ in batch], [row for _, row in batch], hold=True, pause=pause)

    def _save(self, index: SearchIndex, store: IndexStore) -> None:
        """Keep the index for the next start; a failure only costs that start its speed."""
        if self.error is not None or not index.fts5_available:
            return
        try:
            saved = store.save(lambda: index.snapshot(store.key))
        except Exception as exc:  # never let saving break searching
            self.save_error = f"{type(exc).__name__}: {exc}"
            return
        if not saved:
            self.save_error = "the cache folder could not be written"

    def progress(self) -> IndexProgress:
        with self._lock:
            indexed, queued = self._indexed, self._queued
        if self.restored:
            # The saved index covers every file as it is now: all of it is searchable
            # while the list is still filling (and `indexed` jumps, so a search screen
            # already open runs its query again).
            everything = max(self._expected or 0, queued)
            return IndexProgress(everything, everything, self._expected, False, self.error)
        loading = self._loading()
        return IndexProgress(indexed, queued, self._expected, loading, self.error)

    def search(self, query: str, limit: int) -> list[Hit]:
        """Hits among what is indexed so far; safe from any thread, never raises for a query."""
        return self.index.search(query, limit)
