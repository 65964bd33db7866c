"""Palette commands (ctrl+p) for search: people by name, and the search and find screens.

Typing part of a name lists the briefings that person attended; choosing one opens it on
Participants with their row selected and highlighted.  A large library has well over
100,000 participant entries but only thousands of distinct names, so names are gathered
once when the palette opens and fuzzy-matched in a thread (each distinct name once); the
palette stays responsive while that runs.  A long document whose participants are still
being read (`parts_later`) is not waited for: the palette says so, and searches again
once the items reader has them.  Names are document text: they are matched and
highlighted on plain `Content`, never through `Matcher.highlight` (which parses markup).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.widgets import Input

from briefing_tui.model import Briefing, Pane, Participant
from briefing_tui.pacing import paced
from briefing_tui.parts_later import parts_ready
from briefing_tui.ui.locate.spot import OpenBriefing, Spot
from briefing_tui.ui.providers.briefing_commands import palette_commands
from briefing_tui.ui.providers.reader import reader_of
from briefing_tui.ui.services.items_reader import items_reader, unread
from briefing_tui.ui.services.ui_pulse import ui_pulse

MAX_NAMES = 20
MAX_HITS = 40
MATCH_STYLE = "bold underline"


@dataclass(frozen=True, slots=True)
class Attendance:
    """One person in one briefing: `item` indexes `briefing.participants`."""

    briefing: Briefing
    item: int
    role: str


def gather_people(
    briefings: Sequence[Briefing], pause: Callable[[], None] | None = None
) -> dict[str, list[Attendance]]:
    """Name as written -> every briefing listing it, newest first (the list's order).

    `pause` is called every few thousand people: in a thread, it steps aside for the
    screen (200,000 people held the GIL long enough to make keys 0.1 s late).
    """
    people: dict[str, list[Attendance]] = {}
    for b in briefings:
        for item, p in enumerate(paced(b.participants, pause)):
            if isinstance(p, Participant) and p.name.strip():
                people.setdefault(p.name, []).append(Attendance(b, item, p.role))
    return people


def match_names(
    query: str,
    names: Sequence[str],
    limit: int = MAX_NAMES,
    pause: Callable[[], None] | None = None,
) -> list[tuple[float, str, tuple[int, ...]]]:
    """The best `limit` names for `query`: (score, name, matched offsets), best first
    (`pause`, every few thousand names, as in `gather_people`)."""
    fuzzy = FuzzySearch(cache_size=16)
    scored: list[tuple[float, str, tuple[int, ...]]] = []
    folded = query.casefold()
    first = folded[:1]
    for name in paced(names, pause):
        if first and first not in name.casefold():
            continue
        score, offsets = fuzzy.match(query, name)
        if score > 0:
            scored.append((score, name, tuple(offsets)))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return scored[:limit]


def name_content(name: str, offsets: Sequence[int]) -> Content:
    content = Content(name)
    for offset in offsets:
        if 0 <= offset < len(name) and not name[offset].isspace():
            content = content.stylize(MATCH_STYLE, offset, offset + 1)
    return content


def attendance_content(name: str, offsets: Sequence[int], seen: Attendance) -> Content:
    """`Name — role · title (date)`, all plain text but the matched letters."""
    b = seen.briefing
    parts: list[str | tuple[str, str] | Content] = [
        ("Participant: ", "dim"),
        name_content(name, offsets),
    ]
    if seen.role:
        parts += [(" — ", "dim"), seen.role]
    parts += [("  in ", "dim"), (b.title or "(untitled)", "italic")]
    when = b.date.isoformat() if b.date else "undated"
    parts.append((f"  {when}", "dim"))
    return Content.assemble(*parts)


class SearchCommands(Provider):
    """Participants by name, plus "Search the library" and "Find in this briefing"."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._people: dict[str, list[Attendance]] | None = None
        self._names: list[str] = []
        self._reading: list[Briefing] = []  # long documents whose people come later
        self._closed = False

    async def startup(self) -> None:
        reader = reader_of(self)
        briefings = list(reader.briefings) if reader is not None else []
        self._reading = unread(briefings)
        if self._reading:
            briefings = [b for b in briefings if parts_ready(b)]
            items_reader(self.app).when_read(self._reading, self._items_read, self.screen)
        pause = ui_pulse().yield_to_ui
        self._people = await asyncio.to_thread(gather_people, briefings, pause)
        self._names = list(self._people)

    async def shutdown(self) -> None:
        self._closed = True

    def _items_read(self) -> None:
        if not self._closed:
            self.app.run_worker(self._gather_again(), group="palette-people", exclusive=True)

    async def _gather_again(self) -> None:
        """Everyone, the long documents' people included; then the palette searches again."""
        reader = reader_of(self)
        briefings = list(reader.briefings) if reader is not None else []
        people = await asyncio.to_thread(gather_people, briefings, ui_pulse().yield_to_ui)
        palette = self.app.screen
        if self._closed or not isinstance(palette, CommandPalette):
            return
        self._people, self._names, self._reading = people, list(people), []
        box = palette.query_one(CommandInput)
        box.post_message(Input.Changed(box, box.value))

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        reader = reader_of(self)
        return list(palette_commands(reader, ("search", "find"))) if reader is not None else []

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, name)
            if score > 0:
                yield Hit(score, name_content(name, offsets), callback, text=name, help=help_text)
        if self._reading and query.strip():
            titles = ", ".join(f"“{b.title or b.path}”" for b in self._reading[:3])
            yield Hit(
                0.001,  # below every match: it only says why some may be missing
                Content.styled(f"Reading the participants of {titles}…", "italic"),
                partial(self.app.notify, "Their names are offered once read.", markup=False),
                text="Reading the participants",
                help="Their names are offered here once read",
            )
        people = self._people
        if not people or not query.strip():
            return
        pause = ui_pulse().yield_to_ui
        found = await asyncio.to_thread(match_names, query, self._names, MAX_NAMES, pause)
        shown = 0
        reader = reader_of(self)
        if reader is None:
            return
        for score, name, offsets in found:
            for seen in people[name]:
                if shown >= MAX_HITS:
                    return
                shown += 1
                yield Hit(
                    score,
                    attendance_content(name, offsets, seen),
                    partial(reader.post_message, open_participant(seen.briefing, seen.item)),
                    text=f"Participant: {name} in {seen.briefing.title}",
                    help="Open on Participants with this person's row highlighted",
                )


def open_participant(briefing: Briefing, item: int) -> OpenBriefing:
    """Open `briefing` on Participants with participant `item`'s row selected."""
    name = getattr(briefing.participants[item], "name", "")

    def whole_name(text: str) -> list[tuple[int, int]]:
        return [(0, len(text))] if name and text == name else []

    return OpenBriefing(briefing.path, Spot(Pane.PARTICIPANTS, "participant", item), whole_name)
