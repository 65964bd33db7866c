"""Prose: how document Markdown becomes lines on screen, and the scroll view it is read in.

Textual's Markdown widget took seconds on large documents, so prose is rendered by
`render.visible_markdown` (Rich's Markdown with HTML shown, not dropped) with hyperlinks
disabled: links print as "text (url)" and nothing can be clicked open.  The views that draw
it line by line are `reading_view.ReadingText` (the Overview) and `prose_text.ProseText`
(the other panes' prose).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

if TYPE_CHECKING:
    from rich.markdown import Markdown as RichMarkdown


def markdown(text: str) -> RichMarkdown:
    """The one place prose becomes a renderable, so every view renders it the same safe way
    (HTML shown as dimmed literal text, see `render.visible_markdown`)."""
    # Imported at the first prose (in a layout worker): the Markdown parser and Rich's
    # Markdown and code highlighting cost about 45 ms, which the first frame need not wait for.
    from briefing_tui.render.visible_markdown import visible_markdown

    return visible_markdown(text)


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

    # Keys move the text at once, as a pager does.  Textual slides it instead: a page down
    # was some thirty repaints over half a second (5-8 ms of the screen's CPU each, about
    # 0.2 s in all, headless, 350 KB document), taken from the next key and from the
    # workers laying out the rest, and a key pressed meanwhile waited behind a frame.

    def action_scroll_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_up(animate=False)

    def action_page_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        if not (self.allow_vertical_scroll or self.allow_horizontal_scroll):
            raise SkipAction()
        self.scroll_home(animate=False, x_axis=self.scroll_y == 0)

    def action_scroll_end(self) -> None:
        if not (self.allow_vertical_scroll or self.allow_horizontal_scroll):
            raise SkipAction()
        self.scroll_end(animate=False, x_axis=self.scroll_y == self.is_vertical_scroll_end)
