"""Finding briefing files under the given paths and reading them, carefully and read-only.

A library folder is untrusted like the documents in it: a symlink may point at /etc/passwd,
a FIFO would block `open()` forever, a file may be rewritten while we read it.  So files are
found with `lstat`, links are followed only when they stay inside the folder, only regular
files are opened (non-blocking, without following links), and the file is checked again after
reading.  Nothing here ever writes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui.cache import IndexStore, LoadCache, Stamp
from briefing_tui.config import DEFAULT_MAX_FILE_BYTES, ENV_LIBRARY, ENV_MAX_BYTES, load_config
from briefing_tui.memory import paused_gc
from briefing_tui.model import Briefing, LoadResult, Problem, Severity
from briefing_tui.readers.documents import BRIEFING_SUFFIXES, read_document
from briefing_tui.sanitize import clean_path
from briefing_tui.search.rows import row_values

SUFFIXES = BRIEFING_SUFFIXES
# A library-wide glossary, not a briefing (see docs/format.md).
RESERVED_NAMES = ("glossary.yaml", "glossary.yml")


@dataclass
class Library:
    """Every briefing found under `roots`, newest first, and every problem met."""

    roots: tuple[Path, ...]
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def sample_library() -> Path:
    """The samples: packaged beside the code in a wheel, or briefings/ in a source checkout."""
    packaged = Path(__file__).resolve().parent / "samples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "briefings"


def default_library_paths() -> list[Path]:
    """$BRIEFING_LIBRARY, else the settings file's `library`, else ./briefings, else the samples."""
    env = os.environ.get(ENV_LIBRARY, "").strip()
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    configured = load_config()[0].library
    if configured:
        return list(configured)
    local = Path("briefings")
    if local.is_dir():
        return [local]
    return [sample_library()]


