"""The lines above the library list: the filters in force, and the most restrictive marking
among the briefings listed — how a reader must treat what is on screen taken together."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.ui.support.row_format import highest_marking, plural


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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: dict[str, tuple[Content, bool]] = {}

    def on_mount(self) -> None:
        # Nothing is said until something is listed (an empty library never lists anything).
        for child in self.query(Static):
            child.display = False

    def show(
        self, flt: BriefingFilter, shown: int, total: int, markings: Iterable[str], reading: int = 0
    ) -> None:
        """`reading`: briefings the filter waits for, their participants still being read."""
        if flt.is_empty:
            self._set("#filter-summary", Content(""), False)
        else:
            summary = Content.assemble(
                (f"{shown:,} of {plural(total, 'briefing')}", "bold"),
                " · ",
                "; ".join(describe_filter(flt)),
                (f" · reading the participants of {plural(reading, 'briefing')}…", "italic")
                if reading
                else "",
                ("  (f change, F clear)", "dim"),
            )
            self._set("#filter-summary", summary, True)
        marking = highest_marking(markings, label="Most restrictive listed")
        self._set("#list-marking", marking, total > 0)

    def _set(self, selector: str, content: Content, shown: bool) -> None:
        """Update a line only when it changes: each update lays the whole screen out again,
        and the list reports a change many times while a large library streams in."""
        line = self.query_one(selector, Static)
        if self._shown.get(selector) != (content, shown):
            self._shown[selector] = (content, shown)
            line.update(content)
            line.display = shown
