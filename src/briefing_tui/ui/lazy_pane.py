"""The base of the four panes: content is built only when the pane is first shown.

Opening a briefing only marks the panes stale; a big document's participants table or
topic prose is rendered when the reader actually turns to that pane.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget

from briefing_tui.model import Briefing


class LazyPane(Vertical):
    """A pane that rebuilds itself for the open briefing on demand."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.briefing: Briefing | None = None
        self.built_for: Briefing | None = None

    def set_briefing(self, briefing: Briefing) -> None:
        """Remember the briefing; nothing is rendered until `ensure_built`."""
        self.briefing = briefing

    def ensure_built(self) -> None:
        briefing = self.briefing
        if briefing is not None and briefing is not self.built_for:
            self.built_for = briefing
            self.build(briefing)

    def build(self, briefing: Briefing) -> None:
        raise NotImplementedError

    def focus_target(self) -> Widget:
        """The widget that should take focus when the reader switches to this pane."""
        return self
