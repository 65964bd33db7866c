"""VirtualList: a list of very many entries of a fixed number of lines, drawn line by line.

OptionList measures every option when its options are set: 200,000 topics or outcomes
took 20 s.  Here every entry has the same height (long text is cut at the edge), so there
is nothing to measure; entries are made from their index only when drawn, and find's
matches are marked as they are drawn.  The library list works the same way; this is its
general form for the Topics and Outcomes panes, which switch to it above `BIG_LIST`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.ui.locate.highlights import MATCH_STYLE, mark_content

SpanFinder = Callable[[str], list[tuple[int, int]]]
Prompt = Callable[[int], Content]

# Lists longer than this are drawn by a VirtualList rather than an OptionList.
BIG_LIST = 2_000


class VirtualList(ScrollView, can_focus=True):
    """`count` entries of `lines` lines each; `prompt(i)` makes entry i when it is drawn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor"}
    DEFAULT_CSS = """
    VirtualList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .virtual-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .virtual-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    class Highlighted(Message):
        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    class Selected(Highlighted):
        """Enter (or a click) on an entry."""

    def __init__(self, lines: int = 1, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines = lines
        self.option_count = 0
        self._prompt: Prompt = lambda index: Content("")
        self._highlighted: int | None = None
        self._find: SpanFinder | None = None
        self._marked: set[int] = set()
        self.display = self.can_focus = False

    def show(self, count: int, prompt: Prompt) -> None:
        """List `count` entries made by `prompt`; the first is highlighted."""
        self.option_count = count
        self._prompt = prompt
        self._highlighted = None
        self._find, self._marked = None, set()
        self.virtual_size = Size(self.scrollable_content_region.width, count * self.lines)
        self.scroll_to(0, 0, animate=False)
        self.highlighted = 0 if count else None
        self.refresh()

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = max(0, min(self.option_count - 1, index)) if self.option_count else None
        previous, self._highlighted = self._highlighted, index
        self._refresh_entry(previous)
        self._refresh_entry(index)
        if index is not None and index != previous:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, index))

    def scroll_to_highlight(self, top: bool = False) -> None:
        if self._highlighted is not None:
            region = Region(0, self._highlighted * self.lines, 1, self.lines)
            self.scroll_to_region(region, animate=False, immediate=True, force=True, top=top)

    def mark_rows(self, find: SpanFinder | None, rows: Iterable[int] = ()) -> int:
        """Mark matches of `find` in the entries `rows` as they are drawn."""
        self._find, self._marked = find, set(rows)
        self.refresh()
        if find is None:
            return 0
        return sum(len(find(self._prompt(row).plain)) for row in self._marked)

    # -- keys and mouse -------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        if self.option_count:
            self.highlighted = (self._highlighted or 0) + step

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(1, self.scrollable_content_region.height // self.lines))

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = self.option_count - 1

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("entry")
        if isinstance(index, int):
            self.highlighted = index
            self.action_select()

    # -- drawing --------------------------------------------------------------------------------

    def _refresh_entry(self, index: int | None) -> None:
        if index is not None:
            top = index * self.lines - int(self.scroll_y)
            self.refresh(Region(0, top, self.size.width, self.lines))

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, self.option_count * self.lines)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, part = divmod(int(self.scroll_y) + y, self.lines)
        if not 0 <= index < self.option_count:
            return Strip.blank(width, self.get_visual_style().rich_style)
        names = ("virtual-list--cursor",) if index == self._highlighted else ()
        style = self.get_visual_style(*names)
        prompt = self._prompt(index)
        if self._find is not None and index in self._marked:
            prompt = mark_content(prompt, self._find(prompt.plain), MATCH_STYLE)
        lines = prompt.split("\n")
        line = lines[part] if part < len(lines) else Content("")
        text = line.truncate(max(1, width - 2), ellipsis=True)
        segments = (Content(" ") + text).render_segments(style)
        strip = Strip(segments).extend_cell_length(width, style.rich_style).crop(0, width)
        return strip.apply_meta({"entry": index})
