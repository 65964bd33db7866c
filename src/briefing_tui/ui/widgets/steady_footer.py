"""SteadyFooter: Textual's Footer, rebuilt only when the keys it shows have changed.

Textual's Footer recomposes on every change of the screen's bindings, and those change
whenever focus moves: a pane key, Tab, opening and closing search.  Each rebuild mounts a
widget per key and restyles each one (a `compact` class set on mount), 20 to 40 ms of the
UI thread on the reader's fourteen keys, and a pane key moves focus two or three times.
In bench_long's probe that was a quarter of the UI thread's time spent on keys, while the
keys shown were nearly always the same.  This footer remembers what it last showed and,
once the screen has settled after a change of bindings, rebuilds only if it would show
something else.

And when it does show something else, it is nearly always a key or two more or fewer (the
Participants pane adds Sort): the keys that stay are kept, and only those that come or go
are mounted or removed (`_patch`).  Recomposing all sixteen made a switch between
Participants and another pane cost 75-100 ms of the UI thread (bench_long's probe,
200,000 participants) instead of 30-50 ms.
"""

from __future__ import annotations

from collections.abc import Hashable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

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
        if not self.is_attached:
            return
        showing = self._showing()
        if self._shown is not None and showing == self._shown:
            return
        if self._shown is not None and await self._patch(showing):
            self._shown = showing
            return
        await self.recompose()

    def _wanted(self) -> list[_Key] | None:
        """The plain keys `Footer.compose` would draw now, left of the palette's, in order;
        None when it would draw groups (this footer then recomposes, as Footer does)."""
        app = self.app
        first: dict[str, _Key] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            shown = (binding.key, app.get_key_display(binding), binding.description)
            first.setdefault(binding.action, (*shown, binding.action, not enabled, tooltip))
        return list(first.values())

    async def _patch(self, showing: Hashable) -> bool:
        """Mount and remove only the keys that changed; False if it cannot (then recompose).

        The palette's key, docked at the right, stays as long as the palette shows the same.
        """
        wanted = self._wanted()
        shown = self._shown
        if wanted is None or not isinstance(shown, tuple) or not isinstance(showing, tuple):
            return False
        if shown[1:] != showing[1:]:
            return False  # the palette's key changed: rare, rebuild it all
        keys = [k for k in self.query_children(FooterKey) if not k.has_class("-command-palette")]
        if any(k.has_class("-grouped") for k in keys):
            return False
        have = [_key_of(k) for k in keys]
        steps = SequenceMatcher(a=have, b=wanted, autojunk=False).get_opcodes()
        gone = [k for tag, i1, i2, _, _ in steps if tag != "equal" for k in keys[i1:i2]]
        with self.app.batch_update():
            for tag, i1, _, j1, j2 in reversed(steps):
                if tag in ("insert", "replace"):
                    made = [_made(self, key) for key in wanted[j1:j2]]
                    if i1 < len(keys):
                        await self.mount_all(made, before=keys[i1])
                    elif keys:
                        await self.mount_all(made, after=keys[-1])
                    else:
                        await self.mount_all(made, before=0)
            if gone:
                await self.remove_children(gone)
        return True


# key, key display, description, action, disabled, tooltip: what a plain FooterKey shows.
_Key = tuple[str, str, str, str, bool, str]


def _key_of(widget: FooterKey) -> _Key:
    tooltip = widget.tooltip if isinstance(widget.tooltip, str) else ""
    return (
        widget.key,
        widget.key_display,
        widget.description,
        widget.action,
        widget.has_class("-disabled"),
        tooltip,
    )


def _made(footer: Footer, key: _Key) -> FooterKey:
    """A key as `Footer.compose` makes it, its compact flag bound to the footer's."""
    name, display, description, action, disabled, tooltip = key
    made = FooterKey(name, display, description, action, disabled=disabled, tooltip=tooltip)
    return made.data_bind(compact=Footer.compact)
