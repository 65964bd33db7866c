"""Sorting the participants table with `s` and by clicking a header."""

from __future__ import annotations

from briefing_tui.ui.widgets.panes.participants import PeopleTable

from .helpers import SIZE, app_with, rich_briefing, settle


async def test_s_cycles_the_sort_column() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.query_one(PeopleTable)
        assert app.focused is table
        assert table.sorted_names() == ["Anna Berg", "Marc Dupont", "Zoe Adams"]
        await pilot.press("s")  # by role: Adviser, Chair, Delegate
        await settle(pilot)
        assert table.sort_column == "role"
        assert table.sorted_names() == ["Marc Dupont", "Anna Berg", "Zoe Adams"]
        await pilot.press("s")  # by organisation: Agency A, Ministry B, Ministry C
        await settle(pilot)
        assert table.sorted_names() == ["Marc Dupont", "Zoe Adams", "Anna Berg"]
        sorted_messages = app.received(PeopleTable.Sorted)
        assert [m.column for m in sorted_messages][-2:] == ["role", "organisation"]


async def test_clicking_a_header_sorts_and_again_reverses() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.query_one(PeopleTable)
        # Header row is y=0; "Country" is the fourth column.
        country_x = sum(c.get_render_width(table) for c in list(table.columns.values())[:3]) + 1
        await pilot.click(PeopleTable, offset=(country_x, 0))
        await settle(pilot)
        assert table.sort_column == "country"
        assert table.sorted_names() == ["Marc Dupont", "Zoe Adams", "Anna Berg"]  # FR NL SE
        await pilot.click(PeopleTable, offset=(country_x, 0))
        await settle(pilot)
        assert table.sort_reverse
        assert table.sorted_names() == ["Anna Berg", "Zoe Adams", "Marc Dupont"]
