"""A long document's items are read after its first screen: a pane opened before they are
says so, then lists them; the screen itself never waits for them."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import Static

from briefing_tui.model import Briefing
from briefing_tui.parts_later import Deferral, parts_ready
from briefing_tui.readers.documents import read_document
from briefing_tui.ui.widgets.panes.participants import BigPeopleTable
from briefing_tui.ui.widgets.reading_view import ReadingText
from briefing_tui.ui.widgets.virtual_list import VirtualList
from waiting import wait_until

from .helpers import SIZE, RecordingApp, loader_of, results, settle, text_of

PEOPLE = 2_500


def _minutes() -> bytes:
    lines = ["---\ntitle: Long minutes\n---\n", "Opening remarks of a long meeting.\n\n"]
    lines.append("## Participants\n\n")
    lines += [f"- P{n:04d}, Prosecutor, Office {n % 7}, FR\n" for n in range(PEOPLE)]
    lines.append("\n## Topics\n\n")
    lines += [f"- Topic {n}\n" for n in range(2_100)]
    lines.append("\n## Outcomes\n\n")
    lines += [f"- Decision: outcome {n}\n" for n in range(2_100)]
    return "".join(lines).encode()


def _held_briefing() -> tuple[Briefing, threading.Event]:
    """A briefing whose items wait for `release` to be set before they can be read.

    Whatever thread reads them waits there, the screen's included: a test that reaches
    its end did so without the screen ever reading them.
    """
    release = threading.Event()
    result = read_document("lib/minutes.md", _minutes(), Deferral(pause=lambda: release.wait(60)))
    assert result.briefing is not None and not parts_ready(result.briefing)
    return result.briefing, release


def _counts(app: RecordingApp, pane: str) -> str:
    return text_of(app.main.query_one(f"#{pane}-count", Static))


def _overview_shows(app: RecordingApp, words: str) -> bool:
    found = app.main.query("#overview-text")
    return bool(found) and words in text_of(found.first(ReadingText))


async def test_panes_opened_before_the_items_are_read_say_so_then_list_them() -> None:
    briefing, release = _held_briefing()
    try:
        await _turn_to_panes_while_reading(briefing, release)
    finally:
        release.set()  # or the threads reading them would wait on after a failure


async def _turn_to_panes_while_reading(briefing: Briefing, release: threading.Event) -> None:
    app = RecordingApp([Path("lib")], loader=loader_of(results([briefing])))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: _overview_shows(app, "Opening remarks"), "the Overview")
        await pilot.press("2")
        await wait_until(
            pilot, lambda: _counts(app, "participants") == "Reading the participants…", "reading"
        )
        big = app.main.query_one(BigPeopleTable)
        assert not big.display
        await pilot.press("3")
        await wait_until(pilot, lambda: _counts(app, "topics") == "Reading the topics…", "topics")
        assert not app.main.query_one("#topic-list-big", VirtualList).display
        assert not parts_ready(briefing)

        release.set()
        await wait_until(pilot, lambda: _counts(app, "topics") == "2100 topics", "the topics")
        await settle(pilot)
        topics = app.main.query_one("#topic-list-big", VirtualList)
        assert topics.display and topics.option_count == 2_100
        assert app.focused is topics  # the reader is on the list once there is one

        await pilot.press("2")
        await settle(pilot)
        assert _counts(app, "participants").startswith(f"{PEOPLE} named participants, 0 groups")
        assert big.display and app.focused is big
        assert big.sorted_names()[:3] == ["P0000", "P0001", "P0002"]
        await pilot.press("s")  # by role, then the names as they came
        await settle(pilot)
        assert big.sort_column == "role"
        await pilot.press("4")
        await settle(pilot)
        assert _counts(app, "outcomes") == "2100 outcomes"


async def test_a_pane_turned_to_after_the_items_are_read_builds_at_once() -> None:
    briefing, release = _held_briefing()
    release.set()
    app = RecordingApp([Path("lib")], loader=loader_of(results([briefing])))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the search index has read the items meanwhile
        assert parts_ready(briefing)
        await pilot.press("4")
        await settle(pilot)
        assert _counts(app, "outcomes") == "2100 outcomes"
        assert "Reading" not in _counts(app, "participants")
