"""The `f` dialog: narrow the library list by tag, organisation, country, marking and dates.

What a filter means is defined once, in insights.filters (shared with the command line);
this dialog only reads what the reader typed.  Several values may be given per field,
separated by commas or semicolons, and all must match.  Dates are typed as `2018`,
`2018-03` or `2018-03-07`, each meaning the whole period.  The date range is the one the
timeline (`t`) shows and changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from briefing_tui.insights.dates import ANY_DATE, DateRange
from briefing_tui.insights.filters import BriefingFilter, marking_counts, tag_counts
from briefing_tui.model import Briefing

# "No more restrictive than": the common levels, least restrictive first (insights.markings).
MAX_MARKINGS = (
    "TLP:CLEAR",
    "TLP:GREEN",
    "TLP:AMBER",
    "TLP:AMBER+STRICT",
    "TLP:RED",
    "RESTRICTED",
    "CONFIDENTIAL",
    "SECRET",
)
HINT_COUNT = 8

FIELDS = (
    ("tags", "Tags", "e.g. cybercrime, ransomware"),
    ("organisations", "Organisations", "e.g. Eurojust; Council of Europe"),
    ("countries", "Countries", "names or codes: Norway, NL"),
    ("markings", "Markings", "e.g. TLP:AMBER"),
    ("from", "From", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("to", "To", "YYYY, YYYY-MM or YYYY-MM-DD"),
)


def split_values(text: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in re.split(r"[;,]", text) if v.strip())


def date_text(flt: BriefingFilter, end: bool) -> str:
    day = flt.dates.end if end else flt.dates.start
    return day.isoformat() if day is not None else ""


class FilterScreen(ModalScreen[BriefingFilter | None]):
    """Closes with the new filter, or None when cancelled."""

    # Beside the module, so the screen brings its styles when first imported.
    CSS_PATH = Path(__file__).with_name("library_views.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+r", "clear", "Clear all"),
        Binding("ctrl+s", "apply", "Apply"),
    ]

    def __init__(self, current: BriefingFilter, briefings: Sequence[Briefing]) -> None:
        super().__init__()
        self.current = current
        self.briefings = briefings

    def _initial(self, name: str) -> str:
        flt = self.current
        values = {
            "tags": ", ".join(flt.tags),
            "organisations": "; ".join(flt.organisations),
            "countries": ", ".join(flt.countries),
            "markings": ", ".join(flt.markings),
            "from": date_text(flt, end=False),
            "to": date_text(flt, end=True),
        }
        return values[name]

    def _hint(self, name: str) -> Content | None:
        if name == "tags":
            common = tag_counts(self.briefings)[:HINT_COUNT]
            listed = ", ".join(f"{tag} ({n})" for tag, n in common)
            return Content.assemble(("In use: ", "dim"), listed) if common else None
        if name == "markings":
            present = [(m or "unmarked", n) for m, n in marking_counts(self.briefings)]
            listed = ", ".join(f"{m} ({n})" for m, n in present[:HINT_COUNT])
            return Content.assemble(("In use: ", "dim"), listed) if present else None
        return None

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-dialog", classes="dialog"):
            yield Static(
                Content("Filter the library list — enter applies, escape cancels, ctrl+r clears"),
                classes="dialog-title",
            )
            with VerticalScroll(id="filter-fields"):
                for name, label, placeholder in FIELDS:
                    yield Static(Content(label), classes="filter-label")
                    yield Input(self._initial(name), placeholder=placeholder, id=f"filter-{name}")
                    hint = self._hint(name)
                    if hint is not None:
                        yield Static(hint, classes="filter-hint")
                yield Static(Content("No more restrictive than"), classes="filter-label")
                yield Select[str](
                    [(Text(m), m) for m in MAX_MARKINGS],
                    prompt="Any marking",
                    value=self.current.max_marking or Select.NULL,
                    id="filter-max-marking",
                )
            yield Static(id="filter-error")

    def on_mount(self) -> None:
        self.query_one("#filter-tags", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#filter-{name}", Input).value

    def read_filter(self) -> BriefingFilter | str:
        """The filter typed, or what is wrong with it."""
        first, last = self._value("from").strip(), self._value("to").strip()
        try:
            dates = DateRange.parse(first or None, last or None) if first or last else ANY_DATE
        except ValueError as exc:
            return str(exc)
        if dates.start and dates.end and dates.start > dates.end:
            return "'From' is after 'To'"
        ceiling = self.query_one("#filter-max-marking", Select).value
        return BriefingFilter(
            tags=split_values(self._value("tags")),
            organisations=split_values(self._value("organisations")),
            countries=split_values(self._value("countries")),
            markings=split_values(self._value("markings")),
            max_marking=ceiling if isinstance(ceiling, str) else "",
            dates=dates,
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        result = self.read_filter()
        if isinstance(result, str):
            self.query_one("#filter-error", Static).update(
                Content.styled(result, "bold $text-error")
            )
            return
        self.dismiss(result)

    def action_clear(self) -> None:
        for name, _label, _placeholder in FIELDS:
            self.query_one(f"#filter-{name}", Input).value = ""
        self.query_one("#filter-max-marking", Select).clear()
        self.query_one("#filter-error", Static).update(Content(""))

    def action_cancel(self) -> None:
        self.dismiss(None)
