"""ReadingText: the Overview's long text drawn line by line and laid out in a worker.

Where a test needs the layout to be still running, the worker is held back (`held`) and
released by the test, so nothing here depends on how fast the thread is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.worker import Worker

from briefing_tui.model import Section
from briefing_tui.ui.support.themes import HIGH_CONTRAST
from briefing_tui.ui.widgets import reading_layout, reading_pieces
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.reading_layout import (
    PIECE_CHARS,
    PLAIN_CODE_CHARS,
    SYNC_CHARS,
    Block,
    pieces_of,
    top_blocks,
)
from briefing_tui.ui.widgets.reading_view import Part, ReadingText

from .helpers import SIZE, app_with, make_briefing, settle
from .layout_hold import Held, find_while_held, in_view, release, row_of
from .search_helpers import loaded, search_for, until

PARAGRAPH = "A sentence of prose about mutual legal assistance that goes on. " * 12
LONG = "\n\n".join(f"## Part {n}\n\n{PARAGRAPH}" for n in range(80)) + (
    "\n\nThe last words: zanzibar quokka.\n"
)
MANY = [Part(("section", n), f"Note {n} of many.") for n in range(3_000)]


def annex_app(body: str = LONG) -> Any:
    briefing = make_briefing(
        "lib/long.md",
        "Long annex",
        date(2024, 1, 1),
        summary="A long annex follows.",
        sections=(Section("Annex", body),),
    )
    other = make_briefing("lib/other.md", "Other", date(2020, 1, 1), overview="Short.")
    return app_with([briefing, other])


def layout_worker(app: App[Any], reading: ReadingText) -> Worker[Any]:
    """The thread laying `reading` out, found where the app lists its workers."""
    found = [w for w in app.workers if w.node is reading and w.name == "reading-layout"]
    assert len(found) == 1, found
    return found[0]


# -- cutting text into pieces ---------------------------------------------------------------


def test_short_text_is_one_piece_rendered_whole() -> None:
    assert [p.text for p in pieces_of("Short.\n\n- a\n- b\n")] == ["Short.\n\n- a\n- b\n"]


def test_blocks_join_back_into_the_text_and_never_cut_a_code_fence() -> None:
    code = "```\n" + "code line\n\n" * 50 + "```\n"
    text = "Intro.\n\n" + code + "\nAfter the code.\n\n  indented continuation\n\nEnd.\n"
    blocks = top_blocks(text)
    assert "".join(blocks) == text
    assert code in blocks[1]  # blank lines inside the fence are not block ends
    assert blocks[-1] == "End.\n"


def test_long_blocks_are_cut_into_small_pieces() -> None:
    paragraph = "word " * (SYNC_CHARS // 2)
    items = "".join(f"- item {n} of a long list\n" for n in range(3_000))
    code = "```python\n" + "x = 1\n" * (PLAIN_CODE_CHARS // 4) + "```\n"
    pieces = list(pieces_of(f"{paragraph}\n\n{items}\n{code}"))
    assert all(len(p.text) <= PIECE_CHARS + 100 for p in pieces if p.code is None)
    assert [p.code for p in pieces if p.code is not None] == ["python"]
    # Pieces of one block follow each other without a blank line; blocks are apart.
    assert [p.gap for p in pieces[:2]] == [False, False]
    assert sum(p.gap for p in pieces) == 2


def test_pieces_are_cut_as_the_layout_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 6 MB paragraph's first screen must not wait for all of its pieces to be cut."""
    made: list[object] = []
    real = reading_pieces._Piece

    def counting(*args: Any, **kwargs: Any) -> Any:
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(reading_pieces, "_Piece", counting)
    pieces = pieces_of("word " * (PIECE_CHARS * 50))
    first = next(iter(pieces))
    assert first.text.startswith("word word")
    assert len(made) == 1


# -- drawing only what is on screen ---------------------------------------------------------


class ManyApp(App[None]):
    def __init__(self, parts: list[Part]) -> None:
        super().__init__()
        self.parts = parts

    def compose(self) -> ComposeResult:
        with ReadingScroll():
            yield ReadingText(self.parts)


async def test_only_lines_on_screen_are_drawn(held: Held, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[int] = []
    block_line = ReadingText._block_line

    def counting(self: ReadingText, block: Block, row: int, width: int) -> Any:
        drawn.append(row)
        return block_line(self, block, row, width)

    monkeypatch.setattr(ReadingText, "_block_line", counting)
    app = ManyApp(MANY)
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingText)
        assert held and not reading.laid_out  # a screenful now, the rest in the worker
        release(held)
        await until(pilot, lambda: reading.laid_out, "the whole layout")
        await settle(pilot)
        drawn.clear()
        app.query_one(ReadingScroll).scroll_to(y=2_000, animate=False, immediate=True)
        await settle(pilot)
        assert reading.size.height >= 3_000
        assert 0 < len(drawn) <= 3 * 20, "only the lines in view (and few times each)"


