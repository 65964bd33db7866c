"""Glossary: the `g` screen (briefing and library terms) and acronyms marked in the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from briefing_tui.model import Briefing, Outcome, Topic
from briefing_tui.ui.screens.glossary import GlossaryScreen, GlossaryTable
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.widgets.panes.outcomes import OutcomeList
from briefing_tui.ui.widgets.panes.topics import TopicList

from .across_helpers import styled
from .helpers import SIZE, RecordingApp, loader_of, make_briefing, results, settle


def briefing() -> Briefing:
    return make_briefing(
        "lib/jit.yaml",
        "JIT meeting",
        date(2024, 1, 1),
        marking="TLP:GREEN",
        summary="The MLA request went to the JIT; MLAs take long.",
        topics=(Topic("MLA backlog", "Why the JIT waits."),),
        outcomes=(Outcome("Send the MLA to EPOC-PR desk", "action", "JIT secretariat"),),
        glossary=(("MLA", "Mutual legal assistance"), ("EPOC", "")),
    )


def app_for(root: Path, glossary: str | None) -> RecordingApp:
    if glossary is not None:
        (root / "glossary.yaml").write_text(glossary, encoding="utf-8")
    return RecordingApp([root], loader=loader_of(results([briefing()])))


LIBRARY = "JIT: Joint investigation team\nMLA: Library meaning\nEPOC: European Production Order\n"


async def test_g_lists_the_briefing_terms_then_the_library_ones(tmp_path: Path) -> None:
    app = app_for(tmp_path, LIBRARY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert dict(app.main.library_glossary.terms)["JIT"] == "Joint investigation team"
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert screen.terms() == ["MLA", "EPOC", "JIT"]
        table = screen.query_one(GlossaryTable)
        rows = [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]
        # The briefing's own definition wins; an empty one is filled from the library.
        assert rows[0] == ["MLA", "Mutual legal assistance", "this briefing", "3×"]
        assert rows[1][:3] == ["EPOC", "European Production Order", "library glossary"]
        assert rows[1][3] == "—"  # "EPOC-PR" is another acronym, not a use of EPOC
        assert rows[2] == ["JIT", "Joint investigation team", "library glossary", "4×"]
        assert "TLP:GREEN" in str(screen.query_one(".dialog-title", Static).content)

        await pilot.press(*"joint")
        await settle(pilot)
        assert screen.terms() == ["JIT"]
        await pilot.press("enter", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "f: Filter" in app.screen.key_lines()
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, GlossaryScreen)


async def test_acronyms_are_underlined_with_their_expansions_on_hover(tmp_path: Path) -> None:
    app = app_for(tmp_path, LIBRARY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = app.query_one(".summary", Static)
        # Whole words only: "MLAs" is not MLA.
        assert styled(summary.content, "underline") == ["MLA", "JIT"]
        tooltip = str(summary.tooltip)
        assert "MLA — Mutual legal assistance" in tooltip
        assert "JIT — Joint investigation team" in tooltip

        await pilot.press("3")
        await settle(pilot)
        topic = app.query_one(TopicList).get_option_at_index(0).prompt
        assert styled(topic, "underline") == ["MLA"]
        # The topic title's hover explains the acronyms of its prose too.
        assert "JIT — Joint investigation team" in str(app.query_one("#topic-title").tooltip)

        await pilot.press("4")
        await settle(pilot)
        outcomes = app.query_one(OutcomeList)
        assert styled(outcomes.get_option_at_index(0).prompt, "underline") == ["MLA"]
        assert "JIT — Joint investigation team" in str(outcomes.tooltip)  # the owner's


async def test_without_a_library_glossary_only_the_briefing_terms(tmp_path: Path) -> None:
    app = app_for(tmp_path, None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert styled(app.query_one(".summary", Static).content, "underline") == ["MLA"]
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert screen.terms() == ["MLA", "EPOC"]


async def test_a_broken_library_glossary_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    app = app_for(tmp_path, "MLA: [unclosed\n")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any(p.path.endswith("glossary.yaml") for p in app.main.problems)
        assert app.main.library_glossary.terms == ()


async def test_hostile_terms_stay_text(tmp_path: Path) -> None:
    hostile = "'[@click=app.quit]': '[/] [bold]x'\n"
    app = app_for(tmp_path, hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        table = screen.query_one(GlossaryTable)
        cells = {cell.plain for i in range(table.row_count) for cell in table.get_row_at(i)}
        assert {"[@click=app.quit]", "[/] [bold]x"} <= cells
        await pilot.click(GlossaryTable, offset=(3, 3))
        assert app.is_running
