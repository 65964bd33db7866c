"""Prose renders long Markdown once per width, not on every layout pass."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from briefing_tui.ui.widgets.prose import Prose, ReadingScroll
from waiting import settle

from .helpers import count_markdown_renders

LONG = "\n\n".join(
    f"## Part {n}\n\n"
    + "A sentence of prose that goes on. " * 30
    + "\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    for n in range(60)
)


class ProseApp(App[None]):
    def compose(self) -> ComposeResult:
        with ReadingScroll():
            yield Prose(LONG)
            yield Prose("[@click=app.quit]not markup[/] and [/]")


async def test_long_prose_is_rendered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Regression: a Static re-rendered the whole Markdown on every layout pass, which took
    # 1.6 s to open a briefing with a 195 KB annex.
    renders = count_markdown_renders(monkeypatch, LONG)
    app = ProseApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Long prose shows its head first; the whole is rendered once, in a thread.
        await app.query(Prose).first().wait_rendered()
        await settle(pilot)
        scroll = app.query_one(ReadingScroll)
        for _ in range(3):
            scroll.scroll_end(animate=False)
            await settle(pilot)
            scroll.scroll_home(animate=False)
            await settle(pilot)
        assert len(renders) == 1
        assert app.query(Prose).first().size.height > 200


async def test_prose_text_is_never_markup() -> None:
    app = ProseApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.query_one(ReadingScroll).scroll_end(animate=False)
        await settle(pilot)
        for row in range(20, 30):
            await pilot.click(offset=(3, row))
        assert app.is_running
        prose = app.query(Prose).last()
        shown = "".join(prose.render_line(y).text for y in range(prose.size.height))
        assert "[@click=app.quit]not markup[/]" in shown
