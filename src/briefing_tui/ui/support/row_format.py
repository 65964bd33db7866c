"""Pieces of rows shared by the library-wide screens: marking chips, dates, the highest marking.

Every row that stands for a briefing carries that briefing's marking, so whatever part of a
briefing is on screen, its handling marking is on screen beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.content import Content

from briefing_tui.insights.markings import most_restrictive
from briefing_tui.model import Briefing
from briefing_tui.ui.support.marking import marking_style

# Dates are padded to this width so titles line up ("2025-11-25 – 2025-11-27" is 23).
DATE_WIDTH = 10


def marking_chip(marking: str) -> Content:
    """The marking as a small banner in its TLP colour; empty for an unmarked briefing."""
    text = marking.strip()
    if not text:
        return Content("")
    return Content.styled(f" {text} ", marking_style(text))


def briefing_date(briefing: Briefing) -> str:
    return briefing.date.isoformat() if briefing.date is not None else "undated"


def highest_marking(
    markings: Iterable[str], *, label: str = "Most restrictive marking listed"
) -> Content:
    """ "<label>: <chip>" — how what is listed must be handled, taken together."""
    highest = most_restrictive(markings)
    if not highest:
        return Content.styled(f"{label}: none", "dim")
    return Content.assemble((f"{label}: ", "dim"), marking_chip(highest))


def briefing_line(briefing: Briefing) -> Content:
    """Date, marking and title on one line, all document text kept plain."""
    parts: list[str | tuple[str, str] | Content] = [
        (briefing_date(briefing).ljust(DATE_WIDTH), "dim"),
        "  ",
    ]
    if briefing.marking.strip():
        parts += [marking_chip(briefing.marking), " "]
    parts.append((briefing.title or "(untitled)", "bold"))
    return Content.assemble(*parts)


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


Badge = Callable[[Briefing], Content]
"""Marks put before an entry's title (reading state: unread, changed, bookmarked)."""


def entry_prompt(briefing: Briefing, badge: Badge | None = None) -> Content:
    """Two lines: the title, then date and marking (all document text stays plain)."""
    when = briefing.date_range() or "undated"
    parts: list[str | tuple[str, str] | Content] = [badge(briefing)] if badge else []
    parts += [(briefing.title or "(untitled)", "bold"), "\n"]
    parts.append((when, "dim"))
    if briefing.marking:
        parts += ["  ", (f" {briefing.marking} ", marking_style(briefing.marking))]
    if briefing.has_errors:
        parts += ["  ", ("✗ problems", "bold $text-error")]
    return Content.assemble(*parts)
