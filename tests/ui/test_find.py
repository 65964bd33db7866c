"""Find in the open briefing (ctrl+f): every match in four panes, "k/N", n and N across panes."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.content import Content
from textual.widgets import Static

from briefing_tui.model import Briefing, Pane, Participant
from briefing_tui.search import FindMatch, find_in_briefing
from briefing_tui.ui.locate.highlights import CURRENT_STYLE, MATCH_STYLE, marks_for
from briefing_tui.ui.widgets.find_bar import FindBar, FindInput
from briefing_tui.ui.widgets.panes.participants import GroupsTable, PeopleTable
from briefing_tui.ui.widgets.panes.topics import TopicList

from .helpers import SIZE, app_with, make_briefing, settle
from .search_helpers import SEED_PATH, loaded, sample_app, until

QUERY = "council of europe"


async def open_seed(pilot: Any) -> None:
    app = pilot.app
    await loaded(pilot)
    assert app.main.open_path(SEED_PATH)
    await until(
        pilot,
        lambda: app.main.open_briefing is not None and app.main.open_briefing.path == SEED_PATH,
    )
    await settle(pilot)


def bar_of(app: Any) -> FindBar:
    bar = FindBar.of(app.main.view)
    assert bar is not None
    return bar


async def find(pilot: Any, text: str) -> FindBar:
    """ctrl+f, type `text`, and wait until the first match is in view."""
    app = pilot.app
    await pilot.press("ctrl+f")
    await until(pilot, lambda: FindBar.of(app.main.view) is not None and bar_of(app).display)
    bar = bar_of(app)
    before = len(app.received(FindBar.Moved))
    await pilot.press(*text)
    await until(pilot, lambda: len(app.received(FindBar.Moved)) > before, "the first match")
    await settle(pilot)
    return bar


def seed_of(app: Any) -> Briefing:
    briefing = app.main.open_briefing
    assert briefing is not None
    return briefing  # type: ignore[no-any-return]


async def step(pilot: Any, key: str) -> FindMatch:
    app = pilot.app
    before = len(app.received(FindBar.Moved))
    await pilot.press(key)
    await until(pilot, lambda: len(app.received(FindBar.Moved)) > before, f"{key} to move")
    await settle(pilot)
    moved: FindBar.Moved = app.received(FindBar.Moved)[-1]
    assert moved.match is not None
    return moved.match


def count_line(bar: FindBar) -> str:
    content = bar.query_one("#find-count", Static).content
    assert isinstance(content, Content)
    return content.plain


def style_spans(widget: Static, style: str) -> list[str]:
    content = widget.content
    assert isinstance(content, Content)
    return [content.plain[s.start : s.end] for s in content.spans if str(s.style) == style]


async def test_ctrl_f_finds_in_all_four_panes_and_counts() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        bar = await find(pilot, QUERY)
        assert isinstance(app.focused, FindInput)
        expected = find_in_briefing(seed_of(app), QUERY)
        assert len(bar.matches) == len(expected) == 11
        assert bar.counter == "1/11"
        line = count_line(bar)
        assert line.startswith("1/11  · Overview")
        assert "Overview 7 · Participants 2 · Topics 2" in line
        moved = app.received(FindBar.Moved)[-1]
        assert moved.match is not None
        assert (moved.index, moved.total, moved.match.pane) == (0, 11, Pane.OVERVIEW)
        assert app.main.view.active_pane is Pane.OVERVIEW


async def test_enter_and_n_follow_the_matches_across_panes() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        bar = await find(pilot, QUERY)
        for _ in range(6):  # enter in the box: the rest of Overview's seven
            moved = await step(pilot, "enter")
            assert moved.pane is Pane.OVERVIEW
        assert bar.counter == "7/11"
        assert isinstance(app.focused, FindInput)
        await pilot.press("ctrl+f")  # from the box to the text, where n and N step
        await settle(pilot)
        assert not isinstance(app.focused, FindInput)

        moved = await step(pilot, "n")
        assert bar.counter == "8/11" and moved.pane is Pane.PARTICIPANTS
        assert app.main.view.active_pane is Pane.PARTICIPANTS
        groups = app.main.view.pane_widget(Pane.PARTICIPANTS).query_one(GroupsTable)
        assert groups.get_row_at(groups.cursor_row)[0].plain == "Council of Europe officials"
        assert app.focused is groups

        await step(pilot, "n")
        assert bar.counter == "9/11"
        people = app.main.view.pane_widget(Pane.PARTICIPANTS).query_one(PeopleTable)
        assert people.get_row_at(people.cursor_row)[0].plain == "Alexander Seger"
        assert app.focused is people
        assert "Participants" in count_line(bar)

        moved = await step(pilot, "n")
        assert bar.counter == "10/11" and moved.pane is Pane.TOPICS
        assert app.main.view.active_pane is Pane.TOPICS
        topics = app.main.view.pane_widget(Pane.TOPICS).query_one(TopicList)
        assert topics.highlighted == 2  # "Capacity-building projects of the Council of Europe"

        await step(pilot, "N")
        assert bar.counter == "9/11"
        assert app.main.view.active_pane is Pane.PARTICIPANTS


async def test_previous_from_the_first_match_wraps_to_the_last() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        bar = await find(pilot, QUERY)
        moved = await step(pilot, "up")  # previous, from the box (as shift+enter)
        assert bar.counter == "11/11"
        assert moved.pane is Pane.TOPICS and moved.field == "summary"
        assert app.main.view.pane_widget(Pane.TOPICS).query_one(TopicList).highlighted == 2


async def test_every_match_is_highlighted_and_the_current_one_stands_out() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        bar = await find(pilot, QUERY)
        overview = app.main.view.pane_widget(Pane.OVERVIEW)
        summary = overview.query_one(".summary", Static)
        original = seed_of(app).summary
        assert style_spans(summary, MATCH_STYLE) == ["Council of Europe"]
        assert marks_for(app.main.view).count >= 4
        await step(pilot, "enter")  # 2/11: the tag
        moved = await step(pilot, "enter")  # 3/11: the summary
        assert moved.field == "summary"
        assert style_spans(summary, CURRENT_STYLE) == ["Council of Europe"]
        await pilot.press("escape")
        await settle(pilot)
        assert not bar.display
        assert marks_for(app.main.view).count == 0
        assert summary.content.plain == original  # type: ignore[union-attr]
        assert style_spans(summary, MATCH_STYLE) == []
        assert not isinstance(app.focused, FindInput)


async def test_a_match_in_prose_is_scrolled_into_view() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        scroll = app.main.view.pane_widget(Pane.OVERVIEW).focus_target()
        assert scroll.scroll_y == 0
        await find(pilot, "capacity-building programmes of the Council")
        moved = app.received(FindBar.Moved)[-1]
        assert moved.match is not None and moved.match.field == "overview"
        assert scroll.scroll_y > 0


async def test_no_matches_says_so() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        bar = await find(pilot, "zzyzx")
        assert bar.matches == [] and bar.counter == ""
        assert count_line(bar) == "No matches"
        assert app.received(FindBar.Moved)[-1].index == -1


async def test_hostile_find_text_and_documents_stay_plain() -> None:
    evil = make_briefing(
        "lib/evil.yaml",
        "[@click=app.quit]evil[/]",
        date(2024, 1, 1),
        summary="[b]evil[/b] summary [/]",
        participants=(Participant("[@click=app.quit] Evil Person", "[/]"),),
    )
    app = app_with([evil])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await settle(pilot)
        bar = await find(pilot, "evil")
        assert len(bar.matches) == 3
        title = app.main.view.query_one("#header-title", Static)
        assert title.content.plain == "[@click=app.quit]evil[/]"  # type: ignore[union-attr]
        assert style_spans(title, MATCH_STYLE) == ["evil"]
        for _ in range(3):
            await step(pilot, "enter")
        await pilot.press("ctrl+a", "ctrl+k", *"[@click=app.quit]", "enter")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"[/]")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert bar.query_one(FindInput).value == "[/]"


async def test_n_without_find_does_nothing() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("2")
        await settle(pilot)
        people = app.main.view.pane_widget(Pane.PARTICIPANTS).query_one(PeopleTable)
        row = people.cursor_row
        await pilot.press("n", "N")
        await settle(pilot)
        assert FindBar.of(app.main.view) is None
        assert app.main.view.active_pane is Pane.PARTICIPANTS and people.cursor_row == row


async def test_find_follows_the_reader_to_another_briefing() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        bar = await find(pilot, "eurojust")
        seed = app.main.open_briefing
        assert bar.briefing is seed
        await pilot.press("ctrl+f")  # to the text
        await pilot.press("l", "left_square_bracket")  # the library list, one briefing up
        await until(pilot, lambda: app.main.open_briefing is not seed, "another briefing")
        # The bar notices (or n would): it now counts the matches of the open briefing.
        await until(pilot, lambda: bar.briefing is app.main.open_briefing, "find to follow")
        await settle(pilot)
        expected = find_in_briefing(seed_of(app), "eurojust")
        assert len(bar.matches) == len(expected) > 1
        assert bar.counter.endswith(f"/{len(expected)}")
        first = bar.index
        await step(pilot, "n")
        assert bar.index == (first + 1) % len(expected)


async def test_reopening_find_lights_the_matches_up_again() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        bar = await find(pilot, QUERY)
        await step(pilot, "enter")
        assert bar.counter == "2/11" and marks_for(app.main.view).count > 0
        await pilot.press("escape")
        await settle(pilot)
        assert marks_for(app.main.view).count == 0
        moved = len(app.received(FindBar.Moved))
        await pilot.press("ctrl+f")
        await until(pilot, lambda: len(app.received(FindBar.Moved)) > moved, "the matches again")
        await settle(pilot)
        assert bar.display and bar.counter == "2/11"
        assert bar.query_one(FindInput).value == QUERY
        assert marks_for(app.main.view).count > 0
