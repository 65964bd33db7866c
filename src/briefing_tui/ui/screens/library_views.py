"""What the app does for the views across the library: who (`i`), outcomes (`o`), timeline
(`t`), glossary (`g`), the list's filter (`f`) and reading state (`b`, `--state DIR`).

Kept out of app.py so the app stays a thin switchboard: its actions and message handlers
call one method here each.  The screens are imported when first asked for, not at start:
a reader who never presses `i` or `o` does not wait for them before the first paint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Static

from briefing_tui.insights.dates import DateRange
from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.insights.glossary import (
    LIBRARY,
    GlossaryEntry,
    LibraryGlossary,
    load_library_glossary,
)
from briefing_tui.model import Briefing
from briefing_tui.state import ReadingState
from briefing_tui.ui.services.insights_cache import LibraryInsights
from briefing_tui.ui.services.reading_state import ReadingTracker
from briefing_tui.ui.support.acronyms import glossary_for
from briefing_tui.ui.widgets.filter_bar import FilterBar
from briefing_tui.ui.widgets.lazy_pane import LazyPane

if TYPE_CHECKING:
    from briefing_tui.ui.app import BriefingApp
    from briefing_tui.ui.locate.target import BriefingTarget


class LibraryViews:
    def __init__(self, app: BriefingApp, state_dir: Path | None) -> None:
        self.app = app
        self.insights = LibraryInsights()
        self.state = ReadingState.open(state_dir, app.paths) if state_dir is not None else None
        self.reading: ReadingTracker | None = None

    @property
    def briefings(self) -> Sequence[Briefing]:
        return self.app.briefings

    # -- lifecycle ----------------------------------------------------------------------------

    def mounted(self) -> None:
        if self.state is not None:
            self.reading = ReadingTracker(self.state, self.app.library_list, self.app)
            self.app.library_list.badge = self.reading.badge
            self.reading.report_all()

    def load_finished(self) -> None:
        """Load the library glossary and build the index and outcome rows, off the UI thread."""
        self.app.run_worker(
            self._prepare,
            thread=True,
            group="library-views",
            exclusive=True,
            exit_on_error=False,
        )

    def _prepare(self) -> None:
        glossary = load_library_glossary(self.app.paths)
        self.app.call_from_thread(self._glossary_loaded, glossary)
        self.insights.warm(tuple(self.briefings), dt.date.today())

    def _glossary_loaded(self, glossary: LibraryGlossary) -> None:
        self.app.library_glossary = glossary
        self.app.problems.extend(glossary.problems)
        if glossary.terms:
            # Panes built before the glossary arrived are rebuilt with its acronyms marked.
            for pane in self.app.view.query(LazyPane):
                pane.built_for = None
            if self.app.open_briefing is not None:
                self.app.view.active_pane_widget().ensure_built()

    def listed(self) -> None:
        """The list changed: the filter bar above it says what is listed and how marked."""
        library = self.app.library_list
        bar = self.app.query_one(FilterBar)
        bar.show(
            library.filter,
            len(library.listed),
            len(library.briefings),
            (b.marking for b in library.listed),
        )

    # -- reading state ------------------------------------------------------------------------

    def opened(self, briefing: Briefing) -> None:
        if self.reading is not None:
            self.reading.opened(briefing)

    def reading_now(self) -> None:
        briefing = self.app.open_briefing
        if self.reading is not None and briefing is not None:
            self.reading.read_now(briefing)

    def toggle_bookmark(self) -> None:
        briefing = self.app.open_briefing
        if briefing is None:
            return
        if self.reading is None:
            self.app.notify(
                "Bookmarks are kept only with --state DIR; nothing is stored by default.",
                title="Bookmark",
                markup=False,
            )
            return
        marked = self.reading.toggle_bookmark(briefing)
        self.app.notify(
            briefing.title or "(untitled)",
            title="Bookmarked" if marked else "Bookmark removed",
            markup=False,
        )

    # -- screens ------------------------------------------------------------------------------

    def show_entities(self) -> None:
        from briefing_tui.ui.screens.entities import EntitiesScreen

        if not isinstance(self.app.screen, EntitiesScreen):
            screen = EntitiesScreen(self.insights, tuple(self.briefings))
            self.app.push_screen(screen, self.open_target)

    def show_outcomes(self) -> None:
        from briefing_tui.ui.screens.outcomes import OutcomesScreen

        if not isinstance(self.app.screen, OutcomesScreen):
            screen = OutcomesScreen(self.insights, tuple(self.briefings))
            self.app.push_screen(screen, self.open_target)

    def show_timeline(self) -> None:
        from briefing_tui.ui.screens.timeline import TimelineScreen

        if not isinstance(self.app.screen, TimelineScreen):
            flt = self.app.library_list.filter
            self.app.push_screen(TimelineScreen(tuple(self.briefings), flt), self.open_target)

    def show_glossary(self) -> None:
        from briefing_tui.ui.screens.glossary import GlossaryScreen

        if isinstance(self.app.screen, GlossaryScreen):
            return
        briefing = self.app.open_briefing
        if briefing is not None:
            entries = glossary_for(self.app, briefing)
        else:
            entries = tuple(
                GlossaryEntry(term, expansion, LIBRARY)
                for term, expansion in sorted(
                    self.app.library_glossary.terms, key=lambda te: te[0].casefold()
                )
            )
        self.app.push_screen(GlossaryScreen(entries, briefing))

    def show_filter(self) -> None:
        from briefing_tui.ui.screens.filter import FilterScreen

        if not isinstance(self.app.screen, FilterScreen):
            current = self.app.library_list.filter
            self.app.push_screen(FilterScreen(current, self.briefings), self.set_filter)

    def set_filter(self, flt: BriefingFilter | None) -> None:
        if flt is not None:
            self.app.library_list.set_filter(flt)

    def clear_filters(self) -> None:
        if not self.app.library_list.filter.is_empty:
            self.app.library_list.set_filter(BriefingFilter())

    def dates_changed(self, dates: DateRange) -> None:
        library = self.app.library_list
        library.set_filter(dataclasses.replace(library.filter, dates=dates))

    def open_target(self, target: BriefingTarget | None) -> None:
        """Open the briefing a screen chose, on its pane, with its row highlighted."""
        from briefing_tui.ui.locate.target import reveal

        if target is None:
            return
        app = self.app
        if not app.open_path(target.path):
            app.notify("That briefing is not in the library any more.", markup=False)
            return
        briefing = app.library_list.selected_briefing
        if briefing is None or briefing.path != target.path:
            return
        # Opened now rather than when the list's message arrives, so the row can be shown.
        app.view.open(briefing)
        app.sub_title = briefing.title
        reveal(app.view, target).focus()
        if self.reading is not None:
            self.reading.read_now(briefing)

    # -- for tests ----------------------------------------------------------------------------

    def filter_summary(self) -> str:
        return str(self.app.query_one("#filter-summary", Static).content)
