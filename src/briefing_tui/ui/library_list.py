"""The library list: every briefing, newest first, as a virtual OptionList that scales.

ListView builds a widget per entry (37 s for 10,000); OptionList renders only visible
lines, so it stays quick for large libraries.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.insights.filters import BriefingFilter, filter_briefings
from briefing_tui.model import Briefing
from briefing_tui.ui.marking import marking_style

# Rebuilding the options re-measures every entry, so while a big library streams in the
# list is refreshed at most this often, and at most a tenth of the time (the UI thread also
# unpacks results and feeds the search index); small libraries are shown at once.
REBUILD_INTERVAL = 0.5
REBUILD_SHARE = 0.1
IMMEDIATE_LIMIT = 500


Badge = Callable[[Briefing], Content]
"""Marks put before an entry's title (reading state: unread, changed, bookmarked)."""


def entry_prompt(briefing: Briefing, badge: Badge | None = None) -> Content:
    """Two lines: the title, then date and marking (all document text stays plain)."""
    when = briefing.date_range() or "undated"
    parts: list[str | tuple[str, str] | Content] = [badge(briefing)] if badge else []
    parts += [(briefing.title or "(untitled)", "bold"), "\n"]
    parts.append((when, "dim"))
    if briefing.marking:
        parts += ["  ", (f" {briefing.marking} ", marking_style(briefing.marking))]
    if briefing.has_errors:
        parts += ["  ", ("✗ problems", "bold $text-error")]
    return Content.assemble(*parts)


class LibraryList(OptionList):
    """Briefings in `Briefing.sort_key()` order; highlighting one opens it.

    `briefings` holds every loaded briefing; `listed` those the `filter` keeps, which are
    the ones listed (option index i is `listed[i]`).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class BriefingSelected(Message):
        """The reader moved to a briefing in the list."""

        def __init__(self, briefing: Briefing) -> None:
            super().__init__()
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
        self._keys: list[tuple[int, str, str]] = []
        self._shown = 0
        self._last_rebuild = 0.0
        self._rebuild_cost = 0.0
        self._pending: Timer | None = None
        self._announced: str | None = None
        self._index: dict[str, int] = {}
        self.filter = BriefingFilter()
        self.listed: list[Briefing] = []
        self._badge: Badge | None = None
        # Each entry's prompt is made once, not at every rebuild: ten thousand entries were
        # re-made a few dozen times while a large library streamed in.
        self._prompts: dict[str, Content] = {}
        # Until the reader moves in the list, the newest briefing stays the open one while
        # the library streams in (entries arrive in no particular order).
        self.user_moved = False
        self._placed: int | None = None

    @property
    def badge(self) -> Badge | None:
        return self._badge

    @badge.setter
    def badge(self, badge: Badge | None) -> None:
        self._badge = badge
        self._prompts.clear()

    def _prompt(self, briefing: Briefing) -> Content:
        prompt = self._prompts.get(briefing.path)
        if prompt is None:
            prompt = self._prompts[briefing.path] = entry_prompt(briefing, self._badge)
        return prompt

    def add_briefings(self, briefings: Iterable[Briefing], *, final: bool = False) -> None:
        """Insert in order; the visible list follows, throttled while a big library streams."""
        for briefing in briefings:
            key = briefing.sort_key()
            index = bisect.bisect_right(self._keys, key)
            self._keys.insert(index, key)
            self.briefings.insert(index, briefing)
        self.flush(force=final)

    def flush(self, *, force: bool = False) -> None:
        if len(self.briefings) == self._shown:
            return
        interval = max(REBUILD_INTERVAL, self._rebuild_cost / REBUILD_SHARE)
        due = time.monotonic() - self._last_rebuild >= interval
        if force or due or len(self.briefings) <= IMMEDIATE_LIMIT:
            self._rebuild()
        elif self._pending is None:
            self._pending = self.set_timer(interval, self._rebuild)

    def _rebuild(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        started = time.monotonic()
        current = self.selected_briefing
        scroll = self.scroll_y
        self.listed = filter_briefings(self.briefings, self.filter)
        self.set_options(Option(self._prompt(b)) for b in self.listed)
        self._shown = len(self.briefings)
        self._index = {b.path: i for i, b in enumerate(self.listed)}
        self._last_rebuild = time.monotonic()
        kept = self.index_of(current.path) if current is not None else None
        if not self.user_moved and self.listed:
            self._placed = 0
            self.highlighted = 0
        elif kept is not None:
            self.highlighted = kept
            self.scroll_to(y=scroll, animate=False, immediate=True)
            self.scroll_to_highlight()
        elif self.listed:
            self.highlighted = 0
        self._rebuild_cost = time.monotonic() - started
        self.post_message(self.Listed(len(self.listed), len(self.briefings)))

    def set_filter(self, flt: BriefingFilter) -> None:
        """List only the briefings `flt` keeps (all of them for an empty filter)."""
        self.filter = flt
        self._rebuild()

    def refresh_entry(self, path: str) -> None:
        """Redraw one entry (its reading-state badge changed)."""
        index = self.index_of(path)
        self._prompts.pop(path, None)
        if index is not None:
            self.replace_option_prompt_at_index(index, self._prompt(self.listed[index]))

    @property
    def selected_briefing(self) -> Briefing | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.listed):
            return None
        return self.listed[index]

    def index_of(self, path: str) -> int | None:
        return self._index.get(path)

    def select_path(self, path: str) -> bool:
        """Highlight (and so open) the briefing at `path`; False if it is not in the list.

        A briefing the filter hides is shown by clearing the filter, with a note saying so.
        """
        index = self.index_of(path)
        hidden = index is None and not self.filter.is_empty
        if hidden and any(b.path == path for b in self.briefings):
            self.set_filter(BriefingFilter())
            self.notify("Filters cleared to show that briefing.", markup=False)
            index = self.index_of(path)
        if index is None:
            return False
        self.user_moved = True
        self.highlighted = index
        return True

    def move(self, step: int) -> None:
        """Open the previous/next briefing, staying put at either end of the list."""
        if not self.listed:
            return
        current = self.highlighted if self.highlighted is not None else -step
        self.user_moved = True
        self.highlighted = max(0, min(len(self.listed) - 1, current + step))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self._placed:
            self.user_moved = True
        briefing = self.selected_briefing
        if briefing is not None and briefing.path != self._announced:
            self._announced = briefing.path
            self.post_message(self.BriefingSelected(briefing))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        briefing = self.selected_briefing
        if briefing is not None:
            self.post_message(self.BriefingChosen(briefing))