async def test_a_typical_briefing_lays_out_a_screenful_before_its_first_frame(
    held: Held,
) -> None:
    """A 20 KB Overview of 400 sections was laid out whole before the first frame: 0.1-0.2 s
    of every briefing's opening, for lines nobody could see yet."""
    parts: list[Part] = []
    for n in range(400):
        parts += [Part(("h", n), f"H{n}", heading=True), Part(("p", n), f"Note {n} of the list.")]
    assert 8_000 < sum(len(part.text) for part in parts) < SYNC_CHARS
    app = ManyApp(parts)
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingText)
        layout = reading.text_layout
        assert held and layout is not None and not reading.laid_out
        assert 20 <= sum(block.height for block in layout.blocks) < 400
        release(held)
        await until(pilot, lambda: reading.laid_out, "the whole layout")
        assert "Note 399 of the list." in "\n".join(reading.text_lines())


async def test_a_screenful_of_text_is_laid_out_whole_at_once(held: Held) -> None:
    app = ManyApp([Part(("p", n), f"Note {n} of the list.") for n in range(12)])
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingText)
        assert reading.laid_out and not held


class CountingText(str):
    """Text that counts how often it is stripped (each strip copies it whole)."""

    strips = 0

    def strip(self, chars: str | None = None) -> str:
        CountingText.strips += 1
        return str.strip(self, chars)


async def test_drawing_a_line_does_not_look_through_the_whole_text(held: Held) -> None:
    """Whether there is text at all was asked by stripping every part for every line
    drawn: 0.4 s of the UI thread for a 6 MB paragraph while the reader paged."""
    app = ManyApp([Part(("section", 0), CountingText(PARAGRAPH * 40))])
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        CountingText.strips = 0
        scroll = app.query_one(ReadingScroll)
        for y in (5, 10, 15, 20):
            scroll.scroll_to(y=y, animate=False, immediate=True)
            await settle(pilot)
        assert CountingText.strips <= 2


async def test_the_layout_worker_holds_the_collector(held: Held) -> None:
    """Full collections walking the laid-out lines stalled the screen 0.1 to 0.3 s each."""
    collecting: list[bool] = []
    app = ManyApp(MANY)
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingText)

        def watched(rest: Iterator[Block]) -> Iterator[Block]:
            for block in rest:
                collecting.append(gc.isenabled())
                yield block

        held[:] = [(widget, layout, watched(rest)) for widget, layout, rest in held]
        release(held)
        await until(pilot, lambda: reading.laid_out, "the whole layout")
    assert collecting and not any(collecting)


async def test_the_scrollbar_grows_while_the_layout_goes_on(held: Held) -> None:
    app = ManyApp(MANY)
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingText)
        scroll = app.query_one(ReadingScroll)
        first = scroll.virtual_size.height
        assert 20 <= first < 3_000
        scroll.scroll_to(y=10, animate=False, immediate=True)  # scrolling works meanwhile
        await settle(pilot)
        assert scroll.scroll_y == 10
        release(held)
        await until(pilot, lambda: reading.laid_out, "the whole layout")
        await until(pilot, lambda: scroll.virtual_size.height >= 3_000, "the scrollbar to grow")
        assert scroll.scroll_y == 10, "the reader's place did not move"


# -- cancelled when not wanted any more -----------------------------------------------------


async def test_the_layout_stops_when_the_briefing_closes() -> None:
    words = PARAGRAPH.split()
    # Distinct paragraphs (Rich caches the wrapping of repeated ones): seconds of layout.
    varied = [" ".join([*words[n % 7 :], str(n), *words[: n % 7]]) for n in range(4_000)]
    app = annex_app("\n\n".join(varied))
    async with app.run_test(size=SIZE) as pilot:
        # The newest briefing (the annex) opens by itself as soon as it is listed.
        def laying_out() -> bool:
            found = app.query(ReadingText)
            return bool(found) and found.first().laying_out

        await until(pilot, laying_out, "the annex's layout worker")
        reading = app.query_one(ReadingText)
        worker = layout_worker(app, reading)
        layout = reading.text_layout
        assert layout is not None
        await until(pilot, lambda: app.main.open_path("lib/other.md"), "the other briefing")
        await until(pilot, lambda: worker.is_finished, "the worker to stop")
        # Stopped, not finished: how fast is bench_long.py's to measure (a busy machine
        # would make a timing here flaky).
        assert layout.cancelled and not layout.done


