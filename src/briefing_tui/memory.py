"""Garbage-collector handling for building large libraries."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while a library is built, then freeze what was built.

    Loading allocates millions of small objects and none of them form cycles, yet each
    allocation burst triggers a collection that walks everything built so far: reading a
    10,000-briefing cache took 2.7 s with the collector running and 0.6 s without.  Freezing
    afterwards matters as much: otherwise the first collection after re-enabling walks every
    object just made, and every later full collection walks the library again, stalling the
    UI.  Frozen objects are still freed normally when their last reference goes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
