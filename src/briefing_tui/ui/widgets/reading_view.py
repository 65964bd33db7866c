"""ReadingText: a briefing's long text, drawn line by line and laid out piece by piece.

The Overview held two widgets per section (a heading and a Prose), and each Prose rendered
its whole Markdown at layout: 400 sections took 3 s before the first frame, 10,000 headings
30 s and 550 MB, and a 2 MB code block could not be stopped once its render had begun.
Here one widget holds every part (headings and Markdown), lays out a first screenful at
once and the rest in a thread worker, a piece of a few KB at a time, checking between
pieces whether the layout is still wanted.  The widget's height grows as pieces arrive,
so the scrollbar grows while the reader scrolls, and only lines in view are drawn.

Long blocks are cut into pieces so that no single render holds the worker for long: a
paragraph at word boundaries, a list between items.  A fenced code block too long to
highlight is kept as its source lines and wrapped as its lines are drawn, without syntax
colours.  Text up to `SYNC_CHARS` is rendered as one piece, exactly as Rich renders it;
only text up to `WHOLE_CHARS`, about a screenful, is laid out whole before the first frame.
"""

from __future__ import annotations

import asyncio
import bisect
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import ClassVar

from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from briefing_tui.ui.locate.highlights import CURRENT_STYLE, MATCH_STYLE, mark_content
from briefing_tui.ui.services.ui_pulse import ui_pulse
from briefing_tui.ui.widgets.reading_layout import (
    HEAD_LINES,
    WHOLE_CHARS,
    Block,
    Layout,
    Part,
    PartSequence,
    Tools,
    blank,
    chars_within,
    kept_parts,
    lay_out,
    lay_out_rest,
)

SpanFinder = Callable[[str], list[tuple[int, int]]]

# While the worker runs, the widget takes in what it laid out this often.
GROW_SECONDS = 0.05
# While the layout goes on out of view, the scroll view learns the new height this often.
RELAYOUT_SECONDS = 1.0

__all__ = ["GROW_SECONDS", "Part", "ReadingText"]


