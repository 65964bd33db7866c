"""Prose: document Markdown rendered by Rich, which is fast and never turns text into markup.

Textual's Markdown widget took seconds on large documents, so prose is rendered by
`render.visible_markdown` (Rich's Markdown with HTML shown, not dropped) with hyperlinks
disabled: links print as "text (url)" and nothing can be clicked open.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.markdown import Markdown as RichMarkdown
from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from briefing_tui.readers.markdown_text import fence_after
from briefing_tui.render.visible_markdown import visible_markdown

# Prose longer than this is shown in two steps: its head at once, the whole once rendered
# in a thread.  Rendering takes about 1 ms per KB (0.2 s for a 193 KB annex), so below this
# the two steps would cost more than they save.
SPLIT_ABOVE = 24_000
# At most this much of the text is in the head: a screenful of a 120x40 terminal or more.
# Lines count too, because a table row or a list item takes a screen line however short,
# and Rich lays out a table over all its rows (an 8 KB table took 44 ms, 4 KB of it 16 ms).
HEAD_CHARS = 4_000
HEAD_LINES = 60
# How many segments the thread renders between looks at whether it is still wanted.
_CHECK_EVERY = 1_000


def markdown(text: str) -> RichMarkdown:
    """The one place prose becomes a renderable, so every pane renders it the same safe way
    (HTML shown as dimmed literal text, see `render.visible_markdown`)."""
    return visible_markdown(text)


def prose_head(
    text: str,
    budget: int = HEAD_CHARS,
    max_lines: int = HEAD_LINES,
    split_above: int = SPLIT_ABOVE,
) -> str | None:
    """The leading part of long Markdown to show first, or None when it is short.

    Cut before the last blank line outside code fences within `budget` characters and
    `max_lines` lines, so the head is whole blocks and renders as the start of the whole
    would.  When the first block alone is longer (a long table), it is cut at the last line
    break within the budget: a table cut after a row, or a paragraph cut after a line, is
    still its own beginning.
    """
    if len(text) <= split_above:
        return None
    fence: str | None = None
    block_end = line_end = 0
    position = 0
    for count, line in enumerate(text.splitlines(keepends=True)):
        over = position + len(line) > budget or count >= max_lines
        if over and (block_end or line_end):
            break
        is_fence, fence = fence_after(line, fence)
        if fence is None and not is_fence and not line.strip() and position:
            block_end = position
        position += len(line)
        line_end = position
    cut = block_end or line_end
    return text[:cut] if 0 < cut < len(text) else None


class _Abandonable:
    """A renderable that stops early once its thread worker is cancelled (prose replaced)."""

    def __init__(self, renderable: RenderableType, worker: Worker[object]) -> None:
        self.renderable = renderable
        self.worker = worker

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments: Iterator[Segment] = iter(console.render(self.renderable, options))
        for count, segment in enumerate(segments):
            if count % _CHECK_EVERY == 0 and self.worker.is_cancelled:
                return
            yield segment


@dataclass(frozen=True, slots=True)
class _Rendered:
    """Rendered lines for one width and theme; `whole` is False while only the head is."""

    key: tuple[int, str]
    text: str
    strips: list[Strip]
    whole: bool


class Prose(Widget):
    """A block of document Markdown, rendered once per width and then served line by line.

    A Static holding the Markdown re-rendered the whole document on every layout pass (14
    passes to open one large briefing, 1.6 s for a 195 KB annex).  Here the rendered lines
    are cached by width and theme (the theme sets the Markdown styles), so layout asks for a
    height that is already known and the compositor draws only the lines in view.  The
    widget's own style (its background changes as the reading view gains focus) is laid
    under each line as it is drawn, so focus does not render the text again.  Empty text
    leaves the widget hidden.

    Long prose would still hold up the first paint for as long as the whole takes to render,
    so it is shown in two steps: the head (`prose_head`) at once, and the whole, rendered in
    a thread worker after the screen has been painted, replaces it.  The head's lines are
    the start of the whole's, so the reader's place does not move.  Find waits for the whole
    (`wait_rendered`).
    """

    DEFAULT_CSS = "Prose { height: auto; }"
    DEFAULT_CLASSES = "prose"

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.text = text
        self.display = bool(text.strip())
        self._cache: _Rendered | None = None
        self._rest: Worker[_Rendered] | None = None
        self._rest_key: tuple[tuple[int, str], str] | None = None

    def set_text(self, text: str) -> None:
        self.text = text
        self._forget()
        self.display = bool(text.strip())
        self.refresh(layout=True)

    def _forget(self) -> None:
        self._cache = None
        if self._rest is not None:
            self._rest.cancel()
            self._rest = None

    @property
    def whole_rendered(self) -> bool:
        """Whether every line of the text is rendered (False while only the head is shown)."""
        return self._cache is None or self._cache.whole

    def _render_text(self, text: str, width: int) -> list[Strip]:
        console = self.app.console
        options = console.options.update(width=width, height=None, highlight=False)
        rendered = console.render_lines(markdown(text), options, pad=True)
        return [Strip(line, width) for line in rendered]

    def _lines(self, width: int) -> list[Strip]:
        """The rendered lines at `width`, without the widget's style (see `render_line`)."""
        width = max(width, 1)
        key = (width, self.app.theme)
        if self._cache is not None and self._cache.key == key and self._cache.text == self.text:
            return self._cache.strips
        head = prose_head(self.text)
        if head is None:
            self._cache = _Rendered(key, self.text, self._render_text(self.text, width), True)
        else:
            self._cache = _Rendered(key, self.text, self._render_text(head, width), False)
            # After this frame is on screen, not before: the head is there to be seen early.
            self.call_after_refresh(self._render_rest)
        return self._cache.strips

    def lines(self, width: int) -> list[Strip]:
        """Every rendered line at `width`, rendering the whole now if only the head is ready."""
        strips = self._lines(width)
        cache = self._cache
        if cache is None or cache.whole:
            return strips
        self._forget()
        whole = _Rendered(cache.key, cache.text, self._render_text(cache.text, cache.key[0]), True)
        self._cache = whole
        self.refresh(layout=True)
        return whole.strips

    def _render_rest(self) -> None:
        cache = self._cache
        if cache is None or cache.whole or not self.is_attached:
            return
        running = self._rest
        if running is not None and not running.is_finished:
            if self._rest_key == (cache.key, cache.text):
                return
            running.cancel()
        self._rest_key = (cache.key, cache.text)
        console = self.app.console
        width = cache.key[0]
        text = cache.text

        def render() -> _Rendered:
            options = console.options.update(width=width, height=None, highlight=False)
            rendered = console.render_lines(
                _Abandonable(markdown(text), get_current_worker()), options, pad=True
            )
            return _Rendered(cache.key, text, [Strip(line, width) for line in rendered], True)

        self._rest = self.run_worker(
            render, name="prose-rest", group="prose-rest", thread=True, exit_on_error=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is self._rest:
            event.stop()
            if event.state is WorkerState.SUCCESS:
                self._take(self._rest)

    def _take(self, worker: Worker[_Rendered]) -> None:
        """Show the whole rendered by `worker`, if it is still the text and width shown."""
        result = worker.result
        cache = self._cache
        if worker.is_cancelled or result is None or cache is None or cache.whole:
            return
        if result.key != cache.key or result.text != cache.text:
            return
        self._cache = result
        self.refresh(layout=True)

    async def wait_rendered(self) -> None:
        """Wait until the whole text is rendered (find and search need every line)."""
        worker = self._rest
        if worker is not None and not self.whole_rendered:
            try:
                await worker.wait()
            except Exception:  # cancelled or failed: rendered below instead
                pass
            else:
                self._take(worker)
        if not self.whole_rendered:
            self.lines(self.content_region.width or self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width or self.size.width
        lines = self._lines(width)
        if 0 <= y < len(lines):
            return lines[y].apply_style(self.rich_style)
        return Strip.blank(width, self.rich_style)


class ReadingScroll(VerticalScroll):
    """A focusable scroll view that also answers to j/k, for readers used to pagers.

    The scrollbar gutter is always reserved, so the width of the text does not change when
    a long document's scrollbar appears, and long prose is laid out once, not twice.
    """

    DEFAULT_CSS = "ReadingScroll { scrollbar-gutter: stable; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        # No `b` for page up here, as in pagers: `b` bookmarks the briefing everywhere.
    ]
