"""Very many participants go to a line-drawn table: counts, sort, find and drawing stay right."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest

from briefing_tui.model import Participant, ParticipantGroup
from briefing_tui.ui.locate.find_spot import is_big
from briefing_tui.ui.services.ui_pulse import UiPulse
from briefing_tui.ui.widgets import virtual_table
from briefing_tui.ui.widgets.find_bar import FindBar
from briefing_tui.ui.widgets.panes.participants import (
    BIG_TABLE,
    BigPeopleTable,
    PeopleTable,
    _split,
)
from briefing_tui.ui.widgets.virtual_table import VirtualTable, column_keys, sorted_order

from .helpers import SIZE, app_with, make_briefing, settle
from .search_helpers import loaded, until

COUNT = BIG_TABLE + 500
ROLES = ("Prosecutor", "Judge", "", "Analyst")


def crowd() -> Any:
    people = tuple(
        Participant(f"Person {n:05d}", ROLES[n % 4], f"Office {n % 13}", "FR") for n in range(COUNT)
    )
    briefing = make_briefing(
        "lib/crowd.md",
        "A crowded plenary",
        date(2024, 1, 1),
        participants=(*people[:10], ParticipantGroup("Observers", 12), *people[10:]),
    )
    return app_with([briefing])


async def open_people(pilot: Any) -> BigPeopleTable:
    app = pilot.app
    await loaded(pilot)
    assert app.main.open_path("lib/crowd.md")
    await pilot.press("2")
    await settle(pilot)
    return app.query_one(BigPeopleTable)


async def test_many_people_are_listed_counted_and_sorted() -> None:
    app = crowd()
    async with app.run_test(size=SIZE) as pilot:
        big = await open_people(pilot)
        assert big.display and not app.query_one(PeopleTable).display
        assert big.row_count == COUNT
        count_line = str(app.query_one("#participants-count").render())
        assert f"{COUNT} named participants, 1 group" in count_line
        names = big.sorted_names()
        assert names == sorted(names) and names[0] == "Person 00000"

        big.focus()
        await pilot.press("s")  # by role: blanks last
        await settle(pilot)
        roles = [big.rows[i][1] for i in big.order]
        assert (
            roles[0] == "Analyst"
            and roles[-1] == ""
            and "sorted by role" in str(app.query_one("#participants-count").render())
        )
        await pilot.press("S")  # reversed: blanks still last
        await settle(pilot)
        roles = [big.rows[i][1] for i in big.order]
        assert roles[0] == "Prosecutor" and roles[-1] == ""


async def test_only_rows_on_screen_are_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[int] = []
    line = VirtualTable._line

    def counting(self: VirtualTable, *args: Any) -> Any:
        drawn.append(1)
        return line(self, *args)

    monkeypatch.setattr(VirtualTable, "_line", counting)
    app = crowd()
    async with app.run_test(size=SIZE) as pilot:
        big = await open_people(pilot)
        big.focus()
        drawn.clear()
        await pilot.press("end")
        await settle(pilot)
        assert big.cursor_row == COUNT - 1
        assert big.row_at(big.cursor_row)[0] == f"Person {COUNT - 1:05d}"
        assert 0 < len(drawn) <= 3 * SIZE[1], "only the rows in view"


async def test_find_moves_to_the_row_and_marks_it() -> None:
    app = crowd()
    async with app.run_test(size=SIZE) as pilot:
        big = await open_people(pilot)
        shown = app.main.view.briefing
        assert shown is not None and is_big(shown)  # found in a thread
        await pilot.press("ctrl+f", *"Person 02345")
        await until(pilot, lambda: app.received(FindBar.Moved), "the match")
        await settle(pilot)
        assert big.row_at(big.cursor_row)[0] == "Person 02345"
        row = big.cursor_row - int(big.scroll_y) + 1
        assert 1 <= row < big.size.height, "the row is in view"
        marked = [s.text for s in big.render_line(row) if s.style and s.style.underline]
        assert marked == ["Person 02345"]


async def test_turning_to_many_people_does_not_describe_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual names a worker by the repr of its arguments unless told otherwise: for
    200,000 participants that repr took 0.5 s on the UI thread when `2` was pressed."""
    described: list[int] = []
    original = Participant.__repr__

    def counting(self: Participant) -> str:
        described.append(1)
        return original(self)

    monkeypatch.setattr(Participant, "__repr__", counting)
    app = crowd()
    async with app.run_test(size=SIZE) as pilot:
        big = await open_people(pilot)
        await until(pilot, lambda: big.row_count == COUNT)
        assert described == []