class ReadingText(Widget):
    """Headings and Markdown, laid out incrementally and drawn line by line.

    `parts` are shown in order: a heading looks like the Overview's subheadings (a blank
    line above all but a leading one), Markdown as Rich renders it.  Find and search ask
    where a part's lines are (`part_lines`), waiting for the layout to reach it if need
    be (`wait_for_part`); matches in headings can be marked (`mark_headings`).
    """

    DEFAULT_CSS = """
    ReadingText {
        height: auto;
        & > .reading-text--heading { color: $accent; text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"reading-text--heading"}

    def __init__(
        self, parts: Sequence[Part] = (), *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._parts = kept_parts(parts)
        self._layout: Layout | None = None
        self._worker: Worker[None] | None = None
        self._timer: Timer | None = None
        self._tops: list[int] = []
        self._blocks: list[Block] = []
        self._height = 0
        # The height the layout was last told (see `_grow`): what `get_content_height` says.
        self._told = 0
        self._find: SpanFinder | None = None
        self._unannounced = False
        self._announced = 0.0
        self._frame_style: RichStyle | None = None
        self._current: tuple[int, int] | None = None
        self._text_present = self._any_text()
        self.display = self._text_present

    # -- what is shown ------------------------------------------------------------------------

    @property
    def parts(self) -> Sequence[Part]:
        return self._parts

    def set_parts(self, parts: Sequence[Part]) -> None:
        self._parts = kept_parts(parts)
        self._stop()
        self._layout = None
        self._find = None
        self._current = None
        self._text_present = self._any_text()
        self.display = self._text_present
        self.refresh(layout=True)

    def _any_text(self) -> bool:
        return any(bool(part.text) and not part.text.isspace() for part in self._parts)

    def _has_text(self) -> bool:
        # Asked for every line drawn: stripping a 6 MB paragraph each time took 0.4 s of
        # the UI thread's time while the reader paged through it.
        return self._text_present

    def part_index(self, key: tuple[object, ...]) -> int | None:
        if isinstance(self._parts, PartSequence):
            return self._parts.index_of(key)
        return next((i for i, part in enumerate(self._parts) if part.key == key), None)

    @property
    def laid_out(self) -> bool:
        """Whether every part is laid out (the height is final for this width)."""
        layout = self._layout
        return layout is not None and layout.done and len(self._blocks) == len(layout.blocks)

    @property
    def text_layout(self) -> Layout | None:
        """The layout for the current width: how far it got, and whether it was stopped."""
        return self._layout

    @property
    def laying_out(self) -> bool:
        """Whether a worker is still laying out the rest (for tests and the benchmark)."""
        return self._worker is not None and not self._worker.is_finished

    # -- layout -------------------------------------------------------------------------------

    def _key(self, width: int) -> tuple[int, str]:
        return (max(width, 1), self.app.theme)

    def _ensure(self, width: int) -> None:
        key = self._key(width)
        if self._layout is not None and self._layout.key == key:
            return
        self._stop()
        layout = self._layout = Layout(key, self._parts)
        self._blocks, self._tops, self._height, self._told = [], [], 0, 0
        console = self.app.console
        tools = Tools(
            console,
            console.options.update(width=key[0], height=None, highlight=False),
            key[0],
        )
        blocks = lay_out(layout, tools, lambda: layout.cancelled)
        # Short text is laid out whole now; longer text a screenful now, the rest in a worker.
        whole = chars_within(self._parts, WHOLE_CHARS)
        lines = 0
        for block in blocks:
            layout.blocks.append(block)
            lines += block.height
            if not whole and lines >= HEAD_LINES:
                break
        else:
            layout.done = True
        self._absorb()
        self._told = self._height
        if not layout.done:
            self._start(layout, blocks)

    def _start(self, layout: Layout, blocks: Iterator[Block]) -> None:
        pulse = ui_pulse()

        def work() -> None:
            worker = get_current_worker()
            lay_out_rest(layout, blocks, lambda: worker.is_cancelled, pulse.yield_to_ui)

        self._worker = self.run_worker(
            work, name="reading-layout", group="reading-layout", thread=True, exit_on_error=False
        )
        self._timer = self.set_interval(GROW_SECONDS, self._grow)

    def _stop(self) -> None:
        """Stop laying out: the briefing, width or theme changed, or the widget went."""
        if self._layout is not None:
            self._layout.cancelled = True
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _absorb(self) -> bool:
        """Take in the blocks laid out since last time; True if the height grew."""
        layout = self._layout
        if layout is None:
            return False
        made = layout.blocks
        count = len(made)
        if count == len(self._blocks):
            return False
        for block in made[len(self._blocks) : count]:
            self._tops.append(self._height)
            self._blocks.append(block)
            self._height += block.height
        return True

    def _grow(self) -> None:
        """Take in new lines; tell the layout only when the reader could notice.

        A new height means a new layout and a repaint of the whole screen (0.1-0.2 s with
        a big library listed), so it is announced when the lines in view need it, when
        the layout is done, and otherwise at most every RELAYOUT_SECONDS (the scrollbar
        grows in steps).  Until then a layout pass is told the height it was told last:
        told more lines each time, it resized the scroll view, which laid the screen out
        again, and so on: 100,000 headings were laid out every 50-70 ms, 15-27 ms each.
        """
        layout = self._layout
        self._unannounced |= self._absorb()
        finished = layout is None or layout.cancelled or self.laid_out
        now = time.monotonic()
        due = now - self._announced >= RELAYOUT_SECONDS or finished or self._short_of_view()
        if self._unannounced and due:
            self._tell(now)
        if finished and self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tell(self, now: float) -> None:
        """Let the layout see every line laid out so far."""
        self._unannounced = False
        self._announced = now
        self._told = self._height
        self.refresh(layout=True)

    def _short_of_view(self) -> bool:
        """Whether the reader sees (or is about to see) where the laid-out lines end."""
        parent = self.parent
        if not isinstance(parent, Widget) or not self.size.height:
            return True
        bottom = parent.scroll_offset.y + 2 * parent.size.height - self.virtual_region.y
        return bottom >= self.size.height

    def on_unmount(self) -> None:
        self._stop()

    # -- drawing ------------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self._has_text():
            return 0
        self._ensure(width)
        return self._told

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _width(self) -> int:
        return self.content_region.width or self.size.width

    def render_lines(self, crop: Region) -> list[Strip]:
        # `rich_style` walks the ancestors (1.3 ms): once per frame, not once per line.
        self._frame_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    def render_line(self, y: int) -> Strip:
        width = self._width()
        style = self._frame_style or self.rich_style
        if width <= 0 or not self._has_text():
            return Strip.blank(max(width, 0), style)
        self._ensure(width)
        if not 0 <= y < self._height:
            return Strip.blank(width, style)
        index = bisect.bisect_right(self._tops, y) - 1
        block = self._blocks[index]
        line = self._block_line(block, y - self._tops[index], width)
        if block.heading is not None:
            # As a Static heading draws: its own colour on the text, only the background
            # under the rest of the line.
            return line.apply_style(RichStyle(bgcolor=style.bgcolor))
        return line.apply_style(style)

    def _block_line(self, block: Block, row: int, width: int) -> Strip:
        if block.strips is not None:
            return block.strips[row]
        if block.code is not None:
            return block.code.line(row)
        assert block.heading is not None
        if block.blank_above:
            if row == 0:
                return blank(width)
            row -= 1
        return self._heading_line(block, row, width)

    def _heading_line(self, block: Block, row: int, width: int) -> Strip:
        heading_style = replace(
            self.get_visual_style("reading-text--heading", partial=True), background=None
        )
        line = block.heading[row] if block.heading else Content("")
        if self._find is not None:
            spans = self._find(line.plain)
            line = mark_content(line, spans, MATCH_STYLE)
            current = self._current
            here = current is not None and current[0] == block.part and row == 0
            if here and current is not None and 0 <= current[1] < len(spans):
                line = line.stylize(CURRENT_STYLE, *spans[current[1]])
        segments = line.render_segments(heading_style)
        # The rest of the line is blank in the widget's style, as a Static's would be.
        return Strip(segments).extend_cell_length(width).crop(0, width)

    # -- find and search ----------------------------------------------------------------------

    def mark_headings(self, find: SpanFinder | None, current: tuple[int, int] | None = None) -> int:
        """Mark matches in headings (`current`: part index and nth match stands out).

        Returns how many matches the headings hold.
        """
        self._find, self._current = find, current
        self.refresh()
        if find is None:
            return 0
        return sum(len(find(p.text)) for p in self._parts if p.heading)

    def part_laid_out(self, index: int) -> bool:
        self._absorb()
        layout = self._layout
        if layout is None:
            return False
        if self.laid_out:
            return True
        return bool(self._blocks) and self._blocks[-1].part > index

    async def wait_for_part(self, index: int) -> bool:
        """Wait (without holding up the screen) until part `index` is laid out."""
        while self.is_attached:
            width = self._width()
            if width > 0:
                self._ensure(width)
                if self.part_laid_out(index):
                    if self._told < self._height:
                        self._tell(time.monotonic())  # find and search scroll there next
                    return True
            await asyncio.sleep(GROW_SECONDS / 2)
        return False

    async def wait_laid_out(self) -> None:
        while self.is_attached and not self.laid_out:
            width = self._width()
            if width > 0:
                self._ensure(width)
                self._absorb()
            await asyncio.sleep(GROW_SECONDS / 2)

    def part_lines(self, index: int) -> tuple[int, list[str]]:
        """Where part `index` starts (a line of this widget) and its lines' plain text."""
        width = self._width()
        top = -1
        texts: list[str] = []
        for position, block in enumerate(self._blocks):
            if block.part != index:
                if top >= 0:
                    break
                continue
            if top < 0:
                top = self._tops[position]
            texts += [
                self._block_line(block, row, width).text.rstrip() for row in range(block.height)
            ]
        return top, texts

    def text_lines(self) -> list[str]:
        """Every line laid out so far, as plain text (tests, and find over headings)."""
        width = self._width()
        return [
            self._block_line(block, row, width).text.rstrip()
            for block in self._blocks
            for row in range(block.height)
        ]
