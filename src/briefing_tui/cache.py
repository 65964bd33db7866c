"""An optional on-disk cache of parsed briefings, for large libraries that start often.

Off unless the user names a folder (`--cache DIR` or `cache_dir` in the config): a secure
workstation may restrict where copies of document content are kept, so nothing is stored
by default.  When on:

- one file per set of library roots, holding each file's size, mtime and parsed result;
  an entry is used only while size and mtime still match, so a changed, added or removed
  file is noticed and re-read;
- written atomically (a private temporary file, then `os.replace`), readable and writable
  by its owner only, in a folder created as 0700;
- read only when it belongs to this user and nobody else can write it, because the content
  is a pickle and a pickle from someone else is code from someone else.  Anything odd about
  it (corrupt, old version, wrong owner) means it is ignored and rebuilt, never an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui import __version__
from briefing_tui.memory import paused_gc
from briefing_tui.model import LoadResult
from briefing_tui.private_files import NotPrivate, read_private, write_private

CACHE_FORMAT = 1
Stamp = tuple[int, int]  # (size, mtime_ns)


def stamp_of(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@dataclass
class LoadCache:
    """Parsed results for one library, keyed by real path and checked against size and mtime."""

    directory: Path
    roots: tuple[str, ...]
    entries: dict[str, tuple[Stamp, LoadResult]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    hits: int = 0
    misses: int = 0
    writable: bool = True

    @classmethod
    def open(cls, directory: Path, roots: Sequence[Path]) -> LoadCache:
        real_roots = tuple(sorted(os.path.realpath(r) for r in roots))
        cache = cls(directory, real_roots)
        real_dir = os.path.realpath(directory)
        if any(real_dir == r or real_dir.startswith(r.rstrip(os.sep) + os.sep) for r in real_roots):
            # The library is never written to, not even by its own cache.
            cache.writable = False
            cache.notes.append("cache folder is inside the library; the cache is not used")
            return cache
        cache._read()
        return cache

    @property
    def file(self) -> Path:
        digest = hashlib.sha256("\0".join(self.roots).encode("utf-8", "surrogateescape"))
        return self.directory / f"library-{digest.hexdigest()[:24]}.cache"

    def _read(self) -> None:
        try:
            raw = read_private(self.file)
        except NotPrivate as exc:
            self.notes.append(f"cache file {exc}; ignored and rebuilt")
            return
        if raw is None:
            return
        try:
            # Only this user can have written it (checked above): see the module docstring.
            with paused_gc():
                data = pickle.loads(raw)
        except Exception:  # corrupt or truncated: ignore and rebuild
            self.notes.append("cache was unreadable; rebuilding it")
            return
        if (
            not isinstance(data, dict)
            or data.get("format") != CACHE_FORMAT
            or data.get("version") != __version__
            or data.get("roots") != self.roots
            or not isinstance(data.get("entries"), dict)
        ):
            self.notes.append("cache is from another version; rebuilding it")
            return
        self.entries = data["entries"]

    def get(self, path: Path, stamp: Stamp | None) -> LoadResult | None:
        entry = self.entries.get(os.fspath(path))
        if entry is None or stamp is None or entry[0] != stamp:
            self.misses += 1
            return None
        self.hits += 1
        return entry[1]

    def save(self, results: dict[str, tuple[Stamp, LoadResult]]) -> None:
        """Replace the cache with exactly `results`, so removed files drop out."""
        if not self.writable:
            return
        payload = {
            "format": CACHE_FORMAT,
            "version": __version__,
            "roots": self.roots,
            "entries": results,
        }
        try:
            write_private(self.file, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            self.notes.append(f"cache not written ({exc.strerror or exc})")
        self.entries = results
