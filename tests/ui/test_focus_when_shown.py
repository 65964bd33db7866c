"""A revealed spot takes focus, and keeps it unless the reader moves it (locator.focus_when_shown).

CI (loaded) failed once opening a search hit on an outcome: the main screen, back from the
search dialog after the pane it had focused was hidden, focused its first focusable widget,
and the reveal took that for the reader moving on.  Only input is the reader moving on.
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from briefing_tui.ui.locate.locator import focus_when_shown
from briefing_tui.ui.services.ui_pulse import ui_pulse
from waiting import wait_until


class Grabbing(OptionList):
    """Sends focus to `#other` the first time it gets it, as Textual or a reader might."""

    by_input = False
    grabbed = False

    def on_focus(self, event: events.Focus) -> None:
        if not self.grabbed:
            self.grabbed = True
            if self.by_input:
                ui_pulse().hold()  # what the app does as a key arrives
            self.app.query_one("#other").focus()


class Three(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList("a", id="start")
        yield OptionList("b", id="other")
        yield Grabbing("c", id="target")


async def _focused_after_reveal(by_input: bool) -> str | None:
    app = Three()
    async with app.run_test() as pilot:
        start, target = app.query_one("#start"), app.query_one(Grabbing)
        target.by_input = by_input
        start.focus()
        await wait_until(pilot, lambda: app.focused is start, "the first list focused")
        worker = app.run_worker(focus_when_shown(target))
        await wait_until(pilot, lambda: worker.is_finished, "the reveal's focus to settle")
        await wait_until(pilot, lambda: target.grabbed, "focus taken once")
        return app.focused.id if app.focused else None


async def test_focus_moved_without_input_is_taken_back() -> None:
    assert await _focused_after_reveal(by_input=False) == "target"


async def test_focus_the_reader_moves_stays_where_they_put_it() -> None:
    assert await _focused_after_reveal(by_input=True) == "other"