async def test_quitting_while_laying_out_stops_the_worker() -> None:
    app = ManyApp([Part(("p", n), PARAGRAPH) for n in range(2_000)])
    async with app.run_test(size=(80, 20)) as pilot:
        reading = app.query_one(ReadingText)
        await until(pilot, lambda: reading.laying_out, "the layout worker")
        worker = layout_worker(app, reading)
        layout = reading.text_layout
        assert layout is not None
        app.exit()
    assert layout.cancelled and not layout.done
    assert worker.is_finished


# -- find and search reveal while the layout is still running -------------------------------


async def test_find_reaches_a_match_the_layout_has_not_reached_yet(held: Held) -> None:
    app = annex_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.open_path("lib/long.md")
        await until(pilot, lambda: held, "the layout to be held")
        await find_while_held(pilot, app.query_one(ReadingText), held, "quokka")


async def test_a_search_hit_beyond_the_layout_so_far_is_scrolled_into_view(held: Held) -> None:
    app = annex_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = await search_for(pilot, "quokka")
        assert screen.hits and screen.hits[0].path == "lib/long.md"
        await pilot.press("enter")
        await until(pilot, lambda: held, "the layout to be held")
        reading = app.query_one(ReadingText)
        assert not reading.laid_out
        release(held)
        await until(pilot, lambda: "quokka" in "\n".join(reading.text_lines()), "the end")
        await until(pilot, lambda: in_view(reading, row_of(reading, "quokka")), "the hit in view")


async def test_the_whole_arrives_by_itself() -> None:
    app = annex_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.main.open_path("lib/long.md")
        await until(pilot, lambda: app.query(ReadingText), "the annex")
        reading = app.query_one(ReadingText)
        await until(pilot, lambda: reading.laid_out, "the whole annex")
        await until(pilot, lambda: reading.size.height == len(reading.text_lines()), "height")
        assert "zanzibar quokka" in "\n".join(reading.text_lines())
        assert "## Part 0" not in "\n".join(reading.text_lines())  # rendered, not the source


async def test_find_marks_a_section_title() -> None:
    briefing = make_briefing(
        "lib/t.md",
        "Titles",
        date(2024, 1, 1),
        sections=(Section("Budapest annex", "Body."), Section("Other", "More.")),
    )
    app = app_with([briefing])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.main.open_path("lib/t.md")
        await settle(pilot)
        await pilot.press("ctrl+f", *"budapest")
        await until(pilot, lambda: app.received(FindBar.Moved), "the match")
        reading = app.query_one(ReadingText)
        row = row_of(reading, "Budapest annex")
        line = reading.render_line(row - reading.scroll_offset.y)
        marked = [s for s in line if s.style and s.style.reverse]
        assert [s.text for s in marked] == ["Budapest"], "the current match stands out"


async def test_switching_theme_lays_out_in_the_new_themes_markdown_styles() -> None:
    briefing = make_briefing(
        "lib/t.md", "Themed", date(2024, 1, 1), overview="## A heading\n\nSome prose."
    )
    app = app_with([briefing])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.main.open_path("lib/t.md")
        await settle(pilot)
        reading = app.query_one(ReadingText)

        def heading_colours() -> set[Any]:
            row = row_of(reading, "A heading")
            line = reading.render_line(row)
            return {s.style.color for s in line if s.style and s.text.strip()}

        before = heading_colours()
        app.theme = HIGH_CONTRAST
        await settle(pilot)
        assert heading_colours() != before


async def test_the_code_style_is_made_for_the_first_code_block_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Making it loads Pygments: a document without a long code block (drawn from its
    lines, in the style of Rich's) must not pay for it before its first screen."""
    asked: list[object] = []
    real = reading_layout.code_style

    def counting(console: Any) -> Any:
        asked.append(console)
        return real(console)

    monkeypatch.setattr(reading_layout, "code_style", counting)
    code = "Intro.\n\n```python\n" + "print('evidence')\n" * (SYNC_CHARS // 10) + "```\n"
    prose = make_briefing("lib/p.md", "Prose", date(2024, 1, 2), overview="Only prose here.")
    coded = make_briefing("lib/c.md", "Code", date(2024, 1, 1), overview=code)
    app = app_with([prose, coded])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.main.open_path("lib/p.md")
        await settle(pilot)
        assert "Only prose here." in "\n".join(app.query_one(ReadingText).text_lines())
        assert asked == []
        assert app.main.open_path("lib/c.md")
        await until(
            pilot,
            lambda: "print('evidence')" in "\n".join(app.query_one(ReadingText).text_lines()),
            "the code block",
        )
        assert asked