@pytest.mark.parametrize("reverse", [False, True])
def test_sort_keys_are_flat_strings_and_sort_as_blank_last_then_text(reverse: bool) -> None:
    # Tuples of (blank, text) sorted 200,000 rows in 67-133 ms, all of it holding the GIL
    # (the screen froze even though a worker sorted); flat strings take half that.
    texts = ["b", "", "A", "  ", "a", "B", "é", "", "c", "Ab", "a"]
    rows = [(text, str(n)) for n, text in enumerate(texts)]
    keys = column_keys(rows, 0)
    assert all(isinstance(key, str) for key in keys)
    order = sorted_order(keys, reverse)
    filled = sorted(
        (i for i, text in enumerate(texts) if text.strip()),
        key=lambda i: texts[i].casefold(),
        reverse=reverse,
    )
    blanks = [i for i, text in enumerate(texts) if not text.strip()]
    blanks = sorted(blanks, key=lambda i: texts[i].casefold(), reverse=reverse)
    assert order == filled + (blanks[::-1] if reverse else blanks)


async def test_many_rows_are_re_sorted_in_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # On the UI thread, 200,000 rows held the key 36-52 ms of CPU, 0.1-0.3 s at a load of 4.
    monkeypatch.setattr(virtual_table, "SORT_AT_ONCE", 100)
    threads: list[bool] = []
    sort = virtual_table.sorted_order

    def noted(keys: Any, reverse: bool) -> list[int]:
        threads.append(threading.current_thread() is threading.main_thread())
        return sort(keys, reverse)

    monkeypatch.setattr(virtual_table, "sorted_order", noted)
    app = crowd()
    async with app.run_test(size=SIZE) as pilot:
        big = await open_people(pilot)
        big.focus()
        big.move_to_row(7)
        threads.clear()
        await pilot.press("s")  # by role: blanks last
        await settle(pilot)
        roles = [big.rows[i][1] for i in big.order]
        assert roles[0] == "Analyst" and roles[-1] == ""
        assert "sorted by role" in str(app.query_one("#participants-count").render())
        assert big.order[big.cursor_row] == 7  # the cursor stays on its row
        await pilot.press("S")
        await settle(pilot)
        roles = [big.rows[i][1] for i in big.order]
        assert roles[0] == "Prosecutor" and roles[-1] == ""
        assert threads == [False, False]


def test_preparing_many_rows_steps_aside_between_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Measuring, keying and sorting 200,000 rows beside the screen held the GIL enough to
    keep a page down waiting 0.1-0.2 s for the loop: the worker's pause comes between
    slices (it sleeps while a key is handled) and just before the sort."""
    monkeypatch.setattr(virtual_table, "SLICE", 100)
    rows = [(f"Name {n % 37}", ROLES[n % 4], "x" * (n % 50)) for n in range(1_000)]
    pauses: list[int] = []
    labels = ("Name", "Role", "Notes")
    paced = virtual_table.prepare(labels, rows, (1, "role", True), lambda: pauses.append(1))
    whole = virtual_table.prepare(labels, rows, (1, "role", True))
    assert paced == whole
    assert whole.widths == [len("Name 36"), len("Prosecutor"), virtual_table.MAX_COLUMN]
    # Nine pauses between ten slices for the widths, nine for the keys, one before the sort.
    assert len(pauses) == 9 + 9 + 1


async def test_the_people_rows_are_prepared_stepping_aside_for_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(virtual_table, "SLICE", 500)
    monkeypatch.setattr(virtual_table, "SORT_AT_ONCE", 100)
    asked: list[str] = []
    yield_to_ui = UiPulse.yield_to_ui

    def noted(self: UiPulse, cancelled: Any = lambda: False) -> None:
        asked.append(threading.current_thread().name)
        yield_to_ui(self, cancelled)

    monkeypatch.setattr(UiPulse, "yield_to_ui", noted)
    app = crowd()
    async with app.run_test(size=SIZE) as pilot:
        asked.clear()
        big = await open_people(pilot)
        await until(pilot, lambda: big.row_count == COUNT)
        assert len(asked) >= 2 * (COUNT // 500)  # the widths and the keys, slice by slice
        assert threading.main_thread().name not in asked
        big.focus()
        asked.clear()
        await pilot.press("s")  # re-sorted in a worker: keyed slice by slice too
        await settle(pilot)
        assert len(asked) >= COUNT // 500
        assert "sorted by role" in str(app.query_one("#participants-count").render())


def test_people_and_groups_are_split_as_the_briefing_splits_them() -> None:
    people = [Participant(f"P{n}") for n in range(5)]
    groups = [ParticipantGroup("G", 3), ParticipantGroup("H")]
    for mixed in ((), tuple(people), (*people[:2], groups[0], *people[2:], groups[1])):
        briefing = make_briefing("lib/x.md", "X", None, participants=mixed)
        assert _split(briefing.participants) == (briefing.people, briefing.groups)


def test_marking_rows_not_made_yet_counts_only_the_rows_there() -> None:
    """Find can mark a table whose rows a worker is still preparing: rows past those made
    count nothing (this raised IndexError, `g` after find on 200,000 participants)."""
    table = VirtualTable([("name", "Name")])
    table.rows = [("Ana Ruiz",), ("Bo Li",)]
    assert table.mark_rows(lambda text: [(0, 3)] if "Ana" in text else [], [0, 1, 7]) == 1
