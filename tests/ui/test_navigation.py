"""The library list: newest first, `[`/`]` open neighbours, `l` moves focus."""

from __future__ import annotations

from briefing_tui.ui.widgets.library_list import LibraryList

from .helpers import SIZE, app_with, library, settle


async def test_list_is_newest_first_and_opens_the_first() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [b.title for b in app.query_one(LibraryList).briefings]
        assert titles == ["Rich briefing", "Middle workshop", "Old meeting", "Undated note"]
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.path == "lib/2024-rich.yaml"
        assert app.sub_title == "Rich briefing"


async def test_brackets_move_between_briefings() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opened = []
        for key in ["right_square_bracket"] * 4 + ["left_square_bracket"]:
            await pilot.press(key)
            await settle(pilot)
            assert app.main.open_briefing is not None
            opened.append(app.main.open_briefing.path)
        # The last `]` stays on the last entry rather than wrapping around.
        assert opened == [
            "lib/2022-mid.yaml",
            "lib/2020-old.yaml",
            "lib/undated.yaml",
            "lib/undated.yaml",
            "lib/2020-old.yaml",
        ]
        selected = [m.briefing.path for m in app.received(LibraryList.BriefingSelected)]
        assert selected[-1] == "lib/2020-old.yaml"


async def test_brackets_work_while_reading_a_pane() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.path == "lib/2022-mid.yaml"
        assert app.main.view.active_pane.value == "participants"


async def test_arrows_and_jk_move_in_the_list_and_l_toggles_focus() -> None:
    app = app_with(library())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library_list = app.query_one(LibraryList)
        assert app.focused is library_list
        await pilot.press("j", "down")
        await settle(pilot)
        assert app.main.open_briefing is not None
        assert app.main.open_briefing.path == "lib/2020-old.yaml"
        await pilot.press("k")
        await settle(pilot)
        assert app.main.open_briefing.path == "lib/2022-mid.yaml"
        await pilot.press("l")
        assert app.focused is not library_list
        await pilot.press("l")
        assert app.focused is library_list
        await pilot.press("enter")
        assert app.focused is not library_list
