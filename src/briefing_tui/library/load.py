"""Loading a library: one pass that lists, reads (or takes from the cache) and parses.

Discovery happens up front, so the total is known at once; files are read by descriptor
exactly as listed (`read.py`), parsed in this process or, for a large library, in a pool of
worker processes (`pool.py`), and results the cache holds for unchanged files are taken
from it instead (`briefing_tui.cache`).  Nothing here ever writes, except the opt-in cache.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui.cache import IndexStore, LoadCache, Stamp
from briefing_tui.library.pool import start_pool, stop_pool, warm_up
from briefing_tui.library.read import load_file
from briefing_tui.library.settings import max_bytes_setting
from briefing_tui.library.walk import Listed, discover, display
from briefing_tui.memory import paused_gc
from briefing_tui.model import Briefing, LoadResult, Problem
from briefing_tui.parts_later import Deferral, Pause
from briefing_tui.search.rows import row_values

# Below this many files one process is quicker than starting a pool.
PARALLEL_THRESHOLD = 400
CHUNK_SIZE = 100


@dataclass
class Library:
    """Every briefing found under `roots`, newest first, and every problem met."""

    roots: tuple[Path, ...]
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def _with_search_row(result: LoadResult) -> LoadResult:
    if result.briefing is None:
        return result
    return dataclasses.replace(result, search_row=row_values(result.briefing))


Task = tuple[Path, Listed | None]


def _load_one(task: Task, max_bytes: int, search_rows: bool) -> LoadResult:
    result = load_file(task[0], max_bytes, task[1])
    return _with_search_row(result) if search_rows else result


def _load_chunk(tasks: list[Task], max_bytes: int, search_rows: bool = False) -> list[LoadResult]:
    """Worker-process entry point: a list travels back as one pickle, not one per file."""
    with paused_gc():
        return [_load_one(task, max_bytes, search_rows) for task in tasks]


class LoadJob:
    """One pass over a library: discovery happens up front, so `total` is known at once.

    Iterating yields discovery problems first, then one result per file.  Large libraries
    are parsed in a process pool (libyaml holds the GIL, so threads would not help), in
    chunks whose results arrive as each completes.  `close()` (or leaving the loop early)
    cancels what has not started, so quitting mid-load is quick and leaves no workers.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        max_bytes: int | None = None,
        workers: int | None = None,
        cache: LoadCache | None = None,
        search_rows: bool = False,
        defer: Deferral | None = None,
    ) -> None:
        self.paths = tuple(paths)
        # Files read in this thread may leave a long document's pane items for later
        # (`parts_later`): the reader shows a 7 MB file's Overview without waiting for
        # its 200,000 participants.  Files read in worker processes are read whole.
        self.defer = defer
        # Fold each briefing's search columns in the worker process that parsed it (see
        # LoadResult.search_row); a file parsed in this process is listed unfolded.
        self.search_rows = search_rows
        self.max_bytes = max_bytes or max_bytes_setting()
        self._stamps: dict[Path, Stamp | None] = {}
        self._listed: dict[Path, Listed] = {}
        # A library large enough for the pool, with nothing cached, starts the pool's
        # server as soon as discovery has found that many files (see `warm_up`).
        early = (PARALLEL_THRESHOLD, self._warm_up) if cache is None and workers != 1 else None
        self.files, self.problems = discover(paths, self._stamps, self._listed, early)
        self.cache = cache
        self._cached: list[Path] = []  # unchanged since cached: read from the cache
        self._by_shown: dict[str, str] | None = None  # made on the first early search hit
        self._todo = self.files
        # The saved search index belongs to exactly these files as they are now.
        self.index_store: IndexStore | None = None
        if cache is not None:
            cache.reread = self._reread
            self._todo = []
            for path in self.files:
                stamp = self._stamps.get(path)
                (self._cached if cache.has(os.fspath(path), stamp) else self._todo).append(path)
            # Unpacked chunk by chunk, in the order they were saved.
            self._cached.sort(key=lambda path: cache.chunk_of(os.fspath(path)))
            stamps = ((os.fspath(path), stamp) for path, stamp in self._stamps.items())
            store = cache.index_store(stamps)
            self.index_store = dataclasses.replace(store, resolve=self._cached_briefing)
        if workers is None:
            workers = (os.cpu_count() or 1) if len(self._todo) >= PARALLEL_THRESHOLD else 1
        self.workers = max(1, min(workers, len(self._todo) // CHUNK_SIZE + 1))
        self._pool: ProcessPoolExecutor | None = None

    @property
    def total(self) -> int:
        """How many results iteration will yield."""
        return len(self.problems) + len(self.files)

    def __iter__(self) -> Iterator[LoadResult]:
        with paused_gc():
            yield from self._results()

    def _results(self) -> Iterator[LoadResult]:
        for problem in self.problems:
            yield LoadResult(problem.path, None, (problem,))
        if self.cache is not None:
            for known in self._cached:
                cached = self.cache.result(os.fspath(known))
                # A damaged chunk costs its files a fresh read.
                yield cached or _load_one(self._task(known), self.max_bytes, False)
        fresh = self._fresh()
        if self.cache is None:
            yield from fresh
            return
        by_shown = {display(p): p for p in self._todo}
        kept: dict[str, tuple[Stamp, LoadResult]] = {}
        for result in fresh:
            path = by_shown.get(result.path)
            stamp = self._stamps.get(path) if path is not None else None
            if path is not None and stamp is not None:
                # The cache keeps what was read, not the search text folded from it.
                stored = dataclasses.replace(result, search_row=None)
                kept[os.fspath(path)] = (stamp, stored)
            yield result
        # Only a complete pass is saved: leaving the loop early skips this.
        self._save(kept)

    def _fresh(self) -> Iterator[LoadResult]:
        if self.workers <= 1:
            # In this process a row costs the same in this thread or the search index's,
            # but folded here it kept each file off the list until it was done: a single
            # 7 MB file waited another 0.4-0.7 s.  The index's worker folds it after.
            for path in self._todo:
                task = self._task(path)
                yield load_file(task[0], self.max_bytes, task[1], self.defer)
            return
        yield from self._parallel()

    def pace(self, pause: Pause) -> None:
        """Have items left for later read with `pause` called every few thousand of them."""
        if self.defer is not None:
            self.defer = dataclasses.replace(self.defer, pause=pause)

    def _warm_up(self) -> None:
        try:
            warm_up(__name__)
        except Exception:  # no pool here (sandbox, odd __main__): found out when it starts
            return

    def _task(self, path: Path) -> Task:
        return (path, self._listed.get(path))

    def _reread(self, real: str) -> Briefing | None:
        path = Path(real)
        return load_file(path, self.max_bytes, self._listed.get(path)).briefing

    def _cached_briefing(self, shown: str) -> Briefing | None:
        """The cached briefing shown as `shown`, before iteration has reached it."""
        if self._by_shown is None:  # not at start: most starts never search that early
            self._by_shown = {display(p): os.fspath(p) for p in self._cached}
        real = self._by_shown.get(shown)
        if real is None or self.cache is None:
            return None
        result = self.cache.result(real)
        return result.briefing if result is not None else None

    def _save(self, fresh: dict[str, tuple[Stamp, LoadResult]]) -> None:
        assert self.cache is not None
        entries = dict(fresh)
        for path in self._cached:
            real = os.fspath(path)
            stamp = self._stamps.get(path)
            old = self.cache.result(real) if real not in entries else None
            if old is not None and stamp is not None:
                entries[real] = (stamp, old)
        if fresh or entries.keys() != self.cache.stamps.keys():
            self.cache.save(entries)

    def _parallel(self) -> Iterator[LoadResult]:
        todo = [self._task(path) for path in self._todo]
        chunks = [todo[i : i + CHUNK_SIZE] for i in range(0, len(todo), CHUNK_SIZE)]
        pending = dict(enumerate(chunks))
        try:
            futures = self._start_pool(pending)
            for future in as_completed(futures):
                # Forget each chunk once read: a finished future keeps its results, and
                # holding all of them kept every search row alive until loading ended.
                results = future.result()
                del pending[futures.pop(future)]
                yield from results
                del results
        except Exception:  # no pool here (sandbox, odd __main__, broken worker): go on alone
            self.close()
            for chunk in list(pending.values()):
                yield from _load_chunk(chunk, self.max_bytes, self.search_rows)
        finally:
            self.close()

    def _start_pool(self, pending: dict[int, list[Task]]) -> dict[Future[list[LoadResult]], int]:
        numbers = list(pending)
        tasks = [(_load_chunk, (pending[n], self.max_bytes, self.search_rows)) for n in numbers]
        self._pool, futures = start_pool(self.workers, __name__, tasks)
        return dict(zip(futures, numbers, strict=True))

    def close(self) -> None:
        """Stop now: cancel queued chunks and end the workers (see `stop_pool`)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            stop_pool(pool)


def load_library(
    paths: Sequence[Path],
    max_bytes: int | None = None,
    workers: int | None = None,
    cache: LoadCache | None = None,
) -> Library:
    """Everything at once, for the command line; the app streams with `LoadJob` instead."""
    job = LoadJob(paths, max_bytes, workers, cache)
    library = Library(tuple(paths), files=len(job.files))
    for result in job:
        if result.briefing is not None:
            library.briefings.append(result.briefing)
        library.problems.extend(result.problems)
    library.briefings.sort(key=Briefing.sort_key)
    library.problems.sort(key=lambda p: (p.path, p.line or 0, p.column or 0))
    return library
