"""Participants: people in a sortable table, groups in their own table, then any prose."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey
from textual.worker import Worker, WorkerState, get_current_worker

from briefing_tui.model import Briefing, Pane, Participant, ParticipantGroup
from briefing_tui.readers.explain import empty_pane_reason
from briefing_tui.ui import command_table
from briefing_tui.ui.services.ui_pulse import UiPulse, ui_pulse
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.prose_text import ProseText
from briefing_tui.ui.widgets.virtual_table import Prepared, VirtualTable, prepare

# Up to this many people a DataTable lists them; more go to a line-drawn VirtualTable
# (DataTable measured and stored each row: 200,000 people froze the reader for 37 s).
BIG_TABLE = 2_000

PEOPLE_COLUMNS = (
    ("name", "Name"),
    ("role", "Role"),
    ("organisation", "Organisation"),
    ("country", "Country"),
    ("notes", "Notes"),
)
SORTABLE = ("name", "role", "organisation", "country")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _sort_key(cell: object) -> tuple[bool, str]:
    """Blank cells last, then case-insensitive text."""
    plain = cell.plain if isinstance(cell, Text) else str(cell)
    return (not plain.strip(), plain.casefold())


class PeopleTable(DataTable[Text]):
    """The people table; `s` cycles the sort column, a header click sorts by that column."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("s", "cycle_sort", "Sort"),
        command_table.binding("reverse_sort"),
    ]

    class Sorted(Message):
        """The table was re-sorted (so the pane can say by what)."""

        def __init__(self, column: str, reverse: bool) -> None:
            super().__init__()
            self.column = column
            self.reverse = reverse

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.sort_column = "name"
        self.sort_reverse = False

    def on_mount(self) -> None:
        for key, label in PEOPLE_COLUMNS:
            self.add_column(Text(label), key=key)

    def action_cycle_sort(self) -> None:
        index = SORTABLE.index(self.sort_column) if self.sort_column in SORTABLE else -1
        self.sort_by(SORTABLE[(index + 1) % len(SORTABLE)], reverse=False)

    def action_reverse_sort(self) -> None:
        """The keyboard's way to what a second click on a column header does."""
        self.sort_by(self.sort_column, reverse=not self.sort_reverse)

    def sort_by(self, column: str, *, reverse: bool) -> None:
        self.sort_column = column
        self.sort_reverse = reverse
        self.sort(column, key=_sort_key, reverse=reverse)
        for key, label in PEOPLE_COLUMNS:
            marker = (" ▼" if reverse else " ▲") if key == column else ""
            self.columns[ColumnKey(key)].label = Text(label + marker)
        self.refresh()
        self.post_message(self.Sorted(column, reverse))

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = event.column_key.value or "name"
        reverse = column == self.sort_column and not self.sort_reverse
        self.sort_by(column, reverse=reverse)

    def sorted_names(self) -> list[str]:
        """Names in display order: what a test or a reader sees top to bottom."""
        return [self.get_row_at(i)[0].plain for i in range(self.row_count)]


class GroupsTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")

    def on_mount(self) -> None:
        self.add_column(Text("Group"), key="group")
        self.add_column(Text("Count"), key="count")
        self.add_column(Text("Notes"), key="notes")


def _prepare_people(
    briefing: Briefing,
    people: Sequence[Participant],
    labels: Sequence[str],
    sort: tuple[int, str, bool],
    pulse: UiPulse,
) -> tuple[Briefing, Prepared]:
    """Worker thread: the rows, measured and sorted, a slice at a time, stepping aside
    while a key is handled (a page down waited 0.1-0.2 s for the loop beside this)."""
    worker = get_current_worker()

    def pause() -> None:
        pulse.yield_to_ui(lambda: worker.is_cancelled)

    rows = ((p.name, p.role, p.organisation, p.country, p.notes) for p in people)
    return briefing, prepare(labels, rows, sort, pause)


def _split(
    participants: Sequence[Participant | ParticipantGroup],
) -> tuple[tuple[Participant, ...], tuple[ParticipantGroup, ...]]:
    """People and groups, as `Briefing.people` and `.groups` give them, each in one call
    in C: 200,000 participants took 23 ms of the UI thread through the properties, 14 here."""
    people = cast(
        "tuple[Participant, ...]", tuple(filter(Participant.__instancecheck__, participants))
    )
    if len(people) == len(participants):
        return people, ()
    groups = tuple(filter(ParticipantGroup.__instancecheck__, participants))
    return people, cast("tuple[ParticipantGroup, ...]", groups)


