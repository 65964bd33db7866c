"""The open briefing: a header (marking banner, title, dates, place) over the four panes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Static, TabbedContent, TabPane, Tabs
from textual.widgets._tabs import Underline  # the tab strip's bar; Textual does not export it

from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.model import Briefing, Pane
from briefing_tui.ui.support.marking import MARKING_CLASSES, marking_banner, marking_class
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.panes.outcomes import OutcomesPane
from briefing_tui.ui.widgets.panes.overview import OverviewPane
from briefing_tui.ui.widgets.panes.participants import ParticipantsPane
from briefing_tui.ui.widgets.panes.topics import TopicsPane

PANE_ORDER = (Pane.OVERVIEW, Pane.PARTICIPANTS, Pane.TOPICS, Pane.OUTCOMES)


def jump_underline(tabs: Tabs) -> None:
    """Move the tab strip's underline at once instead of sliding it for 0.3 s.

    The slide is some twenty repaints after every pane switch: 80-130 ms of the screen's
    CPU (headless, 350 KB document), taken from the keys typed next and from the workers
    laying out or indexing a long document, for an effect nobody reading needs.  Tabs has
    no public switch for it short of turning off every animation of the app.
    """
    highlight = tabs._highlight_active

    def without_slide(animate: bool = True) -> None:
        highlight(animate=False)
        _place_underline(tabs)

    tabs._highlight_active = without_slide  # type: ignore[method-assign]


def _place_underline(tabs: Tabs) -> None:
    """Put the bar under the open tab now, in the same screen update as the pane.

    Textual moves it after the next repaint, and that move cost a second repaint of the
    whole screen on every pane key (650-800 lines drawn instead of 310-370, headless).  The
    tabs do not move when a pane is switched, so where the bar goes is known already; the
    move Textual still makes then finds nothing to change.  The first time, before the tabs
    are laid out, Textual places it.
    """
    try:
        tab = tabs.query_one("#tabs-list > Tab.-active")
        underline = tabs.query_one(Underline)
    except NoMatches:
        return
    region = tab.virtual_region.shrink(tab.styles.gutter)
    if region.width:
        underline.highlight_start, underline.highlight_end = region.column_span


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
        tabs = self.query_one(Tabs)
        # Tab and shift+tab switch panes, so the tab strip itself need not take focus.
        tabs.can_focus = False
        jump_underline(tabs)
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
