"""Fields of a briefing that are made when first read: the one mechanism behind a cached
briefing's decoded items (`cache_lazy`) and a long document's items read after its first
screen (`parts_later`).

The model's class keeps each field's default; a lazy subclass puts a `LazyField` in its
place, which finishes the briefing (once, whichever thread asks first) and hands back the
finished value.  Finishing writes every such field into the instance's dict, so later
reads never come back here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from briefing_tui.model import Briefing

Finish = Callable[[Briefing], Briefing]


class LazyField:
    """Stands in for one field on a lazy subclass, where the model keeps its default."""

    def __init__(self, name: str, finish: Finish) -> None:
        self.name = name
        self.finish = finish

    def __get__(self, briefing: Briefing | None, owner: type | None = None) -> Any:
        if briefing is None:
            return self
        return self.finish(briefing).__dict__[self.name]


def make_lazy(cls: type[Briefing], names: Iterable[str], finish: Finish) -> None:
    """Have reading any of `names` on a `cls` instance finish it first."""
    for name in names:
        setattr(cls, name, LazyField(name, finish))
