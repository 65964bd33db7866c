"""The reader's main screen: the library list beside the open briefing, and its keys.

It owns what the reader is doing: the loaded library (briefings, problems, search index,
glossary), the open briefing, the list's filter and the reading state.  Every way into a
briefing posts `OpenBriefing`, handled once here.  The views across the library live in
`screens/across.py`; the screens they push are imported on first use, not at start.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Header

from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.model import Briefing, Pane, Problem
from briefing_tui.state import ReadingState
from briefing_tui.ui import command_table
from briefing_tui.ui.locate.spot import OpenBriefing
from briefing_tui.ui.screens.across import AcrossLibrary
from briefing_tui.ui.services.loader import Counter, LibraryLoader, Loader
from briefing_tui.ui.services.search_index import LibraryIndex
from briefing_tui.ui.support.links import show_link
from briefing_tui.ui.widgets.briefing_view import BriefingView
from briefing_tui.ui.widgets.filter_bar import FilterBar
from briefing_tui.ui.widgets.library_list import LibraryList
from briefing_tui.ui.widgets.load_status import LoadStatus
from briefing_tui.ui.widgets.panes.overview import LinkList
from briefing_tui.ui.widgets.steady_footer import SteadyFooter

REVEAL_GROUP = "reveal"


class MainScreen(AcrossLibrary):
    """Read a library of briefings, one at a time, in four panes."""

    # Textual repaints the whole screen whenever focus moves (its `focused` repaints), and
    # a pane key or Tab always moves it.  What focus changes on screen is repainted anyway:
    # the widgets that gain and lose it, and what their `:focus` rules restyle, refresh
    # themselves.  The first repaint after a pane key took 17-30 ms of the UI thread,
    # 9-25 ms without (headless, 350 KB document, 120x40).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        loader: Loader | None = None,
        counter: Counter | None = None,
        state_dir: Path | None = None,
    ) -> None:
        """`state_dir` turns on reading state (read, changed, bookmarked); off by default."""
        super().__init__()
        self.paths = tuple(paths)
        self.problems: list[Problem] = []
        self.failed_files: set[str] = set()
        self.keymap: dict[str, str] = {}  # binding id -> key, as a [keys] table set it
        self._results_seen = 0
        self._total: int | None = None
        self._loader = LibraryLoader(self.paths, loader=loader, counter=counter)
        self.library_index = LibraryIndex(self, lambda: self.library_loading)
        self._loader.before_results = self.library_index.restore
        self.library_glossary = LibraryGlossary()
        self.state = ReadingState.open(state_dir, self.paths) if state_dir is not None else None
        self.set_up_across()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="library"):
                yield LoadStatus(id="load-status")
                yield FilterBar(id="filter-bar")
                yield LibraryList(id="library-list")
            yield BriefingView(id="briefing")
        yield SteadyFooter()
        yield self._loader

    def on_mount(self) -> None:
        # After the first refresh: the list cannot take focus before it is laid out.
        self.call_after_refresh(self.set_focus, self.library_list)
        self.track_reading()
        # After the first frame too: the loading thread imports the format readers and
        # parses, and sharing the interpreter with it held the first frame back.
        self.call_after_refresh(self._loader.start)

    # -- state -------------------------------------------------------------------------------

    def watch_open_briefing(self, briefing: Briefing | None) -> None:
        """The one place the header says which briefing is open."""
        self.app.sub_title = briefing.title if briefing is not None else ""

    def key_for(self, command_id: str) -> str:
        """The key the reader has for a command now, for palette help lines."""
        command = command_table.BY_ID[command_id]
        return command_table.key_text(self.keymap.get(command_id, command.key))

    # -- loading -----------------------------------------------------------------------------

    @on(LibraryLoader.Started)
    def _load_started(self, event: LibraryLoader.Started) -> None:
        self._total = event.total
        self.query_one(LoadStatus).start(event.total)
        self.library_index.expect(event.total, event.index_store)

    @on(LibraryLoader.Loaded)
    def _loaded(self, event: LibraryLoader.Loaded) -> None:
        briefings: list[Briefing] = []
        rows: list[tuple[str, ...] | None] = []
        for result in event.results:
            self.problems.extend(result.problems)
            if result.briefing is not None:
                briefings.append(result.briefing)
                rows.append(result.search_row)
            elif result.problems:
                self.failed_files.add(result.path)
        self._results_seen += len(event.results)
        self.library_list.add_briefings(briefings)
        self.library_index.add(briefings, rows)
        self.query_one(LoadStatus).advance(self._results_seen, self._total)

    def on_screen_resume(self) -> None:
        """Back on top: show what loaded while another screen covered this one."""
        self.library_list.show_held()
        self.query_one(LoadStatus).show_held()

    @on(LibraryLoader.Finished)
    def _load_finished(self, event: LibraryLoader.Finished) -> None:
        self.library_loading = False
        self.library_index.load_finished(complete=event.error is None)
        self.library_list.flush(force=True)
        self.query_one(LoadStatus).finish(len(self.briefings), len(self.problems))
        if event.error:
            self.notify(
                f"Loading stopped early: {event.error}",
                title="Library",
                severity="error",
                markup=False,
            )
        if not self.briefings:
            self.view.show_message(self._empty_message(event.error))
        self.prepare_across()

    def _empty_message(self, error: str | None) -> Content:
        lines = ["No briefings found.", "", "Searched:"]
        lines += [f"  {path}" for path in self.paths] or ["  (no paths given)"]
        if self.failed_files:
            count = len(self.failed_files)
            lines += [
                "",
                f"{count} file{'' if count == 1 else 's'} had problems; press ! to see them.",
            ]
        if error:
            lines += ["", f"Loading stopped early: {error}"]
        return Content("\n".join(lines))

    # -- opening briefings -------------------------------------------------------------------

    @on(OpenBriefing)
    def _open(self, event: OpenBriefing) -> None:
        """Every way into a briefing ends here: the list, palette, search and the views."""
        if isinstance(event, LibraryList.BriefingSelected):  # the list moved: show it
            self._show(event.briefing)
            self.reading_opened(event.briefing)
            return
        if not self.open_path(event.path):
            self.notify("That briefing is not in the library any more.", markup=False)
            return
        briefing = self.library_list.selected_briefing
        if briefing is None or briefing.path != event.path:
            return
        # Shown now rather than when the list's message arrives, so the spot can be shown.
        self._show(briefing)
        if event.highlight is not None and event.spot is not None:
            self._show_spot(briefing, event)
        elif event.spot is not None:
            from briefing_tui.ui.locate.target import reveal

            reveal(self.view, event.spot).focus()
            self.reading_now()

    def _show(self, briefing: Briefing) -> None:
        if self.view.briefing is not briefing:
            self.view.open(briefing)
        self.open_briefing = briefing

    def _show_spot(self, briefing: Briefing, event: OpenBriefing) -> None:
        """Turn to the spot and light up its words, once the pane is built (in a worker)."""
        from briefing_tui.ui.locate.highlights import marks_for
        from briefing_tui.ui.locate.locator import focus_when_shown, show_spot
        from briefing_tui.ui.locate.target import mark_spot
        from briefing_tui.ui.widgets.find_bar import FindBar

        spot, find, view = event.spot, event.highlight, self.view
        assert spot is not None and find is not None
        bar = FindBar.of(view)
        if bar is not None and bar.display:
            bar.close()  # its matches were of the briefing being left
        marks = marks_for(view)
        marks.clear()

        async def land() -> None:
            shown = await show_spot(view, spot, find)
            if shown is not None:
                mark_spot(marks, shown, spot, briefing, find)
                await focus_when_shown(shown.focus)

        self.run_worker(land(), group=REVEAL_GROUP, exclusive=True, exit_on_error=False)

    def open_path(self, path: str) -> bool:
        """Select the loaded briefing read from `path` in the list; False if there is none."""
        self.library_list.flush(force=True)
        return self.library_list.select_path(path)

    @on(LibraryList.BriefingChosen)
    def _briefing_chosen(self, event: LibraryList.BriefingChosen) -> None:
        self.view.active_pane_widget().focus_target().focus()
        self.reading_now()

    @on(LibraryList.Listed)
    def _listed(self, event: LibraryList.Listed) -> None:
        self.show_listed()

    @on(LinkList.LinkActivated)
    def _link_activated(self, event: LinkList.LinkActivated) -> None:
        show_link(self.app, event.link.url or event.link.title)

    # -- actions -----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.app.exit(0)

    def action_pane(self, pane: str) -> None:
        if self.open_briefing is None:
            return
        target = Pane(pane)
        self.view.switch_to(target)
        self.view.pane_widget(target).focus_target().focus()
        self.reading_now()

    def action_step_pane(self, step: int) -> None:
        if self.open_briefing is None:
            return
        pane = self.view.step_pane(step)
        self.view.pane_widget(pane).focus_target().focus()
        self.reading_now()

    def action_step_briefing(self, step: int) -> None:
        self.library_list.flush(force=True)
        self.library_list.move(step)

    def action_toggle_library(self) -> None:
        library = self.library_list
        if library.has_focus and self.open_briefing is not None:
            self.view.active_pane_widget().focus_target().focus()
        else:
            library.focus()

    def action_search(self) -> None:
        from briefing_tui.ui.screens.search import SearchScreen

        if isinstance(self.app.screen, SearchScreen):
            self.app.screen.query_one("#search-input").focus()
        elif not self.app.screen.is_modal:  # not over the help, problems or another dialog
            screen = SearchScreen.of(self.app, self.library_index)
            if screen not in self.app.screen_stack:
                self.app.push_screen(screen, self._opened_from)

    def action_find(self) -> None:
        from briefing_tui.ui.widgets.find_bar import FindBar

        if not self.app.screen.is_modal:
            FindBar.open_in(self.view)

    def action_find_step(self, step: int) -> None:
        from briefing_tui.ui.widgets.find_bar import FindBar

        FindBar.step_in(self.view, step)

    def action_find_close(self) -> None:
        from briefing_tui.ui.widgets.find_bar import FindBar

        FindBar.close_in(self.view)

    def action_problems(self) -> None:
        from briefing_tui.ui.screens.problems import ProblemsScreen

        if isinstance(self.app.screen, ProblemsScreen):
            return
        loaded = {b.path for b in self.briefings}
        self.app.push_screen(ProblemsScreen(self.problems, loaded), self._problem_chosen)

    def _problem_chosen(self, path: str | None) -> None:
        if path is not None and self.open_path(path):
            self.view.switch_to(Pane.OVERVIEW)

    async def run_command(self, action: str) -> None:
        """Run one of this screen's actions (the palette's commands come through here)."""
        await self.run_action(action)
