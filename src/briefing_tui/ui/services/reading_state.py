"""Reading state in the reader: unread, changed and bookmarked marks in the library list.

Only with `--state DIR` (see briefing_tui.state): by default nothing is remembered and the
list shows no marks.  A briefing counts as read once the reader has stayed on it a moment
(`READ_AFTER`), or at once when they press enter on it, turn its panes, or open it from
another screen — so running the cursor down the list does not mark everything read.
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget

from briefing_tui.model import Briefing
from briefing_tui.state import ReadingState, Status
from briefing_tui.ui.widgets.library_list import LibraryList

READ_AFTER = 1.5  # seconds

UNREAD_MARK = "●"
CHANGED_MARK = "✱"
BOOKMARK_MARK = "★"

_STATUS_MARKS = {
    Status.UNREAD: (UNREAD_MARK, "bold $accent"),
    Status.CHANGED: (CHANGED_MARK, "bold $text-warning"),
    Status.READ: (" ", ""),
}


def badge_content(status: Status, bookmarked: bool) -> Content:
    """Two columns before a title: read status, then bookmark."""
    mark, style = _STATUS_MARKS[status]
    star = (BOOKMARK_MARK, "bold $text-warning") if bookmarked else (" ", "")
    return Content.assemble((mark, style), star, " ")


class ReadingTracker:
    """Keeps a ReadingState up to date as the reader moves, and the list's marks with it."""

    def __init__(self, state: ReadingState, library: LibraryList, host: Widget) -> None:
        self.state = state
        self.library = library
        self.host = host  # the screen that shows the list: its timers and notices
        self._timer: Timer | None = None
        self._pending: Briefing | None = None
        self._reported = len(state.notes)

    def badge(self, briefing: Briefing) -> Content:
        return badge_content(
            self.state.current_status(briefing.path), self.state.is_bookmarked(briefing.path)
        )

    def status(self, briefing: Briefing) -> Status:
        return self.state.current_status(briefing.path)

    def opened(self, briefing: Briefing) -> None:
        """The briefing is on screen: it counts as read if the reader stays on it."""
        self._cancel()
        if self.status(briefing) is Status.READ:
            return
        self._pending = briefing
        self._timer = self.host.set_timer(READ_AFTER, self.read_pending)

    @property
    def pending(self) -> Briefing | None:
        """The briefing that will count as read if the reader stays on it."""
        return self._pending

    def read_pending(self) -> None:
        """The reader stayed: the briefing waiting to count as read now does."""
        briefing, self._pending, self._timer = self._pending, None, None
        if briefing is not None:
            self.read_now(briefing)

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        self._pending = None

    def read_now(self, briefing: Briefing) -> None:
        """The reader is certainly reading it (enter, another pane, opened from a screen)."""
        if self._pending is briefing:
            self._cancel()
        if self.state.mark_read(briefing.path):
            self.library.refresh_entry(briefing.path)
        self.report_notes()

    def toggle_bookmark(self, briefing: Briefing) -> bool:
        marked = self.state.toggle_bookmark(briefing.path)
        self.library.refresh_entry(briefing.path)
        self.report_notes()
        return marked

    def report_notes(self) -> None:
        """Say once what went wrong with the state file (unreadable, not saved, ...)."""
        for note in self.state.notes[self._reported :]:
            self.host.notify(note, title="Reading state", severity="warning", markup=False)
        self._reported = len(self.state.notes)

    def report_all(self) -> None:
        self._reported = 0
        self.report_notes()
