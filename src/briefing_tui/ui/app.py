"""The briefing reader's Textual app: library list beside the open briefing, keys, run().

Kept thin on purpose: widgets, screens and the palette live in their own modules; this file
wires their messages together and holds the keys that work everywhere.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Header

from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.model import Briefing, Pane, Problem
from briefing_tui.ui.providers.briefing_commands import BriefingCommands
from briefing_tui.ui.providers.search_commands import SearchCommands
from briefing_tui.ui.screens.library_views import LibraryViews
from briefing_tui.ui.screens.timeline import TimelineScreen
from briefing_tui.ui.services.loader import Counter, LibraryLoader, Loader, make_loader
from briefing_tui.ui.services.quitting import exit_now_if_busy, run_app
from briefing_tui.ui.services.search_index import LibraryIndex
from briefing_tui.ui.support.themes import ThemedApp, default_theme, resolve_theme_name
from briefing_tui.ui.widgets.briefing_view import BriefingView
from briefing_tui.ui.widgets.filter_bar import FilterBar
from briefing_tui.ui.widgets.library_list import LibraryList
from briefing_tui.ui.widgets.load_status import LoadStatus
from briefing_tui.ui.widgets.panes.overview import LinkList

# System palette entries that would write files (Screenshot) or duplicate our own commands.
_HIDDEN_SYSTEM_COMMANDS = frozenset({"Screenshot", "Keys", "Quit"})


class BriefingApp(ThemedApp):
    """Read a library of briefings, one at a time, in four panes.

    `/` searches the library (ui/screens/search.py), ctrl+f finds in the open briefing
    (ui/widgets/find_bar.py); the search index is filled from `_loaded` in a thread worker.
    """

    # Absolute, so subclasses defined elsewhere (tests, embedders) still find the styles.
    CSS_PATH = [  # noqa: RUF012 (Textual's own type for it is a list)
        Path(__file__).with_name("briefing.tcss"),
        Path(__file__).with_name("search.tcss"),
    ]
    TITLE = "briefing"
    COMMANDS: ClassVar[set[type[BriefingCommands]]] = {BriefingCommands}  # type: ignore[assignment]
    COMMANDS |= App.COMMANDS  # type: ignore[arg-type]
    COMMANDS |= {SearchCommands}  # type: ignore[arg-type]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("exclamation_mark", "problems", "Problems", id="problems"),
        Binding("left_square_bracket", "step_briefing(-1)", "Prev", id="previous_briefing"),
        Binding("right_square_bracket", "step_briefing(1)", "Next", id="next_briefing"),
        Binding("l", "toggle_library", "Library", id="library"),
        Binding("slash", "search", "Search", id="search"),
        Binding("ctrl+f", "find", "Find", id="find"),
        Binding("n", "find_step(1)", "Next match", show=False, id="find_next"),
        Binding("N", "find_step(-1)", "Previous match", show=False, id="find_previous"),
        Binding("escape", "find_close", "Close find", show=False),
        Binding("i", "entities", "Who", id="entities"),
        Binding("o", "outcomes", "Outcomes", id="outcomes"),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("g", "glossary", "Glossary", id="glossary"),
        Binding("f", "filter", "Filter", id="filter"),
        Binding("F", "clear_filters", "Clear filters", show=False, id="clear_filters"),
        Binding("b", "bookmark", "Bookmark", show=False, id="bookmark"),
        Binding("1", "pane('overview')", "Overview pane", show=False, id="pane_overview"),
        Binding(
            "2", "pane('participants')", "Participants pane", show=False, id="pane_participants"
        ),
        Binding("3", "pane('topics')", "Topics pane", show=False, id="pane_topics"),
        Binding("4", "pane('outcomes')", "Outcomes pane", show=False, id="pane_outcomes"),
        # Priority so that tab switches panes rather than moving focus; `check_action` turns
        # them off over modal screens, so tab still works normally in dialogs and the palette.
        Binding("tab", "step_pane(1)", "Next pane", show=False, priority=True, id="next_pane"),
        Binding(
            "shift+tab",
            "step_pane(-1)",
            "Previous pane",
            show=False,
            priority=True,
            id="previous_pane",
        ),
    ]

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
        self.results_seen = 0
        self.failed_files: set[str] = set()
        self.loading = True
        self._total: int | None = None
        self._loader = LibraryLoader(self.paths, loader=loader, counter=counter)
        self.library_index = LibraryIndex(self)
        self._loader.before_results = self.library_index.restore
        self.library_glossary = LibraryGlossary()
        self.views = LibraryViews(self, state_dir)

    # -- composition -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="library"):
                yield LoadStatus(id="load-status")
                yield FilterBar(id="filter-bar")
                yield LibraryList(id="library-list")
            yield BriefingView(id="briefing")
        yield Footer()
        yield self._loader

    def on_mount(self) -> None:
        self.query_one(LibraryList).focus()
        self.views.mounted()
        self._loader.start()

    def format_title(self, title: str, sub_title: str) -> Content:
        """Header text as plain Content: the sub-title is a document title."""
        if sub_title:
            return Content.assemble(title, (" — ", "dim"), (sub_title, "dim"))
        return Content(title)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in _HIDDEN_SYSTEM_COMMANDS:
                yield command

    # -- state -------------------------------------------------------------------------------

    @property
    def library_list(self) -> LibraryList:
        return self.query_one(LibraryList)

    @property
    def view(self) -> BriefingView:
        return self.query_one(BriefingView)

    @property
    def briefings(self) -> list[Briefing]:
        return self.library_list.briefings

    @property
    def open_briefing(self) -> Briefing | None:
        return self.view.briefing

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
        self.results_seen += len(event.results)
        self.library_list.add_briefings(briefings)
        self.library_index.add(briefings, rows)
        self.query_one(LoadStatus).advance(self.results_seen, self._total)

    @on(LibraryLoader.Finished)
    def _load_finished(self, event: LibraryLoader.Finished) -> None:
        self.loading = False
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
        self.views.load_finished()

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

    # -- opening briefings ------------------------------------------------------------------

    @on(LibraryList.BriefingSelected)
    def _briefing_selected(self, event: LibraryList.BriefingSelected) -> None:
        self.view.open(event.briefing)
        self.sub_title = event.briefing.title
        self.views.opened(event.briefing)

    @on(LibraryList.BriefingChosen)
    def _briefing_chosen(self, event: LibraryList.BriefingChosen) -> None:
        self.view.active_pane_widget().focus_target().focus()
        self.views.reading_now()

    @on(LibraryList.Listed)
    def _listed(self, event: LibraryList.Listed) -> None:
        self.views.listed()

    @on(TimelineScreen.DatesChanged)
    def _dates_changed(self, event: TimelineScreen.DatesChanged) -> None:
        self.views.dates_changed(event.dates)

    def open_path(self, path: str) -> bool:
        """Open the loaded briefing read from `path`; False if there is none."""
        self.library_list.flush(force=True)
        return self.library_list.select_path(path)

    # -- links -------------------------------------------------------------------------------

    @on(LinkList.LinkActivated)
    def _link_activated(self, event: LinkList.LinkActivated) -> None:
        self.show_url(event.link.url or event.link.title)

    def show_url(self, url: str) -> None:
        """Tell the reader where a link points; the reader never opens anything itself."""
        self.notify(url, title="Link (not opened)", markup=False, timeout=8)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:  # never opens: offline
        """Backstop: whatever asks to open a URL only gets it shown."""
        self.show_url(url)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Disabled: the reader writes nothing, and documents must not trigger file writes."""
        self.notify("Screenshots are disabled.", markup=False)

    def deliver_screenshot(self, *args: object, **kwargs: object) -> None:
        self.notify("Screenshots are disabled.", markup=False)
        return None

    # -- actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Priority bindings (tab) reach the app even over dialogs and the palette; there
        # tab must keep its usual meaning, so pane switching is off while a modal is up.
        return not (action == "step_pane" and self.screen.is_modal)

    async def action_quit(self) -> None:
        self.exit(0)

    def action_pane(self, pane: str) -> None:
        if self.open_briefing is None:
            return
        target = Pane(pane)
        self.view.switch_to(target)
        self.view.pane_widget(target).focus_target().focus()
        self.views.reading_now()

    def action_step_pane(self, step: int) -> None:
        if self.open_briefing is None:
            return
        pane = self.view.step_pane(step)
        self.view.pane_widget(pane).focus_target().focus()
        self.views.reading_now()

    def action_step_briefing(self, step: int) -> None:
        self.library_list.flush(force=True)
        self.library_list.move(step)

    def action_toggle_library(self) -> None:
        library = self.library_list
        if library.has_focus and self.open_briefing is not None:
            self.view.active_pane_widget().focus_target().focus()
        else:
            library.focus()

    def action_help(self) -> None:
        from briefing_tui.ui.screens.help import HelpScreen, collect_key_help

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(collect_key_help(self, self.screen)))

    def action_entities(self) -> None:
        self.views.show_entities()

    def action_outcomes(self) -> None:
        self.views.show_outcomes()

    def action_timeline(self) -> None:
        self.views.show_timeline()

    def action_glossary(self) -> None:
        self.views.show_glossary()

    def action_filter(self) -> None:
        self.views.show_filter()

    def action_clear_filters(self) -> None:
        self.views.clear_filters()

    def action_bookmark(self) -> None:
        self.views.toggle_bookmark()

    def action_search(self) -> None:
        from briefing_tui.ui.locate.open_at import open_search

        open_search(self)

    def action_find(self) -> None:
        from briefing_tui.ui.widgets.find_bar import FindBar

        if not self.screen.is_modal:
            FindBar.open_in(self.view)

    def action_find_step(self, step: int) -> None:
        from briefing_tui.ui.widgets.find_bar import FindBar

        FindBar.step_in(self.view, step)

    def action_find_close(self) -> None:
        from briefing_tui.ui.widgets.find_bar import FindBar

        FindBar.close_in(self.view)

    def action_problems(self) -> None:
        from briefing_tui.ui.screens.problems import ProblemsScreen

        if isinstance(self.screen, ProblemsScreen):
            return
        loaded = {b.path for b in self.briefings}
        self.push_screen(ProblemsScreen(self.problems, loaded), self._problem_chosen)

    def _problem_chosen(self, path: str | None) -> None:
        if path is not None and self.open_path(path):
            self.view.switch_to(Pane.OVERVIEW)


