"""What the reader looks like: SVG snapshots of the main screens at 80x24 and 120x40.

Everything that could differ between runs is pinned: the library is the repository's
briefings/ opened by a relative path (so file names print the same on every machine),
"today" is fixed (overdue marks depend on it), animations are off, NO_COLOR is unset, and
each snapshot waits until loading has finished and the panes are built.

After a deliberate change to the look, regenerate and review the SVGs:

    python -m pytest tests/snapshots --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.support.themes import HIGH_CONTRAST, MONOCHROME
from briefing_tui.ui.widgets.panes.outcomes import OutcomesPane
from waiting import settle, wait_until

ROOT = Path(__file__).resolve().parents[2]
SEED = "briefings/2018-03-eurojust-coe-joint-conference-cybercrime.yaml"
NEWEST = "briefings/2026-02-example-virtual-assets-workshop-planning.yml"
TODAY = date(2026, 3, 10)  # between the newest sample's two deadlines: one overdue

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
PANES = ("overview", "participants", "topics", "outcomes")
PANE_KEYS = [pytest.param(str(number), id=pane) for number, pane in enumerate(PANES, 1)]

Compare = Callable[..., bool]
RunBefore = Callable[[Any], Awaitable[None]]


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OutcomesPane, "today", staticmethod(lambda: TODAY))
    for name in ("NO_COLOR", "FORCE_COLOR", "BRIEFING_LIBRARY", "TEXTUAL_THEME"):
        monkeypatch.delenv(name, raising=False)


def make_app(folder: str, theme: str | None = None) -> BriefingApp:
    app = BriefingApp([Path(folder)])
    app.animation_level = "none"
    if theme is not None:
        app.theme = theme
    return app


async def settled(pilot: Any) -> None:
    """Loading over, workers (pane builds) done, messages handled."""
    app = pilot.app
    await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
    await settle(pilot)


def opening(path: str | None = SEED) -> RunBefore:
    async def run_before(pilot: Any) -> None:
        await settled(pilot)
        if path is not None:
            assert pilot.app.main.open_path(path), f"{path} was not loaded"
        await settled(pilot)

    return run_before


@pytest.fixture
def samples_cwd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.usefixtures("samples_cwd")
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "key",
    [
        pytest.param(key, id=name)
        for key, name in zip(
            "1234", ("overview", "participants", "topics", "outcomes"), strict=True
        )
    ],
)
def test_seed_panes(snap_compare: Compare, size: tuple[int, int], key: str) -> None:
    assert snap_compare(
        make_app("briefings"), terminal_size=size, press=[key], run_before=opening()
    )


@pytest.mark.usefixtures("samples_cwd")
@pytest.mark.parametrize("size", SIZES)
def test_library_on_start(snap_compare: Compare, size: tuple[int, int]) -> None:
    """The first screen a reader sees: the newest briefing open, the list focused.

    Opened explicitly: which entry the list highlights first depends on how the loaded
    files were batched, and a snapshot must not.
    """
    assert snap_compare(make_app("briefings"), terminal_size=size, run_before=opening(NEWEST))


@pytest.mark.usefixtures("samples_cwd")
@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(
        make_app("briefings"),
        terminal_size=size,
        press=["2", "question_mark"],
        run_before=opening(),
    )


BROKEN = {
    "bad-yaml.yaml": "title: [unclosed\n",
    "not-a-mapping.yml": "- just\n- a list\n",
    "unterminated.yaml": 'title: "no end\n',
    "no-title.yaml": "date: 2020-01-01\nsummary: Loads, with a warning.\n",
}


@pytest.mark.parametrize("size", SIZES)
def test_problems(
    snap_compare: Compare, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Broken files next to one that loads with a warning: `!` lists them all."""
    folder = tmp_path / "broken"
    folder.mkdir()
    for name, text in BROKEN.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert snap_compare(
        make_app("broken"), terminal_size=size, press=["exclamation_mark"], run_before=opening(None)
    )


@pytest.mark.parametrize("size", SIZES)
def test_empty_library(
    snap_compare: Compare, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    assert snap_compare(make_app("empty"), terminal_size=size, run_before=opening(None))


@pytest.mark.usefixtures("samples_cwd")
@pytest.mark.parametrize("theme", [HIGH_CONTRAST, MONOCHROME])
@pytest.mark.parametrize(
    "key", [pytest.param("1", id="overview"), pytest.param("4", id="outcomes")]
)
def test_accessible_themes(snap_compare: Compare, theme: str, key: str) -> None:
    """The newest sample (TLP:AMBER+STRICT, open actions) in each accessible theme."""
    assert snap_compare(
        make_app("briefings", theme),
        terminal_size=(120, 40),
        press=[key],
        run_before=opening(NEWEST),
    )
