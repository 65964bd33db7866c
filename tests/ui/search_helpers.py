"""Shared by the search, find and palette-participant tests: the sample library, waiting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing_tui.ui.screens.search import SearchScreen
from waiting import wait_until

from .helpers import RecordingApp, settle

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "briefings"
SEED_TITLE = "Joint conference on judicial cooperation in cybercrime matters"
SEED_PATH = str(SAMPLES / "2018-03-eurojust-coe-joint-conference-cybercrime.yaml")


def sample_app() -> RecordingApp:
    """The reader on the repository's five sample briefings, loaded by the real loader."""
    return RecordingApp([SAMPLES])


async def until(pilot: Any, check: Callable[[], object], what: str = "condition") -> None:
    """Let the app run until `check()` holds (debounce timers, workers); fail if it never does."""
    await wait_until(pilot, check, what)


async def search_for(pilot: Any, text: str) -> SearchScreen:
    """Press `/`, type `text`, and wait until the results for what is in the box are shown."""
    app = pilot.app
    await pilot.press("slash")
    await until(pilot, lambda: isinstance(app.screen, SearchScreen), "the search screen")
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    if text:
        await pilot.press(*text)
    await until(pilot, lambda: screen.shown_query == screen.query_text, f"results for {text!r}")
    return screen


async def loaded(pilot: Any) -> None:
    """The library loaded and indexed (the index worker finished)."""
    app = pilot.app
    await settle(pilot)
    await until(
        pilot,
        lambda: not app.main.library_loading and not app.main.library_index.progress().building,
        "indexing",
    )