class BigPeopleTable(VirtualTable):
    """The people table for very many people: the same columns, keys and sorting."""

    HELP_NAME = "People"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "cycle_sort", "Sort"),
        command_table.binding("reverse_sort"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(PEOPLE_COLUMNS, id=id)
        self.sort_column = "name"
        self.display = self.can_focus = False

    def action_cycle_sort(self) -> None:
        column = self.sort_column or "name"
        index = SORTABLE.index(column) if column in SORTABLE else -1
        self.sort_by(SORTABLE[(index + 1) % len(SORTABLE)], reverse=False)

    def action_reverse_sort(self) -> None:
        self.sort_by(self.sort_column or "name", reverse=not self.sort_reverse)

    def sorted_names(self) -> list[str]:
        return [self.rows[i][0] for i in self.order]


class ParticipantsPane(LazyPane):
    READS_ITEMS = "participants"
    _counted: tuple[Briefing, int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="participants-count", classes="pane-counts")
        yield PeopleTable(id="people")
        yield BigPeopleTable(id="people-big")
        yield Static(Content("Groups"), id="groups-heading", classes="subheading")
        yield GroupsTable(id="groups")
        with ReadingScroll(id="participants-prose-scroll"):
            yield ProseText(id="participants-prose")

    def build(self, briefing: Briefing) -> None:
        # `people` and `groups` are properties that filter every participant: once here.
        named, listed = _split(briefing.participants)
        people = self.query_one(PeopleTable)
        people.clear()
        big = self.query_one(BigPeopleTable)
        big.display = len(named) > BIG_TABLE
        # Only a table in use takes focus, or lists its keys in the help screen.
        big.can_focus = big.display
        if big.display:
            # Rows, widths and the sort of 200,000 take 0.8 s: in a thread (`_people_ready`).
            big.set_rows(())
            column = big.sort_column or "name"
            sort = (big.column_keys.index(column), column, big.sort_reverse)
            self.run_worker(
                partial(_prepare_people, briefing, named, big.labels, sort, ui_pulse()),
                group="people-rows",
                # Without one, Textual describes the worker by the repr of its arguments:
                # for 200,000 participants that took 0.5 s on the UI thread, at `2`.
                description="sort the people rows",
                exclusive=True,
                thread=True,
                exit_on_error=False,
            )
        for index, person in enumerate(() if big.display else named):
            people.add_row(
                Text(person.name),
                Text(person.role),
                Text(person.organisation),
                Text(person.country),
                Text(person.notes),
                key=str(index),
            )
        if named and not big.display:
            people.sort_by(people.sort_column, reverse=people.sort_reverse)
        people.display = bool(named) and not big.display

        groups = self.query_one(GroupsTable)
        groups.clear()
        for index, group in enumerate(listed):
            count = "" if group.count is None else str(group.count)
            groups.add_row(Text(group.group), Text(count), Text(group.notes), key=str(index))
        groups.display = bool(listed)
        self.query_one("#groups-heading").display = bool(listed)
        self._counted = (briefing, len(named), len(listed))

        prose = self.query_one(ProseText)
        prose.set_text(briefing.participants_text)
        self.query_one("#participants-prose-scroll").display = bool(
            briefing.participants_text.strip()
        )
        self._show_counts(briefing)

    def _show_counts(self, briefing: Briefing) -> None:
        counted = self._counted
        if counted is None or counted[0] is not briefing:
            # `people` and `groups` filter every participant each time they are asked.
            counted = self._counted = (briefing, len(briefing.people), len(briefing.groups))
        named, groups = counted[1], counted[2]
        if not named and not groups:
            text = empty_pane_reason(briefing, Pane.PARTICIPANTS)
        else:
            text = f"{_plural(named, 'named participant')}, {_plural(groups, 'group')}"
            people: PeopleTable | BigPeopleTable = self.query_one(PeopleTable)
            if self.query_one(BigPeopleTable).display:
                people = self.query_one(BigPeopleTable)
            if named > 1:
                order = "descending" if people.sort_reverse else "ascending"
                text += f" · sorted by {people.sort_column} ({order}; s or S to change)"
        self.query_one("#participants-count", Static).update(Content(text))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        result = event.worker.result if event.state is WorkerState.SUCCESS else None
        if event.worker.group == "people-rows" and isinstance(result, tuple):
            briefing, prepared = result
            if briefing is self.built_for:
                self.query_one(BigPeopleTable).take(prepared)

    @on(PeopleTable.Sorted)
    @on(VirtualTable.Sorted)
    def _sorted(self, event: PeopleTable.Sorted | VirtualTable.Sorted) -> None:
        if self.briefing is not None:
            self._show_counts(self.briefing)

    def focus_target(self) -> Widget:
        if self.query_one(PeopleTable).display:
            return self.query_one(PeopleTable)
        if self.query_one(BigPeopleTable).display:
            return self.query_one(BigPeopleTable)
        if self.query_one(GroupsTable).display:
            return self.query_one(GroupsTable)
        return self.query_one("#participants-prose-scroll")
