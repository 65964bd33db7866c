"""Issue 5 in the reader: the whole hostile corpus opened, every briefing and pane shown."""

from __future__ import annotations

import re
import socket
import webbrowser
from pathlib import Path

import pytest

from briefing_tui.ui.app import BriefingApp
from waiting import settle, wait_until

from .corpus import build, snapshot

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


async def test_every_hostile_briefing_and_pane_renders_safely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network or browser access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(webbrowser, "open", refuse)
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)  # a read-only HOME: the reader needs to write nothing
    monkeypatch.setenv("HOME", str(home))
    corpus = tmp_path / "corpus"
    build(corpus)
    before = snapshot(corpus)

    app = BriefingApp([corpus])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
        await settle(pilot)
        count = len(app.main.briefings)
        assert count >= 10
        assert app.main.problems, "the corpus must produce problems for the problems view"
        seen = set()
        await pilot.press("home")
        for _ in range(count):
            assert app.main.open_briefing is not None
            seen.add(app.main.open_briefing.path)
            for pane in "1234":
                await pilot.press(pane)
                await settle(pilot)
                for y in (12,):
                    await pilot.click(offset=(60, y))
                screen = app.export_screenshot()
                assert not CONTROL.search(screen), app.main.open_briefing.path
                assert not BIDI.search(screen), app.main.open_briefing.path
                assert app.is_running
            await pilot.press("l", "down")
            await settle(pilot)
        assert len(seen) == count
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert not CONTROL.search(app.export_screenshot())
        assert app.is_running
    assert snapshot(corpus) == before
    assert list(home.iterdir()) == []
