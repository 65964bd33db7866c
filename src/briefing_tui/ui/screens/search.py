"""The `/` screen: search the whole library as you type, open a hit where it matched.

Each keystroke restarts a short debounce; when it fires, the query runs in a thread worker
(the index may be busy taking a batch from the indexer) and only the answer for what is
in the box *now* is shown, so a slow answer to an older query never overwrites a newer
one.  Results are an OptionList capped at `LIMIT`; only the best `FIRST_PAGE` are asked
for and listed at each keystroke (every listed hit costs a snippet and a measurement, and
the keystroke budget is 50 ms on 10,000 briefings), the rest when the reader moves down.

Enter closes the screen with an `OpenBriefing` for the hit: the main screen opens that
briefing on the pane where the hit is, with it in view and its words highlighted.  Escape closes
with None, leaving the reader where they were.  Every piece of document text (titles,
snippets, the query itself) reaches a widget as `Content`, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing_tui.search import Hit, highlight_spans, parse_query
from briefing_tui.ui.locate.highlights import mark_content
from briefing_tui.ui.locate.spot import OpenBriefing, spot_of_hit
from briefing_tui.ui.services.search_index import IndexProgress, LibraryIndex
from briefing_tui.ui.support.row_format import briefing_line

LIMIT = 200
FIRST_PAGE = 30
# The rest of the results are fetched when the highlight comes this close to the end.
PREFETCH = 5
DEBOUNCE_SECONDS = 0.04
# While the index is still being built, the screen looks at its progress this often and
# runs the query again, so hits in briefings indexed since then appear.
PROGRESS_SECONDS = 0.25
SNIPPET_STYLE = "bold underline $text-accent"

SYNTAX_HELP = (
    'words (all must match) · "a phrase" · -word · a OR b · title: participant: org: '
    "country: tag: marking: · date:2018 date:2018-03..2019"
)


def open_hit(hit: Hit, query: str) -> OpenBriefing:
    """The request to open `hit`, its query's words highlighted where it is."""

    def words(text: str) -> list[tuple[int, int]]:
        return highlight_spans(text, query)

    return OpenBriefing(hit.path, spot_of_hit(hit), words)


def hit_prompt(hit: Hit) -> Content:
    """Date, marking and title (as every briefing row across the library shows them), then
    the pane that matched and the snippet with its words highlighted."""
    if hit.briefing is not None:
        first = briefing_line(hit.briefing)
    else:
        when = hit.date.isoformat() if hit.date else "undated"
        first = Content.assemble((when.ljust(10), "dim"), "  ", (hit.title, "bold"))
    parts: list[str | tuple[str, str] | Content] = [
        first,
        "\n",
        ("    " + hit.pane.label, "italic $text-accent"),
    ]
    if hit.snippet:
        parts += [(": ", "dim"), mark_content(Content(hit.snippet), hit.highlights, SNIPPET_STYLE)]
    return Content.assemble(*parts)


