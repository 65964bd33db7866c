"""The main screen's part that looks across the library: who (`i`), outcomes (`o`), timeline
(`t`), glossary (`g`), the list's filter (`f`) and reading state (`b`, `--state DIR`).

A base class of `MainScreen`, kept in its own file so each stays small.  The screens it
pushes are imported when first asked for, not at start: a reader who never presses `i` or
`o` does not wait for them before the first paint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from operator import attrgetter
from pathlib import Path

from textual import on
from textual.reactive import reactive
from textual.screen import Screen

from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.insights.glossary import (
    LIBRARY,
    GlossaryEntry,
    LibraryGlossary,
)
from briefing_tui.model import Briefing, Problem
from briefing_tui.state import ReadingState
from briefing_tui.ui.locate.spot import OpenBriefing
from briefing_tui.ui.screens.timeline import TimelineScreen
from briefing_tui.ui.services.insights_cache import LibraryInsights
from briefing_tui.ui.services.reading_state import ReadingTracker
from briefing_tui.ui.services.ui_pulse import ui_pulse
from briefing_tui.ui.support.acronyms import glossary_for
from briefing_tui.ui.widgets.briefing_view import BriefingView
from briefing_tui.ui.widgets.filter_bar import FilterBar
from briefing_tui.ui.widgets.library_list import LibraryList


class AcrossLibrary(Screen[None]):
    """State and actions of the views across the library; `MainScreen` fills the rest."""

    # Not `loading`: on a Textual widget (a screen is one) that covers it with a loading
    # indicator, which hid the whole reader until a large library had finished loading.
    library_loading: reactive[bool] = reactive(True)
    open_briefing: reactive[Briefing | None] = reactive(None)
    # What the list shows; the list and the filter bar follow it.
    list_filter: reactive[BriefingFilter] = reactive(BriefingFilter, init=False, always_update=True)

    paths: tuple[Path, ...]
    problems: list[Problem]
    state: ReadingState | None
    library_glossary: LibraryGlossary

    def set_up_across(self) -> None:
        self.insights = LibraryInsights()
        self.reading: ReadingTracker | None = None

    @property
    def library_list(self) -> LibraryList:
        return self.query_one(LibraryList)

    @property
    def view(self) -> BriefingView:
        return self.query_one(BriefingView)

    @property
    def briefings(self) -> list[Briefing]:
        return self.library_list.briefings

    def _opened_from(self, request: OpenBriefing | None) -> None:
        """A screen pushed from here closed with a briefing to open, or None."""
        if request is not None:
            self.post_message(request)

    # -- lifecycle ----------------------------------------------------------------------------

    def track_reading(self) -> None:
        if self.state is not None:
            self.reading = ReadingTracker(self.state, self.library_list, self)
            self.library_list.badge = self.reading.badge
            self.reading.report_all()

    def prepare_across(self) -> None:
        """Load the library glossary and build the index and outcome rows, off the UI thread."""
        # The build steps aside while the screen is busy (a key), a slice at a time.
        self.insights.pause = ui_pulse().yield_to_ui
        self.run_worker(
            self._prepare,
            thread=True,
            group="library-views",
            exclusive=True,
            exit_on_error=False,
        )

    def _prepare(self) -> None:
        # Imported in this worker: reading a file needs the YAML readers, which the
        # first screen must not wait for.
        from briefing_tui.insights.glossary_file import load_library_glossary

        glossary = load_library_glossary(self.paths)
        self.app.call_from_thread(self.glossary_loaded, glossary)
        self.insights.warm(tuple(self.briefings), dt.date.today())

    def glossary_loaded(self, glossary: LibraryGlossary) -> None:
        self.library_glossary = glossary
        self.problems.extend(glossary.problems)
        self.view.set_glossary(glossary)

    def show_listed(self) -> None:
        """The list changed: the filter bar above it says what is listed and how marked."""
        library = self.library_list
        self.query_one(FilterBar).show(
            library.filter,
            len(library.listed),
            len(library.briefings),
            # Each marking once, in order of first use (ties keep the first, as before):
            # ranking all 10,000 at every rebuild of a streaming list took 1.3 s of the UI.
            dict.fromkeys(map(attrgetter("marking"), library.listed)),
            reading=len(library.unjudged),
        )

    # -- the list's filter --------------------------------------------------------------------

    def watch_list_filter(self, flt: BriefingFilter) -> None:
        self.library_list.set_filter(flt)

    def set_filter(self, flt: BriefingFilter | None) -> None:
        if flt is not None:
            self.list_filter = flt

    def action_clear_filters(self) -> None:
        if not self.library_list.filter.is_empty:
            self.list_filter = BriefingFilter()

    @on(TimelineScreen.DatesChanged)
    def _dates_changed(self, event: TimelineScreen.DatesChanged) -> None:
        self.list_filter = dataclasses.replace(self.library_list.filter, dates=event.dates)

    # -- reading state ------------------------------------------------------------------------

    def reading_opened(self, briefing: Briefing) -> None:
        if self.reading is not None:
            self.reading.opened(briefing)

    def reading_now(self) -> None:
        briefing = self.open_briefing
        if self.reading is not None and briefing is not None:
            self.reading.read_now(briefing)

    def action_bookmark(self) -> None:
        briefing = self.open_briefing
        if briefing is None:
            return
        if self.reading is None:
            self.notify(
                "Bookmarks are kept only with --state DIR; nothing is stored by default.",
                title="Bookmark",
                markup=False,
            )
            return
        marked = self.reading.toggle_bookmark(briefing)
        self.notify(
            briefing.title or "(untitled)",
            title="Bookmarked" if marked else "Bookmark removed",
            markup=False,
        )

    # -- screens ------------------------------------------------------------------------------

    def action_entities(self) -> None:
        from briefing_tui.ui.screens.entities import EntitiesScreen

        if not isinstance(self.app.screen, EntitiesScreen):
            screen = EntitiesScreen(self.insights, tuple(self.briefings))
            self.app.push_screen(screen, self._opened_from)

    def action_outcomes(self) -> None:
        from briefing_tui.ui.screens.outcomes import OutcomesScreen

        if not isinstance(self.app.screen, OutcomesScreen):
            screen = OutcomesScreen(self.insights, tuple(self.briefings))
            self.app.push_screen(screen, self._opened_from)

    def action_timeline(self) -> None:
        if not isinstance(self.app.screen, TimelineScreen):
            flt = self.library_list.filter
            screen = TimelineScreen(tuple(self.briefings), flt, listener=self)
            self.app.push_screen(screen, self._opened_from)

    def action_glossary(self) -> None:
        from briefing_tui.ui.screens.glossary import GlossaryScreen

        if isinstance(self.app.screen, GlossaryScreen):
            return
        briefing = self.open_briefing
        if briefing is not None:
            entries = glossary_for(self.library_glossary, briefing)
        else:
            entries = tuple(
                GlossaryEntry(term, expansion, LIBRARY)
                for term, expansion in sorted(
                    self.library_glossary.terms, key=lambda te: te[0].casefold()
                )
            )
        self.app.push_screen(GlossaryScreen(entries, briefing))

    def action_filter(self) -> None:
        from briefing_tui.ui.screens.filter import FilterScreen

        if not isinstance(self.app.screen, FilterScreen):
            current = self.library_list.filter
            self.app.push_screen(FilterScreen(current, self.briefings), self.set_filter)
