"""The open briefing: a header (marking banner, title, dates, place) over the four panes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static, TabbedContent, TabPane, Tabs

from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.model import Briefing, Pane
from briefing_tui.ui.support.marking import MARKING_CLASSES, marking_banner, marking_class
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.panes.outcomes import OutcomesPane
from briefing_tui.ui.widgets.panes.overview import OverviewPane
from briefing_tui.ui.widgets.panes.participants import ParticipantsPane
from briefing_tui.ui.widgets.panes.topics import TopicsPane

PANE_ORDER = (Pane.OVERVIEW, Pane.PARTICIPANTS, Pane.TOPICS, Pane.OUTCOMES)


class BriefingHeader(Horizontal):
    """Title line plus marking banner; the banner's colour comes from a CSS class."""

    def compose(self) -> ComposeResult:
        yield Static(id="marking-banner")
        with Vertical(id="header-text"):
            yield Static(id="header-title")
            yield Static(id="header-facts")

    def show(self, briefing: Briefing) -> None:
        banner = self.query_one("#marking-banner", Static)
        banner.remove_class(*MARKING_CLASSES)
        banner.add_class(marking_class(briefing.marking))
        banner.update(marking_banner(briefing.marking))
        banner.display = bool(briefing.marking.strip())
        self.query_one("#header-title", Static).update(Content(briefing.title))
        facts = [part for part in (briefing.date_range(), briefing.location) if part]
        self.query_one("#header-facts", Static).update(Content(" · ".join(facts)))


class BriefingView(Vertical):
    """Shows one briefing at a time; panes render lazily when first turned to."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing: Briefing | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading the library…"), id="empty-message")
        yield BriefingHeader(id="briefing-header")
        with TabbedContent(id="panes", initial=Pane.OVERVIEW.value):
            yield TabPane(Content("1 Overview"), OverviewPane(), id=Pane.OVERVIEW.value)
            yield TabPane(Content("2 Participants"), ParticipantsPane(), id=Pane.PARTICIPANTS.value)
            yield TabPane(Content("3 Topics"), TopicsPane(), id=Pane.TOPICS.value)
            yield TabPane(Content("4 Outcomes"), OutcomesPane(), id=Pane.OUTCOMES.value)

    def on_mount(self) -> None:
        # Tab and shift+tab switch panes, so the tab strip itself need not take focus.
        self.query_one(Tabs).can_focus = False
        self._set_empty(True)

    def _set_empty(self, empty: bool) -> None:
        self.query_one("#empty-message").display = empty
        self.query_one("#briefing-header").display = not empty
        self.query_one("#panes").display = not empty

    def show_message(self, message: Content) -> None:
        """Replace the briefing with a message (empty library, only problems, ...)."""
        self.query_one("#empty-message", Static).update(message)
        if self.briefing is None:
            self._set_empty(True)

    def open(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._set_empty(False)
        self.query_one(BriefingHeader).show(briefing)
        for pane in self.query(LazyPane):
            pane.set_briefing(briefing)
        self.active_pane_widget().ensure_built()

    @property
    def active_pane(self) -> Pane:
        return Pane(self.query_one(TabbedContent).active or Pane.OVERVIEW.value)

    def pane_widget(self, pane: Pane) -> LazyPane:
        return self.query_one(f"TabPane#{pane.value}").query_one(LazyPane)

    def active_pane_widget(self) -> LazyPane:
        return self.pane_widget(self.active_pane)

    def switch_to(self, pane: Pane) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active != pane.value:
            tabs.active = pane.value
        widget = self.pane_widget(pane)
        widget.ensure_built()

    def set_glossary(self, glossary: LibraryGlossary) -> None:
        """The library's glossary arrived: panes built without its acronyms are built again."""
        for pane in self.query(LazyPane):
            pane.glossary = glossary
            if glossary.terms:
                pane.built_for = None
        if glossary.terms and self.briefing is not None:
            self.active_pane_widget().ensure_built()

    def step_pane(self, step: int) -> Pane:
        index = PANE_ORDER.index(self.active_pane)
        pane = PANE_ORDER[(index + step) % len(PANE_ORDER)]
        self.switch_to(pane)
        return pane

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        pane = Pane(event.pane.id or Pane.OVERVIEW.value)
        self.pane_widget(pane).ensure_built()
