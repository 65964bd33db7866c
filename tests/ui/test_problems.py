"""`!` lists every problem; choosing one opens its briefing; empty and broken libraries."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from briefing_tui.model import LoadResult
from briefing_tui.ui.screens.problems import ProblemsScreen

from .helpers import SIZE, RecordingApp, app_with, library, loader_of, problem, settle, text_of


async def test_bang_shows_problems_and_opens_the_chosen_briefing() -> None:
    briefings = library()
    warned = briefings[0]  # lib/2020-old.yaml
    items = [LoadResult(b.path, b, ()) for b in briefings]
    items[0] = LoadResult(warned.path, warned, (problem(warned.path, "odd date"),))
    items.append(LoadResult("lib/broken.yaml", None, (problem("lib/broken.yaml", "bad YAML"),)))
    app = RecordingApp([Path("lib")], loader=loader_of(items))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)
        assert screen.lines() == [
            "lib/2020-old.yaml:3:5: error: odd date",
            "lib/broken.yaml:3:5: error: bad YAML",
        ]
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ProblemsScreen)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.path == "lib/2020-old.yaml"


async def test_empty_library_says_where_it_looked() -> None:
    app = app_with([])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        message = text_of(app.query_one("#empty-message", Static))
        assert "No briefings found." in message
        assert "lib" in message
        assert app.query_one("#empty-message").display
        assert not app.query_one("#panes").display
        await pilot.press("1", "tab", "right_square_bracket")  # nothing to act on: no crash
        assert app.is_running


async def test_only_broken_files_points_at_the_problems() -> None:
    broken = [problem("lib/a.yaml", "bad"), problem("lib/b.yaml", "worse")]
    app = app_with([], broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        message = text_of(app.query_one("#empty-message", Static))
        assert "2 files had problems; press ! to see them." in message
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("enter")  # a file that never loaded: just closes
        await settle(pilot)
        assert not isinstance(app.screen, ProblemsScreen)
        assert app.main.open_briefing is None
