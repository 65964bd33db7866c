"""A layout pass sees a long text's new lines only when the reading view announces them.

Every layout pass asks each widget's height.  Told the lines laid out so far each time, the
scroll view was resized, which laid the screen out again, which found more lines: 100,000
headings were laid out every 50-70 ms, 15-27 ms of the UI thread each, instead of once
a second.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from textual.app import App, ComposeResult

from briefing_tui.ui.widgets import reading_view
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.reading_layout import Block
from briefing_tui.ui.widgets.reading_view import Part, ReadingText

from .helpers import settle
from .layout_hold import Held, release
from .search_helpers import until

MANY = [Part(("section", n), f"Note {n} of many.") for n in range(3_000)]


class ManyApp(App[None]):
    def compose(self) -> ComposeResult:
        with ReadingScroll():
            yield ReadingText(MANY)


def gated(rest: Iterator[Block], gates: list[threading.Event], step: int) -> Iterator[Block]:
    """The held layout's blocks, `step` at a time, each batch once its gate opens."""
    for count, block in enumerate(rest):
        if count % step == 0 and count // step < len(gates):
            gates[count // step].wait(30)
        yield block


async def test_a_layout_pass_between_announcements_keeps_the_height_told(
    held: Held, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading_view, "RELAYOUT_SECONDS", 3600.0)
    gates = [threading.Event() for _ in range(3)]
    app = ManyApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingText)
        scroll = app.query_one(ReadingScroll)
        held[:] = [(widget, layout, gated(rest, gates, 400)) for widget, layout, rest in held]
        first = scroll.virtual_size.height
        release(held)
        gates[0].set()  # the first batch: announced at once (none was announced before)
        await until(pilot, lambda: scroll.virtual_size.height > first + 300, "the first batch")
        told = scroll.virtual_size.height
        layout = reading.text_layout
        assert layout is not None and not layout.done
        laid = len(layout.blocks)
        gates[1].set()  # the second batch: laid out, not yet announced (an hour away)
        await until(pilot, lambda: len(layout.blocks) > laid + 300, "the second batch")
        await until(pilot, lambda: len(reading.text_lines()) > told + 300, "taken in")
        passes: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(reading, passes.append)
        try:
            for count in range(1, 4):  # other layout passes meanwhile (a pane, a resize...)
                app.screen.refresh(layout=True)
                await until(pilot, lambda c=count: len(passes) >= c, "a layout pass")
            assert scroll.virtual_size.height == told, "a layout pass saw unannounced lines"
            # Announced once the layout is done: the scrollbar reaches the end.
            gates[2].set()
            await until(pilot, lambda: scroll.virtual_size.height == 3_000, "the whole height")
        finally:
            gates[2].set()
