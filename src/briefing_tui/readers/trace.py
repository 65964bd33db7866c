"""What filled each field, told by the readers as they read, for `briefing check --explain`.

Reading a library must not pay for explanations nobody asked for, so the readers call `note`
everywhere and it costs one context-variable look-up unless `tracing()` is active.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Note = tuple[str, str]  # (field or pane, how it was filled)

_NOTES: ContextVar[list[Note] | None] = ContextVar("briefing_read_notes", default=None)


def note(what: str, how: str) -> None:
    """Record that `what` (a field or pane) was filled by `how` (a key, heading or phrase)."""
    notes = _NOTES.get()
    if notes is not None and len(notes) < 1000:
        notes.append((what, how))


def active() -> bool:
    """Whether someone is listening: a reader may skip composing a costly note otherwise."""
    return _NOTES.get() is not None


@contextmanager
def tracing() -> Iterator[list[Note]]:
    """Collect the notes of everything read inside the block."""
    notes: list[Note] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
