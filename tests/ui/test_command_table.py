"""One command table: bindings, palette and [keys] all come from it; one way to open."""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandList, CommandPalette

from briefing_tui.model import Pane
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.command_table import BY_ID, COMMANDS, binding_ids
from briefing_tui.ui.locate.spot import OpenBriefing, Spot
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.panes.participants import PeopleTable
from waiting import wait_until

from .helpers import SIZE, app_with, library, rich_briefing, settle


def test_the_app_binds_exactly_the_table() -> None:
    bound = {b.id for b in BriefingApp.BINDINGS if isinstance(b, Binding) and b.id}
    assert bound == {c.id for c in COMMANDS if c.id}
    assert {b.id for b in LazyPane.BINDINGS if hasattr(b, "id")} == {"next_part"}
    assert any(getattr(b, "id", None) == "reverse_sort" for b in PeopleTable.BINDINGS)
    assert binding_ids() == set(BY_ID)


async def _palette_help(pilot, text: str) -> str:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "palette")
    await pilot.press(*text)
    palette = pilot.app.screen
    commands = palette.query_one(CommandList)
    await wait_until(pilot, lambda: commands.option_count > 0, "the palette's hits")
    await settle(pilot)
    return str(commands.get_option_at_index(0).prompt)


async def test_palette_help_shows_the_key_the_reader_has() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "(i)" in await _palette_help(pilot, "who appears where")

    app = app_with(library())
    app.set_keymap({"entities": "w"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = await _palette_help(pilot, "who appears where")
        assert "(w)" in shown and "(i)" not in shown
        await pilot.press("escape")
        await pilot.press("w")  # and the key is what the palette says
        await wait_until(pilot, lambda: type(app.screen).__name__ == "EntitiesScreen", "who")


async def test_one_message_opens_a_briefing_at_a_spot_and_names_it_in_the_header() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rich = rich_briefing()
        app.main.post_message(OpenBriefing(rich.path, Spot(Pane.OUTCOMES, "outcome", 0)))
        await wait_until(
            pilot,
            lambda: (
                app.main.open_briefing is not None
                and app.main.open_briefing.path == rich.path
                and app.main.view.active_pane is Pane.OUTCOMES
            ),
            "the briefing open on Outcomes",
        )
        assert app.sub_title == rich.title
        app.main.post_message(OpenBriefing("lib/gone.yaml"))
        await settle(pilot)
        assert app.main.open_briefing.path == rich.path  # nothing else opened
