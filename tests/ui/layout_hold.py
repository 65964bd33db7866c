"""Hold back the reading view's layout workers, so a test acts while a layout is unfinished
(however fast the machine), and let them go on when it chooses.  The `held` fixture
is in conftest.py."""

from __future__ import annotations

from collections.abc import Iterator

from briefing_tui.ui.widgets.reading_layout import Block, Layout
from briefing_tui.ui.widgets.reading_view import ReadingText

Held = list[tuple[ReadingText, Layout, Iterator[Block]]]

START = ReadingText._start


def release(held: Held) -> None:
    for widget, layout, rest in held:
        START(widget, layout, rest)
    held.clear()
