"""Library search (`/`): results as you type, Enter opens the hit where it is, Escape goes back."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.content import Content
from textual.notifications import Notify
from textual.widgets import OptionList, Static

from briefing_tui.model import Briefing, Pane, Participant, Topic
from briefing_tui.search import FALLBACK_NOTICE, Hit, ScanIndex
from briefing_tui.ui.locate.highlights import marks_for
from briefing_tui.ui.locate.spot import OpenBriefing
from briefing_tui.ui.screens.search import FIRST_PAGE, LIMIT, ResultList, SearchScreen
from briefing_tui.ui.services.search_index import LibraryIndex
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.panes.participants import GroupsTable, PeopleTable
from briefing_tui.ui.widgets.panes.topics import TopicList
from briefing_tui.ui.widgets.reading_view import ReadingText

from .helpers import SIZE, GatedLoader, RecordingApp, app_with, make_briefing, results, settle
from .search_helpers import SEED_PATH, SEED_TITLE, loaded, sample_app, search_for, until


def _status(screen: SearchScreen) -> str:
    content = screen.query_one("#search-status", Static).content
    assert isinstance(content, Content)
    return content.plain


def _prompts(screen: SearchScreen) -> list[Content]:
    results = screen.query_one(ResultList)
    prompts = [results.get_option_at_index(i).prompt for i in range(results.option_count)]
    assert all(isinstance(p, Content) for p in prompts)  # document text never as markup
    return prompts  # type: ignore[return-value]


async def test_results_update_as_you_type() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "seg")
        assert SEED_TITLE in screen.result_titles()  # a word being typed matches as a prefix
        await pilot.press("e", "r")
        await until(pilot, lambda: screen.shown_query == "seger")
        assert screen.result_titles() == [SEED_TITLE]
        hit = screen.hits[0]
        assert hit.pane is Pane.PARTICIPANTS
        assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Seger"]
        assert screen.shown_query == "seger"
        prompt = _prompts(screen)[0].plain
        assert SEED_TITLE in prompt and "Participants" in prompt and "Alexander Seger" in prompt
        assert _status(screen).startswith("1 briefing")


async def test_enter_opens_the_hit_on_participants_with_the_row_highlighted() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await search_for(pilot, "seger")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        chosen = [m for m in app.received(OpenBriefing) if m.highlight is not None]
        assert len(chosen) == 1
        assert chosen[0].path == SEED_PATH and chosen[0].spot.pane is Pane.PARTICIPANTS
        assert app.main.open_briefing is not None and app.main.open_briefing.path == SEED_PATH
        assert app.main.view.active_pane is Pane.PARTICIPANTS
        table = app.main.view.pane_widget(Pane.PARTICIPANTS).query_one(PeopleTable)
        row = table.get_row_at(table.cursor_row)
        assert row[0].plain == "Alexander Seger"
        assert app.focused is table
        name = row[0]
        assert isinstance(name, Text)
        assert [name.plain[s.start : s.end] for s in name.spans] == ["Seger"]


async def test_enter_typed_before_the_results_arrive_opens_the_best_hit() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"seger", "enter")
        await settle(pilot)
        await until(
            pilot, lambda: [m for m in app.received(OpenBriefing) if m.highlight], "the hit to open"
        )
        await settle(pilot)
        assert app.main.open_briefing is not None and app.main.open_briefing.path == SEED_PATH
        assert app.main.view.active_pane is Pane.PARTICIPANTS


async def test_a_quoted_phrase_is_found_and_highlighted_as_a_phrase() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, '"budapest convention"')
        assert SEED_TITLE in screen.result_titles()
        for hit in screen.hits:
            assert [hit.snippet[s:e].lower() for s, e in hit.highlights] == ["budapest convention"]
        index = screen.result_titles().index(SEED_TITLE)
        screen.action_move(index)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.open_briefing is not None and app.main.open_briefing.path == SEED_PATH
        assert app.main.view.active_pane is Pane.OVERVIEW
        # The tag holding the phrase is highlighted where the Overview lists the tags.
        assert marks_for(app.main.view).count >= 1


async def test_escape_returns_to_where_the_reader_was() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = app.main.open_briefing
        await pilot.press("3")
        await settle(pilot)
        focused = app.focused
        screen = await search_for(pilot, "ransomware")
        assert screen.hits
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.open_briefing is before
        assert app.main.view.active_pane is Pane.TOPICS
        assert app.focused is focused
        assert [m for m in app.received(OpenBriefing) if m.highlight] == []
        # `/` again offers the last query, to refine it.
        screen = await search_for(pilot, "")
        assert screen.query_one("#search-input").value == "ransomware"  # type: ignore[attr-defined]


async def test_arrow_keys_move_through_results_and_enter_opens_that_one() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "europe")
        assert len(screen.hits) > 2
        await pilot.press("down", "down")
        expected = screen.hits[2]
        assert screen.current_hit is expected
        await pilot.press("up")
        await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.open_briefing is not None and app.main.open_briefing.path == expected.path
        assert app.main.view.active_pane is expected.pane


async def test_filters_narrow_the_results() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "participant:seger")
        assert screen.result_titles() == [SEED_TITLE]
        await pilot.press("escape")
        app.main.library_index.last_query = ""
        screen = await search_for(pilot, "date:2018")
        assert screen.result_titles() == [SEED_TITLE]
        await pilot.press("escape")
        app.main.library_index.last_query = ""
        screen = await search_for(pilot, "date:2021..2023")
        years = sorted(h.date.year for h in screen.hits if h.date is not None)
        assert years == [2021, 2023]
        await pilot.press("escape")
        app.main.library_index.last_query = ""
        screen = await search_for(pilot, "participant:nobodyknown")
        assert screen.hits == []
        assert _status(screen) == "No briefing matches."


HOSTILE_QUERIES = [
    "[@click=app.quit]",
    "[/]",
    "[b]bold[/b] [link=https://example.org]x[/link]",
    '"abc',
    "NEAR(a b",
    "-",
    "title:",
    "date:1800-13-45",
    "*** OR AND NOT",
    "\\[escaped]",
]


async def test_hostile_queries_are_shown_as_typed_and_never_parsed() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for query in HOSTILE_QUERIES:
            app.main.library_index.last_query = ""
            screen = await search_for(pilot, query)
            assert screen.query_one("#search-input").value == query  # type: ignore[attr-defined]
            _prompts(screen)
            status = _status(screen)
            assert "[/" not in status or "[/]" in query  # shown literally, if at all
            await pilot.press("escape")
            await settle(pilot)
            assert app.is_running and app.return_code is None
        # A query made only of markup is "ignored" and the status line says so, verbatim.
        app.main.library_index.last_query = ""
        screen = await search_for(pilot, "[/]")
        assert "ignored: [/]" in _status(screen)


async def test_hostile_titles_and_snippets_stay_plain_text() -> None:
    evil = make_briefing(
        "lib/evil.yaml",
        "[@click=app.quit]evil title[/]",
        date(2024, 1, 1),
        participants=(Participant("[b]Mallory[/b] [@click=app.quit]", "Role [/]"),),
    )
    app = app_with([evil])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "mallory")
        assert len(screen.hits) == 1
        prompt = _prompts(screen)[0].plain
        assert "[@click=app.quit]evil title[/]" in prompt
        assert "[b]Mallory[/b]" in prompt
        for y in range(3, 12):
            await pilot.click(offset=(20, y))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.main.open_briefing is evil
        assert app.main.view.active_pane is Pane.PARTICIPANTS


async def test_search_works_while_the_library_is_still_loading() -> None:
    first = [
        make_briefing(f"lib/{n}.yaml", f"Early meeting {n}", date(2020, 1, n + 1)) for n in range(3)
    ]
    later = [
        make_briefing(
            "lib/late.yaml",
            "Late meeting",
            date(2021, 1, 1),
            topics=(Topic("Zanzibar cooperation"),),
        )
    ]
    gated = GatedLoader(results(first + later), first=3)
    app = RecordingApp([Path("lib")], loader=gated, counter=lambda paths: 4)
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot, lambda: app.main.library_index.progress().indexed == 3, "the first batch"
        )
        screen = await search_for(pilot, "early")
        assert len(screen.hits) == 3
        assert "indexing… 3 of 4" in _status(screen)
        await pilot.press(*" OR zanzibar")
        await until(pilot, lambda: screen.shown_query == "early OR zanzibar")
        assert len(screen.hits) == 3
        gated.release.set()
        # The screen notices the index grew and asks again: the late briefing appears.
        await until(pilot, lambda: "Late meeting" in screen.result_titles(), "the late hit")
        await until(pilot, lambda: "indexing" not in _status(screen), "indexing to finish")
        assert _status(screen).startswith("4 briefings")


async def test_without_fts5_the_scan_is_used_and_said_once() -> None:
    app = sample_app()
    scan = ScanIndex()
    scan.notice = FALLBACK_NOTICE  # what SearchIndex sets when SQLite has no FTS5
    app.main.library_index = LibraryIndex(app.main, lambda: app.main.library_loading, index=scan)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "seger")
        assert screen.result_titles() == [SEED_TITLE]
        await pilot.press("escape")
        await search_for(pilot, "")
        notes = [m.notification for m in app.received(Notify)]
        fallback = [n for n in notes if n.message == FALLBACK_NOTICE]
        assert len(fallback) == 1
        assert fallback[0].markup is False


async def test_results_are_capped() -> None:
    many = [
        Briefing(
            path=f"lib/{n:04}.yaml", title=f"Common meeting {n}", date=date(2000 + n % 20, 1, 1)
        )
        for n in range(LIMIT + 30)
    ]
    app = app_with(many)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "common")
        # The first page comes at once; the rest when the reader moves down to it.
        assert len(screen.hits) == FIRST_PAGE and screen.more
        assert _status(screen) == f"The best {FIRST_PAGE} briefings · more below"
        first = list(screen.hits)
        for _ in range(LIMIT // 10):
            await pilot.press("pagedown")
        await until(pilot, lambda: len(screen.hits) == LIMIT, "the rest of the results")
        assert screen.hits[:FIRST_PAGE] == first
        assert screen.query_one(ResultList).option_count == LIMIT
        assert screen.more
        assert _status(screen).startswith(f"The best {LIMIT} briefings (the most listed")
        assert screen.current_hit is screen.hits[-1]  # twenty pages down: the last one


async def test_slash_over_the_search_screen_and_other_dialogs_does_not_stack_screens() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "")
        await pilot.press("slash")  # typed into the box: `/` is just a character there
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_text == "/"
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        help_screen = app.screen
        await pilot.press("slash")
        await settle(pilot)
        assert app.screen is help_screen


async def _open_first_hit(pilot: Any, query: str) -> Hit:
    app = pilot.app
    app.main.library_index.last_query = ""
    screen = await search_for(pilot, query)
    hit = screen.hits[0]
    assert hit.path == SEED_PATH
    await pilot.press("enter")

    def arrived() -> bool:
        shown = app.main.open_briefing
        return (
            shown is not None and shown.path == SEED_PATH and app.main.view.active_pane is hit.pane
        )

    await until(pilot, arrived, "the hit's briefing on its pane")
    await settle(pilot)
    return hit


async def test_hits_open_on_the_topic_outcome_group_or_paragraph_that_holds_them() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.main.view

        await _open_first_hit(pilot, '"way forward"')
        topics = view.pane_widget(Pane.TOPICS).query_one(TopicList)
        await until(pilot, lambda: topics.highlighted == 6 and app.focused is topics, "the topic")
        prompt = topics.get_option_at_index(6).prompt
        assert isinstance(prompt, Content)
        assert [
            prompt.plain[s.start : s.end] for s in prompt.spans if "underline" in str(s.style)
        ] == ["way forward"]

        await _open_first_hit(pilot, '"better understanding"')
        outcomes = view.pane_widget(Pane.OUTCOMES).query_one(OptionList)
        await until(
            pilot, lambda: outcomes.highlighted == 0 and app.focused is outcomes, "the outcome"
        )

        await _open_first_hit(pilot, '"Eurojust National Members"')
        groups = view.pane_widget(Pane.PARTICIPANTS).query_one(GroupsTable)
        await until(
            pilot,
            lambda: groups.get_row_at(groups.cursor_row)[0].plain == "Eurojust National Members",
            "the group's row",
        )

        await _open_first_hit(pilot, '"hardly any"')  # overview prose: scrolled to it
        scroll = view.pane_widget(Pane.OVERVIEW).focus_target()
        await until(pilot, lambda: scroll.scroll_y > 0, "the paragraph to come into view")
        reading = view.pane_widget(Pane.OVERVIEW).query_one(ReadingText)

        def in_view() -> bool:
            top = reading.virtual_region.y
            rows = [i for i, text in enumerate(reading.text_lines()) if "hardly" in text]
            return (
                bool(rows)
                and scroll.scroll_y <= top + rows[0] < scroll.scroll_y + scroll.size.height
            )

        await until(pilot, in_view, "the paragraph in view")


async def test_opening_a_hit_closes_find_in_the_briefing_left() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+f", *"example")

        def found() -> bool:
            bar = FindBar.of(app.main.view)
            return bar is not None and bool(bar.matches)

        await until(pilot, found, "find to find")
        bar = FindBar.of(app.main.view)
        assert bar is not None and bar.display
        await pilot.press("ctrl+f")  # to the text: `/` typed in the find box would be text
        await settle(pilot)
        await search_for(pilot, "seger")
        await pilot.press("enter")
        await settle(pilot)
        assert not bar.display
        assert app.main.view.active_pane is Pane.PARTICIPANTS
