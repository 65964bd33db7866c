"""The library list: every briefing, newest first, drawn line by line so that it scales.

ListView builds a widget per entry (37 s for 10,000).  OptionList measures every entry
each time its options are set: 0.15-0.35 s per rebuild as 10,000 stream in.  Every entry
here is exactly two lines (title; date and marking), so the list needs no measuring at
all: a rebuild re-sorts and re-counts, and `render_line` draws the lines in view.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.model import Briefing
from briefing_tui.ui.locate.spot import OpenBriefing
from briefing_tui.ui.services.items_reader import items_reader
from briefing_tui.ui.support.row_format import Badge
from briefing_tui.ui.support.scroll_size import set_virtual_size
from briefing_tui.ui.widgets.library_entries import ENTRY_LINES, EntryLines
from briefing_tui.ui.widgets.library_order import Key, insert_sorted
from briefing_tui.ui.widgets.library_pacing import AutoOpen

# A big library streaming in is re-sorted at most this often (small ones at once), and one
# of more than LARGE_LIST entries at most every LARGE_REBUILD_INTERVAL (see loader.py's
# LARGE_DRAIN_SECONDS: each rebuild of a list whose top keeps changing draws it again).
REBUILD_INTERVAL = 0.2
REBUILD_SHARE = 0.1
IMMEDIATE_LIMIT = 500
LARGE_LIST = 2000
LARGE_REBUILD_INTERVAL = 0.5


class LibraryList(ScrollView, can_focus=True):
    """Briefings in `Briefing.sort_key()` order; highlighting one opens it.

    `briefings` holds every loaded briefing; `listed` those the `filter` keeps, which are
    the ones listed (entry i is `listed[i]`, drawn on lines 2i and 2i+1).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "choose", "Read", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"library-list--entry", "library-list--cursor"}

    DEFAULT_CSS = """
    LibraryList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .library-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .library-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    class BriefingSelected(OpenBriefing):
        """The reader moved to a briefing in the list: open it (it is selected already)."""

        def __init__(self, briefing: Briefing) -> None:
            super().__init__(briefing.path)
            self.briefing = briefing

    class BriefingChosen(Message):
        """The reader pressed enter (or clicked) on a briefing: they want to read it."""

        def __init__(self, briefing: Briefing) -> None:
            super().__init__()
            self.briefing = briefing

    class Listed(Message):
        """The list was rebuilt: after loading more, or with another filter."""

        def __init__(self, shown: int, total: int) -> None:
            super().__init__()
            self.shown = shown
            self.total = total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefings: list[Briefing] = []
        self._keys: list[Key] = []
        self._shown = 0
        self._last_rebuild = 0.0
        self._rebuild_cost = 0.0
        self._pending: Timer | None = None
        self._announced: str | None = None
        self._index: dict[str, int] | None = None  # made on first use, not at each rebuild
        self.filter = BriefingFilter()
        self.listed: list[Briefing] = []
        self.unjudged: list[Briefing] = []  # the filter judges them once their items are read
        # Each entry's prompt and lines are made once, not at every rebuild or redraw.
        self._entries = EntryLines()
        self._highlighted: int | None = None
        self._auto_timer: Timer | None = None
        self._auto_open = AutoOpen()
        self._held = self._held_force = False  # a rebuild waits for the screen (see flush)
        # Until the reader moves in the list, the newest briefing stays the open one while
        # the library streams in (entries arrive in no particular order).
        self.user_moved = False

    # -- what is listed ---------------------------------------------------------------------

    @property
    def badge(self) -> Badge | None:
        return self._entries.badge

    @badge.setter
    def badge(self, badge: Badge | None) -> None:
        self._entries.badge = badge
        self.refresh()

    def prompt(self, briefing: Briefing) -> Content:
        """What the entry for `briefing` shows (made once, until its badge changes)."""
        return self._entries.prompt(briefing)

    def add_briefings(self, briefings: Iterable[Briefing], *, final: bool = False) -> None:
        """Insert in order; the visible list follows, throttled while a big library streams."""
        insert_sorted(self._keys, self.briefings, list(briefings))
        self.flush(force=final)

    def flush(self, *, force: bool = False) -> None:
        """Rebuild the list if it is due (now, with `force`: loading has ended).

        Not while another screen covers the list (search, help): every change under a
        see-through screen redraws all of that screen, which cost the UI thread 4 s of a
        10,000 start with the search screen open.  `show_held` catches up.
        """
        if self.screen is not self.app.screen:
            self._held = self._held or force or len(self.briefings) != self._shown
            self._held_force = self._held_force or force
            return
        if len(self.briefings) != self._shown:
            least = (
                REBUILD_INTERVAL if len(self.briefings) <= LARGE_LIST else LARGE_REBUILD_INTERVAL
            )
            interval = max(least, self._rebuild_cost / REBUILD_SHARE)
            due = time.monotonic() - self._last_rebuild >= interval
            if force or due or len(self.briefings) <= IMMEDIATE_LIMIT:
                self._rebuild()
            elif self._pending is None:
                self._pending = self.set_timer(interval, self._rebuild)
        if force:
            if self._auto_timer is not None:
                self._announce()  # loading ended: open the newest now, not after the wait
            self._auto_open.restart()

    def show_held(self) -> None:
        """The list is on screen again: show what loaded while it was covered."""
        if self._held:
            force, self._held, self._held_force = self._held_force, False, False
            self.flush(force=force)
            briefing = self.selected_briefing
            if briefing is not None and briefing.path != self._announced:
                self._announce()

    def _catch_up(self) -> None:
        """Bring `listed` up to date before a briefing is looked up in it."""
        if len(self.briefings) != self._shown:
            self._rebuild()

    @property
    def work_pending(self) -> bool:
        """A throttled rebuild or the newest briefing's opening is due; the list may be stale."""
        return self._pending is not None or self._auto_timer is not None

    def _rebuild(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        started = time.monotonic()
        current = self.selected_briefing
        self.listed, self.unjudged = items_reader(self.app).filter(
            self.briefings, self.filter, self._rebuild, self
        )
        self._shown = len(self.briefings)
        self._index = None
        # Entries are drawn the same wherever they are, so what was drawn stays valid.
        self._last_rebuild = time.monotonic()
        self._resize_virtual()
        if not self.user_moved and self.listed:
            self._set_highlight(0, user=False)
        elif (kept := self._place_of(current)) is not None:
            self._set_highlight(kept, user=False)
        elif self.listed:
            self._set_highlight(0, user=False)
        else:
            self._set_highlight(None, user=False)
        self.refresh()
        self._rebuild_cost = time.monotonic() - started
        self.post_message(self.Listed(len(self.listed), len(self.briefings)))

    def set_filter(self, flt: BriefingFilter) -> None:
        """List only the briefings `flt` keeps (all of them for an empty filter)."""
        self.filter = flt
        self._rebuild()

    def refresh_entry(self, path: str) -> None:
        """Redraw one entry (its reading-state badge changed)."""
        self._entries.forget(path)
        index = self.index_of(path)
        if index is not None:
            self.refresh(Region(0, index * ENTRY_LINES - self.scroll_offset.y, self.size.width, 2))

    @property
    def selected_briefing(self) -> Briefing | None:
        index = self._highlighted
        if index is None or not 0 <= index < len(self.listed):
            return None
        return self.listed[index]

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted entry in `listed`, or None when nothing is listed."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        self._set_highlight(index, user=True)

    def index_of(self, path: str) -> int | None:
        if self._index is None:
            self._index = {b.path: i for i, b in enumerate(self.listed)}
        return self._index.get(path)

    def _place_of(self, briefing: Briefing | None) -> int | None:
        """Where `briefing` is listed now, found by its sort key: at every rebuild of a
        streaming list, a path index of all 10,000 entries cost the UI 10-15 ms."""
        if briefing is None:
            return None
        index = bisect.bisect_left(self.listed, briefing.sort_key(), key=Briefing.sort_key)
        if index < len(self.listed) and self.listed[index].path == briefing.path:
            return index
        return self.index_of(briefing.path)  # read again with another date or title

    def select_path(self, path: str) -> bool:
        """Highlight (and so open) the briefing at `path`; False if it is not in the list.

        A briefing the filter hides is shown by clearing the filter, with a note saying so.
        """
        self._catch_up()
        index = self.index_of(path)
        hidden = index is None and not self.filter.is_empty
        if hidden and any(b.path == path for b in self.briefings):
            self.set_filter(BriefingFilter())
            self.notify("Filters cleared to show that briefing.", markup=False)
            index = self.index_of(path)
        if index is None:
            return False
        self._set_highlight(index, user=True)
        return True

    def move(self, step: int) -> None:
        """Open the previous/next briefing, staying put at either end of the list."""
        if not self.listed:
            return
        current = self._highlighted if self._highlighted is not None else -step
        self._set_highlight(current + step, user=True)

    def _set_highlight(self, index: int | None, *, user: bool) -> None:
        """Move the highlight (clamped to the list), keep it in view, announce a new briefing.

        `user` says the reader moved it: from then on, loading more keeps their place
        instead of staying on the newest briefing.
        """
        if index is not None:
            index = max(0, min(len(self.listed) - 1, index)) if self.listed else None
        if user and index is not None:
            self.user_moved = True
        previous, self._highlighted = self._highlighted, index
        if previous != index:
            self._refresh_entry_lines(previous)
            self._refresh_entry_lines(index)
        if index is None:
            return
        self.scroll_to_region(
            Region(0, index * ENTRY_LINES, max(1, self.size.width), ENTRY_LINES),
            animate=False,
            immediate=True,
            force=True,
        )
        if self.listed[index].path != self._announced:
            # Placed by a rebuild, not by the reader: while a large library streams in, the
            # newest changes with almost every batch; see library_pacing.
            wait = self._auto_open.wait()
            if user or self._announced is None:
                self._announce()
            elif wait <= 0:
                self._auto_announce()
            elif self._auto_timer is None:
                self._auto_timer = self.set_timer(wait, self._auto_announce)

    def _auto_announce(self) -> None:
        if self.screen is not self.app.screen:  # opened when the list is back (see flush)
            self._auto_timer, self._held = None, True
            return
        self._announce(automatic=True)

    def _announce(self, *, automatic: bool = False) -> None:
        """Say which briefing is highlighted now, if that changed since it was last said."""
        if self._auto_timer is not None:
            self._auto_timer.stop()
            self._auto_timer = None
        briefing = self.selected_briefing
        if briefing is not None and briefing.path != self._announced:
            self._announced = briefing.path
            self._auto_open.opened(automatic=automatic)
            self.post_message(self.BriefingSelected(briefing))

    def _refresh_entry_lines(self, index: int | None) -> None:
        if index is not None:
            top = index * ENTRY_LINES - self.scroll_offset.y
            self.refresh(Region(0, top, max(1, self.size.width), ENTRY_LINES))

    # -- keys and mouse ---------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move(1)

    def action_cursor_up(self) -> None:
        self.move(-1)

    def action_page_down(self) -> None:
        self.move(max(1, self.scrollable_content_region.height // ENTRY_LINES))

    def action_page_up(self) -> None:
        self.move(-max(1, self.scrollable_content_region.height // ENTRY_LINES))

    def action_first(self) -> None:
        self._set_highlight(0, user=True)  # clamped: none on an empty list

    def action_last(self) -> None:
        self._set_highlight(len(self.listed) - 1, user=True)

    def action_choose(self) -> None:
        briefing = self.selected_briefing
        if briefing is not None:
            self.post_message(self.BriefingChosen(briefing))

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("entry")
        if isinstance(index, int) and 0 <= index < len(self.listed):
            self._set_highlight(index, user=True)
            self.action_choose()

    # -- drawing ----------------------------------------------------------------------------

    def _resize_virtual(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self.listed) * ENTRY_LINES)
        set_virtual_size(self, size)

    def on_resize(self, event: events.Resize) -> None:
        self._entries.forget_lines()
        self._resize_virtual()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._entries.forget_lines()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index, part = divmod(line, ENTRY_LINES)
        if not 0 <= index < len(self.listed):
            return Strip.blank(width, self.get_visual_style("library-list--entry").rich_style)
        if index == self._highlighted:
            style = self.get_visual_style("library-list--entry", "library-list--cursor")
        else:
            style = self.get_visual_style("library-list--entry")
        # The entry's place is marked as it is drawn, not kept with its lines (see
        # library_entries): a rebuild moves entries.
        strip = self._entries.lines(self, self.listed[index], style, width)[part]
        return strip.apply_meta({"entry": index})
