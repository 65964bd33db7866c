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
    """The reader, when the palette was opened over it; else None.

    Over a dialog or another screen (help, search, who-was-where...) the reader's commands
    would act on the screen hidden underneath, with the dialog still in the way, so they
    are not offered there.
    """
    screen = provider.screen
    return screen if isinstance(screen, Reader) else None
