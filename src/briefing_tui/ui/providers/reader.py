"""What the palette's providers need of the reader, and nothing more.

Providers are made by Textual's command palette, so they cannot be handed the main screen;
they find it on the screen stack by this protocol rather than by its class, which keeps
the palette free of the screen's module (and of any import cycle through it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from textual.command import Provider
from textual.message import Message

from briefing_tui.model import Briefing


@runtime_checkable
class Reader(Protocol):
    @property
    def briefings(self) -> Sequence[Briefing]: ...

    def post_message(self, message: Message) -> bool: ...

    async def run_command(self, action: str) -> None: ...

    def key_for(self, command_id: str) -> str: ...


def reader_of(provider: Provider) -> Reader | None:
    """The reader under the palette (the bottom screen), or None in a bare app."""
    for screen in provider.app.screen_stack:
        if isinstance(screen, Reader):
            return screen
    return None
