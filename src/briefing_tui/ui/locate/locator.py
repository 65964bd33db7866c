"""Bringing a place in the open briefing into view: the pane, the row or option, the paragraph.

Search hits and find matches both say where they are as the engine sees a briefing: a
pane, a field (`search.fields.Field` keys: "participant", "topic", "overview", ...) and the
item it belongs to.  `show_spot` turns that into what a reader sees: it switches to the
pane, waits for the pane to be built, selects the participant row, topic or outcome, or
scrolls the paragraph of prose into view (waiting, with the screen free, for a
long text to be laid out as far as the spot), and says which widget now shows the spot.

The panes belong to other modules; this one only reads them and uses their public widget
API (switch_to, move_cursor, highlighted, scrolling), and falls back to the pane's top when
a pane is laid out differently than expected.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import App
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static

from briefing_tui.model import Briefing, Pane, Participant, ParticipantGroup
from briefing_tui.parts_later import parts_ready
from briefing_tui.search import find_spans
from briefing_tui.ui.locate.spot import SpanFinder, Spot, people_row_key
from briefing_tui.ui.services.items_reader import GROUP as ITEMS_GROUP
from briefing_tui.ui.services.ui_pulse import ui_pulse
from briefing_tui.ui.widgets.briefing_view import BriefingView
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.panes.overview import OVERVIEW
from briefing_tui.ui.widgets.prose_text import PROSE_KEY, ProseText
from briefing_tui.ui.widgets.reading_view import ReadingText
from briefing_tui.ui.widgets.virtual_list import VirtualList
from briefing_tui.ui.widgets.virtual_table import VirtualTable

# How long to wait for a pane that builds itself in a worker, in refreshes.
# How long a reveal waits for a pane to be built, shown or laid out.  A deadline, not a
# count of refreshes: on a busy machine a refresh can come before the layout it waits for.
_READY_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class Shown:
    """What `show_spot` did: the widget showing the spot, and what should take focus.

    `current` is the index of the meant occurrence among the matches of that widget's
    text, when the widget is a Static or a ReadingText's heading `part` (so a caller can
    make that one stand out).
    """

    widget: Widget | None
    focus: Widget
    current: int | None = None
    part: int | None = None  # in a ReadingText: the part (heading) showing the spot


def plain_of(widget: Widget) -> str:
    """The plain text a Static shows (a table's value cells, one per line)."""
    if not isinstance(widget, Static):
        return ""
    content = widget.content
    if isinstance(content, Content):
        return content.plain
    if isinstance(content, str):
        return content
    columns = getattr(content, "columns", None)
    if columns is not None:
        cells = [getattr(c, "plain", "") for col in columns[1:] for c in col.cells]
        return "\n".join(cells)
    return str(getattr(content, "plain", ""))


def choose_occurrence(text: str, spans: list[tuple[int, int]], spot: Spot) -> int | None:
    """Index into `spans` of the occurrence `spot` means (its anchor wins over `nth`)."""
    if not spans:
        return None
    if spot.anchor:
        found = find_spans(text, spot.anchor, 1)
        if found:
            target = found[0][0] + spot.anchor_offset
            for index, (_start, end) in enumerate(spans):
                if end > target:
                    return index
    return min(max(spot.nth, 0), len(spans) - 1)


def _deadline() -> float:
    return time.monotonic() + _READY_SECONDS


async def _refreshed(widget: Widget) -> None:
    try:
        await asyncio.wait_for(widget.wait_for_refresh(), 0.5)
    except (TimeoutError, AssertionError):
        await asyncio.sleep(0)


async def _pane_ready(app: App[object], pane: LazyPane, briefing: Briefing) -> bool:
    """Wait until `pane` is built for `briefing` and laid out (Overview builds in a worker)."""
    deadline = _deadline()
    while time.monotonic() < deadline:
        # Its own build, or the worker reading the items it waits for.
        busy = [
            w
            for w in app.workers
            if (w.node is pane or w.group == ITEMS_GROUP) and not w.is_finished
        ]
        if busy:
            with contextlib.suppress(Exception):  # a failed build shows what it got to
                await app.workers.wait_for_complete(busy)
        await _refreshed(pane)
        ready = pane.built_for is briefing and not pane.reading_items
        if ready and pane.size.width > 0:
            return True
    return False


async def focus_when_shown(widget: Widget) -> None:
    """Focus `widget` once it can take focus, and see that it keeps it.

    A pane just turned to is shown at the next layout; focusing it before then does
    nothing, while the pane turned from hides the old focus, leaving none at all.  A screen
    back from a dialog refocuses its old widget or, when that one was hidden meanwhile,
    focuses its first focusable widget (the library list), after ours was set; so focus is
    set again after each refresh until it holds or the reader moves it (a key, a click).
    """
    screen = widget.screen
    pulse = ui_pulse()
    started = time.monotonic()
    deadline = _deadline()
    while time.monotonic() < deadline:
        if widget.focusable:
            widget.focus()
        await _refreshed(widget)
        if screen.focused is widget or pulse.last_input > started:
            return


async def _laid_out(widget: Widget) -> bool:
    deadline = _deadline()
    while time.monotonic() < deadline:
        if widget.size.width > 0 and widget.size.height > 0:
            return True
        await _refreshed(widget)
    return False


async def scroll_reading(
    text: ReadingText, key: tuple[object, ...], find: SpanFinder, spot: Spot
) -> tuple[int, int | None] | None:
    """Scroll to the meant occurrence in one part of a ReadingText, waiting (with the
    screen free) for the layout to reach that part.  (part index, which match) or None
    when the part is not there."""
    index = text.part_index(key)
    parent = text.parent
    if index is None or not text.display or not isinstance(parent, Widget):
        return None
    if not await _laid_out(text) or not await text.wait_for_part(index):
        return None
    top, lines = text.part_lines(index)
    if top < 0:
        return None
    # The part may have been laid out since the last layout pass: the scroll view must
    # know the new height before it can scroll there.
    deadline = _deadline()
    while text.size.height < top + len(lines) and time.monotonic() < deadline:
        text.refresh(layout=True)
        await _refreshed(text)
    joined = "\n".join(lines)
    spans = find(joined)
    chosen = choose_occurrence(joined, spans, spot)
    line = top + (joined.count("\n", 0, spans[chosen][0]) if chosen is not None else 0)
    # A pane just turned to may not know its full height yet, and a scroll beyond it stops
    # short: scroll, let it lay out, and scroll again until the line is in view.
    deadline = _deadline()
    while True:  # returns once in view, at the end, or at the deadline
        region = text.virtual_region
        y = region.y + line
        parent.scroll_to_region(
            Region(region.x, y, max(1, region.width), 1),
            animate=False,
            center=True,
            immediate=True,
        )
        await _refreshed(parent)
        y = text.virtual_region.y + line
        shown = parent.scroll_y <= y < parent.scroll_y + parent.size.height
        at_end = text.laid_out and parent.scroll_y >= parent.max_scroll_y
        if shown or at_end or time.monotonic() > deadline:
            return index, chosen


def _reveal_static(widget: Widget, focus: Widget, find: SpanFinder, spot: Spot) -> Shown:
    text = plain_of(widget)
    current = choose_occurrence(text, find(text), spot)
    widget.scroll_visible(animate=False, immediate=True)
    return Shown(widget, focus, current)


def _first(widgets: Sequence[Widget], test: Callable[[Widget], bool]) -> Widget | None:
    return next((w for w in widgets if test(w)), None)


async def _overview(
    view: BriefingView, pane: LazyPane, b: Briefing, spot: Spot, find: SpanFinder
) -> Shown:
    focus = pane.focus_target()
    widgets = list(pane.query(Widget))
    statics = [w for w in widgets if isinstance(w, Static)]
    field = spot.field
    if field == "title":
        focus.scroll_home(animate=False, immediate=True)
        header = view.query("#header-title")
        return Shown(header.first() if header else None, focus)
    target: Widget | None = None
    reading = _first(widgets, lambda w: isinstance(w, ReadingText))
    if field == "summary":
        target = _first(statics, lambda w: w.has_class("summary"))
    elif field == "overview" and isinstance(reading, ReadingText):
        shown = await scroll_reading(reading, OVERVIEW, find, spot)
        return Shown(reading, focus, shown[1] if shown else None)
    elif field == "section" and spot.item is not None and spot.item < len(b.sections):
        section = b.sections[spot.item]
        if spot.text:
            in_title = spot.text == section.title
        else:
            in_title = bool(spot.anchor) and spot.anchor in section.title
        if isinstance(reading, ReadingText):
            key = ("section-title" if in_title else "section", spot.item)
            shown = await scroll_reading(reading, key, find, spot)
            if shown is None and not in_title:  # an empty body: its heading then
                key = ("section-title", spot.item)
                shown = await scroll_reading(reading, key, find, spot)
            if shown is None:
                return Shown(reading, focus)
            part, current = shown
            return Shown(reading, focus, current, part if key[0] == "section-title" else None)
    elif field == "extra":
        target = _first(statics, lambda w: w.has_class("extra"))
    elif field == "link":
        target = _first(widgets, lambda w: type(w).__name__ == "LinkList")
        if (
            isinstance(target, OptionList)
            and spot.item is not None
            and spot.item < target.option_count
        ):
            target.highlighted = spot.item
    elif field == "glossary":
        tables = [w for w in statics if w.has_class("facts")]
        target = tables[1] if len(tables) > 1 else (tables[0] if tables else None)
    else:  # date, location, marking, organiser, tag, source: the facts table
        target = _facts(statics)
    if target is None:
        focus.scroll_home(animate=False, immediate=True)
        return Shown(None, focus)
    return _reveal_static(target, target if target.focusable else focus, find, spot)


def _facts(statics: Sequence[Widget]) -> Widget | None:
    return _first(statics, lambda w: w.has_class("facts"))


async def _participants(pane: LazyPane, b: Briefing, spot: Spot, find: SpanFinder) -> Shown:
    if spot.field in ("participant", "group") and spot.item is not None:
        kind = Participant if spot.field == "participant" else ParticipantGroup
        key = people_row_key(b, spot.item)
        tables = [t for t in pane.query(DataTable) if t.display]
        if key is not None and isinstance(b.participants[spot.item], kind):
            big = _first(list(pane.query(VirtualTable)), lambda w: w.display)
            if isinstance(big, VirtualTable) and kind is Participant:
                big.move_to_row(int(key))
                return Shown(big, big)
            for table in tables:
                if table_is_for(table, kind) and key in table.rows:
                    table.move_cursor(row=table.get_row_index(key), column=0, scroll=True)
                    return Shown(table, table)
    prose = _first(list(pane.query(ProseText)), lambda w: w.display)
    if isinstance(prose, ProseText) and spot.field == "text":
        await scroll_reading(prose, PROSE_KEY, find, spot)
        return Shown(prose, pane.focus_target())
    return Shown(None, pane.focus_target())


def table_is_for(table: DataTable[object], kind: type) -> bool:
    """People are in the table with a Name column; groups in the one with a Group column."""
    keys = {str(key.value) for key in table.columns}
    return ("name" in keys) if kind is Participant else ("group" in keys)


async def _listed(
    pane: LazyPane, b: Briefing, spot: Spot, find: SpanFinder, *, item_fields: tuple[str, ...]
) -> Shown:
    """Topics and Outcomes: an option list of items, detail or prose beside it."""
    listing = _first(list(pane.query(OptionList)), lambda w: True)
    big = _first(list(pane.query(VirtualList)), lambda w: w.display)
    if big is not None:  # very many topics or outcomes: the line-drawn list shows them
        listing = big
    item = spot.item if spot.field in item_fields else None
    if (
        item is not None
        and isinstance(listing, OptionList | VirtualList)
        and item < listing.option_count
    ):
        listing.highlighted = item
        listing.scroll_to_highlight()
        if spot.field == "summary" and item < len(b.topics):
            prose = await _prose_showing(pane, b.topics[item].summary)
            if prose is not None:
                await scroll_reading(prose, PROSE_KEY, find, spot)
        return Shown(listing, listing)
    if spot.field == "text":
        text = b.topics_text if spot.pane is Pane.TOPICS else b.outcomes_text
        prose = await _prose_showing(pane, text)
        if prose is not None:
            await scroll_reading(prose, PROSE_KEY, find, spot)
            return Shown(prose, pane.focus_target())
    return Shown(listing, pane.focus_target())


async def _prose_showing(pane: LazyPane, text: str) -> ProseText | None:
    """The pane's ProseText showing `text` (a topic's summary appears once its topic is shown)."""
    deadline = _deadline()
    while time.monotonic() < deadline:
        for prose in pane.query(ProseText):
            if prose.text == text and prose.display:
                return prose
        await _refreshed(pane)
    return None


async def show_spot(view: BriefingView, spot: Spot, find: SpanFinder) -> Shown | None:
    """Turn the open briefing to `spot` and bring it into view; None if nothing is open."""
    briefing = view.briefing
    if briefing is None:
        return None
    view.switch_to(spot.pane)
    pane = view.pane_widget(spot.pane)
    await _pane_ready(view.app, pane, briefing)
    if view.briefing is not briefing:
        return None
    if spot.pane is not Pane.OVERVIEW and not parts_ready(briefing):
        return None  # its items still unread at the deadline: never read them here
    if spot.pane is Pane.OVERVIEW:
        return await _overview(view, pane, briefing, spot, find)
    if spot.pane is Pane.PARTICIPANTS:
        return await _participants(pane, briefing, spot, find)
    if spot.pane is Pane.TOPICS:
        return await _listed(
            pane, briefing, spot, find, item_fields=("topic", "summary", "speakers")
        )
    return await _listed(pane, briefing, spot, find, item_fields=("outcome",))
