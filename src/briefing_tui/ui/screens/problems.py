"""The `!` screen: every problem met while loading, in `path:line:col: severity: message` form.

Choosing a problem closes the screen with its path, so the app can open that briefing.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from briefing_tui.model import Problem, Severity
from briefing_tui.ui.support.themes import rich_style


class ProblemsScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,exclamation_mark", "close", "Close"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, problems: list[Problem], loaded_paths: set[str]) -> None:
        super().__init__()
        self.problems = list(problems)
        self.loaded_paths = loaded_paths

    def compose(self) -> ComposeResult:
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        warnings = len(self.problems) - errors
        title = (
            f"Problems: {errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'} — enter opens the briefing"
            if self.problems
            else "No problems found."
        )
        with Vertical(id="problems-dialog", classes="dialog"):
            yield Static(Content(title), classes="dialog-title")
            yield DataTable[Text](id="problems-table", cursor_type="row", show_header=False)

    def on_mount(self) -> None:
        table = self.query_one("#problems-table", DataTable)
        table.add_column(Text("Problem"), key="problem")
        for index, problem in enumerate(self.problems):
            style = "$text-error" if problem.severity is Severity.ERROR else "$text-warning"
            if problem.path not in self.loaded_paths:
                style += " dim"
            table.add_row(Text(str(problem), style=rich_style(self.app, style)), key=str(index))
        table.display = bool(self.problems)
        table.focus()

    @on(DataTable.RowSelected, "#problems-table")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        problem = self.problems[int(event.row_key.value or 0)]
        self.dismiss(problem.path if problem.path in self.loaded_paths else None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.query_one("#problems-table", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#problems-table", DataTable).action_cursor_up()

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]
