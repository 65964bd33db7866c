"""Hand-built briefings and fake loaders for the Pilot tests (no files, no library code)."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.content import Content
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.widgets import Static

from briefing_tui.model import (
    Briefing,
    Link,
    LoadResult,
    Outcome,
    Participant,
    ParticipantGroup,
    Problem,
    Section,
    Severity,
    Topic,
)
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.reading_view import ReadingText
from waiting import settle as settle  # re-exported: the UI tests import it from here

SIZE = (120, 40)


def make_briefing(path: str, title: str, day: date | None, **fields: Any) -> Briefing:
    return Briefing(path=path, title=title, date=day, **fields)


def rich_briefing() -> Briefing:
    """One briefing with something in every pane."""
    return Briefing(
        path="lib/2024-rich.yaml",
        title="Rich briefing",
        date=date(2024, 5, 1),
        end_date=date(2024, 5, 2),
        location="The Hague",
        organisers=("Eurojust",),
        marking="TLP:AMBER",
        tags=("cybercrime",),
        summary="A summary.",
        overview="Some **bold** prose with [a link](https://example.org/prose).",
        participants=(
            Participant("Zoe Adams", "Delegate", "Ministry B", "NL"),
            Participant("Anna Berg", "Chair", "Ministry C", "SE"),
            Participant("Marc Dupont", "Adviser", "Agency A", "FR"),
            ParticipantGroup("National Members", 27, "All of them"),
        ),
        participants_text="Prose about who came.",
        topics=(
            Topic("First topic", "About **one**.", ("Anna Berg",)),
            Topic("Second topic", "About two."),
        ),
        topics_text="Prose about the topics.",
        outcomes=(
            Outcome("Send comments", "action", "Anna Berg", date(2000, 1, 1), "open"),
            Outcome("Adopted the plan", "decision", status="done"),
        ),
        outcomes_text="Prose about outcomes.",
        links=(Link("Press release", "https://example.org/press"),),
        glossary=(("MLA", "Mutual legal assistance"),),
        sections=(Section("Background", "Some background."),),
        extra=(("budget", {"amount": 10, "items": ["a", {"b": True}]}), ("flag", None)),
    )


def library() -> list[Briefing]:
    """Three briefings (plus the rich one); their dates fix the list order."""
    return [
        make_briefing("lib/2020-old.yaml", "Old meeting", date(2020, 1, 10)),
        rich_briefing(),
        make_briefing("lib/undated.yaml", "Undated note", None),
        make_briefing("lib/2022-mid.yaml", "Middle workshop", date(2022, 6, 1)),
    ]


def results(briefings: Sequence[Briefing], problems: Sequence[Problem] = ()) -> list[LoadResult]:
    out = [LoadResult(b.path, b, b.problems) for b in briefings]
    out += [LoadResult(p.path, None, (p,)) for p in problems]
    return out


def loader_of(items: Sequence[LoadResult]) -> Any:
    def load(paths: Sequence[Path]) -> Iterator[LoadResult]:
        yield from items

    return load


def problem(path: str, message: str, line: int = 3) -> Problem:
    return Problem(path, line, 5, Severity.ERROR, message)


class GatedLoader:
    """Yields `first` results, then waits for `release` before each further result.

    Lets a test look at the app while loading is still going on, without timing anything.
    """

    def __init__(self, items: Sequence[LoadResult], first: int) -> None:
        self.items = list(items)
        self.first = first
        self.release = threading.Event()
        self.closed = threading.Event()
        self.yielded = 0

    def __call__(self, paths: Sequence[Path]) -> Iterator[LoadResult]:
        try:
            for index, item in enumerate(self.items):
                if index >= self.first:
                    self.release.wait(timeout=30)
                self.yielded += 1
                yield item
        finally:
            self.closed.set()


class RecordingApp(BriefingApp):
    """Records every message that reaches the app or its main screen, harlequin-style.

    The main screen handles what the reader does, and a message a handler there caused
    stops at it, so messages are recorded where they are posted to either.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.messages: list[Message] = []
        super().__init__(*args, **kwargs)
        self.animation_level = "none"  # tab underline animations only slow the tests down
        post_to_main = self.main.post_message

        def record(message: Message) -> bool:
            self.messages.append(message)
            return post_to_main(message)

        self.main.post_message = record  # type: ignore[method-assign]

    def post_message(self, message: Message) -> bool:
        self.messages.append(message)
        return super().post_message(message)

    def received(self, kind: type[Message]) -> list[Any]:
        unique = {id(m): m for m in self.messages if isinstance(m, kind)}
        return list(unique.values())

    def notifications(self) -> list[Notification]:
        """Every notification posted, in order: `App.notify` posts each as a `Notify`.

        Read from the messages rather than the toasts, which time out (5 s) and would make a
        test on a slow machine miss one.
        """
        return [message.notification for message in self.received(Notify)]


def app_with(briefings: Sequence[Briefing], problems: Sequence[Problem] = ()) -> RecordingApp:
    return RecordingApp([Path("lib")], loader=loader_of(results(briefings, problems)))


def filter_summary(app: Any) -> str:
    """What the filter bar above the library list says is listed."""
    return str(app.main.query_one("#filter-summary", Static).content)


def text_of(widget: Any) -> str:
    """What a Static or ReadingText (the Overview's, a pane's ProseText) shows, as plain text."""
    if isinstance(widget, ReadingText):
        return "\n".join(widget.text_lines())
    content = widget.content
    if isinstance(content, str | Content):
        return str(content)
    console = Console(width=100, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(content)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def texts(widgets: Any) -> str:
    return "\n".join(text_of(w) for w in widgets)


def count_markdown_renders(monkeypatch: Any, text: str) -> list[int]:
    """Record the width of each time Rich renders Markdown as long as `text` (from then on)."""
    from rich.markdown import Markdown

    renders: list[int] = []
    original = Markdown.__rich_console__

    def counting(self: Markdown, console: Any, options: Any) -> Any:
        if len(self.markup) == len(text):
            renders.append(options.max_width)
        return original(self, console, options)

    monkeypatch.setattr(Markdown, "__rich_console__", counting)
    return renders
