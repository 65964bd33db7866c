"""The `o` screen: every outcome across the library — what was decided, what is still open.

Filters for kind, status, owner (matched forgivingly: "Norway" finds an owner written "NO")
and a due-date range; overdue outcomes (open, and due before today) are marked and can be
listed alone.  Enter closes the screen with an `OpenBriefing`: the main screen opens the briefing
on its Outcomes pane with that outcome highlighted.  Rows are made a page at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Select, Static

from briefing_tui.insights.dates import ANY_DATE, DateRange
from briefing_tui.insights.outcomes import OutcomeFilter, OutcomeRow, by_due_date, filter_outcomes
from briefing_tui.model import Briefing, Pane
from briefing_tui.ui.locate.spot import OpenBriefing, Spot
from briefing_tui.ui.services.insights_cache import LibraryInsights
from briefing_tui.ui.support.row_format import briefing_line, highest_marking, plural
from briefing_tui.ui.widgets.paged_list import PagedOptionList
from briefing_tui.ui.widgets.panes.outcomes import outcome_facts
from briefing_tui.ui.widgets.steady_footer import SteadyFooter

ANY = ""
NONE = "none"  # OutcomeFilter's value for "has no kind" / "has no status"
# Typing re-filters after this pause, so a fast typist is not slowed by 60,000 rows.
TYPING_PAUSE = 0.25


def outcome_row_prompt(row: OutcomeRow, today: dt.date) -> Content:
    """Facts (OVERDUE first when it is), the outcome's text, then the briefing it is from."""
    return Content.assemble(
        outcome_facts(row.outcome, today),
        "\n   ",
        row.outcome.text or "(no text)",
        "\n   ",
        briefing_line(row.briefing).stylize("dim"),
    )


class OutcomeRows(PagedOptionList[OutcomeRow]):
    HELP_NAME = "Outcomes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "toggle_sort", "Sort"),
    ]

    class SortToggled(Message):
        """The reader asked for the other order (library order or due date)."""

    def action_toggle_sort(self) -> None:
        self.post_message(self.SortToggled())


