"""A long document whose items only a background thread may read, for the Pilot tests.

`guard_items` makes the screen's thread reading a deferred briefing's items an error:
`finish_parts`, and each of `PART_FIELDS` on a `LaterBriefing`, raise there (and the call
is recorded, in case something swallowed the error).  So does the repr of a briefing with
thousands of items once read (Textual describes a worker by the repr of its arguments:
0.3 s on the screen's thread for 200,000 participants).  Other threads wait for `release`
before they read, so a test can use the reader while the items are still unread, for as
long as it likes, without timing anything.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field
from typing import Any

from briefing_tui import parts_later
from briefing_tui.lazy_fields import LazyField
from briefing_tui.model import Briefing
from briefing_tui.parts_later import PART_FIELDS, LaterBriefing


@dataclass
class ItemsGuard:
    release: threading.Event = field(default_factory=threading.Event)
    # The stacks of the screen's thread's attempts, newest last.
    on_screen: list[str] = field(default_factory=list)

    def hold(self, briefing: Briefing) -> Briefing:
        """Have whichever thread reads `briefing`'s items wait for `release` first."""
        pending = briefing.__dict__["_pending"]
        finish = pending.finish

        def held(pause: Any) -> Any:
            self.release.wait(60)
            return finish(pause)

        pending.finish = held
        return briefing


def guard_items(monkeypatch: Any) -> ItemsGuard:
    guard = ItemsGuard()
    original = parts_later.finish_parts

    def guarded(briefing: Briefing) -> Briefing:
        on_screen = threading.current_thread() is threading.main_thread()
        if on_screen and type(briefing) is LaterBriefing:
            guard.on_screen.append("".join(traceback.format_stack(limit=14)))
            raise AssertionError("the screen's thread read a long document's items")
        return original(briefing)

    plain_repr = Briefing.__repr__

    def guarded_repr(briefing: Briefing) -> str:
        on_screen = threading.current_thread() is threading.main_thread()
        if on_screen and parts_later.parts_ready(briefing) and len(briefing.participants) > 1000:
            guard.on_screen.append("".join(traceback.format_stack(limit=14)))
            raise AssertionError("the screen's thread made the repr of a long briefing")
        return plain_repr(briefing)

    monkeypatch.setattr(Briefing, "__repr__", guarded_repr)
    monkeypatch.setattr(parts_later, "finish_parts", guarded)
    for name in PART_FIELDS:
        monkeypatch.setattr(LaterBriefing, name, LazyField(name, guarded))
    return guard


PEOPLE = 2_500


def long_minutes() -> bytes:
    """Minutes long enough for their items to be read later (`Deferral()`'s default)."""
    lines = [
        "---\ntitle: Long minutes\ndate: 2030-01-02\norganisers: [Eurojust]\n",
        "glossary:\n  MLA: Mutual legal assistance\n  EIO: European Investigation Order\n---\n",
        "Opening remarks of a long meeting on MLA requests.\n\n",
        "## Participants\n\n",
    ]
    lines += [f"- P{n:04d} Zed, Prosecutor, Office {n % 7}, FR\n" for n in range(PEOPLE - 1)]
    lines.append("- Ada Quill, EPPO liaison, Parquet de Lyon, NO\n")
    lines.append("\n## Topics\n\n")
    lines += [f"- Topic {n} on the EIO\n" for n in range(2_100)]
    lines.append("\n## Outcomes\n\n")
    lines += [f"- Decision: outcome {n}\n" for n in range(2_100)]
    return "".join(lines).encode()


def held_minutes(guard: ItemsGuard) -> Briefing:
    """The long minutes, read the reader's way: their items are left for a worker, which
    waits for `guard.release`."""
    from briefing_tui.parts_later import Deferral, parts_ready
    from briefing_tui.readers.documents import read_document

    briefing = read_document("lib/minutes.md", long_minutes(), Deferral()).briefing
    assert briefing is not None and not parts_ready(briefing)
    return guard.hold(briefing)
