"""Outcomes: findings, decisions, actions and recommendations, with who, when and status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing_tui.model import Briefing, Outcome
from briefing_tui.ui.lazy_pane import LazyPane
from briefing_tui.ui.prose import Prose, ReadingScroll

_STATUS_STYLE = {"open": "bold yellow", "done": "bold green"}


def is_overdue(outcome: Outcome, today: date) -> bool:
    return outcome.status == "open" and outcome.due is not None and outcome.due < today


def outcome_renderable(number: int, outcome: Outcome, today: date) -> RenderableType:
    """A heading line of facts (kind, status, due, owner) over the outcome's own text."""
    head = Text(f"{number}. ", style="dim")
    head.append(Text((outcome.kind or "outcome").upper(), style="bold"))
    if outcome.status:
        head.append("  ")
        head.append(Text(outcome.status, style=_STATUS_STYLE.get(outcome.status, "bold")))
    if outcome.due is not None:
        head.append("  due ", style="dim")
        head.append(outcome.due.isoformat())
        if is_overdue(outcome, today):
            head.append(" OVERDUE", style="bold red")
    if outcome.owner:
        head.append("  owner ", style="dim")
        head.append(Text(outcome.owner))
    return Group(head, Padding(Text(outcome.text), (0, 0, 1, 3)))


class OutcomesPane(LazyPane):
    """A rendered list rather than a table: outcome texts are sentences that need wrapping."""

    today: Callable[[], date] = date.today

    def compose(self) -> ComposeResult:
        yield Static(id="outcomes-count", classes="pane-counts")
        with ReadingScroll(id="outcomes-scroll"):
            yield Static(id="outcomes-list")
            yield Prose(id="outcomes-text")

    def build(self, briefing: Briefing) -> None:
        today = type(self).today()
        items = [outcome_renderable(n, o, today) for n, o in enumerate(briefing.outcomes, 1)]
        listing = self.query_one("#outcomes-list", Static)
        listing.update(Group(*items))
        listing.display = bool(items)
        self.query_one("#outcomes-text", Prose).set_text(briefing.outcomes_text)
        self.query_one("#outcomes-count", Static).update(Content(self._counts(briefing, today)))
        self.query_one("#outcomes-scroll").scroll_home(animate=False)

    @staticmethod
    def _counts(briefing: Briefing, today: date) -> str:
        outcomes = briefing.outcomes
        if not outcomes:
            return "No outcomes listed."
        text = f"{len(outcomes)} outcome{'' if len(outcomes) == 1 else 's'}"
        open_count = sum(o.status == "open" for o in outcomes)
        overdue = sum(is_overdue(o, today) for o in outcomes)
        if open_count:
            text += f" · {open_count} open"
        if overdue:
            text += f" · {overdue} overdue"
        return text

    def focus_target(self) -> Widget:
        return self.query_one("#outcomes-scroll")