class OutcomesScreen(ModalScreen[OpenBriefing | None]):
    """Every outcome; closes with the briefing and outcome to open, or None."""

    # Beside the module, so the screen brings its styles when first imported.
    CSS_PATH = Path(__file__).with_name("library_views.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("o", "close", "Close", show=False),
        Binding("f", "focus_filters", "Filters"),
        Binding("question_mark", "app.help", "Help"),
    ]

    today: ClassVar[Callable[[], dt.date]] = dt.date.today

    def __init__(self, insights: LibraryInsights, briefings: Sequence[Briefing]) -> None:
        super().__init__()
        self.insights = insights
        self.briefings = tuple(briefings)
        self.day = type(self).today()
        self.all_rows: list[OutcomeRow] | None = None
        self.rows: list[OutcomeRow] = []
        self.by_due = False
        self._typing: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="outcomes-view", classes="library-view"):
            yield Static(
                Content("Outcomes across the library — enter opens the briefing on Outcomes"),
                classes="dialog-title",
            )
            with Grid(id="outcome-filters"):
                yield Select[str]([], prompt="Any kind", id="outcome-kind", compact=True)
                yield Select[str](
                    [
                        (Text("open"), "open"),
                        (Text("done"), "done"),
                        (Text("no status"), NONE),
                    ],
                    prompt="Any status",
                    id="outcome-status",
                    compact=True,
                )
                yield Checkbox(Content("Overdue only"), id="outcome-overdue", compact=True)
                yield Input(placeholder="Owner", id="outcome-owner", compact=True)
                yield Input(
                    placeholder="Due from (YYYY[-MM[-DD]])", id="outcome-due-from", compact=True
                )
                yield Input(placeholder="Due to", id="outcome-due-to", compact=True)
            yield Static(Content("Collecting outcomes…"), id="outcome-count")
            yield Static(id="outcome-marking")
            yield OutcomeRows(self._prompt, id="outcome-rows")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one(OutcomeRows).focus()
        if self.insights.outcomes_ready(self.briefings, self.day):
            self._rows_built(self.insights.outcome_rows(self.briefings, self.day))
        else:
            self._collect()

    @work(thread=True, exclusive=True, group="outcome-rows", exit_on_error=False)
    def _collect(self) -> None:
        rows = self.insights.outcome_rows(self.briefings, self.day)
        self.app.call_from_thread(self._rows_built, rows)

    def _rows_built(self, rows: list[OutcomeRow]) -> None:
        self.all_rows = rows
        kinds = Counter(r.outcome.kind for r in rows if r.outcome.kind)
        options: list[tuple[Text, str]] = [(Text(k), k) for k, _n in kinds.most_common()]
        options.append((Text("no kind"), NONE))
        self.query_one("#outcome-kind", Select).set_options(options)
        self._apply()

    def _prompt(self, row: OutcomeRow) -> Content:
        return outcome_row_prompt(row, self.day)

    # -- filtering ----------------------------------------------------------------------------

    def current_filter(self) -> OutcomeFilter | str:
        """The filter the controls describe, or what is wrong with a date typed."""
        kind = self.query_one("#outcome-kind", Select).value
        status = self.query_one("#outcome-status", Select).value
        owner = self.query_one("#outcome-owner", Input).value.strip()
        first = self.query_one("#outcome-due-from", Input).value.strip()
        last = self.query_one("#outcome-due-to", Input).value.strip()
        try:
            due = DateRange.parse(first or None, last or None) if first or last else ANY_DATE
        except ValueError as exc:
            return f"Due date: {exc}"
        return OutcomeFilter(
            kinds=(kind,) if isinstance(kind, str) and kind else (),
            statuses=(status,) if isinstance(status, str) and status else (),
            owner=owner,
            due=due,
            overdue_only=self.query_one("#outcome-overdue", Checkbox).value,
        )

    @property
    def work_pending(self) -> bool:
        """The filters are applied once typing pauses; until then the rows are out of date."""
        return self._typing is not None

    def _apply(self) -> None:
        if self._typing is not None:
            self._typing.stop()
            self._typing = None
        if self.all_rows is None:
            return
        flt = self.current_filter()
        count = self.query_one("#outcome-count", Static)
        if isinstance(flt, str):
            count.update(Content.styled(flt, "bold $text-error"))
            return
        rows = filter_outcomes(self.all_rows, flt)
        self.rows = by_due_date(rows) if self.by_due else rows
        overdue = sum(r.overdue for r in self.rows)
        order = "by due date (s: library order)" if self.by_due else "in library order (s: by due)"
        text = f"{len(self.rows):,} of {plural(len(self.all_rows), 'outcome')}"
        parts: list[str | tuple[str, str]] = [text]
        if overdue:
            parts += [" · ", (f"{overdue:,} overdue", "bold $text-error")]
        parts += [" · ", (order, "dim")]
        count.update(Content.assemble(*parts))
        markings = {id(r.briefing): r.briefing.marking for r in self.rows}
        self.query_one("#outcome-marking", Static).update(highest_marking(markings.values()))
        self.query_one(OutcomeRows).show(self.rows, total=len(self.rows))

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _control_changed(self, event: Select.Changed | Checkbox.Changed) -> None:
        event.stop()
        self._apply()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._typing is not None:
            self._typing.stop()
        self._typing = self.set_timer(TYPING_PAUSE, self._apply)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._apply()
        self.query_one(OutcomeRows).focus()

    @on(OutcomeRows.SortToggled)
    def _sort_toggled(self, event: OutcomeRows.SortToggled) -> None:
        event.stop()
        self.by_due = not self.by_due
        self._apply()

    @on(PagedOptionList.PageShown, "#outcome-rows")
    def _page_shown(self, event: PagedOptionList.PageShown) -> None:
        event.stop()

    @on(OutcomeRows.OptionSelected, "#outcome-rows")
    def _row_chosen(self, event: OutcomeRows.OptionSelected) -> None:
        event.stop()
        row = self.query_one(OutcomeRows).row_at(event.option_index)
        if row is not None:
            self.dismiss(OpenBriefing(row.path, Spot(Pane.OUTCOMES, "outcome", row.index)))

    # -- actions ------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_focus_filters(self) -> None:
        self.query_one("#outcome-kind", Select).focus()
