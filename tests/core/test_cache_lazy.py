"""What a cached start lists before a briefing's items are decoded equals the full record.

The list, its sort and its filters read cached briefings whose participants, topics,
outcomes and other items are still undecoded (`cache_lazy.LazyBriefing`): on the samples,
the reader corpus and the hostile corpus, every field they can read then must be what a
fresh read gives, and decoding must give the fresh read exactly.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from briefing_tui.cache import LoadCache
from briefing_tui.cache_lazy import LAZY_FIELDS, LazyBriefing
from briefing_tui.insights.filters import BriefingFilter
from briefing_tui.library import load_library
from briefing_tui.model import Briefing
from hostile.corpus import build

ROOT = Path(__file__).resolve().parents[2]
HEAD = [f.name for f in dataclasses.fields(Briefing) if f.name not in LAZY_FIELDS]


def _library(kind: str, target: Path) -> Path:
    if kind == "hostile":
        build(target, make_special=False)
    else:
        shutil.copytree(ROOT / ("briefings" if kind == "samples" else "tests/corpus"), target)
    return target


@pytest.mark.parametrize("kind", ["samples", "corpus", "hostile"])
def test_cached_briefings_list_as_the_full_read_does(kind: str, tmp_path: Path) -> None:
    lib = _library(kind, tmp_path / "lib")
    fresh = load_library([lib])
    load_library([lib], cache=LoadCache.open(tmp_path / "cache", [lib]))
    cached = load_library([lib], cache=LoadCache.open(tmp_path / "cache", [lib]))
    assert fresh.briefings, "the library has briefings"
    assert [b.path for b in cached.briefings] == [b.path for b in fresh.briefings]
    assert all(type(b) is LazyBriefing for b in cached.briefings), "nothing decoded to list"
    by_date = BriefingFilter(tags=("x",), markings=("TLP:AMBER",))
    for lazy, full in zip(cached.briefings, fresh.briefings, strict=True):
        for name in HEAD:
            assert getattr(lazy, name) == getattr(full, name), (full.path, name)
        assert (lazy.sort_key(), lazy.date_range()) == (full.sort_key(), full.date_range())
        assert by_date.matches(lazy) == by_date.matches(full)
    assert cached.problems == fresh.problems
    for lazy, full in zip(cached.briefings, fresh.briefings, strict=True):
        assert lazy == full, full.path
        assert type(lazy) is Briefing
        for name in LAZY_FIELDS:
            assert getattr(lazy, name) == getattr(full, name), (full.path, name)
