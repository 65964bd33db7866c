"""The `g` screen: acronyms and their expansions, for the open briefing and the library.

The briefing's own glossary comes first (its definitions win), then the library's
`glossary.yaml`; each term says where it is defined and how often the briefing uses it, so
"what does EPOC-PR mean here?" is one key away from anywhere in the text.  Typing filters
terms and expansions alike.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static
from textual.worker import Worker, WorkerState

from briefing_tui.insights.glossary import BRIEFING, AcronymMatcher, GlossaryEntry
from briefing_tui.insights.names import fold
from briefing_tui.model import Briefing, Participant
from briefing_tui.pacing import paced
from briefing_tui.parts_later import Pause, parts_ready
from briefing_tui.ui.locate.find_spot import is_big
from briefing_tui.ui.services.items_reader import items_reader
from briefing_tui.ui.services.ui_pulse import ui_pulse
from briefing_tui.ui.support.row_format import marking_chip, plural
from briefing_tui.ui.widgets.steady_footer import SteadyFooter


def briefing_texts(briefing: Briefing, pause: Pause | None = None) -> list[str]:
    """The text a reader reads, where acronyms are counted (people's names are left out)."""
    texts = [briefing.title, briefing.summary, briefing.overview]
    texts += [briefing.participants_text, briefing.topics_text, briefing.outcomes_text]
    for p in paced(briefing.participants, pause):
        if isinstance(p, Participant):
            texts += [p.role, p.organisation, p.notes]
    for topic in briefing.topics:
        texts += [topic.title, topic.summary]
    for outcome in briefing.outcomes:
        texts += [outcome.text, outcome.owner]
    texts += [section.body for section in briefing.sections]
    return [t for t in texts if t]


def usage_counts(
    briefing: Briefing, entries: tuple[GlossaryEntry, ...], pause: Pause | None = None
) -> dict[str, int]:
    """How often each term is used; `pause` is called every few thousand texts (a worker
    counting 200,000 participants' roles steps aside for the screen)."""
    matcher = AcronymMatcher(e.term for e in entries)
    counts: dict[str, int] = {}
    for text in paced(briefing_texts(briefing, pause), pause):
        for hit in matcher.find(text):
            counts[hit.term] = counts.get(hit.term, 0) + 1
    return counts


class GlossaryTable(DataTable[Text]):
    HELP_NAME = "Glossary"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class GlossaryScreen(ModalScreen[None]):
    # Beside the module, so the screen brings its styles when first imported.
    CSS_PATH = Path(__file__).with_name("library_views.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("g", "close", "Close", show=False),
        Binding("f", "focus_filter", "Filter"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, entries: tuple[GlossaryEntry, ...], briefing: Briefing | None) -> None:
        super().__init__()
        self.entries = entries
        self.briefing = briefing
        # None while counted in a worker: a long document's items may not even be read yet
        # (the screen's thread must not read them), and counting 200,000 takes a while.
        self.uses: dict[str, int] | None = {}
        if briefing is not None:
            small = parts_ready(briefing) and not is_big(briefing)
            self.uses = usage_counts(briefing, entries) if small else None
        self.shown: list[GlossaryEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="glossary-view", classes="dialog"):
            yield Static(self._title(), classes="dialog-title")
            yield Input(placeholder="Type to filter terms and expansions", id="glossary-filter")
            yield Static(id="glossary-count", classes="pane-counts")
            yield GlossaryTable(id="glossary-table", cursor_type="row", zebra_stripes=True)
        yield SteadyFooter()

    def _title(self) -> Content:
        if self.briefing is None:
            return Content("Glossary of the library — escape closes")
        parts: list[str | tuple[str, str] | Content] = [("Glossary — ", "bold")]
        if self.briefing.marking.strip():
            parts += [marking_chip(self.briefing.marking), " "]
        parts.append(self.briefing.title or "(untitled)")
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        table = self.query_one(GlossaryTable)
        table.add_column(Text("Term"), key="term")
        table.add_column(Text("Expansion"), key="expansion")
        table.add_column(Text("Defined in"), key="origin")
        if self.briefing is not None:
            table.add_column(Text("Used"), key="used")
        self._refilter("")
        self.query_one("#glossary-filter", Input).focus()
        if self.briefing is not None and self.uses is None:
            items_reader(self.app).when_read(self.briefing, self._count_uses, owner=self)

    def _count_uses(self) -> None:
        """The briefing's items are read: count the uses of each term in a worker."""
        assert self.briefing is not None
        count = partial(usage_counts, self.briefing, self.entries, ui_pulse().yield_to_ui)
        self.run_worker(count, thread=True, group="glossary-uses", description="count uses")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "glossary-uses" and event.state is WorkerState.SUCCESS:
            self.uses = event.worker.result
            self._refilter(self.query_one("#glossary-filter", Input).value)

    def _refilter(self, text: str) -> None:
        needle = fold(text)
        self.shown = [
            e
            for e in self.entries
            if not needle or needle in fold(e.term) or needle in fold(e.expansion)
        ]
        table = self.query_one(GlossaryTable)
        table.clear()
        for entry in self.shown:
            origin = "this briefing" if entry.origin == BRIEFING else "library glossary"
            cells = [
                Text(entry.term, style="bold"),
                Text(entry.expansion or "(no expansion)"),
                Text(origin, style="dim"),
            ]
            if self.briefing is not None:
                used = self.uses.get(entry.term, 0) if self.uses is not None else None
                mark = "…" if used is None else f"{used}×" if used else "—"
                cells.append(Text(mark, justify="right"))
            table.add_row(*cells)
        own = sum(e.origin == BRIEFING for e in self.entries)
        text = f"{len(self.shown):,} of {plural(len(self.entries), 'term')}"
        if self.briefing is not None:
            text += f" · {own:,} from this briefing, {len(self.entries) - own:,} from the library"
            if self.uses is None:
                text += " · counting uses (reading the participants, topics and outcomes…)"
        self.query_one("#glossary-count", Static).update(Content(text))

    @on(Input.Changed, "#glossary-filter")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(GlossaryTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        self.query_one("#glossary-filter", Input).focus()

    def terms(self) -> list[str]:
        return [e.term for e in self.shown]
