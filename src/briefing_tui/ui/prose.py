"""Prose: document Markdown rendered by Rich, which is fast and never turns text into markup.

Textual's Markdown widget took seconds on large documents, so prose is rendered by
`rich.markdown.Markdown` with hyperlinks disabled: links print as "text (url)" and nothing
can be clicked open.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markdown import Markdown as RichMarkdown
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget


def markdown(text: str) -> RichMarkdown:
    """The one place prose becomes a renderable, so every pane renders it the same safe way."""
    return RichMarkdown(text, hyperlinks=False)


class Prose(Widget):
    """A block of document Markdown, rendered once per width and then served line by line.

    A Static holding the Markdown re-rendered the whole document on every layout pass (14
    passes to open one large briefing, 1.6 s for a 195 KB annex).  Here the rendered lines
    are cached by width and style, so layout asks for a height that is already known and the
    compositor draws only the lines in view.  Empty text leaves the widget hidden.
    """

    DEFAULT_CSS = "Prose { height: auto; }"
    DEFAULT_CLASSES = "prose"

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.text = text
        self.display = bool(text.strip())
        self._cache: tuple[tuple[int, Style], list[Strip]] | None = None

    def set_text(self, text: str) -> None:
        self.text = text
        self._cache = None
        self.display = bool(text.strip())
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        self._cache = None
        super().notify_style_update()

    def _lines(self, width: int) -> list[Strip]:
        width = max(width, 1)
        style = self.rich_style
        key = (width, style)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        console = self.app.console
        options = console.options.update(width=width, height=None, highlight=False)
        rendered = console.render_lines(markdown(self.text), options, style=style, pad=True)
        strips = [Strip(line, width) for line in rendered]
        self._cache = (key, strips)
        return strips

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width or self.size.width
        lines = self._lines(width)
        if 0 <= y < len(lines):
            return lines[y]
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