class SearchInput(Input):
    """The query box; the arrow and page keys move through the results below it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.move(1)", "Next result", show=False),
        Binding("up", "screen.move(-1)", "Previous result", show=False),
        Binding("pagedown", "screen.move(10)", "Results page down", show=False),
        Binding("pageup", "screen.move(-10)", "Results page up", show=False),
    ]


class ResultList(OptionList, can_focus=False):
    """The hits; the query box keeps the focus, so typing always edits the query."""

    HELP_NAME = "Search results"


class SearchScreen(ModalScreen[OpenBriefing | None]):
    """Search the library; closes with the chosen hit, or None on escape."""

    # Beside the module, so the screen brings its styles when first imported.
    CSS_PATH = Path(__file__).with_name("search.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, library: LibraryIndex) -> None:
        super().__init__()
        self.library = library
        self.hits: list[Hit] = []
        self.shown_query: str | None = None
        self.more = False
        self.limit = FIRST_PAGE
        self._fetching_more = False
        self._debounce: Timer | None = None
        self._progress_timer: Timer | None = None
        self._indexed_seen = -1
        self._open_when_shown = False

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog"):
            yield Static(
                Content("Search the library — enter opens the hit, escape goes back"),
                classes="dialog-title",
            )
            yield SearchInput(
                placeholder="Search titles, people, topics, outcomes…", id="search-input"
            )
            yield Static(id="search-status")
            yield ResultList(id="search-results")
            yield Static(Content(SYNTAX_HELP), id="search-syntax")

    @classmethod
    def of(cls, app: App[object], library: LibraryIndex) -> SearchScreen:
        """The one search screen of `library`, made and installed on first use.

        Composing, styling and laying out a new dialog at every `/` took 60-100 ms of the
        UI thread (bench_long's probe); an installed screen keeps its widgets when closed,
        so opening it again only restyles and repaints it.
        """
        name = f"search-{id(library)}"
        if app.is_screen_installed(name):
            screen = app.get_screen(name, cls)
            if screen.library is library:
                return screen
            app.uninstall_screen(name)  # a library gone since, whose id was reused
        screen = cls(library)
        app.install_screen(screen, name)
        return screen

    def on_mount(self) -> None:
        self.library.restored_signal.subscribe(self, lambda _: self._check_progress(True))

    def on_screen_resume(self) -> None:
        """Each time the dialog opens: on the last query, selected, so typing replaces it.

        The results shown are those of the last query; they are asked for again (in the
        worker, off the UI thread) in case more was indexed while the dialog was closed.
        """
        box = self.query_one(SearchInput)
        notice = self.library.notice
        if notice and not self.library.notice_shown:
            self.library.notice_shown = True
            self.app.notify(notice, title="Search", markup=False, timeout=8)
        progress = self.library.progress()
        self._indexed_seen = progress.indexed
        if progress.building and self._progress_timer is None:
            self._progress_timer = self.set_interval(PROGRESS_SECONDS, self._check_progress)
        box.focus()
        if box.value != self.library.last_query:
            box.value = self.library.last_query  # its Changed runs the query, debounced
        elif self._debounce is None:
            self._run(box.value, self.limit if box.value == self.shown_query else FIRST_PAGE)
        box.select_all()

    def on_screen_suspend(self) -> None:
        """Closed: nothing is opened by an answer that arrives now, nothing is polled."""
        self._open_when_shown = False
        if self._progress_timer is not None:
            self._progress_timer.stop()
            self._progress_timer = None

    # -- typing ----------------------------------------------------------------------------

    @property
    def query_text(self) -> str:
        return self.query_one(SearchInput).value

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._debounced)

    @property
    def work_pending(self) -> bool:
        """A search is due once typing pauses; until then the results are out of date."""
        return self._debounce is not None

    def _debounced(self) -> None:
        self._debounce = None
        self._run(self.query_text)

    def _run(self, query: str, limit: int = FIRST_PAGE) -> None:
        if not query.strip():
            self._show(query, [], limit)
            return
        self.run_worker(
            lambda: self._search(query, limit),
            name="search-query",
            group="search-query",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _search(self, query: str, limit: int) -> None:
        """Worker thread: ask the index, hand the answer to the UI unless superseded."""
        hits = self.library.search(query, limit + 1)  # one more says whether there are more
        if get_current_worker().is_cancelled:
            return
        try:
            self.app.call_from_thread(self._show, query, hits, limit)
        except RuntimeError:  # the app is closing
            return

    def _show(self, query: str, hits: list[Hit], limit: int) -> None:
        if not self.is_attached or query != self.query_text:
            return  # an answer to something no longer in the box
        self._fetching_more = False
        results = self.query_one(ResultList)
        old = self.hits if query == self.shown_query else []
        new = hits[:limit]
        self.more = len(hits) > limit
        self.limit = limit
        self.shown_query = query
        if (
            old
            and len(new) >= len(old)
            and all(a.path == b.path for a, b in zip(old, new, strict=False))
        ):
            # More of the same answer (the reader moved down, or the index grew): add the
            # new hits below and leave the highlight where the reader is.
            self.hits = old + new[len(old) :]
            results.add_options(Option(hit_prompt(hit)) for hit in new[len(old) :])
        else:
            previous = self.current_hit if old else None
            self.hits = new
            results.set_options(Option(hit_prompt(hit)) for hit in self.hits)
            if self.hits:
                keep = next(
                    (i for i, h in enumerate(self.hits) if previous and h.path == previous.path),
                    0,
                )
                results.highlighted = keep
        self._show_status()
        if self._open_when_shown:
            self._open_when_shown = False
            self.action_choose()

    # -- the status line ---------------------------------------------------------------------

    def _show_status(self) -> None:
        progress = self.library.progress()
        query = self.shown_query or ""
        parts: list[str | tuple[str, str] | Content] = []
        if not query.strip():
            parts.append(("Type to search every briefing.", "dim"))
        elif not self.hits:
            parts.append(("No briefing matches.", "bold"))
        else:
            count = len(self.hits)
            if not self.more:
                parts.append((f"{count:,} briefing{'' if count == 1 else 's'}", "bold"))
            elif self.limit < LIMIT:
                parts += [(f"The best {count:,} briefings", "bold"), (" · more below", "dim")]
            else:
                parts += [
                    (f"The best {count:,} briefings", "bold"),
                    (" (the most listed; add words to narrow)", "dim"),
                ]
        ignored = parse_query(query).ignored if query else ()
        if ignored:
            parts += [("  · ignored: ", "dim"), ", ".join(ignored)]
        described = progress.describe()
        if described:
            parts += [("  · ", "dim"), (described, "italic")]
        if progress.error:
            parts += [("  · some briefings could not be indexed: ", "dim"), progress.error]
        # One line, always: no layout pass for the status at each keystroke.
        self.query_one("#search-status", Static).update(Content.assemble(*parts), layout=False)

    def _check_progress(self, again: bool = False) -> None:
        """Run the query again when more is indexed (or `again`: the whole index arrived)."""
        progress: IndexProgress = self.library.progress()
        if again or progress.indexed != self._indexed_seen:
            self._indexed_seen = progress.indexed
            if self.shown_query and self.shown_query.strip():
                self._run(self.query_text, self.limit)
        self._show_status()
        if not progress.building and self._progress_timer is not None:
            self._progress_timer.stop()
            self._progress_timer = None

    # -- choosing ------------------------------------------------------------------------------

    @property
    def current_hit(self) -> Hit | None:
        index = self.query_one(ResultList).highlighted
        if index is None or not 0 <= index < len(self.hits):
            return None
        return self.hits[index]

    def action_move(self, step: int) -> None:
        results = self.query_one(ResultList)
        if not self.hits:
            return
        current = results.highlighted if results.highlighted is not None else 0
        results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        near_end = event.option_index >= len(self.hits) - PREFETCH
        if near_end and self.more and self.limit < LIMIT and not self._fetching_more:
            query = self.shown_query
            if query is not None and query == self.query_text:
                self._fetching_more = True
                self._run(query, LIMIT)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_choose()

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        query = self.query_text
        if query != self.shown_query and query.strip():
            # Enter came before the results for what was typed: open the best one when
            # they arrive, rather than a hit of an older query.
            self._open_when_shown = True
            if self._debounce is not None:
                self._debounce.stop()
                self._debounce = None
                self._run(query)
            return
        hit = self.current_hit
        if hit is None:
            return
        self.library.last_query = query
        self.dismiss(open_hit(hit, query))

    def action_close(self) -> None:
        self.library.last_query = self.query_text
        self.dismiss(None)

    # -- for tests and the benchmark -----------------------------------------------------------

    def result_titles(self) -> list[str]:
        return [hit.title for hit in self.hits]
