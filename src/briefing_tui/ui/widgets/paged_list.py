"""An option list that shows a long sequence a page at a time, adding pages as the reader
moves down.

The library-wide screens can list tens of thousands of rows (everyone met 60,000 times, every
outcome of 10,000 briefings).  Measuring every option up front costs about 40 µs each, so
only a page is made when the list is filled, and the next when the highlight nears the end.
Rows may come from an iterator, so even the row objects are made only for pages shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

T = TypeVar("T")

PAGE_SIZE = 200
# A new page is added when the highlight comes this close to the last row shown.
PREFETCH = 20


class PagedOptionList(OptionList, Generic[T]):
    """Rows of type T, rendered by `render`, shown a page at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class PageShown(Message):
        """More rows were shown (or the list was refilled); the screen updates its counts."""

        def __init__(
            self,
            paged_list: PagedOptionList[Any],
            shown: int,
            total: int | None,
            exhausted: bool,
        ) -> None:
            super().__init__()
            self.paged_list = paged_list
            self.shown = shown
            self.total = total
            self.exhausted = exhausted

        @property
        def control(self) -> PagedOptionList[Any]:
            return self.paged_list

    def __init__(
        self,
        render: Callable[[T], Content],
        *,
        page_size: int = PAGE_SIZE,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.render_row = render
        self.page_size = page_size
        self.rows: list[T] = []
        self.total: int | None = None
        self._source: Iterator[T] = iter(())
        self._exhausted = True

    @property
    def exhausted(self) -> bool:
        """True when every row has been shown."""
        return self._exhausted

    def show(self, rows: Iterable[T], total: int | None = None) -> None:
        """Replace the rows; the first page is shown and highlighted at once."""
        self.rows = []
        self.total = total
        self._source = iter(rows)
        self._exhausted = False
        self.clear_options()
        self._add_page()
        self.highlighted = next((i for i, o in enumerate(self.options) if not o.disabled), None)

    def row_at(self, index: int | None) -> T | None:
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    @property
    def current(self) -> T | None:
        return self.row_at(self.highlighted)

    def _add_page(self) -> bool:
        if self._exhausted:
            return False
        page = list(itertools.islice(self._source, self.page_size))
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            self.rows.extend(page)
            self.add_options(self.make_option(row) for row in page)
        self.post_message(self.PageShown(self, len(self.rows), self.total, self._exhausted))
        return bool(page)

    def make_option(self, row: T) -> Option:
        """The option for a row; subclasses may disable some (headings)."""
        return Option(self.render_row(row))

    def show_more(self) -> bool:
        """Show the next page; False when there was none."""
        return self._add_page()

    def _room_below(self, rows: int) -> None:
        highlighted = self.highlighted if self.highlighted is not None else 0
        while not self._exhausted and highlighted + rows >= len(self.rows):
            if not self._add_page():
                break

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted + PREFETCH >= len(self.rows):
            self._room_below(PREFETCH)

    def action_cursor_down(self) -> None:
        # Without this the highlight would wrap to the top before the next page was added.
        self._room_below(1)
        super().action_cursor_down()

    def action_page_down(self) -> None:
        self._room_below(max(self.scrollable_content_region.height, 1))
        super().action_page_down()  # type: ignore[no-untyped-call]

    def action_last(self) -> None:
        """End shows one more page at a time rather than making every row at once."""
        self._room_below(self.page_size)
        super().action_last()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self.max_scroll_y - self.scroll_y <= self.scrollable_content_region.height:
            self.show_more()