def binding_ids() -> set[str]:
    """The actions a settings file's [keys] table may rebind: every binding with an id in the
    app and in the reader's own widgets and screens."""
    import briefing_tui.ui.on_demand  # noqa: F401 (screens imported on first use)

    ids: set[str] = set()
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls is BriefingApp or cls.__module__.startswith("briefing_tui.ui"):
            for binding in cls.BINDINGS:
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids


def run(
    paths: list[Path],
    *,
    theme: str | None = None,
    cache_dir: Path | None = None,
    state_dir: Path | None = None,
    keymap: Mapping[str, str] | None = None,
) -> int:
    """Start the reader on `paths`; returns the process exit code.

    `cache_dir` turns on the optional parse cache, `state_dir` the reading state (read and
    bookmarked briefings); both are off by default, when nothing is written.  `keymap`
    maps binding ids (see `binding_ids()`) to the keys the user prefers.
    """
    app = BriefingApp(paths, loader=make_loader(cache_dir), state_dir=state_dir)
    if keymap:
        unknown = sorted(set(keymap) - binding_ids())
        if unknown:
            print(
                f"briefing: [keys] names no such action: {', '.join(unknown)}; "
                f"known: {', '.join(sorted(binding_ids()))}",
                file=sys.stderr,
            )
        app.set_keymap({k: v for k, v in keymap.items() if k not in unknown})
    theme = resolve_theme_name(theme) if theme is not None else default_theme(app.no_color)
    if theme is not None:
        if theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            print(f"briefing: unknown theme {theme!r}; choose one of: {names}", file=sys.stderr)
            return 2
        app.theme = theme
    result = run_app(app)
    code = app.return_code if app.return_code not in (None, 0) else int(result or 0)
    # The screen is gone: background threads (a search index of a huge briefing, say)
    # must not hold the process, and the terminal's prompt, for seconds more.
    exit_now_if_busy(code or 0)
    return code or 0
