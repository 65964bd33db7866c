"""The progress line shown above the library list while it loads."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static


class LoadStatus(Vertical):
    """Count and bar while loading; hides itself when loading ends, leaving a summary line."""

    _held: tuple[int, int | None] | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading…"), id="load-count")
        yield ProgressBar(total=None, show_eta=False, show_percentage=True, id="load-bar")

    def start(self, total: int | None) -> None:
        self.query_one(ProgressBar).update(total=total, progress=0)
        self._show(0, total)

    def advance(self, loaded: int, total: int | None) -> None:
        """A new count; while another screen covers this one it waits for `show_held` (any
        change under a see-through screen redraws all of that screen)."""
        self._held = (loaded, total)
        if self.screen is self.app.screen:
            self.show_held()

    def show_held(self) -> None:
        """Show the count that arrived while the screen was covered, if any."""
        held, self._held = self._held, None
        if held is not None:
            self.query_one(ProgressBar).update(progress=held[0])
            self._show(*held)

    def finish(self, briefings: int, problems: int) -> None:
        self._held = None
        self.query_one(ProgressBar).display = False
        text = f"{briefings} briefing{'s' if briefings != 1 else ''}"
        if problems:
            text += f" · {problems} problem{'s' if problems != 1 else ''} (!)"
        self.query_one("#load-count", Static).update(Content(text))
        self.add_class("-done")

    def _show(self, loaded: int, total: int | None) -> None:
        text = f"Loading… {loaded}" + (f" of {total}" if total is not None else "")
        # The line is one row at full width (see briefing.tcss), so a new count only needs a
        # repaint: a layout pass of the whole screen at every batch cost a tenth of the UI
        # thread's time while a large library loaded.
        self.query_one("#load-count", Static).update(Content(text), layout=False)
