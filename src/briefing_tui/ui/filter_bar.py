"""The lines above the library list: the filters in force, and the most restrictive marking
among the briefings listed — how a reader must treat what is on screen taken together."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.ui.row_format import highest_marking, plural


def describe_dates(flt: BriefingFilter) -> str:
    start, end = flt.dates.start, flt.dates.end
    if start and end:
        return f"{start.isoformat()} to {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}"
    if end:
        return f"up to {end.isoformat()}"
    return ""


def describe_filter(flt: BriefingFilter) -> list[str]:
    """Each criterion in force, as a reader would say it ("tag cybercrime", "country NO")."""
    parts: list[str] = []
    for label, values in (
        ("tag", flt.tags),
        ("organisation", flt.organisations),
        ("country", flt.countries),
        ("marking", flt.markings),
    ):
        parts += [f"{label} {value}" for value in values]
    if flt.max_marking:
        parts.append(f"marking at most {flt.max_marking}")
    dates = describe_dates(flt)
    if dates:
        parts.append(dates)
    return parts


class FilterBar(Vertical):
    """Shown above the library list; kept current by the app after every change of the list."""

    def compose(self) -> ComposeResult:
        yield Static(id="filter-summary")
        yield Static(id="list-marking")

    def on_mount(self) -> None:
        # Nothing is said until something is listed (an empty library never lists anything).
        for child in self.query(Static):
            child.display = False

    def show(self, flt: BriefingFilter, shown: int, total: int, markings: Iterable[str]) -> None:
        summary = self.query_one("#filter-summary", Static)
        if flt.is_empty:
            summary.update(Content(""))
            summary.display = False
        else:
            summary.update(
                Content.assemble(
                    (f"{shown:,} of {plural(total, 'briefing')}", "bold"),
                    " · ",
                    "; ".join(describe_filter(flt)),
                    ("  (f change, F clear)", "dim"),
                )
            )
            summary.display = True
        marking = self.query_one("#list-marking", Static)
        marking.update(highest_marking(markings, label="Most restrictive listed"))
        marking.display = total > 0
