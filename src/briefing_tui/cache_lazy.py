"""Cached briefings whose items are decoded when a view first reads them.

A cached start of a 10,000-briefing library used to build all 300,000 participants,
topics and outcomes before the list could show: about 1 s of the 2 s it took to decode
the cache, where unpickling the same results had taken 0.6 s.  The list, its sort, the
date, tag and marking filters and the restored search index need none of them, so a
cached briefing holds its items as the checked-later JSON values until first use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from briefing_tui.lazy_fields import make_lazy
from briefing_tui.model import Briefing

# The fields a library list, its sort, its filter on dates, tags and markings, and the
# search index never need: most of a cache's records, decoded when a view first reads them.
LAZY_FIELDS = ("participants", "topics", "outcomes", "links", "glossary", "sections", "extra")
Reread = Callable[[], Briefing | None]
"""Reads the briefing's file afresh, for when its cached items turn out to be damaged."""


class LazyBriefing(Briefing):
    """A cached briefing whose items are decoded on first use, then a plain `Briefing`.

    Building a 10,000-briefing library's 300,000 participants, topics and outcomes took
    a cached start about 1 s before the list could show; the list, its sort, the date,
    tag and marking filters and the restored search index need none of them.  On first
    access to one of `LAZY_FIELDS` (or equality, hashing, pickling, copying) all of them
    are decoded, checked as strictly as before, put in place, and the object's class
    becomes `Briefing`, so nothing downstream can tell it was ever lazy.  Items that fail
    the checks are never trusted: the file is read afresh (`_reread`), or, failing that,
    the briefing shows none.
    """

    def __eq__(self, other: object) -> bool:
        materialize(self)
        if isinstance(other, LazyBriefing):
            materialize(other)
        return self == other

    def __hash__(self) -> int:
        return hash(materialize(self))

    def __reduce_ex__(self, protocol: Any) -> Any:
        return materialize(self).__reduce_ex__(protocol)


# One lock for all: decoding is quick, and two threads must not decode one briefing twice.
_LOCK = threading.Lock()


def materialize(briefing: Briefing) -> Briefing:
    """Decode a lazy briefing's items now (once, whichever thread asks first)."""
    from briefing_tui.cache_items import decode_items  # (it needs this module)

    with _LOCK:
        values = briefing.__dict__
        raw = values.get("_raw")
        if raw is None or type(briefing) is not LazyBriefing:
            return briefing
        try:
            items = decode_items(raw)
        except (ValueError, TypeError, RecursionError):
            reread = values.get("_reread")
            fresh = reread() if reread is not None else None
            if fresh is not None:
                items = {name: getattr(fresh, name) for name in LAZY_FIELDS}
            else:
                items = dict.fromkeys(LAZY_FIELDS, ())
        values.update(items)
        object.__setattr__(briefing, "__class__", Briefing)
        del values["_raw"], values["_reread"]
    return briefing


make_lazy(LazyBriefing, LAZY_FIELDS, materialize)
