"""How ReadingText lays out long Markdown: in pieces small enough to stop between.

Rendering a 2 MB code block or a 700,000-word paragraph in one Rich call took 20 s and
could not be interrupted.  Text longer than `SYNC_CHARS` is cut where top-level blocks
start (outside code fences); blocks are grouped into pieces of about `PIECE_CHARS`, and a
longer block is cut again: a list between items, a paragraph at spaces.  A fenced code
block too long to highlight is kept as its source lines (`CodeLines`) and wrapped only as
its lines are drawn.  `lay_out` yields the laid-out blocks in order and checks between
pieces (and every few hundred segments of a long render) whether it is still wanted.
"""

from __future__ import annotations

import abc
import bisect
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import overload

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip

from briefing_tui.memory import paused_gc
from briefing_tui.sanitize import clean
from briefing_tui.ui.widgets.prose import markdown
from briefing_tui.ui.widgets.reading_pieces import (
    FENCE_INFO,
    PIECE_CHARS,
    PLAIN_CODE_CHARS,
    SYNC_CHARS,
    pieces_of,
    top_blocks,
)

__all__ = [
    "HEAD_LINES",
    "PIECE_CHARS",
    "PLAIN_CODE_CHARS",
    "SYNC_CHARS",
    "WHOLE_CHARS",
    "pieces_of",
    "top_blocks",
]

# Text up to about a screenful is laid out whole before the first frame.  Longer text gets
# `HEAD_LINES` lines then and the rest in the worker: laying a 20 KB, 400-section Overview
# out whole took 0.1-0.2 s of every first frame.
WHOLE_CHARS = 4_000
# Longer text: this many lines are laid out before the first frame, the rest in the worker.
HEAD_LINES = 80
# How many segments a long render yields between looks at whether it is still wanted.
_CHECK_EVERY = 500


@dataclass(frozen=True, slots=True)
class Part:
    """A heading or a block of Markdown; `key` names it for find and search reveal."""

    key: tuple[object, ...]
    text: str
    heading: bool = False


class PartSequence(Sequence[Part]):
    """Parts made when they are read rather than all up front.

    The Overview of a briefing with 100,000 sections is 200,000 parts: made when it opened,
    on the UI thread, they took 0.2 s before its first line could be drawn.  The layout
    reaches them a piece at a time, so a subclass makes each one as it is asked for, and
    says where a key is (`index_of`) without making the others.
    """

    @abc.abstractmethod
    def __len__(self) -> int: ...

    @abc.abstractmethod
    def part(self, index: int) -> Part:
        """Part `index`, counted from 0 and within range."""

    def index_of(self, key: tuple[object, ...]) -> int | None:
        return next((i for i, part in enumerate(self) if part.key == key), None)

    @overload
    def __getitem__(self, index: int) -> Part: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Part]: ...

    def __getitem__(self, index: int | slice) -> Part | Sequence[Part]:
        count = len(self)
        if isinstance(index, slice):
            return [self.part(i) for i in range(*index.indices(count))]
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(index)
        return self.part(index)

    def __iter__(self) -> Iterator[Part]:
        for index in range(len(self)):
            yield self.part(index)


def kept_parts(parts: Sequence[Part]) -> Sequence[Part]:
    """Parts as a widget keeps them: made ones stay made on demand, others are copied."""
    return parts if isinstance(parts, tuple | PartSequence) else tuple(parts)


def chars_within(parts: Iterable[Part], limit: int) -> bool:
    """Whether the parts hold at most `limit` characters; stops counting past it."""
    total = 0
    for part in parts:
        total += len(part.text)
        if total > limit:
            return False
    return True


class Stopped(Exception):
    """The layout is no longer wanted (another briefing, width or theme; closed; quit)."""


class _Abandonable:
    """A renderable that stops yielding once its layout has been cancelled."""

    def __init__(self, renderable: RenderableType, stopped: Callable[[], bool]) -> None:
        self.renderable = renderable
        self.stopped = stopped

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for count, segment in enumerate(console.render(self.renderable, options)):
            if count % _CHECK_EVERY == 0 and self.stopped():
                raise Stopped
            yield segment


