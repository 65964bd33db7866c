"""The `t` screen: the briefings listed, by year and month, newest first, undated last.

The date range typed here is the library list's own (the `f` dialog shows it too): setting
it narrows the list, and clearing it widens it again.  The other filters in force apply
here as well and are named at the top, so the timeline always shows what the list lists.
Enter on a briefing closes the screen and opens it; `[` and `]` jump between months.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from briefing_tui.insights.dates import ANY_DATE, DateRange
from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.insights.timeline import TimelineGroup, timeline, years
from briefing_tui.model import Briefing, Pane
from briefing_tui.ui.locate.spot import OpenBriefing, Spot
from briefing_tui.ui.screens.filter import date_text
from briefing_tui.ui.services.items_reader import items_reader
from briefing_tui.ui.support.row_format import briefing_line, highest_marking, plural
from briefing_tui.ui.widgets.filter_bar import describe_filter
from briefing_tui.ui.widgets.paged_list import PagedOptionList
from briefing_tui.ui.widgets.steady_footer import SteadyFooter

MONTHS = tuple(calendar.month_name[1:])  # English in the C locale Python starts in


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """A year heading, a month heading, or a briefing."""

    label: str = ""
    count: int = 0
    year: bool = False
    briefing: Briefing | None = None

    @property
    def heading(self) -> bool:
        return self.briefing is None


def month_label(group: TimelineGroup) -> str:
    if group.undated or group.month is None:
        return "Undated"
    return f"{group.label}  {MONTHS[group.month - 1]}"


def timeline_rows(groups: Sequence[TimelineGroup]) -> Iterator[TimelineRow]:
    for year, months in years(groups):
        if year is not None:
            count = sum(len(g.briefings) for g in months)
            yield TimelineRow(str(year), count, year=True)
        for group in months:
            yield TimelineRow(month_label(group), len(group.briefings))
            for briefing in group.briefings:
                yield TimelineRow(briefing=briefing)


def row_prompt(row: TimelineRow) -> Content:
    if row.briefing is not None:
        return Content.assemble("    ", briefing_line(row.briefing))
    count = (f"  {plural(row.count, 'briefing')}", "dim")
    if row.year:
        return Content.assemble((row.label, "bold reverse"), count)
    return Content.assemble("  ", (row.label, "bold underline"), count)


class TimelineList(PagedOptionList[TimelineRow]):
    """Headings are disabled options, so the cursor moves from briefing to briefing."""

    HELP_NAME = "Timeline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "jump(1)", "Next month"),
        Binding("left_square_bracket", "jump(-1)", "Previous month"),
    ]

    def make_option(self, row: TimelineRow) -> Option:
        return Option(self.render_row(row), disabled=row.heading)

    def _is_month(self, index: int) -> bool:
        row = self.rows[index]
        return row.heading and not row.year

    def action_jump(self, step: int) -> None:
        """To the first briefing of the next (or previous) month."""
        here = self.highlighted if self.highlighted is not None else 0
        if step > 0:
            index = here + 1
            while True:
                while index >= len(self.rows) and self.show_more():
                    pass
                if index >= len(self.rows):
                    return
                if self._is_month(index):
                    break
                index += 1
        else:
            months = [i for i in range(here + 1) if self._is_month(i)]
            if not months:
                return
            # From inside a month, back to the start of the month before it.
            index = months[-2] if len(months) > 1 else months[-1]
        for candidate in range(index, len(self.rows)):
            if not self.rows[candidate].heading:
                self.highlighted = candidate
                self.scroll_to_highlight(top=True)
                return


class TimelineScreen(ModalScreen[OpenBriefing | None]):
    """Closes with the briefing to open (on Overview), or None."""

    # Beside the module, so the screen brings its styles when first imported.
    CSS_PATH = Path(__file__).with_name("library_views.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("t", "close", "Close", show=False),
        Binding("d", "focus_dates", "Dates"),
        Binding("question_mark", "app.help", "Help"),
    ]

    class DatesChanged(Message):
        """The reader set (or cleared) the date range; the library list takes it too."""

        def __init__(self, dates: DateRange) -> None:
            super().__init__()
            self.dates = dates

    def __init__(
        self,
        briefings: Sequence[Briefing],
        current: BriefingFilter,
        listener: MessagePump | None = None,
    ) -> None:
        """`listener` (the screen below, which owns the list) hears of date changes."""
        super().__init__()
        self.briefings = briefings
        self.filter = current
        self.listener = listener

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-view", classes="library-view"):
            yield Static(
                Content("Timeline — enter opens a briefing; [ and ] move between months"),
                classes="dialog-title",
            )
            with Horizontal(id="timeline-dates"):
                yield Static(Content("From"), classes="filter-label")
                yield Input(
                    date_text(self.filter, end=False),
                    placeholder="YYYY[-MM[-DD]]",
                    id="timeline-from",
                )
                yield Static(Content("to"), classes="filter-label")
                yield Input(
                    date_text(self.filter, end=True), placeholder="YYYY[-MM[-DD]]", id="timeline-to"
                )
                yield Static(
                    Content("enter applies (also to the library list)"), classes="filter-hint"
                )
            yield Static(id="timeline-count")
            yield Static(id="timeline-marking")
            yield TimelineList(row_prompt, id="timeline-list")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self._rebuild()
        self.query_one(TimelineList).focus()

    def _rebuild(self) -> None:
        reader = items_reader(self.app)  # again once unjudged ones' participants are read
        listed, unjudged = reader.filter(list(self.briefings), self.filter, self._rebuild, self)
        groups = timeline(listed)
        months = sum(not g.undated for g in groups)
        parts: list[str | tuple[str, str]] = [
            (plural(len(listed), "briefing"), "bold"),
            f" in {plural(months, 'month')}",
        ]
        others = describe_filter(dataclasses.replace(self.filter, dates=ANY_DATE))
        if others:
            parts += [("  also filtered by: ", "dim"), "; ".join(others)]
        if unjudged:
            parts.append(
                (f" · reading the participants of {plural(len(unjudged), 'briefing')}…", "italic")
            )
        self.query_one("#timeline-count", Static).update(Content.assemble(*parts))
        self.query_one("#timeline-marking", Static).update(
            highest_marking(b.marking for b in listed)
        )
        listing = self.query_one(TimelineList)
        listing.show(timeline_rows(groups), total=len(listed))
        first = next((i for i, row in enumerate(listing.rows) if not row.heading), None)
        listing.highlighted = first

    def apply_dates(self) -> bool:
        first = self.query_one("#timeline-from", Input).value.strip()
        last = self.query_one("#timeline-to", Input).value.strip()
        try:
            dates = DateRange.parse(first or None, last or None) if first or last else ANY_DATE
        except ValueError as exc:
            self.query_one("#timeline-count", Static).update(
                Content.styled(str(exc), "bold $text-error")
            )
            return False
        self.filter = dataclasses.replace(self.filter, dates=dates)
        (self.listener or self).post_message(self.DatesChanged(dates))
        self._rebuild()
        return True

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.apply_dates():
            self.query_one(TimelineList).focus()

    @on(TimelineList.OptionSelected, "#timeline-list")
    def _chosen(self, event: TimelineList.OptionSelected) -> None:
        event.stop()
        row = self.query_one(TimelineList).row_at(event.option_index)
        if row is not None and row.briefing is not None:
            self.dismiss(OpenBriefing(row.briefing.path, Spot(Pane.OVERVIEW)))

    @on(PagedOptionList.PageShown, "#timeline-list")
    def _page_shown(self, event: PagedOptionList.PageShown) -> None:
        event.stop()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_focus_dates(self) -> None:
        self.query_one("#timeline-from", Input).focus()

    def month_labels(self) -> list[str]:
        """Month headings shown so far, for tests."""
        return [r.label for r in self.query_one(TimelineList).rows if r.heading and not r.year]