def max_bytes_setting() -> int:
    raw = os.environ.get(ENV_MAX_BYTES, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_FILE_BYTES


def display(path: Path | str) -> str:
    return clean_path(os.fspath(path))


def _problem(path: Path | str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(display(path), None, None, severity, message)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def discover(
    paths: Sequence[Path], stamps: dict[Path, Stamp | None] | None = None
) -> tuple[list[Path], list[Problem]]:
    """Every briefing file under `paths` (sorted, no duplicates) and problems on the way.

    With `stamps`, each file's (size, mtime) is recorded there from the `stat` the walk
    makes anyway, for the cache to compare: a second `stat` of 10,000 files cost 0.1 s.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()
    stamps = {} if stamps is None else stamps
    for given in paths:
        try:
            st = os.stat(given)
        except FileNotFoundError:
            problems.append(_problem(given, "no such file or folder"))
            continue
        except OSError as exc:
            problems.append(_problem(given, f"cannot be read: {exc.strerror}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(given, found, problems, seen, stamps)
        elif stat.S_ISREG(st.st_mode):
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                found.append(given)
                stamps[given] = (st.st_size, st.st_mtime_ns)
        else:
            problems.append(_problem(given, "not a regular file or folder; skipped"))
    return found, problems


def _walk(
    root: Path,
    found: list[Path],
    problems: list[Problem],
    seen: set[tuple[int, int]],
    stamps: dict[Path, Stamp | None],
) -> None:
    """Iterative walk (no recursion limit to hit) that never leaves `root` through a link.

    Plain entries are judged by their directory type and inode, without a `stat` or a
    `realpath` each: those system calls were a third of finding 10,000 files.
    """
    real_root = os.path.realpath(root)
    visited_dirs = {real_root}
    stack = [root]
    files: list[Path] = []
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(_problem(folder, f"folder cannot be read: {exc.strerror}"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = Path(entry.path)
            wanted = name.lower().endswith(SUFFIXES)
            try:
                if entry.is_symlink():
                    real = os.path.realpath(path)
                    if not _inside(real, real_root):
                        if wanted or os.path.isdir(path):
                            problems.append(
                                _problem(
                                    path,
                                    "symbolic link points outside the library; not followed",
                                    Severity.WARNING,
                                )
                            )
                        continue
                    st = os.stat(real)
                    if stat.S_ISDIR(st.st_mode):
                        if real not in visited_dirs:
                            visited_dirs.add(real)
                            stack.append(path)
                        continue
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                    continue
                elif not wanted:
                    continue
                else:
                    st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                problems.append(_problem(path, f"cannot be examined: {exc.strerror}"))
                continue
            if not wanted or (folder == root and name.lower() in RESERVED_NAMES):
                continue
            if not stat.S_ISREG(st.st_mode):
                problems.append(
                    _problem(
                        path,
                        "not a regular file (a pipe, socket or device); skipped",
                        Severity.WARNING,
                    )
                )
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue
            seen.add(key)
            files.append(path)
            stamps[path] = (st.st_size, st.st_mtime_ns)
    found.extend(sorted(files))


def read_bytes(path: Path, max_bytes: int) -> bytes | Problem:
    """The file's bytes, or a problem; never blocks on a FIFO, never follows a link."""
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            return _problem(path, "not a regular file; skipped", Severity.WARNING)
        if before.st_size > max_bytes:
            return _problem(
                path,
                f"is {before.st_size:,} bytes, over the {max_bytes:,}-byte "
                f"limit (set {ENV_MAX_BYTES} to raise it); not read",
            )
        # O_NOFOLLOW refuses a link as the last component: open a link's target by name.
        real = os.path.realpath(path) if os.path.islink(path) else path
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        flags |= getattr(os, "O_CLOEXEC", 0)
        fd = os.open(real, flags)
        try:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode) or opened.st_ino != before.st_ino:
                return _problem(path, "changed while being opened; not read")
            chunks = []
            remaining = max_bytes + 1
            while remaining > 0:
                chunk = os.read(fd, min(remaining, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
            after = os.fstat(fd)
        finally:
            os.close(fd)
    except PermissionError:
        return _problem(path, "permission denied")
    except OSError as exc:
        return _problem(path, f"cannot be read: {exc.strerror or exc}")
    data = b"".join(chunks)
    if len(data) > max_bytes:
        return _problem(path, f"grew past the {max_bytes:,}-byte limit while being read; not read")
    if (
        after.st_size != len(data)
        or after.st_mtime_ns != before.st_mtime_ns
        or after.st_size != before.st_size
    ):
        return _problem(
            path,
            "was changed while being read; not shown, to avoid a truncated "
            "view (reload to try again)",
        )
    return data


def load_file(path: Path, max_bytes: int | None = None) -> LoadResult:
    """Read one file; never raises for anything the file or the disk can do."""
    shown = display(path)
    data = read_bytes(path, max_bytes or max_bytes_setting())
    if isinstance(data, Problem):
        return LoadResult(shown, None, (data,))
    try:
        return read_document(shown, data)
    except RecursionError:
        problem = Problem(shown, None, None, Severity.ERROR, "nested too deeply to read")
    except Exception as exc:  # a bug must cost one file, never the library
        problem = Problem(
            shown,
            None,
            None,
            Severity.ERROR,
            f"could not be read (internal error: {type(exc).__name__}: {exc})",
        )
    return LoadResult(shown, None, (problem,))


# Below this many files one process is quicker than starting a pool.
PARALLEL_THRESHOLD = 400
CHUNK_SIZE = 100


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


def _with_search_row(result: LoadResult) -> LoadResult:
    if result.briefing is None:
        return result
    return dataclasses.replace(result, search_row=row_values(result.briefing))


def _load_one(path: Path, max_bytes: int, search_rows: bool) -> LoadResult:
    result = load_file(path, max_bytes)
    return _with_search_row(result) if search_rows else result


def _load_chunk(paths: list[Path], max_bytes: int, search_rows: bool = False) -> list[LoadResult]:
    """Worker-process entry point: a list travels back as one pickle, not one per file."""
    with paused_gc():
        return [_load_one(path, max_bytes, search_rows) for path in paths]


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
    ) -> None:
        self.paths = tuple(paths)
        # Fold each briefing's search columns where it is parsed (see LoadResult.search_row).
        self.search_rows = search_rows
        self.max_bytes = max_bytes or max_bytes_setting()
        self._stamps: dict[Path, Stamp | None] = {}
        self.files, self.problems = discover(paths, self._stamps)
        self.cache = cache
        self._cached: list[Path] = []  # unchanged since cached: read from the cache
        self._by_shown: dict[str, str] | None = None  # made on the first early search hit
        self._todo = self.files
        # The saved search index belongs to exactly these files as they are now.
        self.index_store: IndexStore | None = None
        if cache is not None:
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
                yield cached or _load_one(known, self.max_bytes, self.search_rows)
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
            for path in self._todo:
                yield _load_one(path, self.max_bytes, self.search_rows)
            return
        yield from self._parallel()

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
        todo = self._todo
        chunks = [todo[i : i + CHUNK_SIZE] for i in range(0, len(todo), CHUNK_SIZE)]
        pending = dict(enumerate(chunks))
        try:
            with _real_stderr():
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

    def _start_pool(self, pending: dict[int, list[Path]]) -> dict[Future[list[LoadResult]], int]:
        context = multiprocessing.get_context("forkserver")
        # Workers fork from a clean server process: safe although the app runs threads.
        context.set_forkserver_preload(["briefing_tui.library"])
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return {
            self._pool.submit(_load_chunk, chunk, self.max_bytes, self.search_rows): n
            for n, chunk in pending.items()
        }

    def close(self) -> None:
        """Stop now: cancel queued chunks and end the workers, even mid-chunk.

        Cancelling alone leaves the chunks already handed to workers running, and Python
        waits for them on exit: quitting the reader mid-load took 5 to 9 s.  Parsing has no
        side effects, so a worker can be stopped at any point.
        """
        pool, self._pool = self._pool, None
        if pool is None:
            return
        terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
        if callable(terminate):
            terminate()
            return
        # Before 3.14: shutdown forgets the processes and the result pipe, so take them first.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.terminate()
        # A worker stopped while it was writing its results leaves half a message in the
        # pipe, and the pool's manager thread then waits for the rest for ever; Python
        # joins that thread at exit, so the reader would hang on quitting.  With the
        # workers gone, closing this process's own writing end turns the wait into an
        # end of file, which the pool treats as a broken pool and cleans up.
        for process in processes:
            with contextlib.suppress(Exception):
                process.join(timeout=2)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()


def iter_load(
    paths: Sequence[Path], max_bytes: int | None = None, workers: int | None = None
) -> Iterator[LoadResult]:
    """Results one at a time, so a caller can show progress and stream entries."""
    return iter(LoadJob(paths, max_bytes, workers))


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
