"""Prose: document Markdown rendered by Rich, which is fast and never turns text into markup.

Textual's Markdown widget took seconds on large documents, so prose is a Static holding a
`rich.markdown.Markdown` with hyperlinks disabled: links print as "text (url)" and nothing
can be clicked open.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markdown import Markdown
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static


def markdown(text: str) -> Markdown:
    """The one place prose becomes a renderable, so every pane renders it the same safe way."""
    return Markdown(text, hyperlinks=False)


class Prose(Static):
    """A block of document Markdown; empty text leaves the widget hidden instead of a gap."""

    DEFAULT_CLASSES = "prose"

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(markdown(text), id=id, classes=classes)
        self.text = text
        self.display = bool(text.strip())

    def set_text(self, text: str) -> None:
        self.text = text
        self.update(markdown(text))
        self.display = bool(text.strip())


class ReadingScroll(VerticalScroll):
    """A focusable scroll view that also answers to j/k, for readers used to pagers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]
