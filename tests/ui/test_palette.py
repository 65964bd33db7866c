"""The command palette: open a briefing by fuzzy title, run app commands, stay markup-safe."""

from __future__ import annotations

from textual.command import CommandPalette

from briefing_tui.ui.screens.problems import ProblemsScreen

from .helpers import SIZE, app_with, library, make_briefing, settle


async def _search(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*text)
    await settle(pilot)
    await settle(pilot)


async def test_palette_opens_briefing_by_fuzzy_title() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _search(pilot, "oldmeet")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, CommandPalette)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.path == "lib/2020-old.yaml"


async def test_palette_runs_show_problems() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _search(pilot, "show problems")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)


async def test_palette_with_hostile_titles_stays_safe() -> None:
    hostile = [
        make_briefing("lib/a.yaml", "[@click=app.quit]click me[/]", None),
        make_briefing("lib/b.yaml", "click [/ broken", None),
        make_briefing("lib/c.yaml", "[/] click", None),
    ]
    app = app_with(hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _search(pilot, "click")
        for y in range(2, 12):
            await pilot.click(offset=(30, y))
        await settle(pilot)
        assert app.is_running
        assert app.return_code is None


async def test_reader_commands_are_offered_over_the_reader_only() -> None:
    """Over the help screen, "Open: ..." and the pane commands would act on the reader
    hidden beneath, with the help still covering it."""
    from briefing_tui.ui.providers.briefing_commands import BriefingCommands
    from briefing_tui.ui.screens.help import HelpScreen
    from waiting import wait_until

    async def titles(screen: object, query: str) -> list[str]:
        provider = BriefingCommands(screen)  # type: ignore[arg-type]
        return [str(hit.text) async for hit in provider.search(query)]

    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Open: Old meeting" in await titles(app.main, "oldmeet")
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert await titles(app.screen, "oldmeet") == []
        assert await titles(app.screen, "participants") == []