class CodeLines:
    """A long code block's lines, wrapped only when drawn (a 2 MB block took 20 s in Rich)."""

    def __init__(self, text: str, width: int, code_style: RichStyle) -> None:
        lines = text.split("\n")
        # The fence lines go; Rich draws the block with a blank row above and below.
        if lines and FENCE_INFO.match(lines[0]):
            lines = lines[1:]
        while lines and not lines[-1].strip():
            lines.pop()
        if lines and FENCE_INFO.match(lines[-1]):
            lines.pop()
        self.lines = [line.expandtabs(4) for line in lines]
        self.inner = max(1, width - 2)
        self.width = width
        self.style = code_style
        counts = [1 + max(0, (len(line) - 1) // self.inner) for line in self.lines]
        for index, line in enumerate(self.lines):
            if not line.isascii():
                counts[index] = max(1, len(chop_cells(line, self.inner)))
        self.ends = list(accumulate(counts))
        self.height = 2 + (self.ends[-1] if self.ends else 0)

    def line(self, y: int) -> Strip:
        blank = Strip([Segment(" " * self.width, self.style)], self.width)
        if y <= 0 or y >= self.height - 1:
            return blank
        row = y - 1
        index = bisect.bisect_right(self.ends, row)
        first = self.ends[index - 1] if index else 0
        source = clean(self.lines[index])
        if source.isascii():
            start = (row - first) * self.inner
            text = source[start : start + self.inner]
        else:
            chopped = chop_cells(source, self.inner) or [""]
            text = chopped[min(row - first, len(chopped) - 1)]
        pad = " " * max(0, self.inner - cell_len(text))
        return Strip([Segment(f" {text}{pad} ", self.style)], self.width)


@dataclass(slots=True)
class Block:
    """Laid-out lines of one part: rendered strips, heading lines, or a lazily drawn code."""

    part: int
    height: int
    strips: list[Strip] | None = None
    heading: list[Content] | None = None
    code: CodeLines | None = None
    blank_above: bool = False


class Layout:
    """One layout of the parts at one width and theme; the worker appends to `blocks`."""

    def __init__(self, key: tuple[int, str], parts: Sequence[Part]) -> None:
        self.key = key
        self.parts = kept_parts(parts)
        self.blocks: list[Block] = []
        self.done = False
        self.cancelled = False


@dataclass(frozen=True, slots=True)
class Tools:
    """What the layout needs from the app, taken on the main thread before it starts."""

    console: Console
    options: ConsoleOptions
    width: int


@functools.lru_cache(maxsize=4)
def code_style(console: Console) -> RichStyle:
    """The text style of Rich's code blocks (its theme's colours, background included).

    Asked for by the first code block, not before the first screen: it loads Pygments
    (30-70 ms of the screen's thread while a 4 MB document without code opened).
    """
    from rich.syntax import Syntax

    lines = console.render_lines(
        Syntax("x", "text", theme="monokai", word_wrap=True, padding=1),
        console.options.update(width=8, height=None),
    )
    for segment in lines[1]:
        if segment.text.strip():
            return segment.style or RichStyle()
    return RichStyle()


def blank(width: int) -> Strip:
    return Strip([Segment(" " * width)], width)


def _render(tools: Tools, text: str, stopped: Callable[[], bool]) -> list[Strip]:
    renderable: RenderableType = markdown(text)
    if len(text) > PIECE_CHARS:
        renderable = _Abandonable(renderable, stopped)
    lines = tools.console.render_lines(renderable, tools.options, pad=True)
    return [Strip(line, tools.width) for line in lines]


def _is_blank(strip: Strip) -> bool:
    return not strip.text.strip()


def lay_out(layout: Layout, tools: Tools, stopped: Callable[[], bool]) -> Iterator[Block]:
    """The parts' blocks in order, one piece at a time; stops when `stopped()` says so."""
    width = tools.width
    previous_blank = True
    for index, part in enumerate(layout.parts):
        if part.heading:
            lines = Content(part.text).wrap(width)
            above = index > 0
            yield Block(index, len(lines) + above, heading=lines, blank_above=above)
            previous_blank = False
            continue
        if not part.text.strip():
            continue
        first = True
        for piece in pieces_of(part.text):
            if stopped():
                raise Stopped
            lead: list[Strip] = []
            if piece.gap and not previous_blank and not first:
                lead = [blank(width)]
            first = False
            if piece.code is not None:
                if lead:
                    yield Block(index, 1, strips=lead)
                code = CodeLines(piece.text, width, code_style(tools.console))
                yield Block(index, code.height, code=code)
                previous_blank = False
                continue
            strips = _render(tools, piece.text, stopped)
            if piece.trim_end:
                while strips and _is_blank(strips[-1]):
                    strips.pop()
            if strips:
                previous_blank = _is_blank(strips[-1])
            strips = lead + strips
            if strips:
                yield Block(index, len(strips), strips=strips)


def lay_out_rest(
    layout: Layout,
    blocks: Iterator[Block],
    cancelled: Callable[[], bool],
    pause: Callable[[Callable[[], bool]], None],
) -> None:
    """Worker thread: the rest of `layout`, a block at a time, pausing (`pause`) between
    blocks while the screen is busy; stops when cancelled or the layout is abandoned."""

    def stopped() -> bool:
        return layout.cancelled or cancelled()

    # Laying out a long text makes millions of small objects, none in cycles: with the
    # collector running, each full collection walked them all and held the screen for 0.1
    # to 0.3 s (a 700,000-word paragraph: 8 in 4 s of paging).
    with paused_gc():
        try:
            for block in blocks:
                layout.blocks.append(block)
                if stopped():
                    return
                pause(stopped)
        except Stopped:
            return
        layout.done = True
