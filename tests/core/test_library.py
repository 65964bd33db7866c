"""Finding and reading files: recursive, read-only, and safe with links, pipes and odd bytes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_tui import library
from briefing_tui.library import default_library_paths, discover, load_file, load_library
from briefing_tui.model import Severity


def test_sample_library_loads_cleanly(samples: Path) -> None:
    lib = load_library([samples])
    assert lib.problems == []
    assert len(lib.briefings) >= 3
    dates = [b.date for b in lib.briefings if b.date]
    assert dates == sorted(dates, reverse=True), "newest first"
    assert {b.format for b in lib.briefings} == {"yaml", "markdown"}


def test_recursive_and_only_briefing_files(write, tmp_path: Path) -> None:
    write("a.yaml", "title: A\n")
    write("sub/deeper/b.md", "# B\n")
    write("sub/c.yml", "title: C\n")
    write("notes.rtf", "not a briefing (.txt, .html and .htm are press releases now)")
    write(".hidden/d.yaml", "title: D\n")
    write("glossary.yaml", "GDPR: General Data Protection Regulation\n")
    files, problems = discover([tmp_path])
    assert problems == []
    assert sorted(p.name for p in files) == ["a.yaml", "b.md", "c.yml"]


def test_a_folders_own_notes_are_not_briefings(write, tmp_path: Path) -> None:
    """A README or LICENSE beside the briefings listed as a briefing titled "README"."""
    write("release.txt", "Conference on e-evidence\n\nThe conference was held in Strasbourg.\n")
    write("README.md", "# About this folder\n")
    write("sub/LICENSE.txt", "Permission is hereby granted\n")
    write("sub/Changelog.md", "# Changes\n")
    write("readme-first.yaml", "title: Not a note, a briefing\n")
    files, problems = discover([tmp_path])
    assert problems == []
    assert sorted(p.name for p in files) == ["readme-first.yaml", "release.txt"]
    named, _ = discover([tmp_path / "README.md"])
    assert [p.name for p in named] == ["README.md"], "a file named on the command line is read"


def test_one_bad_file_never_stops_the_rest(write, tmp_path: Path) -> None:
    write("good.yaml", "title: Good\n")
    write("bad.yaml", "title: [\n")
    write("binary.md", b"\x89PNG\r\n\x00\x00")
    write("latin1.yaml", "title: Caf\xe9\n".encode("latin-1"))
    lib = load_library([tmp_path])
    assert [b.title for b in lib.briefings] == ["Good"]
    messages = {Path(p.path).name: p.message for p in lib.problems}
    assert "NUL byte at byte offset 6" in messages["binary.md"]
    assert "not valid UTF-8 at byte offset 10" in messages["latin1.yaml"]
    assert "bad.yaml" in messages
    assert lib.files == 4


def test_symlink_out_of_the_library_is_never_read(write, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("title: Secret\n")
    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    (lib_dir / "ok.yaml").write_text("title: Ok\n")
    (lib_dir / "passwd.yaml").symlink_to("/etc/passwd")
    (lib_dir / "escape").symlink_to(outside)
    (lib_dir / "inside.yaml").symlink_to(lib_dir / "ok.yaml")
    (lib_dir / "loop").symlink_to(lib_dir)
    lib = load_library([lib_dir])
    assert [b.title for b in lib.briefings] == ["Ok"]
    outside_warnings = [p for p in lib.problems if "outside the library" in p.message]
    assert len(outside_warnings) == 2
    assert all(p.severity is Severity.WARNING for p in outside_warnings)


def test_fifo_is_skipped_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "ok.yaml").write_text("title: Ok\n")
    lib = load_library([tmp_path])
    assert [b.title for b in lib.briefings] == ["Ok"]
    assert any("pipe" in p.message for p in lib.problems)
    result = load_file(tmp_path / "pipe.yaml")  # even when named directly
    assert result.briefing is None


def test_oversized_file_is_refused(write) -> None:
    path = write("big.yaml", "title: Big\nx: " + "a" * 2000 + "\n")
    result = load_file(path, max_bytes=1000)
    assert result.briefing is None
    assert "over the 1,000-byte limit" in result.problems[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_is_a_problem(write) -> None:  # pragma: no cover - not as root
    path = write("locked.yaml", "title: x\n")
    path.chmod(0)
    assert load_file(path).problems[0].message == "permission denied"


def test_file_changed_while_reading_is_detected(write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("moving.yaml", "title: Before\n")
    real_read = os.read
    grown: list[bool] = []

    def read_and_grow(fd: int, n: int) -> bytes:
        data = real_read(fd, 4)  # short reads, so the writer gets in between
        if data and not grown:
            grown.append(True)
            with open(path, "ab") as handle:
                handle.write(b"more: text\n")
        return data

    monkeypatch.setattr(library.read.os, "read", read_and_grow)
    result = load_file(path)
    assert result.briefing is None
    assert "changed while being read" in result.problems[0].message


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    lib = load_library([tmp_path / "nope"])
    assert lib.briefings == []
    assert lib.problems[0].message == "no such file or folder"


def test_library_never_writes(samples: Path, tmp_path: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in samples.rglob("*")}
    load_library([samples])
    after = {p: p.stat().st_mtime_ns for p in samples.rglob("*")}
    assert before == after


def test_default_library_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIEFING_LIBRARY", str(tmp_path))
    assert default_library_paths() == [tmp_path]
    monkeypatch.delenv("BRIEFING_LIBRARY")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefings").mkdir()
    assert default_library_paths() == [Path("briefings")]
    (tmp_path / "briefings").rmdir()
    (fallback,) = default_library_paths()
    assert fallback.is_dir()
    assert any(fallback.glob("*.yaml"))


def test_control_characters_in_file_names_are_made_visible(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;x\x07.yaml"
    path.write_text("title: [\n")
    (problem,) = load_library([tmp_path]).problems
    assert "\x1b" not in problem.path and "\x07" not in problem.path
    assert "␛" in problem.path


def _many(tmp_path: Path, n: int) -> Path:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(n):
        (root / f"{i:04}.yaml").write_text(f"title: Briefing {i}\ndate: 2020-01-{i % 28 + 1:02}\n")
    return root


class _NoFilenoStderr:
    """What Textual puts in sys.stderr while an app runs: no usable file descriptor."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return -1


