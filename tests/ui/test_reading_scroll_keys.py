"""Keys move the reading views at once, as a pager does, instead of sliding the text.

Textual slides a scroll view for every key: a page down was some thirty repaints over half
a second, each taken from the next key and from the workers laying out the rest.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.reading_view import Part, ReadingText

from .helpers import settle
from .search_helpers import until

PARTS = [Part(("section", n), f"Note {n} of many.") for n in range(400)]


class ScrollApp(App[None]):
    def compose(self) -> ComposeResult:
        with ReadingScroll():
            yield ReadingText(PARTS)


async def test_paging_and_moving_jump_without_sliding() -> None:
    app = ScrollApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        scroll = app.query_one(ReadingScroll)
        scroll.focus()
        await settle(pilot)
        seen: list[float] = []

        def moved_to(y: float) -> None:
            seen.append(y)

        scroll.watch(scroll, "scroll_y", moved_to, init=False)
        for key, moved in (("pagedown", True), ("pageup", True), ("j", True), ("k", True)):
            seen.clear()
            before = scroll.scroll_y
            await pilot.press(key)
            await until(pilot, lambda b=before: scroll.scroll_y != b, f"{key} to move the text")
            await settle(pilot)
            assert moved and len(seen) == 1, f"{key} slid through {seen}"
        seen.clear()
        await pilot.press("end")
        await until(pilot, lambda: scroll.scroll_y > 0, "end to move the text")
        await settle(pilot)
        assert len(seen) == 1, f"end slid through {seen}"
        assert scroll.scroll_y == scroll.max_scroll_y
        seen.clear()
        await pilot.press("home")
        await until(pilot, lambda: scroll.scroll_y == 0, "home to move the text")
        await settle(pilot)
        assert len(seen) == 1, f"home slid through {seen}"
