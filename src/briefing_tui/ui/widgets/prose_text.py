"""ProseText: a pane's Markdown prose (a topic's summary, notes on the topics, outcomes,
participants) on the same virtual reading view as the Overview.

These texts were rendered whole by Rich, in the UI thread for find and search: a topics
text of 12,000 lines held the reader while it rendered, and could not be stopped.  As a
ReadingText of one part, short text still renders whole in the first frame, exactly as
before, while long text is laid out a screenful at once and the rest in a cancellable
worker, and only the lines in view are drawn.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

from briefing_tui.ui.widgets.reading_layout import Part
from briefing_tui.ui.widgets.reading_view import ReadingText

# The one part a ProseText holds (find and search reveal ask for its lines by this key).
PROSE_KEY: tuple[object, ...] = ("prose",)


class ProseText(ReadingText):
    """One block of document Markdown; empty text leaves the widget hidden."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(_parts(text), id=id, classes=classes)

    @property
    def text(self) -> str:
        parts = self.parts
        return parts[0].text if parts else ""

    def set_text(self, text: str) -> None:
        """Show `text`; the same text again keeps its layout (a topic highlighted twice)."""
        if text == self.text:
            return
        self.set_parts(_parts(text))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # A scroll view of auto height (the outcomes' and participants' prose, under their
        # lists) measures its content at its whole width, scrollbar gutter included, then
        # lays it out without the gutter.  The text is laid out for one width at a time, so
        # it would start again at each of the two, on every pass, and never get past the
        # first screenful.  It is never wider than where it is drawn.
        parent = self.parent
        if isinstance(parent, Widget) and parent.size.width:
            inner = parent.scrollable_content_region.width
            if 0 < inner < width:
                width = inner
        return super().get_content_height(container, viewport, width)


def _parts(text: str) -> list[Part]:
    return [Part(PROSE_KEY, text)] if text else []
