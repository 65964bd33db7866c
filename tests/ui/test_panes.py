"""Switching panes with 1-4 and tab/shift+tab, and lazy building of pane content."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, OptionList, Static, Tab, TabbedContent
from textual.widgets._tabs import Underline

from briefing_tui.model import Pane
from briefing_tui.ui.widgets.panes.overview import OverviewPane
from briefing_tui.ui.widgets.panes.participants import ParticipantsPane, PeopleTable
from briefing_tui.ui.widgets.reading_view import ReadingText
from waiting import wait_until

from .helpers import SIZE, app_with, make_briefing, rich_briefing, settle, text_of, texts


async def test_number_keys_switch_panes_and_focus_follows() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tabs = app.query_one(TabbedContent)
        assert tabs.active == "overview"
        for key, pane in [
            ("2", "participants"),
            ("3", "topics"),
            ("4", "outcomes"),
            ("1", "overview"),
        ]:
            await pilot.press(key)
            await settle(pilot)
            assert tabs.active == pane
            assert app.main.view.active_pane is Pane(pane)
            focused = app.focused
            assert focused is not None
            assert app.main.view.pane_widget(Pane(pane)) in focused.ancestors_with_self


async def test_tab_and_shift_tab_cycle_panes() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tabs = app.query_one(TabbedContent)
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            await settle(pilot)
            seen.append(tabs.active)
        assert seen == ["participants", "topics", "outcomes", "overview"]
        await pilot.press("shift+tab")
        await settle(pilot)
        assert tabs.active == "outcomes"
        assert app.main.view.active_pane is Pane.OUTCOMES


async def test_panes_are_built_only_when_first_shown() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        participants = app.query_one(ParticipantsPane)
        assert app.query_one(OverviewPane).built_for == rich_briefing()
        assert participants.built_for is None
        assert app.query_one(PeopleTable).row_count == 0
        await pilot.press("2")
        await settle(pilot)
        assert participants.built_for is not None
        assert app.query_one(PeopleTable).row_count == 3


async def test_every_pane_shows_its_content() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(OverviewPane)
        overview_text = texts([*pane.query(Static), *pane.query(ReadingText)])
        for expected in (
            "A summary.",
            "The Hague",
            "Eurojust",
            "Mutual legal assistance",
            "Press release — https://example.org/press",
            "Background",
            "Other details",
            "budget",
            "amount: 10",
            "b: yes",
            "Some bold prose",
            "a link (https://example.org/prose)",
        ):
            assert expected in overview_text, expected

        await pilot.press("2")
        await settle(pilot)
        counts = app.query_one("#participants-count", Static)
        assert "3 named participants, 1 group" in text_of(counts)
        groups = app.query_one("#groups", DataTable)
        assert [c.plain for c in groups.get_row_at(0)] == ["National Members", "27", "All of them"]

        await pilot.press("3")
        await settle(pilot)
        topics = app.query_one("#topic-list", OptionList)
        assert topics.option_count == 2
        assert "First topic" in text_of(app.query_one("#topic-title", Static))
        assert "Anna Berg" in text_of(app.query_one("#topic-speakers", Static))
        await pilot.press("j")
        await settle(pilot)
        assert "Second topic" in text_of(app.query_one("#topic-title", Static))

        await pilot.press("4")
        await settle(pilot)
        counts = text_of(app.query_one("#outcomes-count", Static))
        assert counts == "2 outcomes · 1 open · 1 overdue"


async def test_tab_does_not_switch_panes_behind_a_dialog() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "tab")
        await settle(pilot)
        assert app.main.view.active_pane is Pane.OVERVIEW
        await pilot.press("escape", "ctrl+p", "tab")
        await settle(pilot)
        assert app.main.view.active_pane is Pane.OVERVIEW
        await pilot.press("escape", "tab")
        await settle(pilot)
        assert app.main.view.active_pane is Pane.PARTICIPANTS


async def test_the_overview_says_when_it_is_built_and_shows_that_briefing() -> None:
    """`OverviewPane.Built` is posted once the new content is mounted (bench_open.py times by
    it), one per briefing opened, naming the briefing it now shows."""
    older = make_briefing("lib/2020-older.yaml", "Older briefing", date(2020, 1, 1), summary="Old.")
    app = app_with([rich_briefing(), older])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.query_one(OverviewPane)
        built = [message.briefing for message in app.received(OverviewPane.Built)]
        assert built == [rich_briefing()]
        assert "A summary." in texts(pane.query(Static))
        await pilot.press("down")
        await wait_until(pilot, lambda: len(app.received(OverviewPane.Built)) == 2, "Built")
        assert app.received(OverviewPane.Built)[-1].briefing == older
        shown = texts(pane.query(Static))
        assert "Old." in shown and "A summary." not in shown


async def test_the_tab_underline_jumps_to_the_new_pane_without_sliding() -> None:
    """The slide was twenty repaints per switch (about 120 ms of the screen's CPU)."""
    app = app_with([rich_briefing()])
    app.animation_level = "full"  # as the installed reader runs (the test app turns it off)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        underline = app.query_one(Underline)
        starts: list[int] = []

        def seen(value: int) -> None:
            starts.append(value)

        underline.watch(underline, "highlight_start", seen, init=False)
        for key, pane in [("4", "outcomes"), ("1", "overview"), ("3", "topics")]:
            await pilot.press(key)
            tab = app.query_one(f"Tabs #--content-tab-{pane}", Tab)
            start, end = tab.virtual_region.shrink(tab.styles.gutter).column_span

            def under_tab(start: int = start, end: int = end) -> bool:
                return (underline.highlight_start, underline.highlight_end) == (start, end)

            await wait_until(pilot, under_tab, f"the underline under {pane}")
            assert not app.animator.is_being_animated(underline, "highlight_start")
            # Straight there: no position on the way was drawn.
            assert starts == [start], starts
            starts.clear()
