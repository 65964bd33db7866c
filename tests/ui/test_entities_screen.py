"""The `i` screen: who appears where, and opening a briefing at the participant's row."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from briefing_tui.model import Outcome, Pane, Participant
from briefing_tui.ui.screens.entities import EntitiesScreen, EntityList, MentionList
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.widgets.paged_list import PAGE_SIZE
from briefing_tui.ui.widgets.panes.participants import PeopleTable

from .across_helpers import across_library, prompts
from .helpers import SIZE, app_with, make_briefing, settle, text_of


async def _open(pilot: object) -> EntitiesScreen:
    await settle(pilot)
    await pilot.press("i")  # type: ignore[attr-defined]
    await settle(pilot)
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, EntitiesScreen)
    return screen


async def test_forgiving_names_list_the_briefings_and_open_the_participant_row() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert app.focused is screen.query_one("#entity-filter", Input)
        await pilot.press(*"berg")
        await settle(pilot)
        # "Anna Berg" and "Berg, Anna" are one person, met in two briefings.
        assert screen.shown_names() == ["Anna Berg"]
        entity = screen.query_one(EntityList).rows[0]
        assert entity.briefing_count == 2
        mentions = screen.query_one(MentionList)
        shown = prompts(mentions)
        assert len(shown) == 2
        assert "TLP:AMBER" in shown[0] and "Rich briefing" in shown[0] and "Chair" in shown[0]
        assert "TLP:RED" in shown[1] and "Middle workshop" in shown[1] and "Speaker" in shown[1]
        # The most restrictive marking among those briefings is on screen too.
        assert "TLP:RED" in text_of(screen.query_one("#entity-marking", Static))

        await pilot.press("enter")  # from the filter to the index
        assert app.focused is screen.query_one(EntityList)
        await pilot.press("enter")  # to where the entry appears
        assert app.focused is mentions
        await pilot.press("down", "enter")
        await settle(pilot)

        assert not isinstance(app.screen, EntitiesScreen)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Middle workshop"
        assert app.main.view.active_pane is Pane.PARTICIPANTS
        table = app.query_one(PeopleTable)
        assert app.focused is table
        assert table.get_row_at(table.cursor_row)[0].plain == "Berg, Anna"
        assert app.main.library_list.selected_briefing is app.main.open_briefing


async def test_rows_are_highlighted_whatever_the_sort_order() -> None:
    people = tuple(Participant(f"Person {c}", "Delegate") for c in "DCBA")
    briefing = make_briefing("lib/p.yaml", "People", None, participants=people)
    app = app_with([briefing])
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press(*"person c", "enter", "enter", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, EntitiesScreen)
        table = app.query_one(PeopleTable)
        assert table.sorted_names()[0] == "Person A"  # sorted by name, so row 2 is C
        assert table.get_row_at(table.cursor_row)[0].plain == "Person C"
        assert screen is not app.screen


async def test_kinds_organisers_and_venues_open_the_overview() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("enter")  # to the index; ] then steps through the kinds
        await pilot.press("right_square_bracket")
        await settle(pilot)
        names = screen.shown_names()
        assert "Anna Berg" in names and "Eurojust" not in names
        await pilot.press("right_square_bracket")  # organisations
        await settle(pilot)
        assert "Eurojust" in screen.shown_names()
        await pilot.press("right_square_bracket")  # countries: codes and names unified
        await settle(pilot)
        countries = screen.shown_names()
        assert "Netherlands" in countries and "Sweden" in countries
        assert "NL" not in countries and "SE" not in countries
        netherlands = next(e for e in screen.query_one(EntityList).rows if e.name == "Netherlands")
        assert netherlands.briefing_count == 2  # a participant in one, the venue of the other

        screen.query_one(EntityList).focus()
        await pilot.press("f", *"eurojust", "enter")
        await pilot.press("left_square_bracket")  # back to organisations
        await settle(pilot)
        assert screen.shown_names() == ["Eurojust"]
        shown = prompts(screen.query_one(MentionList))
        assert any("organiser" in line for line in shown)
        await pilot.press("enter")
        organiser = next(i for i, line in enumerate(shown) if "organiser" in line)
        for _ in range(organiser):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.open_briefing is not None
        assert app.main.view.active_pane is Pane.OVERVIEW


async def test_long_mention_lists_come_a_page_at_a_time() -> None:
    count = PAGE_SIZE * 5 + 50
    briefings = [
        make_briefing(
            f"lib/b{i:04d}.yaml",
            f"Meeting {i}",
            None,
            participants=(Participant("Anna Berg", "Delegate"),),
        )
        for i in range(count)
    ]
    app = app_with(briefings)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        mentions = screen.query_one(MentionList)
        assert len(mentions.rows) == PAGE_SIZE
        assert not mentions.exhausted
        mentions.focus()
        await pilot.press("end")
        await settle(pilot)
        # End shows more, but never makes every row at once.
        assert PAGE_SIZE < len(mentions.rows) < count
        for _ in range(5):
            await pilot.press("end")
        await settle(pilot)
        assert len(mentions.rows) == count
        assert mentions.exhausted
        assert mentions.highlighted == count - 1
        # Down from the last row of a page goes on to the next page, not back to the top.
        mentions.show(screen.index.iter_mentions(screen.entity), total=count)  # type: ignore[union-attr,arg-type]
        mentions.highlighted = PAGE_SIZE - 1
        await pilot.press("down")
        assert mentions.highlighted == PAGE_SIZE
        assert len(mentions.rows) > PAGE_SIZE


async def test_help_and_escape() -> None:
    app = app_with(across_library())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        screen.query_one(EntityList).focus()
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.key_lines()
        assert "f: Filter names" in lines
        assert "]: Next kind" in lines
        assert "esc: Close" in lines
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert not isinstance(app.screen, EntitiesScreen)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.title == "Rich briefing"  # nothing else was opened


async def test_hostile_text_stays_text_on_every_screen_across_the_library() -> None:
    quit_ = "[@click=app.quit]x[/]"
    close = "[/]"
    hostile = make_briefing(
        "lib/hostile.yaml",
        f"{quit_} {close}",
        None,
        marking=quit_,
        tags=(quit_, close),
        organisers=(quit_,),
        location=f"{quit_}, {close}",
        participants=(Participant(quit_, close, close, quit_),),
        outcomes=(Outcome(quit_, close, close, None, close),),
        glossary=((quit_, close),),
    )
    app = app_with([hostile])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        targets = (("i", "#mention-list"), ("o", "#outcome-rows"), ("t", "#timeline-list"))
        for key, target in targets:
            await pilot.press("l", key)
            await settle(pilot)
            screen = app.screen
            assert quit_ in "\n".join(prompts(screen.query_one(target, OptionList)))
            await pilot.click(target, offset=(4, 0))  # choosing a row opens its briefing
            await settle(pilot)
            assert app.is_running
            if app.screen is screen:
                await pilot.press("escape")
                await settle(pilot)
        assert app.main.open_briefing is hostile
        for key in ("g", "escape", "f", "escape", "b"):
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running
        assert app.return_code is None
