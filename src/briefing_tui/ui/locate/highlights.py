"""Highlights laid over the text the panes already show, and taken off again exactly.

Search (Enter on a hit) and find (ctrl+f) light up words in widgets that other modules
build: Statics holding Content or a Rich table, option lists, data tables.  Rather than
rebuild a pane, `Marks` swaps in a highlighted copy of a widget's text and remembers the
original; `clear` puts the original back, but only where the widget still shows the copy
(a pane that rebuilt itself meanwhile is left alone).  Every highlighted copy is made from
the widget's own plain text, so document text never passes through markup.

Markdown prose (a ReadingText, the Overview's or a pane's ProseText) is drawn line by line
from Rich's rendering and cannot be marked from outside; callers bring the paragraph into
view instead.  A ReadingText marks its headings itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol
from weakref import WeakKeyDictionary

from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static

Spans = list[tuple[int, int]]
SpanFinder = Callable[[str], Spans]

# Content resolves theme variables; Rich text (tables) needs plain style names.
MATCH_STYLE = "bold underline $text-accent"
CURRENT_STYLE = "bold reverse"
RICH_MATCH_STYLE = "bold underline"
RICH_CURRENT_STYLE = "bold reverse"


class HeadingMarker(Protocol):
    """A widget that marks matches in the headings it draws (ReadingText)."""

    @property
    def is_attached(self) -> bool: ...

    def mark_headings(
        self, find: SpanFinder | None, current: tuple[int, int] | None = None
    ) -> int: ...


class RowMarker(Protocol):
    """A table that marks matches in its rows as it draws them (VirtualTable)."""

    @property
    def is_attached(self) -> bool: ...

    def mark_rows(self, find: SpanFinder | None, rows: Iterable[int] = ()) -> int: ...


def mark_content(content: Content, spans: Iterable[tuple[int, int]], style: str) -> Content:
    for start, end in spans:
        if end > start:
            content = content.stylize(style, start, end)
    return content


def marked_text(plain: str, spans: Iterable[tuple[int, int]], style: str = MATCH_STYLE) -> Content:
    """`plain` as Content with `spans` styled: document text, never parsed as markup."""
    return mark_content(Content(plain), spans, style)


def _as_content(value: object) -> Content | None:
    if isinstance(value, Content):
        return value
    if isinstance(value, Text):
        return Content.from_rich_text(value)
    return None


class Marks:
    """Highlights currently shown, each with the way to undo it."""

    def __init__(self) -> None:
        self._undo: list[Callable[[], None]] = []
        self.count = 0  # spans highlighted, for tests and status lines

    def __bool__(self) -> bool:
        return bool(self._undo)

    def clear(self) -> None:
        undo, self._undo = self._undo, []
        self.count = 0
        for step in reversed(undo):
            step()

    # -- one widget at a time --------------------------------------------------------------

    def static(
        self, widget: Static, find: SpanFinder, current: int | None = None, *, start: int = 0
    ) -> int:
        """Highlight a Static's matches; the `current`-th one (0-based) stands out.

        Returns how many matches it holds.  `start` skips that many characters (a label).
        """
        original = widget.content
        if isinstance(original, Table):
            return self._table_static(widget, original, find)
        content = _as_content(original)
        if content is None:
            return 0
        plain = content.plain
        spans = [(s + start, e + start) for s, e in find(plain[start:])]
        if not spans:
            return 0
        marked = mark_content(content, spans, MATCH_STYLE)
        if current is not None and 0 <= current < len(spans):
            marked = marked.stylize(CURRENT_STYLE, *spans[current])
        widget.update(marked, layout=False)
        self.count += len(spans)

        def undo() -> None:
            if widget.is_attached and widget.content is marked:
                widget.update(original, layout=False)

        self._undo.append(undo)
        return len(spans)

    def _table_static(self, widget: Static, table: Table, find: SpanFinder) -> int:
        """A Rich table of label/value rows: its value cells are marked in place."""
        saved: list[tuple[Text, list[object]]] = []
        found = 0
        for column in table.columns[1:]:  # the first column holds labels, not document text
            for cell in column.cells:
                if not isinstance(cell, Text):
                    continue
                spans = find(cell.plain)
                if spans:
                    saved.append((cell, list(cell.spans)))
                    for s, e in spans:
                        cell.stylize(RICH_MATCH_STYLE, s, e)
                    found += len(spans)
        if not saved:
            return 0
        widget.update(table, layout=False)
        self.count += found

        def undo() -> None:
            for cell, spans in saved:
                cell.spans = spans  # type: ignore[assignment]
            if widget.is_attached and widget.content is table:
                widget.update(table, layout=False)

        self._undo.append(undo)
        return found

    def headings(
        self, widget: HeadingMarker, find: SpanFinder, current: tuple[int, int] | None = None
    ) -> int:
        """Highlight matches in the headings a ReadingText draws (`current`: part, nth)."""
        found = widget.mark_headings(find, current)
        self.count += found

        def undo() -> None:
            if widget.is_attached:
                widget.mark_headings(None)

        self._undo.append(undo)
        return found

    def rows(self, widget: RowMarker, find: SpanFinder, rows: Iterable[int]) -> int:
        """Highlight matches in the given rows of a VirtualTable (marked as it draws)."""
        found = widget.mark_rows(find, rows)
        self.count += found

        def undo() -> None:
            if widget.is_attached:
                widget.mark_rows(None)

        self._undo.append(undo)
        return found

    def options(
        self, widget: OptionList, find: SpanFinder, only: Iterable[int] | None = None
    ) -> int:
        """Highlight matches in an option list's prompts (or in the options `only`)."""
        found = 0
        indexes = range(widget.option_count) if only is None else sorted(set(only))
        for index in indexes:
            if not 0 <= index < widget.option_count:
                continue
            option = widget.get_option_at_index(index)
            original = option.prompt
            content = _as_content(original)
            if content is None:
                continue
            spans = find(content.plain)
            if not spans:
                continue
            marked = mark_content(content, spans, MATCH_STYLE)
            widget.replace_option_prompt_at_index(index, marked)
            found += len(spans)
            self._undo.append(_option_undo(widget, index, marked, original))
        self.count += found
        return found

    def table(
        self, widget: DataTable[object], find: SpanFinder, rows: Iterable[str] | None = None
    ) -> int:
        """Highlight matches in a data table's Text cells (or in the rows keyed `rows`)."""
        found = 0
        wanted = None if rows is None else set(rows)
        for row_key in list(widget.rows):
            if wanted is not None and row_key.value not in wanted:
                continue
            for column_key in list(widget.columns):
                cell = widget.get_cell(row_key, column_key)
                if not isinstance(cell, Text):
                    continue
                spans = find(cell.plain)
                if not spans:
                    continue
                marked = cell.copy()
                for s, e in spans:
                    marked.stylize(RICH_MATCH_STYLE, s, e)
                widget.update_cell(row_key, column_key, marked)
                found += len(spans)
                self._undo.append(
                    _cell_undo(widget, row_key.value or "", column_key.value or "", marked, cell)
                )
        self.count += found
        return found

    # -- everything under a widget ------------------------------------------------------------

    def under(
        self,
        root: Widget,
        find: SpanFinder,
        *,
        skip: Callable[[Widget], bool] | None = None,
    ) -> int:
        """Highlight matches in every Static, option list and data table under `root`."""
        found = 0
        for widget in root.query(Widget):
            if skip is not None and skip(widget):
                continue
            if isinstance(widget, DataTable):
                found += self.table(widget, find)
            elif isinstance(widget, OptionList):
                found += self.options(widget, find)
            elif isinstance(widget, Static):
                found += self.static(widget, find)
        return found


def _option_undo(
    widget: OptionList, index: int, marked: Content, original: object
) -> Callable[[], None]:
    def undo() -> None:
        if not widget.is_attached or index >= widget.option_count:
            return
        if widget.get_option_at_index(index).prompt is marked:
            widget.replace_option_prompt_at_index(index, original)  # type: ignore[arg-type]

    return undo


def _cell_undo(
    widget: DataTable[object], row: str, column: str, marked: Text, original: Text
) -> Callable[[], None]:
    def undo() -> None:
        if not widget.is_attached:
            return
        try:
            if widget.get_cell(row, column) is marked:
                widget.update_cell(row, column, original)
        except Exception:  # the row went with a rebuild: nothing to undo
            return

    return undo


_MARKS: WeakKeyDictionary[Widget, Marks] = WeakKeyDictionary()


def marks_for(view: Widget) -> Marks:
    """The one set of highlights over `view` (the open briefing), shared by search and find,
    so that whichever highlights next first takes the other's away."""
    marks = _MARKS.get(view)
    if marks is None:
        marks = _MARKS[view] = Marks()
    return marks
