"""Reads stay inside the library even when another account changes it after listing (issue 12)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing_tui import library
from briefing_tui.library import LoadJob, load_library


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    lib = tmp_path / "lib"
    (lib / "sub").mkdir(parents=True)
    (lib / "a.yaml").write_text("title: A\n")
    (lib / "sub" / "b.yaml").write_text("title: B\n")
    (lib / ".store").mkdir()
    (lib / ".store" / "d.yaml").write_text("title: D\n")
    (lib / "c.yaml").symlink_to(lib / ".store" / "d.yaml")  # an allowed link, inside
    secret = tmp_path / "root-only"
    secret.mkdir()
    (secret / "key.yaml").write_text("title: THE SECRET KEY\n")
    (secret / "b.yaml").write_text("title: THE SECRET B\n")
    return lib, secret


def _everything(job: LoadJob) -> tuple[list[str], dict[str, str]]:
    titles, problems = [], {}
    for result in job:
        if result.briefing is not None:
            titles.append(result.briefing.title)
        for problem in result.problems:
            problems[Path(problem.path).name] = problem.message
    return sorted(titles), problems


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_swapped_for_a_link_after_listing_is_not_read(
    layout: tuple[Path, Path], workers: int
) -> None:
    lib, secret = layout
    job = LoadJob([lib], workers=workers)
    assert job.total == 3
    (lib / "a.yaml").unlink()
    (lib / "a.yaml").symlink_to(secret / "key.yaml")  # between listing and reading
    (lib / "c.yaml").unlink()
    (lib / "c.yaml").symlink_to(secret / "key.yaml")
    titles, problems = _everything(job)
    assert "THE SECRET KEY" not in titles
    assert "changed since listing" in problems["a.yaml"]
    assert "D" in titles, "an allowed link is resolved once, at listing"


def test_a_folder_swapped_for_a_link_after_listing_is_not_read(
    layout: tuple[Path, Path],
) -> None:
    lib, secret = layout
    job = LoadJob([lib])
    (lib / "sub").rename(lib / ".moved")
    (lib / "sub").symlink_to(secret)
    titles, problems = _everything(job)
    assert titles == ["A", "D"]
    assert "changed since listing" in problems["b.yaml"]


def test_a_file_replaced_by_another_after_listing_is_not_read(layout: tuple[Path, Path]) -> None:
    lib, _ = layout
    job = LoadJob([lib])
    os.replace(lib / "sub" / "b.yaml", lib / "old")
    (lib / "sub" / "b.yaml").write_text("title: Planted\n")
    titles, problems = _everything(job)
    assert "Planted" not in titles
    assert "changed since listing" in problems["b.yaml"]


def test_a_fifo_swapped_in_after_listing_never_blocks(layout: tuple[Path, Path]) -> None:
    lib, _ = layout
    job = LoadJob([lib])
    (lib / "a.yaml").unlink()
    os.mkfifo(lib / "a.yaml")
    _, problems = _everything(job)
    assert "a.yaml" in problems


def test_an_allowed_link_is_read_as_listed(layout: tuple[Path, Path]) -> None:
    lib, _ = layout
    loaded = load_library([lib])
    assert sorted(b.title for b in loaded.briefings) == ["A", "B", "D"]
    assert loaded.problems == []


def test_the_walk_never_enters_a_folder_swapped_while_listing(
    layout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, secret = layout
    real_open = os.open
    swapped: list[bool] = []

    def swap_then_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if os.fspath(path).endswith("sub") and not swapped:  # type: ignore[call-overload]
            swapped.append(True)  # the root is listed, sub/ is about to be opened
            (lib / "sub").rename(lib / ".moved")
            (lib / "sub").symlink_to(secret)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", swap_then_open)
    files, problems = library.discover([lib])
    assert all("root-only" not in os.fspath(p) for p in files)
    assert not any(p.name in {"key.yaml"} for p in files)
    assert any("changed while being listed" in p.message for p in problems)


def _many(root: Path, count: int) -> Path:
    root.mkdir()
    for n in range(count):
        (root / f"b{n:04}.yaml").write_text(f"title: B{n}\n")
    return root


_LOAD_SCRIPT = """
import select, signal, sys
from pathlib import Path
from briefing_tui.library import LoadJob, pool
# The test states how SIGHUP starts out, whatever the test runner inherited (under nohup
# it is ignored, and the "hang" case then timed out in every such run).
ignored = sys.argv[2] == "ignored"
signal.signal(signal.SIGHUP, signal.SIG_IGN if ignored else signal.SIG_DFL)
pool.remove_on_hangup()
job = LoadJob([Path(sys.argv[1])], workers=2)
for n, result in enumerate(job):
    if n == 0 and sys.argv[2] != "exit":
        print("loading", flush=True)
        # Wait in short steps, as the reader's event loop does: Python runs a signal
        # handler only when the main thread next gets control.  The test writes a line
        # once it has sent the signal.
        for _ in range(600):
            if select.select([sys.stdin], [], [], 0.1)[0]:
                break
print("done", flush=True)
"""


def _leftovers(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir())


@pytest.mark.parametrize("how", ["exit", "hang", "ignored"])
def test_the_pool_leaves_nothing_in_the_temporary_folder(tmp_path: Path, how: str) -> None:
    """A normal end, a hang-up mid-load and an ignored hang-up (nohup) all leave nothing;
    an ignored one does not stop the load either."""
    root = _many(tmp_path / "lib", library.CHUNK_SIZE * 3)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_LOAD_SCRIPT), str(root), how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None and process.stdin is not None
    first = process.stdout.readline()
    if how != "exit":
        assert first == "loading\n"
        made = [p for p in tmp.iterdir() if p.name.startswith("briefing-")]
        assert made and made[0].stat().st_mode & 0o077 == 0, "private while in use"
        process.send_signal(signal.SIGHUP)  # the terminal closed mid-load
        if how == "ignored":
            assert made[0].is_dir(), "an ignored hang-up must not take the pool's folder"
        process.stdin.write("go on\n")
        process.stdin.flush()
    out, err = process.communicate(timeout=60)
    if how == "hang":
        assert process.returncode == -signal.SIGHUP
    else:
        assert process.returncode == 0, err
        assert "done" in first + out
        assert "Traceback" not in err, err
    deadline = time.monotonic() + 10
    while _leftovers(tmp) and time.monotonic() < deadline:
        time.sleep(0.05)  # the forkserver notices its parent is gone
    assert _leftovers(tmp) == []
