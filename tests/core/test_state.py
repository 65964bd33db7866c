"""Reading state: opt-in, private, atomic, keyed by size and mtime, never in the library."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from briefing_tui.state import STATE_FILE, ReadingState, Status, stamp_of


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    for name in ("a", "b"):
        (root / f"{name}.yaml").write_text(f"title: {name.upper()}\n")
    return root


def test_unread_then_read_then_changed(lib: Path, tmp_path: Path) -> None:
    state = ReadingState.open(tmp_path / "state", [lib])
    path = lib / "a.yaml"
    assert state.current_status(path) is Status.UNREAD
    assert state.mark_read(path, stamp_of(path))
    assert state.current_status(path) is Status.READ
    before = path.stat()
    path.write_text("title: A, edited\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert state.current_status(path) is Status.CHANGED
    assert state.status(path, stamp_of(path)) is Status.CHANGED
    state.mark_read(path)  # reading it again makes it read once more
    assert state.current_status(path) is Status.READ
    assert state.current_status(lib / "b.yaml") is Status.UNREAD


def test_status_with_explicit_stamps(tmp_path: Path) -> None:
    state = ReadingState.open(tmp_path / "state")
    state.mark_read("/lib/x.yaml", (10, 20))
    assert state.status("/lib/x.yaml", (10, 20)) is Status.READ
    assert state.status("/lib/x.yaml", (11, 20)) is Status.CHANGED
    assert state.status("/lib/x.yaml", None) is Status.READ  # cannot tell: nothing says changed
    assert state.status("/lib/y.yaml", (10, 20)) is Status.UNREAD


def test_state_survives_a_restart_and_is_private(lib: Path, tmp_path: Path) -> None:
    folder = tmp_path / "state"
    first = ReadingState.open(folder, [lib])
    first.mark_read(lib / "a.yaml")
    assert first.toggle_bookmark(lib / "b.yaml") is True
    file = folder / STATE_FILE
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0
    assert [p.name for p in folder.iterdir()] == [STATE_FILE]  # no temporary file left

    second = ReadingState.open(folder, [lib])
    assert second.notes == []
    assert second.current_status(lib / "a.yaml") is Status.READ
    assert second.is_bookmarked(lib / "b.yaml")
    assert not second.is_bookmarked(lib / "a.yaml")
    assert second.toggle_bookmark(lib / "b.yaml") is False
    assert not ReadingState.open(folder, [lib]).is_bookmarked(lib / "b.yaml")


def test_keys_are_absolute_paths(
    lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = ReadingState.open(tmp_path / "state")
    monkeypatch.chdir(lib)
    state.mark_read("a.yaml")
    data = json.loads(state.file.read_text())
    assert list(data["briefings"]) == [str(lib / "a.yaml")]
    assert state.current_status(lib / "a.yaml") is Status.READ


def test_nothing_is_written_until_something_changes(lib: Path, tmp_path: Path) -> None:
    folder = tmp_path / "state"
    state = ReadingState.open(folder, [lib])
    assert state.current_status(lib / "a.yaml") is Status.UNREAD
    assert not folder.exists()
    assert state.mark_read(lib / "missing.yaml") is False  # cannot be examined: not recorded
    assert not folder.exists()


def test_corrupt_file_is_ignored_with_a_note(lib: Path, tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir(mode=0o700)
    (folder / STATE_FILE).write_text("{not json")
    os.chmod(folder / STATE_FILE, 0o600)
    state = ReadingState.open(folder, [lib])
    assert state.read == {}
    assert state.notes == ["reading state file was unreadable; ignored"]
    state.mark_read(lib / "a.yaml")  # and replaced by a good one on the next change
    assert ReadingState.open(folder, [lib]).current_status(lib / "a.yaml") is Status.READ


@pytest.mark.parametrize(
    "payload",
    [
        [1, 2, 3],
        {"format": 99, "briefings": {}},
        {"format": 1, "briefings": []},
    ],
)
def test_unknown_formats_are_ignored(tmp_path: Path, payload: object) -> None:
    folder = tmp_path / "state"
    folder.mkdir(mode=0o700)
    (folder / STATE_FILE).write_text(json.dumps(payload))
    os.chmod(folder / STATE_FILE, 0o600)
    state = ReadingState.open(folder)
    assert state.read == {}
    assert state.notes == ["reading state file is not in a known format; ignored"]


def test_damaged_entries_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir(mode=0o700)
    entries = {
        "/lib/good.yaml": {"read": [1, 2], "bookmarked": True},
        "/lib/bad-stamp.yaml": {"read": ["x", 2]},
        "relative.yaml": {"read": [1, 2]},
        "/lib/not-a-dict.yaml": 5,
    }
    (folder / STATE_FILE).write_text(json.dumps({"format": 1, "briefings": entries}))
    os.chmod(folder / STATE_FILE, 0o600)
    state = ReadingState.open(folder)
    assert state.read == {"/lib/good.yaml": (1, 2)}
    assert state.is_bookmarked("/lib/good.yaml")
    assert state.notes == ["2 damaged entries ignored"]


def test_a_file_others_can_write_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir(mode=0o700)
    payload = {"format": 1, "briefings": {"/lib/a.yaml": {"read": [1, 2]}}}
    (folder / STATE_FILE).write_text(json.dumps(payload))
    os.chmod(folder / STATE_FILE, 0o666)
    state = ReadingState.open(folder)
    assert state.read == {}
    assert state.notes == ["reading state file is not private to this user; ignored"]


def test_a_symlinked_state_file_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.mkdir(mode=0o700)
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps({"format": 1, "briefings": {"/a": {"read": [1, 2]}}}))
    (folder / STATE_FILE).symlink_to(target)
    state = ReadingState.open(folder)
    assert state.read == {}
    assert len(state.notes) == 1


def test_never_inside_a_library_root(lib: Path) -> None:
    state = ReadingState.open(lib / ".state", [lib])
    assert not state.writable
    assert state.notes == ["the state folder is inside the library; reading state is not kept"]
    assert state.mark_read(lib / "a.yaml") is True  # remembered for this session only...
    assert state.toggle_bookmark(lib / "a.yaml") is True
    assert not (lib / ".state").exists()  # ...and nothing written into the library
    assert sorted(p.name for p in lib.iterdir()) == ["a.yaml", "b.yaml"]


def test_an_unwritable_folder_gives_a_note_not_an_error(lib: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    state = ReadingState.open(blocker / "state", [lib])
    assert state.mark_read(lib / "a.yaml") is True
    assert state.current_status(lib / "a.yaml") is Status.READ
    assert state.notes and state.notes[-1].startswith("reading state not saved")


def test_bookmarked_keeps_the_order_given(tmp_path: Path) -> None:
    state = ReadingState.open(tmp_path / "state")
    state.toggle_bookmark("/lib/b.yaml")
    state.toggle_bookmark("/lib/a.yaml")
    assert state.bookmarked(["/lib/a.yaml", "/lib/c.yaml", "/lib/b.yaml"]) == [
        "/lib/a.yaml",
        "/lib/b.yaml",
    ]


def test_non_ascii_and_undecodable_paths_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    state = ReadingState.open(folder)
    names = ["/lib/Łukasz-Zoë.yaml", "/lib/bad-\udcff.yaml"]
    for name in names:
        state.mark_read(name, (1, 2))
    again = ReadingState.open(folder)
    assert sorted(again.read) == sorted(names)
