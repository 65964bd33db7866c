"""Everything the mouse can do, the keyboard can: links, every part of a pane, reverse sort."""

from __future__ import annotations

import dataclasses
import webbrowser
from typing import Any

import pytest

from briefing_tui.model import Link
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.panes.overview import LinkList, OverviewPane
from briefing_tui.ui.widgets.panes.participants import GroupsTable, PeopleTable

from .helpers import SIZE, app_with, make_briefing, rich_briefing, settle

LINKS = (
    Link("Press release", "https://example.org/press"),
    Link("[@click=app.quit]Agenda[/]", "https://example.org/agenda"),
    Link("", "https://example.org/bare"),
)


@pytest.fixture(autouse=True)
def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> bool:
        raise AssertionError("the reader must never open a browser")

    for name in ("open", "open_new", "open_new_tab"):
        monkeypatch.setattr(webbrowser, name, refuse)


async def test_links_are_reached_and_shown_from_the_keyboard() -> None:
    app = app_with([dataclasses.replace(rich_briefing(), links=LINKS)])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert app.focused is app.query_one("#overview-scroll")
        await pilot.press("p")
        links = app.query_one(LinkList)
        assert app.focused is links
        await pilot.press("down", "enter", "j", "enter", "down", "k", "enter")
        await settle(pilot)
        shown = [m.link.url for m in app.received(LinkList.LinkActivated)]
        assert shown == [
            "https://example.org/agenda",
            "https://example.org/bare",
            "https://example.org/agenda",
        ]
        assert [n.message for n in app.notifications()] == shown
        assert app.is_running
        await pilot.press("p")
        assert app.focused is app.query_one("#overview-scroll")


async def test_the_focused_link_is_marked_and_only_while_focused() -> None:
    app = app_with([dataclasses.replace(rich_briefing(), links=LINKS)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "p", "down")
        await settle(pilot)
        links = app.query_one(LinkList)
        styled = [span for span in links.visual.spans if "block-cursor" in str(span.style)]
        assert len(styled) == 1
        line = str(links.visual)[styled[0].start : styled[0].end]
        assert "Agenda" in line
        await pilot.press("p")
        await settle(pilot)
        assert not [span for span in links.visual.spans if "block-cursor" in str(span.style)]


async def test_p_visits_every_part_of_participants() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        seen = [app.focused]
        for _ in range(3):
            await pilot.press("p")
            seen.append(app.focused)
        assert seen == [
            app.query_one(PeopleTable),
            app.query_one(GroupsTable),
            app.query_one("#participants-prose-scroll"),
            app.query_one(PeopleTable),
        ]


async def test_enter_on_a_topic_moves_to_its_text_and_p_back() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert app.focused is app.query_one("#topic-list")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.focused is app.query_one("#topic-detail")
        await pilot.press("p")
        assert app.focused is app.query_one("#topic-list")


async def test_p_is_offered_only_when_a_pane_has_more_than_one_part() -> None:
    plain = make_briefing("lib/plain.yaml", "Plain", None, overview="Just text.")
    app = app_with([plain])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        overview = app.query_one(OverviewPane)
        assert overview.check_action("next_part", ()) is False
        await pilot.press("1", "p")
        assert app.focused is app.query_one("#overview-scroll")


async def test_shift_s_reverses_the_sort() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.query_one(PeopleTable)
        await pilot.press("S")
        await settle(pilot)
        assert table.sort_reverse
        assert table.sorted_names() == ["Zoe Adams", "Marc Dupont", "Anna Berg"]
        await pilot.press("S")
        await settle(pilot)
        assert not table.sort_reverse
        assert table.sorted_names() == ["Anna Berg", "Marc Dupont", "Zoe Adams"]


async def test_help_lists_the_keys_of_the_focused_part() -> None:
    app = app_with([dataclasses.replace(rich_briefing(), links=LINKS)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "p", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.key_lines()
        assert "⏎: Show address" in lines
        assert "p: Next part" in lines
        assert "S: Reverse sort" in lines  # keys of other panes are listed too
        local = [row for row in app.screen.rows if row.where != "Everywhere"]
        assert local[0].where == "Links"


async def test_every_pane_can_take_focus_from_the_keyboard() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await settle(pilot)
            pane = app.main.view.active_pane_widget()
            assert isinstance(pane, LazyPane)
            assert app.focused is not None
            assert pane in app.focused.ancestors


async def test_the_footer_offers_p_for_the_briefing_now_open_in_a_focused_overview() -> None:
    # The footer is refreshed only when `p` changes while the Overview has focus (it
    # rebuilt all its keys at every open); it must still follow the open briefing.
    from datetime import date

    from textual.widgets import Footer

    linked = dataclasses.replace(
        make_briefing("lib/a.yaml", "With links", date(2021, 1, 1)),
        links=(Link("Press release", "https://example.org/press"),),
    )
    plain = make_briefing("lib/b.yaml", "Plain", date(2020, 1, 1), overview="Just text.")
    app = app_with([linked, plain])

    def offers_p() -> bool:
        # Each key the footer shows renders as " p Next part ": read what it shows.
        shown = [str(key.render()).split() for key in app.screen.query_one(Footer).children]
        return any(words[:1] == ["p"] for words in shown)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")  # into the Overview of the newest: it has links
        await settle(pilot)
        assert app.main.open_briefing is not None and app.main.open_briefing.title == "With links"
        assert offers_p()
        await pilot.press("right_square_bracket")  # the next briefing, focus stays
        await settle(pilot)
        assert app.main.open_briefing.title == "Plain"
        assert app.focused is not None and app.query_one(OverviewPane).has_focus_within
        assert not offers_p()
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.main.open_briefing.title == "With links"
        assert offers_p()
