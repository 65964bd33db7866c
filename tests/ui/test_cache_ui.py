"""The reader with the optional cache: the second start lists the library from the cache."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from briefing_tui.model import LoadResult
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.services.loader import make_loader

from .helpers import SIZE, settle


async def _titles(library: Path, cache: Path) -> list[str]:
    app = BriefingApp([library], loader=make_loader(cache))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        return sorted(b.title for b in app.main.briefings)


async def test_cache_is_written_only_when_asked_and_used_next_time(
    tmp_path: Path, samples: Path
) -> None:
    cache = tmp_path / "cache"
    first = await _titles(samples, cache)
    files = sorted(cache.iterdir())
    # The parsed briefings and the search index built from them.
    assert [f.suffix for f in files] == [".cache", ".index"]
    stamps = [f.stat().st_mtime_ns for f in files]
    assert await _titles(samples, cache) == first
    assert [f.stat().st_mtime_ns for f in files] == stamps, "an unchanged library rewrites nothing"


async def test_no_cache_writes_nothing(tmp_path: Path, samples: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    app = BriefingApp([samples], loader=make_loader(None))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.main.briefings
    assert list(tmp_path.iterdir()) == []


async def _search(library: Path, cache: Path, query: str) -> tuple[list[str], bool]:
    """(titles of the hits for `query`, whether the saved index was restored)."""
    app = BriefingApp([library], loader=make_loader(cache))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)  # loading ends, then the index is saved
        hits = app.main.library_index.search(query, 20)
        assert not app.main.library_index.progress().building
        return [h.title for h in hits], app.main.library_index.restored


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.yaml").write_text("title: Alpha\nsummary: cross-border evidence\n")
    (root / "b.yaml").write_text("title: Beta\nsummary: mutual legal assistance\n")
    return root


async def test_second_start_restores_the_saved_search_index(tmp_path: Path) -> None:
    root, cache = _library(tmp_path), tmp_path / "cache"
    assert await _search(root, cache, "evidence") == (["Alpha"], False)
    assert await _search(root, cache, "evidence") == (["Alpha"], True)
    assert await _search(root, cache, "mutual") == (["Beta"], True)


async def test_a_changed_library_rebuilds_the_saved_index(tmp_path: Path) -> None:
    root, cache = _library(tmp_path), tmp_path / "cache"
    await _search(root, cache, "evidence")
    (root / "b.yaml").write_text("title: Beta\nsummary: electronic evidence requests\n")
    (root / "c.yaml").write_text("title: Gamma\nsummary: evidence again\n")
    titles, restored = await _search(root, cache, "evidence")
    assert not restored
    assert sorted(titles) == ["Alpha", "Beta", "Gamma"]
    # ...and the rebuilt index, saved, is the one the next start restores.
    titles, restored = await _search(root, cache, "evidence")
    assert restored
    assert sorted(titles) == ["Alpha", "Beta", "Gamma"]
    assert await _search(root, cache, "mutual") == ([], True)


async def test_a_damaged_saved_index_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    root, cache = _library(tmp_path), tmp_path / "cache"
    await _search(root, cache, "evidence")
    (index,) = cache.glob("*.index")
    index.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert await _search(root, cache, "evidence") == (["Alpha"], False)
    assert await _search(root, cache, "evidence") == (["Alpha"], True)


async def test_a_load_that_stopped_early_saves_no_index(tmp_path: Path, monkeypatch) -> None:
    from briefing_tui import library

    root, cache = _library(tmp_path), tmp_path / "cache"

    def broken(self: library.LoadJob) -> Iterator[LoadResult]:
        yield library.load_file(self._todo[0])
        raise RuntimeError("disk went away")

    monkeypatch.setattr(library.LoadJob, "_fresh", broken)
    app = BriefingApp([root], loader=make_loader(cache))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert not app.main.library_loading
        assert len(app.main.briefings) == 1
    # An index of one briefing saved as the whole library's would hide the other one.
    assert list(cache.glob("*.index")) == []


async def test_an_open_search_asks_again_as_soon_as_the_saved_index_is_restored(
    tmp_path: Path, monkeypatch
) -> None:
    from briefing_tui.ui.screens import search as search_screen

    from .search_helpers import search_for, until

    root, cache = _library(tmp_path), tmp_path / "cache"
    await _search(root, cache, "evidence")  # the first start saves the index
    # The screen's own progress checks come too late to matter here.
    monkeypatch.setattr(search_screen, "PROGRESS_SECONDS", 3600.0)
    gate = threading.Event()
    cached = make_loader(cache)

    def held(paths: Sequence[Path]) -> Iterable[LoadResult]:
        gate.wait(10)  # the search screen opens before the index is restored
        return cached(paths)

    app = BriefingApp([root], loader=held)
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_for(pilot, "mutual")
        assert screen.hits == []
        gate.set()
        await until(pilot, lambda: app.main.library_index.restored, "the index to be restored")
        await until(pilot, lambda: [h.title for h in screen.hits] == ["Beta"], "the hit")
        await until(pilot, lambda: not app.main.library_loading, "loading to end")
        await settle(pilot)
