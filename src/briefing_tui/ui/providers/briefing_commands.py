"""The command palette (ctrl+p): open a briefing by title, show problems or help, the views
across the library (who, outcomes, timeline, glossary, filters), switch pane, quit.

Textual's `Matcher.highlight` parses its argument as markup, so titles are highlighted here
by hand on a plain `Content`; help strings are constants for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing_tui.model import Pane

if TYPE_CHECKING:
    from briefing_tui.ui.app import BriefingApp

MAX_BRIEFING_HITS = 50


def highlight(matcher: Matcher, candidate: str) -> tuple[float, Content]:
    """Score and highlight `candidate` without ever reading it as markup."""
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    content = Content(candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return score, content


class BriefingCommands(Provider):
    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def _static_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.briefing_app
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Show problems", app.action_problems, "Every problem met while loading (!)"),
            ("Help: keys", app.action_help, "Every key of this screen (?)"),
            (
                "Who appears where",
                app.action_entities,
                "People, organisations and countries across the library (i)",
            ),
            ("Outcomes across the library", app.action_outcomes, "Every outcome, filtered (o)"),
            ("Timeline", app.action_timeline, "Briefings by year and month (t)"),
            ("Glossary", app.action_glossary, "Acronyms of this briefing and the library (g)"),
            ("Filter the library list", app.action_filter, "By tag, organisation, country... (f)"),
            ("Clear filters", app.action_clear_filters, "List every briefing again (F)"),
            ("Bookmark this briefing", app.action_bookmark, "Needs --state DIR (b)"),
        ]
        for number, pane in enumerate(Pane, start=1):
            commands.append(
                (
                    f"Switch to {pane.label}",
                    partial(app.action_pane, pane.value),
                    f"Show the {pane.label} pane ({number})",
                )
            )
        commands.append(("Quit", app.action_quit, "Leave the reader (q)"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._static_commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = self.briefing_app
        for name, callback, help_text in self._static_commands():
            score, display = highlight(matcher, name)
            if score > 0:
                yield Hit(score, display, callback, text=name, help=help_text)
        scored: list[tuple[float, Content, str, str]] = []
        for briefing in app.briefings:
            label = f"Open: {briefing.title}"
            score, display = highlight(matcher, label)
            if score > 0:
                scored.append((score, display, briefing.path, label))
        scored.sort(key=lambda item: -item[0])
        for score, display, path, label in scored[:MAX_BRIEFING_HITS]:
            yield Hit(
                score, display, partial(app.open_path, path), text=label, help="Open this briefing"
            )
