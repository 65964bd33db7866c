"""Private files (cache, index, reading state) against a second local account (issue 12)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.cache import IndexStore, LoadCache
from briefing_tui.private_files import (
    NotPrivate,
    PrivateFolderError,
    check_folder,
    read_private,
    write_private,
)
from briefing_tui.state import ReadingState


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    where = tmp_path / "private"
    where.mkdir(mode=0o700)
    return where


def _swap_after_create(monkeypatch: pytest.MonkeyPatch, folder: Path, victim: Path) -> None:
    """Play the other account: as soon as a temporary file appears, make it a symlink."""
    real_open = os.open

    def hooked(path: object, flags: int, *args: object, **kwargs: object) -> int:
        fd = real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]
        if flags & os.O_CREAT:
            for entry in folder.iterdir():
                if entry.name.endswith(".tmp") and not entry.is_symlink():
                    entry.unlink()
                    entry.symlink_to(victim)
        return fd

    monkeypatch.setattr(os, "open", hooked)


def test_a_temp_file_swapped_for_a_link_is_never_written_through(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"the other account's file")
    victim.chmod(0o644)
    _swap_after_create(monkeypatch, folder, victim)
    target = folder / "library.index"
    with pytest.raises(PrivateFolderError, match="replaced while being written"):
        write_private(target, b"restricted search index")
    monkeypatch.undo()
    assert victim.read_bytes() == b"the other account's file", "written through the link"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644, "chmod followed the link"
    assert not target.is_symlink(), "the planted link was renamed into place"
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()]


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757, 0o1777])
def test_a_folder_others_can_write_is_refused(folder: Path, mode: int) -> None:
    folder.chmod(mode)
    with pytest.raises(PrivateFolderError, match="can be written by other accounts"):
        write_private(folder / "state.json", b"{}")
    assert list(folder.iterdir()) == []
    assert check_folder(folder) == f"{folder} can be written by other accounts"


def test_a_folder_of_another_account_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "getuid", lambda: os.stat(folder).st_uid + 4242)
    with pytest.raises(PrivateFolderError, match="belongs to another account"):
        write_private(folder / "state.json", b"{}")
    assert list(folder.iterdir()) == []


def test_a_private_file_in_a_shared_folder_is_not_read(folder: Path) -> None:
    write_private(folder / "state.json", b"{}")
    assert read_private(folder / "state.json") == b"{}"
    folder.chmod(0o777)
    with pytest.raises(NotPrivate, match="other accounts"):
        read_private(folder / "state.json")


def test_files_are_written_0600_whatever_the_umask(folder: Path) -> None:
    old = os.umask(0)
    try:
        write_private(folder / "x", [b"a", b"b"])
    finally:
        os.umask(old)
    assert (folder / "x").read_bytes() == b"ab"
    assert stat.S_IMODE((folder / "x").stat().st_mode) == 0o600


def test_cache_and_state_in_a_shared_folder_run_without_them(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.yaml").write_text("title: A\n")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    cache = LoadCache.open(shared, [lib])
    assert not cache.writable
    assert any("can be written by other accounts" in note for note in cache.notes)
    store = cache.index_store([])
    assert not store.save(lambda: b"image")
    state = ReadingState.open(shared, [lib])
    assert not state.writable and not state.save()
    assert any("can be written by other accounts" in note for note in state.notes)
    assert list(shared.iterdir()) == []


def test_the_index_image_is_written_through_the_descriptor(folder: Path) -> None:
    store = IndexStore(folder / "lib.index", "k")
    assert store.save(lambda: b"SQLite format 3\x00image")
    assert store.load() == b"SQLite format 3\x00image"
    assert stat.S_IMODE((folder / "lib.index").stat().st_mode) == 0o600


def test_briefing_refuses_a_shared_cache_folder_in_one_line(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    # What `briefing` calls on --cache and --state before it starts the reader.
    from briefing_tui.cli.folders import private_folder

    code = (
        "from pathlib import Path; from briefing_tui.cli.folders import private_folder;"
        f"print(private_folder('--cache', Path({str(shared)!r}), 'the cache'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "None"
    assert out.stderr == (
        f"briefing: --cache {shared} can be written by other accounts; running without the cache\n"
    )
    assert private_folder("--cache", tmp_path, "the cache") == tmp_path


def test_cache_and_state_beside_a_briefing_opened_as_a_file_are_refused(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.md").write_text("# A\n")
    before = sorted(p.name for p in lib.iterdir())
    cache = LoadCache.open(lib, [lib / "a.md"])
    state = ReadingState.open(lib, [lib / "a.md"])
    assert not cache.writable and not state.writable
    cache.save({})
    state.save()
    assert sorted(p.name for p in lib.iterdir()) == before