def test_process_pool_works_while_stderr_is_captured(tmp_path: Path, monkeypatch) -> None:
    # Regression: under Textual the pool's resource tracker failed with "bad value(s) in
    # fds_to_keep" and the app listed nothing.
    root = _many(tmp_path, library.CHUNK_SIZE * 3)
    monkeypatch.setattr("sys.stderr", _NoFilenoStderr())
    job = library.LoadJob([root], workers=2)
    assert job.workers == 2
    titles = {r.briefing.title for r in job if r.briefing is not None}
    assert len(titles) == library.CHUNK_SIZE * 3


def test_pool_failure_falls_back_to_one_process(tmp_path: Path, monkeypatch) -> None:
    root = _many(tmp_path, library.CHUNK_SIZE * 2 + 5)

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("no processes here")

    monkeypatch.setattr(library.pool, "ProcessPoolExecutor", broken)
    lib = load_library([root], workers=2)
    assert len(lib.briefings) == library.CHUNK_SIZE * 2 + 5
    assert lib.problems == []


def test_load_job_knows_its_total_before_loading(tmp_path: Path) -> None:
    root = _many(tmp_path, 3)
    (root / "bad").symlink_to("/etc")
    job = library.LoadJob([root])
    assert job.total == 4
    assert len(list(job)) == 4


def test_closing_a_load_mid_way_ends_the_workers_at_once(tmp_path: Path) -> None:
    # Regression: cancelling left the chunks already handed out running, and Python waited
    # for them on exit, so quitting the reader mid-load took 5 to 9 s.
    root = _many(tmp_path, library.CHUNK_SIZE * 8)
    job = library.LoadJob([root], workers=2)
    results = iter(job)
    next(results)
    assert job._pool is not None
    processes = list(job._pool._processes.values())  # type: ignore[union-attr]
    assert processes
    results.close()  # what the reader does when it quits mid-load
    for process in processes:
        process.join(timeout=10)
        # Terminated (SIGTERM, or 255 when the forkserver reports a child killed early),
        # not left to finish its chunks and exit normally with 0.
        assert process.exitcode not in (0, None), "stopped, not left to finish its chunk"


def _with_people(tmp_path: Path, n: int) -> Path:
    root = tmp_path / "people"
    root.mkdir()
    for i in range(n):
        (root / f"{i:04}.yaml").write_text(
            f"title: Briefing {i}\n"
            "participants:\n"
            f"  - {{name: Person {i}, role: Head of Unit, organisation: Eurojust}}\n"
        )
    return root


def test_search_rows_are_folded_in_the_worker_processes(tmp_path: Path) -> None:
    from briefing_tui.search.rows import row_values

    root = _with_people(tmp_path, library.CHUNK_SIZE * 2 + 3)
    results = list(library.LoadJob([root], workers=2, search_rows=True))
    assert results and all(r.briefing is not None for r in results)
    for r in results:
        assert r.briefing is not None
        assert r.search_row == row_values(r.briefing)
    # Asked for nothing, the loader folds nothing.
    assert all(r.search_row is None for r in library.LoadJob([root], workers=2))


