"""Find in the open briefing (ctrl+f): a bar docked under the panes, "3/12 · Participants".

The engine (`find_in_briefing`) finds every occurrence in all four panes; each step turns
to the current match's pane, selects its row, topic or outcome or scrolls its paragraph
into view, and highlights every match on screen, the current one standing out.  The bar
is mounted into the briefing view when first asked for, and only hidden afterwards.

Keys: enter / n next, shift+enter / N previous, escape closes; ctrl+f again moves between
the box and the text, where n and N step.  What is typed is shown as `Content`, never markup.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Static, TabbedContent
from textual.worker import Worker, WorkerState

from briefing_tui.model import Briefing, Pane, Participant, ParticipantGroup
from briefing_tui.parts_later import parts_ready
from briefing_tui.search import FindMatch, find_in_briefing, find_spans
from briefing_tui.ui.locate.find_spot import OPTION_FIELDS, document_text, is_big
from briefing_tui.ui.locate.highlights import Marks, marks_for
from briefing_tui.ui.locate.locator import show_spot, table_is_for
from briefing_tui.ui.locate.spot import people_row_key, spot_of_match
from briefing_tui.ui.services.items_reader import items_reader
from briefing_tui.ui.widgets.briefing_view import PANE_ORDER, BriefingView
from briefing_tui.ui.widgets.find_count import count_lines, reading_lines
from briefing_tui.ui.widgets.reading_view import ReadingText
from briefing_tui.ui.widgets.virtual_list import VirtualList
from briefing_tui.ui.widgets.virtual_table import VirtualTable

DEBOUNCE_SECONDS = 0.03
# While the bar is open it notices the reader opening another briefing this often.
WATCH_SECONDS = 0.3
MOVE_GROUP = "find-move"
FIND_GROUP = "find-engine"
# A pane with more matches than this (a single letter typed) only has the current one marked.
MAX_MARKED = 2000


def _find_in(b: Briefing, query: str) -> tuple[Briefing, str, list[FindMatch]]:
    return b, query, find_in_briefing(b, query)


class FindInput(Input):
    HELP_NAME = "Find"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down", "step(1)", "Next match", show=False),
        Binding("shift+enter,up", "step(-1)", "Previous match", show=False),
        Binding("escape", "close", "Close find", show=False),
        # Input deletes a word on ctrl+f; here it moves to the text (as the app's ctrl+f).
        Binding("ctrl+f", "to_text", "To the text", show=False),
    ]

    def _bar(self) -> FindBar | None:
        for node in self.ancestors:
            if isinstance(node, FindBar):
                return node
        return None

    def action_step(self, step: int) -> None:
        bar = self._bar()
        if bar is not None:
            bar.step(step)

    def action_close(self) -> None:
        bar = self._bar()
        if bar is not None:
            bar.close()

    def action_to_text(self) -> None:
        bar = self._bar()
        if bar is not None:
            bar.focus_text()


class FindBar(Vertical):
    """The find bar of one briefing view."""

    class Moved(Message):
        """The current match changed and is now in view (index is 0-based; -1: none)."""

        def __init__(self, index: int, total: int, match: FindMatch | None) -> None:
            super().__init__()
            self.index = index
            self.total = total
            self.match = match

    def __init__(self) -> None:
        super().__init__(id="find-bar")
        self.matches: list[FindMatch] = []
        self.index = -1
        self.query_text = ""
        self.briefing: Briefing | None = None
        self._debounce: Timer | None = None
        self._watcher: Timer | None = None
        self._focus_target: Widget | None = None

    # -- finding the bar ----------------------------------------------------------------------

    @staticmethod
    def of(view: BriefingView) -> FindBar | None:
        found = view.query(FindBar)
        return found.first() if found else None

    @classmethod
    def open_in(cls, view: BriefingView) -> FindBar | None:
        """Show (mounting it the first time) and focus the bar; None if nothing is open."""
        if view.briefing is None:
            view.app.notify(
                "Open a briefing first: find looks inside the open briefing.", markup=False
            )
            return None
        bar = cls.of(view)
        if bar is None:
            bar = cls()
            view.mount(bar)  # opens itself once mounted
        elif bar.display and bar.query_one(FindInput).has_focus and bar.matches:
            bar.focus_text()  # ctrl+f again: to the text, where n and N step
        else:
            bar.open()
        return bar

    @classmethod
    def step_in(cls, view: BriefingView, step: int) -> None:
        """n / N: the next or previous match, when the bar is open (else the key goes on)."""
        bar = cls.of(view)
        if bar is None or not bar.display or not bar.matches:
            raise SkipAction()
        bar.step(step)

    @classmethod
    def close_in(cls, view: BriefingView) -> None:
        bar = cls.of(view)
        if bar is None or not bar.display:
            raise SkipAction()
        bar.close()

    # -- the widget -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="find-row"):
            yield Static(Content("Find"), id="find-label")
            yield FindInput(placeholder="text in this briefing", id="find-input")
            yield Static(id="find-count")
        yield Static(id="find-context")

    @property
    def view(self) -> BriefingView:
        parent = self.parent
        assert isinstance(parent, BriefingView)
        return parent

    @property
    def marks(self) -> Marks:
        return marks_for(self.view)

    def on_mount(self) -> None:
        self.watch(self.view.query_one(TabbedContent), "active", self._tab_changed, init=False)
        self.open()

    def open(self) -> None:
        self.display = True
        box = self.query_one(FindInput)
        box.focus()
        box.select_all()
        if self._watcher is None:
            self._watcher = self.set_interval(WATCH_SECONDS, self._check_briefing)
        if self.query_text and (self.view.briefing is not self.briefing or not self.matches):
            self._refind()  # another briefing, or none found yet (its items were being read)
        elif self.matches and 0 <= self.index < len(self.matches):
            self._go()  # reopened on the same briefing: the matches lit up again

    def focus_text(self) -> None:
        """Leave the box for the text showing the current match (n and N work there)."""
        target = self._focus_target
        if target is None or not target.is_attached or not target.display:
            target = self.view.active_pane_widget().focus_target()
        target.focus()

    def close(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None
        self.marks.clear()
        self.display = False
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if self.view.briefing is not None:
            self.view.active_pane_widget().focus_target().focus()

    # -- finding ------------------------------------------------------------------------------

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._refind)

    @property
    def work_pending(self) -> bool:
        """Finding again is due once typing pauses; until then the matches are out of date."""
        return self._debounce is not None

    def _refind(self) -> None:
        self._debounce = None
        self.query_text = query = self.query_one(FindInput).value
        self.briefing = b = self.view.briefing
        if b is not None and not parts_ready(b):
            # A long document's items, still being read in a worker: find in them once
            # they are (what is typed meanwhile is found then), never read them here.
            self.matches, self.index = [], -1
            self.marks.clear()
            self._show_count(reading_lines())
            items_reader(self.app).when_read(b, self._items_read, owner=self)
            return
        if b is not None and is_big(b):
            # Seconds for 100,000 sections: in a thread, so typing and scrolling go on.
            # Described: Textual's default, the repr of the briefing, took 0.3 s here.
            work = partial(_find_in, b, query)
            self.run_worker(work, group=FIND_GROUP, exclusive=True, thread=True, description="find")
            return
        self._found(b, query, find_in_briefing(b, query) if b is not None else [])

    def _items_read(self) -> None:
        # Only for the briefing still open, with the bar open and no newer find due.
        b, due = self.briefing, self._debounce is not None
        if b is not None and b is self.view.briefing and self.display and not due:
            self._refind()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == FIND_GROUP and event.state is WorkerState.SUCCESS:
            result = event.worker.result
            if isinstance(result, tuple):
                self._found(*result)

    def _found(self, b: Briefing | None, query: str, matches: list[FindMatch]) -> None:
        if b is not self.briefing or query != self.query_text:
            return  # typed on, or another briefing: a newer find is on its way
        self.matches = matches
        if not self.matches:
            self.index = -1
            self.marks.clear()
            self._show_count()
            self.post_message(self.Moved(-1, 0, None))
            return
        # Start from the pane being read, so typing does not throw the reader elsewhere.
        here = PANE_ORDER.index(self.view.active_pane)
        self.index = next(
            (i for i, m in enumerate(self.matches) if PANE_ORDER.index(m.pane) >= here), 0
        )
        self._go()

    def _check_briefing(self) -> None:
        if self.display and self.query_text and self.view.briefing is not self.briefing:
            self._refind()

    def step(self, step: int) -> None:
        if self._debounce is not None:  # typed and pressed enter at once: find first
            self._debounce.stop()
            self._refind()
            return
        if self.view.briefing is not self.briefing:
            self._refind()
            return
        if not self.matches:
            return
        self.index = (self.index + step) % len(self.matches)
        self._go()

    def _find(self, text: str) -> list[tuple[int, int]]:
        return find_spans(text, self.query_text)

    def _go(self) -> None:
        index = self.index
        match = self.matches[index]
        briefing = self.briefing
        assert briefing is not None
        spot = spot_of_match(match, self.matches, index, briefing)
        self._show_count()
        view = self.view

        # Stepping from the text (n, N) takes the focus along to the match's pane; typing
        # and enter in the box leave it in the box.
        follow = not self.query_one(FindInput).has_focus

        async def move() -> None:
            shown = await show_spot(view, spot, self._find)
            if shown is None or index != self.index or not self.display:
                return  # superseded, or the bar was closed meanwhile
            self._focus_target = shown.focus
            if follow:
                shown.focus.focus()
            self._mark_pane(match.pane, shown.widget, shown.current, shown.part)
            self.post_message(self.Moved(index, len(self.matches), match))

        self.app.run_worker(move(), group=MOVE_GROUP, exclusive=True, exit_on_error=False)

    # -- highlighting ---------------------------------------------------------------------------

    def _mark_pane(
        self,
        pane: Pane,
        current: Widget | None = None,
        nth: int | None = None,
        part: int | None = None,
    ) -> None:
        """Every match on the pane on screen (and in the header); the current one stands out.

        Rows and options are marked only where the engine found matches (a table of 600
        people is not searched cell by cell at every keystroke), and a pane holding more
        than MAX_MARKED matches (a single letter) only gets the current one marked.
        """
        marks = self.marks
        marks.clear()
        b = self.view.briefing
        if not self.query_text or not self.matches or b is None or b is not self.briefing:
            return
        view = self.view
        find = self._find
        if isinstance(current, Static):
            marks.static(current, find, nth)
        for header_id in ("#header-title", "#header-facts"):
            for widget in view.query(header_id):
                if isinstance(widget, Static) and widget is not current:
                    marks.static(widget, find)
        here = [m for m in self.matches if m.pane is pane]
        if len(here) > MAX_MARKED:
            return
        items: dict[str, set[int]] = {}
        for m in here:
            if m.item is not None:
                items.setdefault(m.field, set()).add(m.item)
        sections = {s.title for s in b.sections}
        for widget in view.pane_widget(pane).query(Widget):
            if widget is current and isinstance(current, Static):
                continue
            if isinstance(widget, DataTable):
                kind = Participant if table_is_for(widget, Participant) else ParticipantGroup
                field = "participant" if kind is Participant else "group"
                keys = [people_row_key(b, i) for i in items.get(field, ())]
                marks.table(widget, find, rows=[k for k in keys if k is not None])
            elif isinstance(widget, VirtualTable) and widget.display:
                keys = [people_row_key(b, i) for i in items.get("participant", ())]
                marks.rows(widget, find, [int(k) for k in keys if k is not None])
            elif isinstance(widget, OptionList):
                marks.options(widget, find, only=items.get(OPTION_FIELDS[pane], ()))
            elif isinstance(widget, VirtualList) and widget.display:
                marks.rows(widget, find, items.get(OPTION_FIELDS[pane], ()))
            elif isinstance(widget, ReadingText):
                mine = part is not None and nth is not None and widget is current
                marks.headings(
                    widget,
                    find,
                    (part, nth) if part is not None and nth is not None and mine else None,
                )
            elif isinstance(widget, Static) and document_text(widget, sections):
                marks.static(widget, find)

    def _tab_changed(self, active: str) -> None:
        if not self.display or not self.matches:
            return
        self.call_after_refresh(self._remark)

    def _remark(self) -> None:
        if self.display and self.matches:
            self._mark_pane(self.view.active_pane)

    # -- the count and the context --------------------------------------------------------------

    def _show_count(self, lines: tuple[Content, Content] | None = None) -> None:
        if lines is None:
            lines = count_lines(self.query_text, self.matches, self.index, PANE_ORDER)
        self.query_one("#find-count", Static).update(lines[0])
        self.query_one("#find-context", Static).update(lines[1])

    @property
    def counter(self) -> str:
        """ "3/12", or "" when there is nothing to count (for tests and the status line)."""
        if not self.matches or self.index < 0:
            return ""
        return f"{self.index + 1}/{len(self.matches)}"
