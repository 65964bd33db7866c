"""Outcomes: findings, decisions, actions and recommendations, with who, when and status.

Each outcome is an option of a list rather than a paragraph of one long text, so the reader
can step through them and another screen (the library's outcomes) can open the briefing
with one outcome highlighted.  The list renders only what is in view, whatever the count.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.insights.glossary import AcronymMatcher
from briefing_tui.model import Briefing, Outcome, Pane
from briefing_tui.readers.explain import empty_pane_reason
from briefing_tui.ui.support.acronyms import expansions, mark_acronyms, matcher_for
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.prose_text import ProseText
from briefing_tui.ui.widgets.virtual_list import BIG_LIST, VirtualList

# Theme variables, so high-contrast and monochrome themes restyle them; words carry the meaning.
_STATUS_STYLE = {"open": "bold $text-warning", "done": "bold $text-success"}
OVERDUE_STYLE = "bold $text-error"


def is_overdue(outcome: Outcome, today: date) -> bool:
    return outcome.status == "open" and outcome.due is not None and outcome.due < today


def outcome_facts(outcome: Outcome, today: date) -> Content:
    """Kind, status, due date (OVERDUE when it is), owner: the line above an outcome."""
    parts: list[str | tuple[str, str] | Content] = [((outcome.kind or "outcome").upper(), "bold")]
    if outcome.status:
        parts += ["  ", (outcome.status, _STATUS_STYLE.get(outcome.status, "bold"))]
    if outcome.due is not None:
        parts += [("  due ", "dim"), outcome.due.isoformat()]
        if is_overdue(outcome, today):
            parts += ["  ", ("OVERDUE", OVERDUE_STYLE)]
    if outcome.owner:
        parts += [("  owner ", "dim"), outcome.owner]
    return Content.assemble(*parts)


def outcome_prompt(
    number: int, outcome: Outcome, today: date, matcher: AcronymMatcher | None = None
) -> Content:
    """The facts line over the outcome's own text (acronyms marked), all plain content."""
    text = outcome.text or "(no text)"
    body = mark_acronyms(text, matcher) if matcher is not None else Content(text)
    return Content.assemble(
        (f"{number}. ", "dim"), outcome_facts(outcome, today), "\n", Content("   "), body
    )


class OutcomeList(OptionList):
    """The briefing's outcomes; the highlighted one's acronyms are explained on hover."""

    HELP_NAME = "Outcomes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class OutcomesPane(LazyPane):
    READS_ITEMS = "outcomes"
    today: Callable[[], date] = date.today

    def compose(self) -> ComposeResult:
        yield Static(id="outcomes-count", classes="pane-counts")
        yield OutcomeList(id="outcomes-list")
        yield VirtualList(2, id="outcomes-list-big")
        with ReadingScroll(id="outcomes-scroll"):
            yield ProseText(id="outcomes-text")

    def build(self, briefing: Briefing) -> None:
        today = type(self).today()
        matcher = matcher_for(self.glossary, briefing)
        listing = self.query_one(OutcomeList)
        big = self.query_one(VirtualList)
        listed = briefing.outcomes
        big.display = big.can_focus = len(listed) > BIG_LIST
        if big.display:  # made as drawn: measuring 200,000 options took 20 s
            big.show(len(listed), lambda i: outcome_prompt(i + 1, listed[i], today, matcher))
        listing.set_options(
            Option(outcome_prompt(n, o, today, matcher))
            for n, o in enumerate(() if big.display else listed, 1)
        )
        listing.display = bool(briefing.outcomes) and not big.display
        listing.tooltip = None
        if listing.display:
            listing.highlighted = 0
        self.set_class(not briefing.outcomes, "-prose-only")
        self.query_one("#outcomes-text", ProseText).set_text(briefing.outcomes_text)
        scroll = self.query_one("#outcomes-scroll")
        scroll.display = bool(briefing.outcomes_text.strip())
        scroll.scroll_home(animate=False)
        self.query_one("#outcomes-count", Static).update(Content(self._counts(briefing, today)))

    def select_outcome(self, index: int) -> bool:
        """Highlight outcome `index` (of `briefing.outcomes`) and bring it into view."""
        listing: OutcomeList | VirtualList = self.query_one(OutcomeList)
        if self.query_one(VirtualList).display:
            listing = self.query_one(VirtualList)
        if not 0 <= index < listing.option_count:
            return False
        listing.highlighted = index
        listing.scroll_to_highlight(top=True)
        return True

    @on(OptionList.OptionHighlighted, "#outcomes-list")
    def _outcome_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        briefing = self.briefing
        if briefing is None or not 0 <= event.option_index < len(briefing.outcomes):
            return
        outcome = briefing.outcomes[event.option_index]
        self.query_one(OutcomeList).tooltip = expansions(
            [outcome.text, outcome.owner], self.glossary, briefing
        )

    @staticmethod
    def _counts(briefing: Briefing, today: date) -> str:
        outcomes = briefing.outcomes
        if not outcomes:
            return empty_pane_reason(briefing, Pane.OUTCOMES)
        text = f"{len(outcomes)} outcome{'' if len(outcomes) == 1 else 's'}"
        open_count = sum(o.status == "open" for o in outcomes)
        overdue = sum(is_overdue(o, today) for o in outcomes)
        if open_count:
            text += f" · {open_count} open"
        if overdue:
            text += f" · {overdue} overdue"
        return text

    def focus_target(self) -> Widget:
        for listing in (self.query_one(OutcomeList), self.query_one(VirtualList)):
            if listing.display:
                return listing
        return self.query_one("#outcomes-scroll")