def test_a_file_parsed_in_this_process_is_handed_over_unfolded(tmp_path: Path) -> None:
    # Regression (issue 13): the loading thread folded each row before handing the file
    # over, so a single 7 MB file reached the list 0.4-0.7 s later; the search index's
    # worker folds it after (see tests/ui/test_search_screen.py for the hit).
    root = _with_people(tmp_path, 3)
    results = list(library.LoadJob([root], workers=1, search_rows=True))
    assert len(results) == 3 and all(r.briefing is not None for r in results)
    assert all(r.search_row is None for r in results)


def test_search_rows_are_not_kept_in_the_cache(tmp_path: Path) -> None:
    from briefing_tui.cache import LoadCache

    root = _with_people(tmp_path, 3)
    cache_dir = tmp_path / "cache"
    list(library.LoadJob([root], cache=LoadCache.open(cache_dir, [root]), search_rows=True))
    cache = LoadCache.open(cache_dir, [root])
    assert len(cache.stamps) == 3
    results = [cache.result(path) for path in cache.stamps]
    assert all(r is not None and r.search_row is None for r in results)


def test_a_parallel_load_does_not_hold_on_to_chunks_already_handed_over(
    tmp_path: Path, monkeypatch
) -> None:
    # Regression: the finished futures were kept until the whole library had loaded, and
    # each holds its chunk's results, so every search row stayed alive (60 MB at 10,000).
    import gc
    import weakref

    monkeypatch.setattr(library.load, "CHUNK_SIZE", 2)
    root = _with_people(tmp_path, 12)
    job = library.LoadJob([root], workers=2, search_rows=True)
    results = iter(job)
    first = next(results)
    seen = weakref.ref(first)
    del first
    for _ in range(5):  # well into later chunks
        next(results)
    gc.collect()
    assert seen() is None, "a result already handed over is still held by the loader"
    results.close()


def test_repeated_short_values_share_one_string(tmp_path: Path) -> None:
    root = _with_people(tmp_path, 3)
    people = [p for b in load_library([root]).briefings for p in b.people]
    assert len(people) == 3
    assert len({id(p.role) for p in people}) == 1
    assert len({id(p.organisation) for p in people}) == 1
    assert [p.role for p in people] == ["Head of Unit"] * 3


def test_closing_never_leaves_the_pool_waiting_for_half_a_message(tmp_path: Path) -> None:
    # A worker stopped while writing its results left half a message in the pipe; the
    # pool's manager thread waited for the rest for ever, and Python joins that thread at
    # exit, so the process hung on quitting.  Here the half message is written by hand.
    import struct
    import time

    root = _many(tmp_path, library.CHUNK_SIZE * 8)
    job = library.LoadJob([root], workers=2)
    results = iter(job)
    next(results)
    pool = job._pool
    assert pool is not None
    manager = pool._executor_manager_thread  # type: ignore[attr-defined]
    writer = pool._result_queue._writer  # type: ignore[attr-defined]
    os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"partial")
    time.sleep(0.3)  # the manager thread is now reading a message that never ends
    results.close()
    manager.join(timeout=10)
    assert not manager.is_alive(), "the pool's manager thread is still waiting"


def test_discovery_calls_back_once_as_soon_as_many_files_are_found(tmp_path: Path) -> None:
    root = _many(tmp_path, 12)
    seen: list[int] = []
    found, _ = discover([root], many=(5, lambda: seen.append(len(seen))))
    assert len(found) == 12
    assert seen == [0]


def test_a_large_library_starts_the_pool_server_while_it_is_discovered(
    tmp_path: Path, monkeypatch
) -> None:
    # The pool's server imports the readers before it can fork a worker: 0.3-0.4 s that
    # used to follow discovery now runs beside it, for a library the pool will read.
    from briefing_tui.cache import LoadCache
    from briefing_tui.library import load as load_module

    calls: list[str] = []
    monkeypatch.setattr(load_module, "warm_up", calls.append)
    root = _many(tmp_path, library.PARALLEL_THRESHOLD)
    library.LoadJob([root])
    assert calls == [load_module.__name__]
    library.LoadJob([root], workers=1)  # one process: no pool to start
    cache = LoadCache.open(tmp_path / "cache", [root])
    assert cache is not None
    library.LoadJob([root], cache=cache)  # cached files need no pool
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.yaml").write_text("title: A\n")
    library.LoadJob([small])
    assert calls == [load_module.__name__]


def test_the_pool_server_started_early_reads_a_large_library_while_stderr_is_captured(
    tmp_path: Path, monkeypatch
) -> None:
    root = _many(tmp_path, library.PARALLEL_THRESHOLD)
    monkeypatch.setattr("sys.stderr", _NoFilenoStderr())
    job = library.LoadJob([root])
    assert job.workers > 1 or (os.cpu_count() or 1) == 1
    titles = {r.briefing.title for r in job if r.briefing is not None}
    assert len(titles) == library.PARALLEL_THRESHOLD
