"""Hold back the reading view's layout workers, so a test acts while a layout is unfinished
(however fast the machine), and let them go on when it chooses.  The `held` fixture
is in conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.reading_layout import Block, Layout
from briefing_tui.ui.widgets.reading_view import ReadingText

from .search_helpers import until

Held = list[tuple[ReadingText, Layout, Iterator[Block]]]

START = ReadingText._start


def release(held: Held) -> None:
    for widget, layout, rest in held:
        START(widget, layout, rest)
    held.clear()


def row_of(reading: ReadingText, word: str) -> int:
    return next(n for n, text in enumerate(reading.text_lines()) if word in text)


def in_view(reading: ReadingText, row: int) -> bool:
    scroll = reading.parent
    assert isinstance(scroll, ReadingScroll)
    top = reading.virtual_region.y + row - scroll.scroll_y
    return 0 <= top < scroll.size.height


async def find_while_held(pilot: Any, reading: ReadingText, held: Held, word: str) -> None:
    """Find `word`, which the held layout has not reached: the count comes from the document
    at once, the screen stays free, and the match is shown once the layout goes on."""
    app = pilot.app
    assert not reading.laid_out and word not in "\n".join(reading.text_lines())
    await pilot.press("ctrl+f")
    await until(pilot, lambda: FindBar.of(app.main.view) is not None, "the find bar")
    await pilot.press(*word)
    bar = FindBar.of(app.main.view)
    assert bar is not None
    await until(pilot, lambda: bar.counter == "1/1", "the count (from the document)")
    assert not app.received(FindBar.Moved)  # waiting for the layout, screen free
    release(held)
    await until(pilot, lambda: app.received(FindBar.Moved), "the match to be shown")
    assert in_view(reading, row_of(reading, word)), "the match is in view"
