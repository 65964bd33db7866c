"""Very many topics or outcomes go to a line-drawn list: drawing, counts, detail and find."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.widgets import Static

from briefing_tui.model import Outcome, Topic
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.panes.outcomes import OutcomesPane
from briefing_tui.ui.widgets.virtual_list import BIG_LIST, VirtualList

from .helpers import SIZE, app_with, make_briefing, settle, text_of
from .search_helpers import loaded, until

COUNT = BIG_LIST + 500


def agenda() -> Any:
    briefing = make_briefing(
        "lib/agenda.md",
        "A long agenda",
        date(2024, 1, 1),
        topics=tuple(Topic(f"Topic {n:05d}", f"Summary of item {n}.") for n in range(COUNT)),
        outcomes=tuple(
            Outcome(f"Outcome {n:05d} text", kind="action", status="open") for n in range(COUNT)
        ),
    )
    return app_with([briefing])


async def opened(pilot: Any, key: str) -> VirtualList:
    app = pilot.app
    await loaded(pilot)
    assert app.main.open_path("lib/agenda.md")
    await pilot.press(key)
    await settle(pilot)
    big = next(w for w in app.query(VirtualList) if w.display)
    return big


async def test_many_topics_are_listed_and_the_highlighted_one_is_shown() -> None:
    app = agenda()
    async with app.run_test(size=SIZE) as pilot:
        big = await opened(pilot, "3")
        assert big.option_count == COUNT and big.id == "topic-list-big"
        assert f"{COUNT} topics" in text_of(app.query_one("#topics-count", Static))
        assert "Topic 00000" in text_of(app.query_one("#topic-title", Static))
        big.focus()
        await pilot.press("end")
        await settle(pilot)
        assert big.highlighted == COUNT - 1
        assert f"Topic {COUNT - 1:05d}" in text_of(app.query_one("#topic-title", Static))


async def test_only_entries_in_view_are_made(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    app = agenda()
    async with app.run_test(size=SIZE) as pilot:
        big = await opened(pilot, "4")
        assert big.id == "outcomes-list-big" and big.lines == 2
        prompt = big._prompt
        monkeypatch.setattr(big, "_prompt", lambda i: made.append(i) or prompt(i))
        pane = app.query_one(OutcomesPane)
        assert pane.select_outcome(COUNT - 100)
        await settle(pilot)
        assert big.highlighted == COUNT - 100
        assert made and min(made) > COUNT - 200, "only entries near the one in view"
        assert len(set(made)) <= SIZE[1], "no more than a screenful"


async def test_find_highlights_a_topic_far_down_the_list() -> None:
    app = agenda()
    async with app.run_test(size=SIZE) as pilot:
        big = await opened(pilot, "3")
        await pilot.press("ctrl+f", *"Topic 02222")
        await until(pilot, lambda: app.received(FindBar.Moved), "the match")
        await settle(pilot)
        assert big.highlighted == 2222
        row = 2222 - int(big.scroll_y)
        assert 0 <= row < big.size.height, "in view"
        marked = [s.text for s in big.render_line(row) if s.style and s.style.underline]
        assert marked == ["Topic 02222"]
