"""The prose of the Topics, Participants and Outcomes panes on the virtual reading view.

A 12,000-line topics text or a 700,000-word topic summary was rendered whole by Rich (in
the UI thread for find and search, and in one call that could not be stopped).  Where a
test needs the layout to be still running, the worker is held back (`held`) and released
by the test, so nothing here depends on how fast the thread is.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from textual.app import App, ComposeResult

from briefing_tui.model import Outcome, Participant, Topic
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.prose_text import ProseText
from briefing_tui.ui.widgets.reading_layout import Block
from briefing_tui.ui.widgets.reading_view import ReadingText

from .helpers import SIZE, app_with, make_briefing, settle
from .layout_hold import START, Held, find_while_held, in_view, release, row_of
from .search_helpers import loaded, search_for, until

PARAGRAPH = "A sentence of prose about mutual legal assistance that goes on. " * 12
LONG = "\n\n".join(f"Paragraph {n}. {PARAGRAPH}" for n in range(80)) + (
    "\n\nThe last words: zanzibar quokka.\n"
)
MANY = "\n\n".join(f"Note {n} of many." for n in range(3_000))


def revealed(held: Held, prose: ReadingText, word: str) -> bool:
    """Release the held layouts (a pane settling to its width lays out again) until `word`
    is laid out and in view."""
    release(held)
    return word in "\n".join(prose.text_lines()) and in_view(prose, row_of(prose, word))


def prose_app(**fields: Any) -> Any:
    briefing = make_briefing("lib/long.md", "Long prose", date(2024, 1, 1), **fields)
    other = make_briefing("lib/other.md", "Other", date(2020, 1, 1), overview="Short.")
    return app_with([briefing, other])


async def open_pane(pilot: Any, key: str, selector: str) -> ProseText:
    """Open the long briefing, turn to pane `key`, and return its ProseText `selector`."""
    app = pilot.app
    await loaded(pilot)
    assert app.main.open_path("lib/long.md")
    await settle(pilot)
    await pilot.press(key)
    prose = app.query_one(selector, ProseText)
    await until(pilot, lambda: prose.size.height > 0, f"{selector} on screen")
    return prose


def layout_worker(app: App[Any], prose: ReadingText) -> Any:
    found = [w for w in app.workers if w.node is prose and w.name == "reading-layout"]
    assert len(found) == 1, found
    return found[0]


# -- drawing only what is on screen ---------------------------------------------------------


async def test_a_long_topics_text_draws_only_the_lines_on_screen(
    held: Held, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[int] = []
    block_line = ReadingText._block_line

    def counting(self: ReadingText, block: Block, row: int, width: int) -> Any:
        drawn.append(row)
        return block_line(self, block, row, width)

    monkeypatch.setattr(ReadingText, "_block_line", counting)
    app = prose_app(topics_text=MANY)
    async with app.run_test(size=SIZE) as pilot:
        prose = await open_pane(pilot, "3", "#topics-text")
        # A screenful at once, the rest held back in the worker.
        assert any(w is prose for w, _, _ in held) and not prose.laid_out
        assert 0 < prose.size.height < 3_000
        release(held)
        await until(pilot, lambda: prose.laid_out, "the whole layout")
        await until(pilot, lambda: prose.size.height >= 5_000, "the height to grow")
        drawn.clear()
        scroll = app.query_one("#topic-detail", ReadingScroll)
        scroll.scroll_to(y=4_000, animate=False, immediate=True)
        await settle(pilot)
        assert 0 < len(drawn) <= 3 * SIZE[1], "only the lines in view (and few times each)"
        assert in_view(prose, row_of(prose, "Note 2000 of many"))


async def test_short_prose_is_laid_out_whole_in_the_first_frame(held: Held) -> None:
    app = prose_app(
        topics=(Topic("Budget", "About the **budget**."),), topics_text="Notes on them."
    )
    async with app.run_test(size=SIZE) as pilot:
        summary = await open_pane(pilot, "3", "#topic-summary")
        assert summary.laid_out and summary.text_lines()[0].startswith("About the budget")
        assert not any(w is summary for w, _, _ in held), "no worker for short text"


async def test_prose_text_is_never_markup() -> None:
    hostile = "[@click=app.quit]not markup[/] and [/]"
    app = prose_app(outcomes_text=hostile)
    async with app.run_test(size=SIZE) as pilot:
        prose = await open_pane(pilot, "4", "#outcomes-text")
        for x in (0, 3, 12):
            await pilot.click("#outcomes-text", offset=(x, 0))
        assert app.is_running
        assert hostile in "\n".join(prose.text_lines())


async def test_long_participants_prose_under_the_table_is_laid_out_to_the_end() -> None:
    # Regression: the prose's scroll view, of auto height under the table, measured it at
    # its whole width and laid it out two columns narrower, so the layout began again at
    # every pass and the text never got past its first screenful.
    people = (Participant("Anna Berg", "Chair", "Ministry C", "SE"),)
    app = prose_app(participants=people, participants_text=LONG)
    async with app.run_test(size=SIZE) as pilot:
        prose = await open_pane(pilot, "2", "#participants-prose")
        await until(pilot, lambda: prose.laid_out, "the whole layout")
        await until(pilot, lambda: prose.size.height == len(prose.text_lines()), "its height")
        assert "zanzibar quokka" in "\n".join(prose.text_lines())


# -- find and search reveal while the layout is still running -------------------------------


async def test_find_lands_on_a_topics_line_the_layout_has_not_reached(held: Held) -> None:
    app = prose_app(topics_text=LONG)
    async with app.run_test(size=SIZE) as pilot:
        prose = await open_pane(pilot, "3", "#topics-text")
        await find_while_held(pilot, prose, held, "quokka")


async def test_find_from_the_overview_turns_to_a_topics_text_never_shown() -> None:
    app = prose_app(topics_text=LONG)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.main.open_path("lib/long.md")
        await settle(pilot)
        prose = app.query_one("#topics-text", ProseText)
        assert prose.text == "" and prose.text_layout is None  # the pane is not built yet
        await pilot.press("ctrl+f", *"quokka")
        await until(pilot, lambda: app.received(FindBar.Moved), "the match to be shown")
        assert prose.text == LONG
        await until(pilot, lambda: revealed([], prose, "quokka"), "the match in view")


async def test_a_search_hit_in_outcomes_text_is_revealed_as_the_layout_arrives(
    held: Held,
) -> None:
    app = prose_app(outcomes=(Outcome("Adopted the plan", "decision"),), outcomes_text=LONG)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "quokka")
        assert screen.hits and screen.hits[0].path == "lib/long.md"
        await pilot.press("enter")
        await until(pilot, lambda: any(w.id == "outcomes-text" for w, _, _ in held), "held")
        prose = app.query_one("#outcomes-text", ProseText)
        assert not prose.laid_out
        await until(pilot, lambda: revealed(held, prose, "quokka"), "the hit in view")


async def test_a_topic_summary_hit_scrolls_to_its_line(held: Held) -> None:
    topics = (Topic("Short", "Nothing here."), Topic("Annex", LONG))
    app = prose_app(topics=topics)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await search_for(pilot, "quokka")
        await pilot.press("enter")
        await until(pilot, lambda: any(w.id == "topic-summary" for w, _, _ in held), "held")
        prose = app.query_one("#topic-summary", ProseText)
        assert prose.text == LONG
        await until(pilot, lambda: revealed(held, prose, "quokka"), "the hit in view")


# -- cancelled when not wanted any more -----------------------------------------------------

# Distinct paragraphs (Rich caches the wrapping of repeated ones): seconds of layout.
VARIED = "\n\n".join(
    " ".join([*PARAGRAPH.split()[n % 7 :], str(n), *PARAGRAPH.split()[: n % 7]])
    for n in range(4_000)
)


@pytest.mark.parametrize("pane", ["3", "1"])
async def test_opening_another_briefing_stops_the_topics_layout(held: Held, pane: str) -> None:
    # "1": the Topics pane is hidden when the other briefing opens, and is not rebuilt
    # until shown again; its layout must stop all the same.
    app = prose_app(topics_text=LONG)
    async with app.run_test(size=SIZE) as pilot:
        prose = await open_pane(pilot, "3", "#topics-text")
        await until(pilot, lambda: any(w is prose for w, _, _ in held), "the layout held")
        layout = prose.text_layout
        assert layout is not None and not layout.done
        await pilot.press(pane)
        await settle(pilot)
        assert app.main.open_path("lib/other.md")
        await until(pilot, lambda: layout.cancelled, "the layout to be stopped")
        assert not prose.display and prose.text == ""
        # The worker, were it running, stops at its next look (a piece of about 4 KB).
        release(held)
        await until(pilot, lambda: not prose.laying_out, "the worker to stop")
        assert not layout.done


def gated(layout: Any, rest: Any, go: threading.Event) -> Any:
    """The layout's pieces, the fourth onwards only once `go` is set (or the layout is
    stopped): a layout that is still running when the test acts, however fast the machine."""
    for n, block in enumerate(rest):
        while n >= 3 and not go.is_set() and not layout.cancelled:
            go.wait(0.01)
        yield block


async def test_quitting_while_laying_out_outcomes_stops_the_worker(held: Held) -> None:
    # Without the gate the layout could end before the test saw it running (a fast run)
    # and the test waited for a worker that had already finished.
    app = prose_app(outcomes_text=VARIED)
    async with app.run_test(size=SIZE) as pilot:
        prose = await open_pane(pilot, "4", "#outcomes-text")
        await until(pilot, lambda: any(w is prose for w, _, _ in held), "the layout held")
        widget, held_layout, rest = next(h for h in held if h[0] is prose)
        START(widget, held_layout, gated(held_layout, rest, threading.Event()))
        await until(pilot, lambda: prose.laying_out, "the layout worker")
        worker = layout_worker(app, prose)
        layout = prose.text_layout
        assert layout is not None
        app.exit()
    assert layout.cancelled and not layout.done
    assert worker.is_finished


class OneProse(App[None]):
    def compose(self) -> ComposeResult:
        with ReadingScroll():
            yield ProseText(MANY, id="p")


async def test_setting_the_same_text_keeps_its_layout() -> None:
    app = OneProse()
    async with app.run_test(size=(80, 20)) as pilot:
        prose = app.query_one(ProseText)
        await until(pilot, lambda: prose.laid_out, "the layout")
        layout = prose.text_layout
        prose.set_text(MANY)
        assert prose.text_layout is layout
        prose.set_text("Other.")
        assert layout is not None and layout.cancelled
        await until(pilot, lambda: prose.text_lines() == ["Other."], "the new text")
