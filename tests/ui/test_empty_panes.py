"""An empty pane says in one line why it is empty and what would fill it (issue 11)."""

from __future__ import annotations

from textual.widgets import Static

from briefing_tui.model import Briefing

from .helpers import SIZE, app_with, settle, text_of


async def test_empty_panes_say_what_would_fill_them() -> None:
    bare = Briefing(path="lib/notes.md", title="Bare notes", format="markdown", overview="Text.")
    app = app_with([bare])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, widget, needle in [
            ("2", "#participants-count", "no Participants heading, list or `participants:` key"),
            ("3", "#topics-count", "numbered agenda items"),
            ("4", "#outcomes-count", "task list"),
        ]:
            await pilot.press(key)
            await settle(pilot)
            line = text_of(app.query_one(widget, Static))
            assert needle in line, line
            assert "\n" not in line


async def test_a_press_release_names_the_phrases_it_looked_for() -> None:
    release = Briefing(path="lib/release.txt", title="Release", format="text")
    app = app_with([release])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert "'opened by NAME, ROLE'" in text_of(app.query_one("#participants-count", Static))


async def test_the_seed_press_release_fills_the_panes_in_the_reader() -> None:
    from pathlib import Path

    from briefing_tui.readers.documents import read_document

    seed = Path(__file__).parents[1] / "corpus" / "eurojust-2018-03-joint-conference-cybercrime.txt"
    briefing = read_document(str(seed), seed.read_bytes()).briefing
    assert briefing is not None
    app = app_with([briefing])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, widget, text in [
            ("2", "#participants-count", "2 named participants, 5 groups"),
            ("3", "#topics-count", "7 topics"),
            ("4", "#outcomes-count", "3 outcomes"),
        ]:
            await pilot.press(key)
            await settle(pilot)
            assert text in text_of(app.query_one(widget, Static))
