"""The optional cache: used only while files are unchanged, private, atomic, and disposable."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing_tui.cache import LoadCache
from briefing_tui.library import load_library


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    for name in ("a", "b", "c"):
        (root / f"{name}.yaml").write_text(f"title: {name.upper()}\n")
    return root


def _load(lib: Path, cache_dir: Path) -> tuple[list[str], LoadCache]:
    cache = LoadCache.open(cache_dir, [lib])
    library = load_library([lib], cache=cache)
    return sorted(b.title for b in library.briefings), cache


def test_second_load_comes_from_the_cache(lib: Path, tmp_path: Path) -> None:
    titles, first = _load(lib, tmp_path / "cache")
    assert titles == ["A", "B", "C"]
    assert (first.hits, first.misses) == (0, 3)
    titles, second = _load(lib, tmp_path / "cache")
    assert titles == ["A", "B", "C"]
    assert (second.hits, second.misses) == (3, 0)


def test_changed_added_and_removed_files_are_noticed(lib: Path, tmp_path: Path) -> None:
    _load(lib, tmp_path / "cache")
    (lib / "a.yaml").write_text("title: A changed, longer\n")
    (lib / "d.yaml").write_text("title: D\n")
    (lib / "c.yaml").unlink()
    titles, cache = _load(lib, tmp_path / "cache")
    assert titles == ["A changed, longer", "B", "D"]
    assert (cache.hits, cache.misses) == (1, 2)
    assert len(cache.stamps) == 3


def test_same_size_edit_is_noticed_by_mtime(lib: Path, tmp_path: Path) -> None:
    _load(lib, tmp_path / "cache")
    path = lib / "b.yaml"
    before = path.stat()
    path.write_text("title: X\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    titles, _ = _load(lib, tmp_path / "cache")
    assert titles == ["A", "C", "X"]


def test_cache_file_is_private_and_written_atomically(lib: Path, tmp_path: Path) -> None:
    _, cache = _load(lib, tmp_path / "cache")
    mode = cache.file.stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [cache.file.name]


def test_corrupt_cache_is_ignored_and_rebuilt(lib: Path, tmp_path: Path) -> None:
    _, cache = _load(lib, tmp_path / "cache")
    cache.file.write_bytes(b"\x80\x05garbage")
    titles, again = _load(lib, tmp_path / "cache")
    assert titles == ["A", "B", "C"]
    assert again.misses == 3
    assert any("unreadable" in note for note in again.notes)
    _, third = _load(lib, tmp_path / "cache")
    assert third.hits == 3


def test_cache_others_can_write_is_not_trusted(lib: Path, tmp_path: Path) -> None:
    _, cache = _load(lib, tmp_path / "cache")
    cache.file.chmod(0o666)
    _, again = _load(lib, tmp_path / "cache")
    assert again.hits == 0
    assert any("not private" in note for note in again.notes)


def test_cache_inside_the_library_is_refused(lib: Path) -> None:
    before = sorted(p.name for p in lib.rglob("*"))
    titles, cache = _load(lib, lib / ".cache")
    assert titles == ["A", "B", "C"]
    assert sorted(p.name for p in lib.rglob("*")) == before
    assert any("inside the library" in note for note in cache.notes)


def test_no_cache_no_writes(lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    load_library([lib])
    assert not (tmp_path / "home").exists()


def test_a_damaged_chunk_costs_only_a_fresh_read(lib: Path, tmp_path: Path) -> None:
    _, cache = _load(lib, tmp_path / "cache")
    raw = bytearray(cache.file.read_bytes())
    raw[-20:] = b"\xff" * 20  # inside the last (only) chunk of results
    cache.file.write_bytes(bytes(raw))
    titles, again = _load(lib, tmp_path / "cache")
    assert titles == ["A", "B", "C"]
    assert any("re-read" in note for note in again.notes)


def test_results_are_unpacked_only_when_asked_for(lib: Path, tmp_path: Path) -> None:
    _load(lib, tmp_path / "cache")
    cache = LoadCache.open(tmp_path / "cache", [lib])
    assert len(cache.stamps) == 3
    path = os.path.realpath(lib / "b.yaml")
    # Opening reads the stamps only: damage to the results shows when they are asked for.
    raw = bytearray(cache.file.read_bytes())
    raw[-20:] = b"\xff" * 20
    cache.file.write_bytes(bytes(raw))
    damaged = LoadCache.open(tmp_path / "cache", [lib])
    assert len(damaged.stamps) == 3 and damaged.notes == [], "opening read the results"
    assert damaged.result(path) is None and damaged.notes, "asking reads them"
    result = cache.result(path)
    assert result is not None and result.briefing is not None
    assert result.briefing.title == "B"
    assert cache.result(path) is result
