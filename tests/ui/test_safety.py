"""Hostile document text is shown literally everywhere and can never run an action."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, OptionList, Static

from briefing_tui.model import Briefing, Link, Outcome, Participant, ParticipantGroup, Topic
from briefing_tui.ui.widgets.library_list import LibraryList

from .helpers import SIZE, app_with, settle, text_of, texts

QUIT = "[@click=app.quit]x[/]"
CLOSE = "[/]"
OPEN = "x [/ y"
HOSTILE = (QUIT, CLOSE, OPEN, "[bold red]loud[/]", "[@click=app.screenshot()]shot[/]")


def hostile_briefing(path: str = "lib/hostile.yaml", day: int = 1) -> Briefing:
    return Briefing(
        path=path,
        title=f"{QUIT} {CLOSE} {OPEN}",
        date=date(2024, 1, day),
        location=QUIT,
        marking=QUIT,
        organisers=HOSTILE,
        tags=HOSTILE,
        summary=" ".join(HOSTILE),
        overview=f"Prose {QUIT} and {OPEN} and {CLOSE}",
        participants=(
            Participant(QUIT, CLOSE, OPEN, QUIT, notes=QUIT),
            Participant(CLOSE, QUIT, QUIT, OPEN),
            ParticipantGroup(QUIT, 3, CLOSE),
        ),
        participants_text=QUIT,
        topics=(Topic(QUIT, f"Summary {QUIT}", (CLOSE, OPEN)), Topic(OPEN)),
        topics_text=OPEN,
        outcomes=(Outcome(QUIT, QUIT, CLOSE, None, QUIT),),
        outcomes_text=CLOSE,
        links=(Link(QUIT, f"https://example.org/{CLOSE}"), Link(OPEN, QUIT)),
        glossary=((QUIT, CLOSE),),
        extra=((QUIT, {CLOSE: [OPEN, {QUIT: QUIT}]}),),
    )


async def test_hostile_text_is_literal_and_clicks_do_nothing() -> None:
    app = app_with([hostile_briefing(), hostile_briefing("lib/second.yaml", 2)])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert app.main.open_briefing is not None
        assert text_of(app.query_one("#header-title", Static)) == f"{QUIT} {CLOSE} {OPEN}"
        assert text_of(app.query_one("#marking-banner", Static)).strip() == QUIT
        assert app.sub_title == f"{QUIT} {CLOSE} {OPEN}"
        overview = texts(app.query("#overview-scroll Static"))
        for text in HOSTILE:
            assert text in overview

        # Click on every widget that shows document text, at several points of each line.
        per_pane = {
            "1": [LibraryList, "#header-title", "#marking-banner", ".summary", ".facts", ".extra"],
            "2": ["#people", "#groups", "#participants-prose"],
            "3": ["#topic-list", "#topic-title", "#topic-speakers", "#topic-summary"],
            "4": ["#outcomes-list"],
        }
        for key, targets in per_pane.items():
            await pilot.press("escape", key)  # escape: a stray click may open a dialog
            await settle(pilot)
            for target in targets:
                for x, y in [(0, 0), (3, 0), (12, 1), (20, 1)]:
                    region = app.query_one(target).region  # earlier clicks may hide a widget
                    if x < region.width and y < region.height:
                        await pilot.click(target, offset=(x, y))
                    assert app.is_running
        await settle(pilot)
        assert app.return_code is None

        # Tables and lists hold the text literally too.
        await pilot.press("2")
        await settle(pilot)
        people = app.query_one("#people", DataTable)
        cells = {cell.plain for row in range(people.row_count) for cell in people.get_row_at(row)}
        assert {QUIT, CLOSE, OPEN} <= cells
        await pilot.press("3")
        await settle(pilot)
        topics = app.query_one("#topic-list", OptionList)
        assert str(topics.get_option_at_index(0).prompt).endswith(QUIT)

        # Links are reported as text, URL and all.
        await pilot.press("1")
        await settle(pilot)
        await pilot.click(".links", offset=(4, 0))
        await pilot.click(".links", offset=(4, 1))
        await settle(pilot)
        assert [n.message for n in app.notifications()] == [f"https://example.org/{CLOSE}", QUIT]
        assert app.is_running

        await pilot.press("right_square_bracket", "left_square_bracket", "question_mark")
        await settle(pilot)
        await pilot.press("escape", "exclamation_mark")
        await settle(pilot)
        await pilot.press("escape")
        assert app.is_running
        assert app.return_code is None
