"""VirtualTable: a sortable table of plain text rows, drawn line by line so that it scales.

DataTable measures and stores every row as it is added: 200,000 participants froze the
reader for 37 s and took a gigabyte.  Here rows are tuples of plain strings; column widths
come from the text lengths (capped), sorting is one sort of row numbers, and `render_line`
draws only the rows in view, with find's matches marked as they are drawn.  It looks like
the DataTable it stands in for (a header, zebra stripes, a row cursor).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.worker import Worker, WorkerState, get_current_worker

from briefing_tui.pacing import paced, slices
from briefing_tui.ui.locate.highlights import MATCH_STYLE, mark_content
from briefing_tui.ui.services.ui_pulse import ui_pulse

SpanFinder = Callable[[str], list[tuple[int, int]]]

# Up to this many rows are re-sorted on the UI thread; more in a worker (`sort_by`).
SORT_AT_ONCE = 20_000
SORT_GROUP = "virtual-table-sort"
# A column is as wide as its longest text, but never wider than this.
MAX_COLUMN = 40
CELL_PADDING = 1


# Rows measured or keyed between two calls of a worker's `pause` (a few ms of work).
SLICE = 10_000
Pause = Callable[[], None]

# One string per row: a mark (blank cells after the rest), then the case-folded text.
# Strings compare in C without a call per item, so sorting 200,000 rows holds the GIL (and
# with it the screen, even from a worker) half as long as (blank, text) tuples did: 30-66
# against 67-133 ms (bench_long's 200,000 participants).
SortKeys = list[str]
_FILLED, _BLANK = "\x00", "\x01"


@dataclass(frozen=True, slots=True)
class Prepared:
    """Rows made ready off the UI thread: widths measured, sorted when `column` is set."""

    rows: list[tuple[str, ...]]
    widths: list[int]
    order: list[int] = field(default_factory=list)
    keys: tuple[tuple[int, SortKeys], ...] = ()
    column: str | None = None
    reverse: bool = False


def column_keys(
    rows: Sequence[tuple[str, ...]], index: int, pause: Pause | None = None
) -> SortKeys:
    """Sort keys of one column: blank cells last, then case-insensitive text."""
    keys: SortKeys = []
    get = itemgetter(index)
    for part in slices(rows, pause, SLICE):
        texts = map(get, part)
        keys += [(_FILLED if text.strip() else _BLANK) + text.casefold() for text in texts]
    return keys


def sorted_order(keys: SortKeys, reverse: bool) -> list[int]:
    """Row numbers in sorted order; blank cells stay last when reversed too."""
    order = sorted(range(len(keys)), key=keys.__getitem__, reverse=reverse)
    if reverse:
        blanks = [i for i in order if keys[i][0] == _BLANK]
        order = [i for i in order if keys[i][0] != _BLANK] + blanks[::-1]
    return order


def prepare(
    labels: Sequence[str],
    rows: Iterable[tuple[str, ...]],
    sort: tuple[int, str, bool] | None = None,
    pause: Pause | None = None,
) -> Prepared:
    """Rows with their column widths, and sorted by `sort` (index, key, reverse) if given.

    Thread-safe: 200,000 rows took 0.8 s here, so the pane does it in a worker, and
    `pause()` is called between slices of SLICE rows: the reader's pause lets a key
    through first (a page down waited 0.1-0.2 s for the loop while this ran beside it).
    """
    listed = list(paced(rows, pause))
    widths = [len(label) + 2 for label in labels]  # room for a sort marker
    longest = [0] * len(labels)
    for chunk in slices(listed, pause, SLICE):
        for column in range(len(labels)):
            # map/itemgetter run in C: 0.02 s for 200,000 rows, against 0.5 s in a loop.
            most = max(map(len, map(itemgetter(column), chunk)), default=0)
            longest[column] = max(longest[column], most)
    widths = [min(MAX_COLUMN, max(w, most)) for w, most in zip(widths, longest, strict=True)]
    if sort is None:
        return Prepared(listed, widths)
    index, column_key, reverse = sort
    keys = column_keys(listed, index, pause)
    if pause is not None:
        pause()  # the sort is one call in C that holds the GIL: start it with the loop free
    order = sorted_order(keys, reverse)
    return Prepared(listed, widths, order, ((index, keys),), column_key, reverse)


class VirtualTable(ScrollView, can_focus=True):
    """Rows of text under a header; `order` maps display positions to row numbers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--even-row",
        "virtual-table--cursor",
    }

    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow-x: hidden;
        & > .virtual-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .virtual-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .virtual-table--even-row { background: $surface-darken-1 40%; }
        & > .virtual-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .virtual-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    class Sorted(Message):
        """The table was re-sorted."""

        def __init__(self, column: str, reverse: bool) -> None:
            super().__init__()
            self.column = column
            self.reverse = reverse

    def __init__(self, columns: Sequence[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.column_keys = [key for key, _ in columns]
        self.labels = [label for _, label in columns]
        self.rows: list[tuple[str, ...]] = []
        self.order: list[int] = []
        self.widths: list[int] = [cell_len(label) for label in self.labels]
        self.cursor_row = 0
        self.sort_column: str | None = None
        self._keys: dict[int, SortKeys] = {}
        self.sort_reverse = False
        self._find: SpanFinder | None = None
        self._marked: set[int] = set()

    # -- rows ---------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: Iterable[tuple[str, ...]]) -> None:
        """Replace the rows (in their given order; `sort_by` re-sorts them)."""
        self.take(prepare(self.labels, rows))

    def take(self, prepared: Prepared) -> None:
        """Show rows prepared (in a thread, for very many) by `prepare`."""
        self.rows, self.widths = prepared.rows, prepared.widths
        self.order = prepared.order or list(range(len(self.rows)))
        self._keys = dict(prepared.keys)
        self.cursor_row = 0
        self._find, self._marked = None, set()
        self._resize()
        self.scroll_to(0, 0, animate=False)
        self.refresh()
        if prepared.column is not None:
            self.sort_column, self.sort_reverse = prepared.column, prepared.reverse
            self.post_message(self.Sorted(prepared.column, prepared.reverse))

    def sort_by(self, column: str, *, reverse: bool) -> None:
        """Re-sort by `column`; more than SORT_AT_ONCE rows are sorted in a thread.

        The column and direction change at once (pressing s again goes on from them); the
        new order shows when it is ready.  On the UI thread, 200,000 rows held the key for
        the column's keys and the sort: 36-52 ms of CPU on a quiet machine, 0.1-0.3 s at a
        load of 4.  In a worker only the sort itself (one C call) still holds the GIL.
        """
        self.sort_column, self.sort_reverse = column, reverse
        index = self.column_keys.index(column)
        keys = self._keys.get(index)
        rows = self.rows
        if len(rows) <= SORT_AT_ONCE:
            if keys is None:  # made once per column: sorting again by it is one sort
                keys = self._keys[index] = column_keys(rows, index)
            self._show_order(column, reverse, sorted_order(keys, reverse))
            return

        pulse = ui_pulse()

        def sort() -> tuple[list[tuple[str, ...]], int, bool, SortKeys, list[int]]:
            worker = get_current_worker()

            def pause() -> None:
                pulse.yield_to_ui(lambda: worker.is_cancelled)

            made = keys if keys is not None else column_keys(rows, index, pause)
            pause()  # the sort holds the GIL throughout: start it with the loop free
            return rows, index, reverse, made, sorted_order(made, reverse)

        self.refresh()  # the header's sort marker moves now
        self.run_worker(
            sort,
            group=SORT_GROUP,
            description=f"sort the rows by {column}",  # not the repr of 200,000 rows
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != SORT_GROUP or event.state is not WorkerState.SUCCESS:
            return
        event.stop()
        if worker.result is None:
            return
        rows, index, reverse, keys, order = worker.result
        column = self.column_keys[index]
        # A later sort, or new rows, make this one stale.
        if rows is not self.rows or (column, reverse) != (self.sort_column, self.sort_reverse):
            return
        self._keys[index] = keys
        self._show_order(column, reverse, order)

    def _show_order(self, column: str, reverse: bool, order: list[int]) -> None:
        current = self.order[self.cursor_row] if self.order else None
        self.order = order
        if current is not None:
            self.move_to_row(current)
        self.refresh()
        self.post_message(self.Sorted(column, reverse))

    def row_at(self, position: int) -> tuple[str, ...]:
        """The row shown at display `position`."""
        return self.rows[self.order[position]]

    def position_of(self, row: int) -> int | None:
        """The display position of row number `row` (its index in the rows given)."""
        if not 0 <= row < len(self.rows):
            return None
        return self.order.index(row)

    def move_to_row(self, row: int) -> bool:
        """Put the cursor on row number `row` and bring it into view."""
        position = self.position_of(row)
        if position is None:
            return False
        self.move_cursor(position)
        return True

    def mark_rows(self, find: SpanFinder | None, rows: Iterable[int] = ()) -> int:
        """Mark matches of `find` in the rows numbered `rows` as they are drawn; a row not
        made yet (its rows are prepared in a worker) counts nothing."""
        self._find, self._marked = find, set(rows)
        self.refresh()
        if find is None:
            return 0
        made = len(self.rows)
        return sum(len(find(cell)) for row in self._marked if row < made for cell in self.rows[row])

    # -- cursor ---------------------------------------------------------------------------------

    def move_cursor(self, position: int) -> None:
        if not self.rows:
            return
        previous = self.cursor_row
        self.cursor_row = max(0, min(len(self.rows) - 1, position))
        self._refresh_row(previous)
        self._refresh_row(self.cursor_row)
        body = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + body:
            self.scroll_to(y=self.cursor_row - body + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    async def _on_click(self, event: events.Click) -> None:
        position = event.style.meta.get("position")
        if isinstance(position, int):
            self.move_cursor(position)

    # -- drawing --------------------------------------------------------------------------------

    def _resize(self) -> None:
        width = sum(self.widths) + 2 * CELL_PADDING * len(self.widths)
        self.virtual_size = Size(width, len(self.rows) + 1)

    def _refresh_row(self, position: int) -> None:
        y = position - int(self.scroll_y) + 1
        self.refresh(Region(0, y, self.size.width, 1))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            style = self.get_visual_style("virtual-table--header")
            return self._line(self._header_cells(), style, width)
        position = int(self.scroll_y) + y - 1
        if not 0 <= position < len(self.rows):
            return Strip.blank(width, self.get_visual_style().rich_style)
        if position == self.cursor_row:
            style = self.get_visual_style("virtual-table--cursor")
        elif position % 2:
            style = self.get_visual_style("virtual-table--even-row")
        else:
            style = self.get_visual_style()
        row = self.order[position]
        cells = [Content(text) for text in self.rows[row]]
        if self._find is not None and row in self._marked:
            cells = [mark_content(cell, self._find(cell.plain), MATCH_STYLE) for cell in cells]
        return self._line(cells, style, width).apply_meta({"position": position})

    def _header_cells(self) -> list[Content]:
        cells = []
        for key, label in zip(self.column_keys, self.labels, strict=True):
            marker = (" ▼" if self.sort_reverse else " ▲") if key == self.sort_column else ""
            cells.append(Content(label + marker))
        return cells

    def _line(self, cells: list[Content], style: Style, width: int) -> Strip:
        pad = Content(" " * CELL_PADDING)
        parts: list[Content] = []
        for cell, column_width in zip(cells, self.widths, strict=True):
            text = cell.truncate(column_width, ellipsis=True, pad=True)
            parts += [pad, text, pad]
        line = Content("").join(parts)
        segments = line.render_segments(style)
        rich = style.rich_style
        return Strip(segments).extend_cell_length(width, rich).crop(0, width)
