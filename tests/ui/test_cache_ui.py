"""The reader with the optional cache: the second start lists the library from the cache."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.loader import make_loader

from .helpers import SIZE, settle


async def _titles(library: Path, cache: Path) -> list[str]:
    app = BriefingApp([library], loader=make_loader(cache))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        return sorted(b.title for b in app.briefings)


async def test_cache_is_written_only_when_asked_and_used_next_time(
    tmp_path: Path, samples: Path
) -> None:
    cache = tmp_path / "cache"
    first = await _titles(samples, cache)
    files = list(cache.iterdir())
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    assert await _titles(samples, cache) == first
    assert files[0].stat().st_mtime_ns == stamp, "an unchanged library rewrites nothing"


async def test_no_cache_writes_nothing(tmp_path: Path, samples: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    app = BriefingApp([samples], loader=make_loader(None))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.briefings
    assert list(tmp_path.iterdir()) == []
