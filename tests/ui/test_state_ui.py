"""Reading state in the reader (`--state DIR`): unread, changed and bookmarked marks that
survive a restart, and nothing at all stored without it."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.model import Briefing, Participant
from briefing_tui.state import STATE_FILE, ReadingState
from briefing_tui.ui.services import reading_state as reading_marks
from briefing_tui.ui.services.reading_state import BOOKMARK_MARK, CHANGED_MARK, UNREAD_MARK

from .across_helpers import entries
from .helpers import SIZE, RecordingApp, loader_of, make_briefing, results, settle


@pytest.fixture
def library(tmp_path: Path) -> list[Briefing]:
    root = tmp_path / "lib"
    root.mkdir()
    out = []
    for name, day in (("new", date(2024, 1, 1)), ("old", date(2020, 1, 1))):
        path = root / f"{name}.yaml"
        path.write_text(f"title: {name}\n", encoding="utf-8")
        out.append(
            make_briefing(
                str(path),
                f"{name.title()} briefing",
                day,
                participants=(Participant("Anna Berg", "Chair"),),
            )
        )
    return out


@pytest.fixture(autouse=True)
def slow_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only enter, a pane switch or another screen marks a briefing read in these tests."""
    monkeypatch.setattr(reading_marks, "READ_AFTER", 3600.0)


def app_for(briefings: list[Briefing], state_dir: Path | None) -> RecordingApp:
    root = Path(briefings[0].path).parent
    return RecordingApp([root], loader=loader_of(results(briefings)), state_dir=state_dir)


def marks(app: Any) -> list[str]:
    """The marks before each entry's title, in list order."""
    return [line.split("\n")[0][:2] for line in entries(app.main.library_list)]


async def test_read_and_bookmarked_survive_a_restart(
    library: list[Briefing], tmp_path: Path
) -> None:
    state_dir = tmp_path / "state"
    app = app_for(library, state_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert marks(app) == [f"{UNREAD_MARK} ", f"{UNREAD_MARK} "]
        await pilot.press("down")  # moving over a briefing is not reading it (yet)
        await settle(pilot)
        assert marks(app) == [f"{UNREAD_MARK} ", f"{UNREAD_MARK} "]
        await pilot.press("enter")  # reading the old one
        await settle(pilot)
        assert marks(app) == [f"{UNREAD_MARK} ", "  "]
        await pilot.press("b")
        await settle(pilot)
        assert marks(app) == [f"{UNREAD_MARK} ", f" {BOOKMARK_MARK}"]
        assert "Bookmarked" in [n.title for n in app.notifications()]

    file = state_dir / STATE_FILE
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(state_dir.stat().st_mode) & 0o077 == 0

    again = app_for(library, state_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert marks(again) == [f"{UNREAD_MARK} ", f" {BOOKMARK_MARK}"]

    # The old briefing's file changes: it is marked as changed since read.
    old = Path(library[1].path)
    before = old.stat()
    old.write_text("title: old, edited\n", encoding="utf-8")
    os.utime(old, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    third = app_for(library, state_dir)
    async with third.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert marks(third) == [f"{UNREAD_MARK} ", f"{CHANGED_MARK}{BOOKMARK_MARK}"]
        await pilot.press("down", "2")  # turning to a pane is reading it again
        await settle(pilot)
        assert marks(third) == [f"{UNREAD_MARK} ", f" {BOOKMARK_MARK}"]


async def test_staying_on_a_briefing_marks_it_read(library: list[Briefing], tmp_path: Path) -> None:
    app = app_for(library, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tracker = app.main.reading
        assert tracker is not None
        assert tracker.pending is app.main.open_briefing  # waiting for READ_AFTER seconds
        await pilot.press("down")
        await settle(pilot)
        assert tracker.pending is app.main.open_briefing  # moved on: the wait starts again
        assert marks(app) == [f"{UNREAD_MARK} ", f"{UNREAD_MARK} "]
        tracker.read_pending()  # what the timer does when the reader stays
        await settle(pilot)
        assert tracker.pending is None
        assert marks(app) == [f"{UNREAD_MARK} ", "  "]


async def test_opening_from_another_screen_is_reading(
    library: list[Briefing], tmp_path: Path
) -> None:
    app = app_for(library, tmp_path / "state")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"berg", "enter", "enter", "down", "enter")
        await settle(pilot)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Old briefing"
        assert marks(app) == [f"{UNREAD_MARK} ", "  "]


async def test_nothing_is_stored_without_state(
    library: list[Briefing], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: ReadingState) -> bool:
        raise AssertionError("reading state written without --state")

    monkeypatch.setattr(ReadingState, "save", refuse)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    app = app_for(library, None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert app.main.state is None
        assert all(
            not line.startswith((UNREAD_MARK, " ")) for line in entries(app.main.library_list)
        )
        await pilot.press("enter", "b", "2")
        await settle(pilot)
        assert any("--state DIR" in n.message for n in app.notifications())
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


async def test_a_state_folder_inside_the_library_is_refused(
    library: list[Briefing], tmp_path: Path
) -> None:
    root = Path(library[0].path).parent
    app = app_for(library, root / ".state")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter", "b")
        await settle(pilot)
        messages = [n.message for n in app.notifications()]
        assert "the state folder is inside the library; reading state is not kept" in messages
    assert sorted(p.name for p in root.iterdir()) == ["new.yaml", "old.yaml"]


async def test_a_corrupt_state_file_is_reported_and_replaced(
    library: list[Briefing], tmp_path: Path
) -> None:
    state_dir = tmp_path / "state"
    state_dir.mkdir(mode=0o700)
    (state_dir / STATE_FILE).write_text("{broken", encoding="utf-8")
    os.chmod(state_dir / STATE_FILE, 0o600)
    app = app_for(library, state_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        messages = [n.message for n in app.notifications()]
        assert "reading state file was unreadable; ignored" in messages
        await pilot.press("enter")
        await settle(pilot)
    assert ReadingState.open(state_dir).read  # a good file now
