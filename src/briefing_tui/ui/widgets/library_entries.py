"""What each entry of the library list shows, made once per briefing and kept.

An entry's prompt and its two drawn lines depend on the briefing, its badge, the list's
style and width, never on where the entry is listed: a rebuild of a streaming list moves
entries but changes none, so the lines are kept by briefing and only entries new on screen
are drawn (every rebuild used to draw the whole screenful again).
"""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize
from textual.widget import Widget

from briefing_tui.model import Briefing
from briefing_tui.ui.support.row_format import Badge, entry_prompt

ENTRY_LINES = 2
# Drawn entries kept (a few screens' worth), so scrolling back does not draw them again.
KEEP = 512


class EntryLines:
    """Prompts (made on first use) and drawn lines (kept by briefing, style and width)."""

    def __init__(self) -> None:
        self._badge: Badge | None = None
        self._prompts: dict[str, Content] = {}
        self._lines: dict[tuple[str, Style, int], list[Strip]] = {}

    @property
    def badge(self) -> Badge | None:
        return self._badge

    @badge.setter
    def badge(self, badge: Badge | None) -> None:
        self._badge = badge
        self._prompts.clear()
        self._lines.clear()

    def prompt(self, briefing: Briefing) -> Content:
        """What the entry for `briefing` shows (made once, until its badge changes)."""
        prompt = self._prompts.get(briefing.path)
        if prompt is None:
            prompt = self._prompts[briefing.path] = entry_prompt(briefing, self._badge)
        return prompt

    def forget(self, path: str) -> None:
        """One entry shows something else now (its reading-state badge changed)."""
        self._prompts.pop(path, None)
        for key in [key for key in self._lines if key[0] == path]:
            del self._lines[key]

    def forget_lines(self) -> None:
        """The list's size or style changed: every entry is drawn anew."""
        self._lines.clear()

    def lines(self, widget: Widget, briefing: Briefing, style: Style, width: int) -> list[Strip]:
        """The entry's lines, `width` cells each, drawn for `widget` in `style`."""
        key = (briefing.path, style, width)
        strips = self._lines.get(key)
        if strips is None:
            visual: Visual = visualize(widget, self.prompt(briefing), markup=False)
            rendered = Visual.to_strips(widget, visual, width, ENTRY_LINES, style)
            blank = Strip.blank(width, style.rich_style)
            strips = [
                (rendered[n] if n < len(rendered) else blank)
                .extend_cell_length(width, style.rich_style)
                .crop(0, width)
                for n in range(ENTRY_LINES)
            ]
            if len(self._lines) >= KEEP:
                self._lines.clear()
            self._lines[key] = strips
        return strips
