"""The palette (ctrl+p) finds people by name and opens the briefing on their row."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.command import CommandPalette
from textual.content import Content

from briefing_tui.model import Pane, Participant, ParticipantGroup
from briefing_tui.ui.providers.search_commands import gather_people, match_names
from briefing_tui.ui.screens.search import SearchScreen
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.panes.participants import PeopleTable

from .helpers import SIZE, app_with, make_briefing, settle
from .search_helpers import SEED_PATH, loaded, sample_app, until


async def palette(pilot: Any, text: str) -> CommandPalette:
    app = pilot.app
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    await pilot.press(*text)
    await settle(pilot)
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, CommandPalette)
    return screen


def shown_hits(screen: CommandPalette) -> list[Content]:
    from textual.command import CommandList

    listing = screen.query_one(CommandList)
    prompts = [listing.get_option_at_index(i).prompt for i in range(listing.option_count)]
    contents = [p for p in prompts if isinstance(p, Content)]
    return contents


def test_people_are_gathered_once_per_name_and_matched_fuzzily() -> None:
    a = make_briefing(
        "a.yaml",
        "A",
        date(2020, 1, 1),
        participants=(
            ParticipantGroup("Seger fans"),  # a group is not a person
            Participant("Alexander Seger", "Head"),
            Participant("Anna Berg", "Chair"),
        ),
    )
    b = make_briefing(
        "b.yaml", "B", None, participants=(Participant("Alexander Seger", "Speaker"),)
    )
    people = gather_people([a, b])
    assert sorted(people) == ["Alexander Seger", "Anna Berg"]
    assert [(s.briefing.path, s.item, s.role) for s in people["Alexander Seger"]] == [
        ("a.yaml", 1, "Head"),
        ("b.yaml", 0, "Speaker"),
    ]
    found = match_names("seger", list(people))
    assert [name for _score, name, _offsets in found] == ["Alexander Seger"]
    assert match_names("zzz", list(people)) == []


async def test_a_participant_hit_opens_the_briefing_on_their_row() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await palette(pilot, "seger")
        hits = [c.plain for c in shown_hits(screen)]
        assert any(h.startswith("Participant: Alexander Seger") for h in hits), hits
        await pilot.press("down", "enter")
        await settle(pilot)
        await until(pilot, lambda: app.main.view.active_pane is Pane.PARTICIPANTS, "Participants")
        await settle(pilot)
        assert app.main.open_briefing is not None and app.main.open_briefing.path == SEED_PATH
        table = app.main.view.pane_widget(Pane.PARTICIPANTS).query_one(PeopleTable)
        row = table.get_row_at(table.cursor_row)
        assert row[0].plain == "Alexander Seger"
        assert [row[0].plain[s.start : s.end] for s in row[0].spans] == ["Alexander Seger"]
        assert app.focused is table


async def test_the_palette_offers_search_and_find() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await palette(pilot, "search the library")
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen), "the search screen")
        await pilot.press("escape")
        await settle(pilot)
        await palette(pilot, "find in this briefing")
        await pilot.press("down", "enter")
        await until(pilot, lambda: FindBar.of(app.main.view) is not None, "the find bar")


async def test_hostile_names_are_listed_as_plain_text() -> None:
    hostile = make_briefing(
        "lib/evil.yaml",
        "[b]Evil[/b] meeting",
        date(2024, 1, 1),
        participants=(
            Participant("[@click=app.quit]Mallory", "[/]"),
            Participant("Mal [/] lory", "Role"),
        ),
    )
    app = app_with([hostile])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await palette(pilot, "mal")
        hits = [c.plain for c in shown_hits(screen)]
        assert any("[@click=app.quit]Mallory — [/]" in h for h in hits), hits
        assert any("Mal [/] lory" in h for h in hits), hits
        for y in range(2, 12):
            await pilot.click(offset=(30, y))
        await settle(pilot)
        assert app.is_running and app.return_code is None
