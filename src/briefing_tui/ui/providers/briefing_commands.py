"""The command palette (ctrl+p): open a briefing by title, show problems or help, the views
across the library (who, outcomes, timeline, glossary, filters), switch pane, quit.

Commands and their texts come from the command table; choosing one runs the main screen's
action, or posts `OpenBriefing`.  Textual's `Matcher.highlight` parses its argument as
markup, so titles are highlighted here by hand on a plain `Content`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing_tui.ui.command_table import BY_ID, Command
from briefing_tui.ui.locate.spot import OpenBriefing
from briefing_tui.ui.providers.reader import Reader, reader_of

MAX_BRIEFING_HITS = 50

# The order the palette lists them in (by id; texts and keys come from the command table).
PALETTE = (
    "problems",
    "help",
    "entities",
    "outcomes",
    "timeline",
    "glossary",
    "filter",
    "clear_filters",
    "bookmark",
    "pane_overview",
    "pane_participants",
    "pane_topics",
    "pane_outcomes",
    "quit",
)


def highlight(matcher: Matcher, candidate: str) -> tuple[float, Content]:
    """Score and highlight `candidate` without ever reading it as markup."""
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    content = Content(candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return score, content


def palette_commands(
    reader: Reader, ids: tuple[str, ...]
) -> Iterator[tuple[str, Callable[[], object], str]]:
    """Title, what choosing it does, and its help line with the reader's key for it."""
    for command_id in ids:
        command: Command = BY_ID[command_id]
        help_text = f"{command.help} ({reader.key_for(command_id)})"
        yield command.palette, partial(reader.run_command, command.action), help_text


class BriefingCommands(Provider):
    async def discover(self) -> Hits:
        reader = reader_of(self)
        if reader is None:
            return
        for name, callback, help_text in palette_commands(reader, PALETTE):
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        reader = reader_of(self)
        if reader is None:
            return
        matcher = self.matcher(query)
        for name, callback, help_text in palette_commands(reader, PALETTE):
            score, display = highlight(matcher, name)
            if score > 0:
                yield Hit(score, display, callback, text=name, help=help_text)
        scored: list[tuple[float, Content, str, str]] = []
        for briefing in reader.briefings:
            label = f"Open: {briefing.title}"
            score, display = highlight(matcher, label)
            if score > 0:
                scored.append((score, display, briefing.path, label))
        scored.sort(key=lambda item: -item[0])
        for score, display, path, label in scored[:MAX_BRIEFING_HITS]:
            open_it = partial(reader.post_message, OpenBriefing(path))
            yield Hit(score, display, open_it, text=label, help="Open this briefing")
