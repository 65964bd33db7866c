"""Long prose shows its head at once and the whole once rendered in a thread; find still
reaches the end.  The second step is held back (and released) by the tests, so nothing here
depends on how fast the thread is."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button

from briefing_tui.ui.widgets.prose import (
    HEAD_CHARS,
    HEAD_LINES,
    SPLIT_ABOVE,
    Prose,
    ReadingScroll,
    prose_head,
)

from .helpers import count_markdown_renders, settle
from .search_helpers import until

PARAGRAPH = "A sentence of prose about mutual legal assistance that goes on. " * 12
LONG = "\n\n".join(f"## Part {n}\n\n{PARAGRAPH}" for n in range(80)) + (
    "\n\nThe last words: zanzibar quokka.\n"
)


def shown(prose: Prose) -> str:
    """Every line the widget draws, read through the public render_line."""
    return "\n".join(prose.render_line(y).text for y in range(prose.size.height))


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> list[Prose]:
    """Hold back the whole render: the Prose widgets that asked for it, to release later."""
    asked: list[Prose] = []
    monkeypatch.setattr(Prose, "_render_rest", lambda self: asked.append(self))
    return asked


# The real second step, kept before `held` replaces it.
RENDER_REST = Prose._render_rest


async def release(prose: Prose, pilot: Any) -> None:
    """Run the held-back whole render for `prose` and wait until it is shown."""
    RENDER_REST(prose)
    await prose.wait_rendered()
    await settle(pilot)


# -- where the head ends ---------------------------------------------------------------------


def test_short_prose_is_not_split() -> None:
    assert prose_head("Short.\n\nText.") is None
    assert prose_head("x\n\n" * (SPLIT_ABOVE // 3)) is None


def test_the_head_is_whole_blocks_within_the_budget() -> None:
    head = prose_head(LONG)
    assert head is not None
    assert 0 < len(head) <= HEAD_CHARS
    assert LONG.startswith(head)
    assert LONG[len(head) :].startswith("\n")  # cut before a blank line: between blocks
    assert head.rstrip("\n").split("\n\n")[-1] in LONG.split("\n\n")  # a whole block


def test_the_head_never_ends_inside_a_code_fence() -> None:
    code = "```\n" + "code line\n\n" * 2_000 + "```\n"
    text = "Intro paragraph.\n\n" + code + "\n\nAfter the code.\n" + PARAGRAPH * 40
    head = prose_head(text)
    # The blank lines inside the fence are not block ends: the only one is before it.
    assert head == "Intro paragraph.\n"


def test_a_long_first_table_is_cut_after_a_row() -> None:
    rows = "".join(f"| {n} | {PARAGRAPH[:60]} |\n" for n in range(1_000))
    text = "| n | note |\n|---|---|\n" + rows
    head = prose_head(text)
    assert head is not None and text.startswith(head)
    assert head.endswith("|\n") and len(head) <= HEAD_CHARS


# -- on screen -------------------------------------------------------------------------------


class LongApp(App[None]):
    def compose(self) -> ComposeResult:
        with ReadingScroll():
            yield Prose(LONG)


async def test_long_prose_shows_its_head_first_then_all_of_it(held: list[Prose]) -> None:
    app = LongApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        prose = app.query_one(Prose)
        assert held == [prose] and not prose.whole_rendered
        assert "## Part 0" not in shown(prose)  # rendered, not the source
        assert "Part 0" in shown(prose) and "quokka" not in shown(prose)
        head_height = prose.size.height
        scroll = app.query_one(ReadingScroll)
        scroll.scroll_to(y=20, animate=False, immediate=True)
        top_line = prose.render_line(20).text

        await release(prose, pilot)
        assert prose.whole_rendered
        assert "zanzibar quokka" in shown(prose)
        assert prose.size.height > head_height
        # The reader's place did not move: the same line is still at the top.
        assert scroll.scroll_y == 20
        assert prose.render_line(20).text == top_line


def test_the_head_counts_lines_too() -> None:
    # A table row takes a screen line however short, and Rich lays out a table over all
    # its rows: a head of short rows stops at HEAD_LINES lines, well before HEAD_CHARS.
    text = "| n | x |\n|---|---|\n" + "".join(f"| {n} | x |\n" for n in range(3_000))
    head = prose_head(text)
    assert head is not None and text.startswith(head)
    assert head.count("\n") == HEAD_LINES and len(head) < HEAD_CHARS


class FocusApp(App[None]):
    CSS = "Prose.-marked { background: #800000; }"

    def compose(self) -> ComposeResult:
        with ReadingScroll():
            yield Prose(LONG)
        yield Button("elsewhere")


def backgrounds(prose: Prose) -> set[Any]:
    return {s.style.bgcolor for s in prose.render_line(0) if s.style}


async def test_focus_and_style_changes_do_not_render_the_text_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Regression: any style update (the reading view gaining focus) threw the rendered lines
    # away, so the whole annex was rendered again on each focus change, and a search hit
    # near the end lost its place while only the head was back.
    renders = count_markdown_renders(monkeypatch, LONG)
    app = FocusApp()
    async with app.run_test(size=(100, 30)) as pilot:
        prose = app.query_one(Prose)
        await until(pilot, lambda: prose.whole_rendered and renders, "the whole")
        await settle(pilot)
        height = prose.size.height
        plain = prose.render_line(0)
        for _ in range(3):
            app.query_one(ReadingScroll).focus()
            await settle(pilot)
            app.query_one(Button).focus()
            await settle(pilot)
        prose.add_class("-marked")
        await settle(pilot)
        marked = prose.render_line(0)
        assert renders == renders[:1], "rendered once"
        assert prose.whole_rendered and prose.size.height == height
        # The widget's own style is laid under the lines as they are drawn.
        assert marked.text == plain.text
        assert prose.rich_style.bgcolor in backgrounds(prose)
        assert backgrounds(prose) != {s.style.bgcolor for s in plain if s.style}
