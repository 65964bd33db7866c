"""SteadyFooter: Textual's Footer, rebuilt only when the keys it shows have changed.

Textual's Footer recomposes on every change of the screen's bindings, and those change
whenever focus moves: a pane key, Tab, opening and closing search.  Each rebuild mounts a
widget per key and restyles each one (a `compact` class set on mount), 20 to 40 ms of the
UI thread on the reader's fourteen keys, and a pane key moves focus two or three times.
In bench_long's probe that was a quarter of the UI thread's time spent on keys, while the
keys shown were nearly always the same.  This footer remembers what it last showed and,
once the screen has settled after a change of bindings, rebuilds only if it would show
something else.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

__all__ = ["SteadyFooter"]


class SteadyFooter(Footer):
    """A Footer that skips rebuilding itself into exactly what it already shows."""

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, compact: bool = False
    ) -> None:
        super().__init__(id=id, classes=classes, compact=compact)
        self._shown: Hashable | None = None

    def _showing(self) -> Hashable:
        """Everything `Footer.compose` draws from, for the bindings active now."""
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.tooltip,
                None if (group := binding.group) is None else (group.description, group.compact),
                enabled,
                tooltip,
            )
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        palette = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        shown_palette = None if palette is None else (palette[1].key, palette[2], palette[3])
        return (keys, self.show_command_palette, app.ENABLE_COMMAND_PALETTE, shown_palette)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._showing()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Footer's own, but for what runs after the refresh: focus often passes through a
        # widget with other keys on its way (a pane, then the table in it), and only where
        # it ends up matters.
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if self.is_attached and (self._shown is None or self._showing() != self._shown):
            await self.recompose()
