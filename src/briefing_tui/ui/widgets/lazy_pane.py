"""The base of the four panes: content is built only when the pane is first shown.

Opening a briefing only marks the panes stale; a big document's participants table or
topic prose is rendered when the reader actually turns to that pane.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.model import Briefing
from briefing_tui.parts_later import parts_ready
from briefing_tui.ui import command_table
from briefing_tui.ui.services.items_reader import items_reader
from briefing_tui.ui.widgets.prose_text import ProseText


class LazyPane(Vertical):
    """A pane that rebuilds itself for the open briefing on demand.

    Tab switches panes, so it cannot also move focus inside one; `p` does that instead
    (text to links in Overview, people to groups in Participants, list to text in Topics),
    so that every part of a pane can be reached, scrolled and used without a mouse.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        command_table.binding("next_part"),
    ]

    # The items the pane lists ("participants"), when it waits for a long document's items
    # to be read (`parts_later`); the Overview needs none.
    READS_ITEMS: ClassVar[str] = ""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hidden: list[Widget] = []
        # Built for the briefing, but still saying "Reading…" until its items are read.
        self.reading_items = False
        self.briefing: Briefing | None = None
        self.built_for: Briefing | None = None
        # The library's glossary.yaml, once loaded: its acronyms are marked too.
        self.glossary: LibraryGlossary | None = None

    def set_briefing(self, briefing: Briefing) -> None:
        """Remember the briefing; nothing is rendered until `ensure_built`."""
        if briefing is not self.built_for:
            # The prose of the briefing shown before would go on being laid out in a
            # hidden pane, for seconds if it is long: stop it now, not when next shown.
            for prose in self.query(ProseText):
                prose.set_text("")
        self.briefing = briefing

    def ensure_built(self) -> None:
        briefing = self.briefing
        if briefing is not None and briefing is not self.built_for:
            self.built_for = briefing
            if self.READS_ITEMS and not parts_ready(briefing):
                self.reading_items = True
                self._show_reading()
                items_reader(self.app).when_read(briefing, self._items_read, owner=self)
                return
            self.reading_items = False
            self._end_reading()
            self.build(briefing)

    def _show_reading(self) -> None:
        """Only the counts line, saying the items are still being read."""
        for child in self.children:
            if child.has_class("pane-counts"):
                if isinstance(child, Static):
                    child.update(Content(f"Reading the {self.READS_ITEMS}…"))
            elif child.display:
                child.display = False
                self._hidden.append(child)

    def _end_reading(self) -> None:
        for child in self._hidden:
            child.display = True
        self._hidden.clear()

    def _items_read(self) -> None:
        briefing = self.built_for
        if not self.reading_items or briefing is None or not parts_ready(briefing):
            return  # another briefing is open now, or its items are still being read
        focused = self.screen.focused
        # While reading, the pane had nothing to focus: the reader turned to it expects to
        # be on its list now.
        here = focused is None or focused is self or self in focused.ancestors
        self.built_for = None
        self.ensure_built()
        if here and self.is_on_screen:
            self.focus_target().focus()

    def build(self, briefing: Briefing) -> None:
        raise NotImplementedError

    def focus_target(self) -> Widget:
        """The widget that should take focus when the reader switches to this pane."""
        return self

    def parts(self) -> list[Widget]:
        """The pane's focusable, shown widgets, in screen order."""
        return [widget for widget in self.query(Widget) if widget.focusable and self._shown(widget)]

    def _shown(self, widget: Widget) -> bool:
        """`focusable` ignores `display: none` (of the widget or a container), so check it."""
        node: object = widget
        while isinstance(node, Widget) and node is not self:
            if not node.display:
                return False
            node = node.parent
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Offered (and shown in the footer) only when there is another part to go to.
        if action == "next_part":
            return len(self.parts()) > 1
        return True

    def action_next_part(self) -> None:
        parts = self.parts()
        if len(parts) < 2:
            return
        focused = self.screen.focused
        current = -1
        for index, part in enumerate(parts):
            if focused is part:
                current = index
                break
            # A part holding the focused widget counts until the exact one is found, so
            # focus on a list inside a scroll view moves on from the list, not the view.
            if focused is not None and part in focused.ancestors:
                current = index
        parts[(current + 1) % len(parts)].focus()
