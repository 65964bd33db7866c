"""An optional on-disk cache of parsed briefings, for large libraries that start often.

Off unless the user names a folder (`--cache DIR` or `cache_dir` in the config): a secure
workstation may restrict where copies of document content are kept, so nothing is stored
by default.  When on:

- one file per set of library roots, holding each file's size, mtime and parsed result;
  an entry is used only while size and mtime still match, so a changed, added or removed
  file is noticed and re-read.  Results are kept as JSON in chunks that are decoded, and
  checked field by field (`cache_codec`), as they are needed, so a start reads the stamps
  at once and the briefings stream in, each one's items decoded only when first read
  (`cache_lazy`);
- beside it, the search index for the library exactly as it was (see `IndexStore`);
- written atomically through one descriptor (`private_files`), readable and writable by
  its owner only, in a folder that must be this user's alone (created as 0700);
- data only: nothing in it can run code (it was a pickle until format 3), and it is read
  only when it belongs to this user and nobody else can write it.  Anything odd about it
  (corrupt, foreign, old version, wrong owner) means it is ignored with a note and
  rebuilt, never an error and never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui import __version__
from briefing_tui.cache_codec import decode_result, encode_result
from briefing_tui.cache_lazy import Reread
from briefing_tui.memory import paused_gc
from briefing_tui.model import Briefing, LoadResult
from briefing_tui.private_files import (
    NotPrivate,
    check_folder,
    inside_any,
    read_private,
    write_private,
)

# 5: the search text words extra fields as the Overview does (yes/no), so an index saved
# by format 4 is not taken over.
CACHE_FORMAT = 5
# The file starts with this line, so a file of another kind is told apart at once.
MAGIC = b"briefing-cache\n"
Stamp = tuple[int, int]  # (size, mtime_ns)
# Results decoded together: decoding one chunk to show a search hit early costs a few ms.
CHUNK = 50


@dataclass(frozen=True)
class IndexStore:
    """The library's search index, saved beside the parse cache for one exact library state.

    `key` digests every file's path, size and mtime (and this version): a second start
    with nothing changed restores the index in a fraction of a second instead of
    rebuilding it; any change means another key, and the index is built and saved anew.
    `resolve` finds the cached briefing for a shown path before the loader has delivered
    it, so a restored index answers searches from the first moment.
    """

    file: Path
    key: str
    writable: bool = True
    resolve: Callable[[str], Briefing | None] | None = field(default=None, compare=False)

    def load(self) -> bytes | None:
        """The saved image, or None when there is none or it is not safely ours."""
        try:
            return read_private(self.file)
        except (NotPrivate, OSError):
            return None

    def save(self, image: Callable[[], bytes | None]) -> bool:
        """Replace the saved index with the database image `image()` makes, if any."""
        if not self.writable:
            return False
        data = image()
        if data is None:
            return False
        try:
            write_private(self.file, data)
        except OSError:
            return False
        return True


@dataclass
class LoadCache:
    """Parsed results for one library, keyed by real path and checked against size and mtime.

    `stamps` is read at once; each result is unpacked, with its chunk, on first use
    (`result`), from whichever thread asks first.
    """

    directory: Path
    roots: tuple[str, ...]
    stamps: dict[str, Stamp] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    hits: int = 0
    misses: int = 0
    writable: bool = True
    _where: dict[str, int] = field(default_factory=dict, repr=False)
    _blobs: list[memoryview | None] = field(default_factory=list, repr=False)
    _results: dict[str, LoadResult] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # Reads a file (by real path) afresh when its cached items prove damaged on first use.
    reread: Callable[[str], Briefing | None] | None = field(default=None, repr=False)

    @classmethod
    def open(cls, directory: Path, roots: Sequence[Path]) -> LoadCache:
        real_roots = tuple(sorted(os.path.realpath(r) for r in roots))
        cache = cls(directory, real_roots)
        if inside_any(directory, roots):
            # The library is never written to, not even by its own cache.
            cache.writable = False
            cache.notes.append("cache folder is inside the library; the cache is not used")
            return cache
        refused = check_folder(directory)
        if refused is not None:
            cache.writable = False
            cache.notes.append(f"cache folder {refused}; the cache is not used")
            return cache
        cache._read()
        return cache

    @property
    def file(self) -> Path:
        digest = hashlib.sha256("\0".join(self.roots).encode("utf-8", "surrogateescape"))
        return self.directory / f"library-{digest.hexdigest()[:24]}.cache"

    def index_store(self, stamps: Iterable[tuple[str, Stamp | None]]) -> IndexStore:
        """Where the search index for the library as it is now (`stamps`) is kept."""
        digest = hashlib.sha256(f"{CACHE_FORMAT}\0{__version__}\n".encode())
        for path, stamp in sorted(stamps, key=lambda item: item[0]):
            digest.update(f"{path}\0{stamp}\n".encode("utf-8", "surrogateescape"))
        return IndexStore(self.file.with_suffix(".index"), digest.hexdigest(), self.writable)

    def _read(self) -> None:
        try:
            raw = read_private(self.file)
        except NotPrivate as exc:
            self.notes.append(f"cache file {exc}; ignored and rebuilt")
            return
        if raw is None:
            return
        try:
            header, view, offset = _header(raw)
        except (ValueError, RecursionError):  # corrupt, truncated or foreign
            self.notes.append("cache was unreadable; rebuilding it")
            return
        if (
            header.get("format") != CACHE_FORMAT
            or header.get("version") != __version__
            or header.get("roots") != list(self.roots)
        ):
            self.notes.append("cache is from another version; rebuilding it")
            return
        stamps, where = _stamps(header.get("stamps")), header.get("where")
        if stamps is None or not isinstance(where, dict):
            self.notes.append("cache was unreadable; rebuilding it")
            return
        # Then each chunk: its length (8 bytes, little-endian) and its JSON.
        while offset < len(raw):
            size = int.from_bytes(view[offset : offset + 8], "little")
            offset += 8
            if offset + size > len(raw):
                self.notes.append("cache was cut short; the rest is re-read")
                break
            self._blobs.append(view[offset : offset + size])
            offset += size
        self.stamps = stamps
        self._where = {p: n for p, n in where.items() if type(n) is int}

    def has(self, path: str, stamp: Stamp | None) -> bool:
        """Whether the cache holds `path` as it is now (its size and mtime still match)."""
        if stamp is None or self.stamps.get(path) != stamp or path not in self._where:
            self.misses += 1
            return False
        self.hits += 1
        return True

    def chunk_of(self, path: str) -> int:
        return self._where.get(path, -1)

    def result(self, path: str) -> LoadResult | None:
        """The cached result for `path`, unpacking its chunk if nothing has yet."""
        with self._lock:
            found = self._results.get(path)
            if found is not None:
                return found
            number = self._where.get(path)
            if number is None or not 0 <= number < len(self._blobs):
                return None
            blob, self._blobs[number] = self._blobs[number], None
            if blob is None:
                return None
            try:
                with paused_gc():
                    chunk = _decode_chunk(blob, self._reread_for)
            except (ValueError, TypeError, RecursionError):
                # A damaged chunk costs its files a fresh read, nothing more.
                self.notes.append("part of the cache was unreadable; those files were re-read")
                return None
            finally:
                blob.release()
            self._results.update(chunk)
            return self._results.get(path)

    def _reread_for(self, path: str) -> Reread | None:
        reread = self.reread
        if reread is None:
            return None

        def again() -> Briefing | None:
            self.notes.append("part of the cache was unreadable; those files were re-read")
            return reread(path)

        return again

    def save(self, results: dict[str, tuple[Stamp, LoadResult]]) -> None:
        """Replace the cache with exactly `results`, so removed files drop out.

        Each chunk is encoded on its own and written as it is made, so the file's bytes
        never sit in memory whole beside the library they cache.
        """
        if not self.writable:
            return
        paths = list(results)
        chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
        header = {
            "format": CACHE_FORMAT,
            "version": __version__,
            "roots": list(self.roots),
            "stamps": {p: list(stamp) for p, (stamp, _) in results.items()},
            "where": {p: n for n, chunk in enumerate(chunks) for p in chunk},
        }

        def parts() -> Iterator[bytes]:
            # Made one at a time as the file is written: the whole cache never sits in
            # memory at once beside the library it caches.
            yield MAGIC
            yield _framed(header)
            for chunk in chunks:
                yield _framed([[p, encode_result(results[p][1])] for p in chunk])

        try:
            write_private(self.file, parts())
        except OSError as exc:
            self.notes.append(f"cache not written ({exc.strerror or exc})")
        with self._lock:
            self.stamps = {p: stamp for p, (stamp, _) in results.items()}
            self._results = {p: result for p, (_, result) in results.items()}
            self._where = {}
            self._blobs = []


def _framed(value: object) -> bytes:
    blob = json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return len(blob).to_bytes(8, "little") + blob


def _header(raw: bytes) -> tuple[dict[str, object], memoryview, int]:
    """The header, the file as a view and where the chunks start; ValueError when foreign."""
    if not raw.startswith(MAGIC):
        raise ValueError("not a briefing cache")
    view, offset = memoryview(raw), len(MAGIC)
    size = int.from_bytes(view[offset : offset + 8], "little")
    offset += 8
    if offset + size > len(raw):
        raise ValueError("cut short")
    header = json.loads(bytes(view[offset : offset + size]))
    if not isinstance(header, dict):
        raise ValueError("not a header")
    return header, view, offset + size


def _stamps(value: object) -> dict[str, Stamp] | None:
    if not isinstance(value, dict):
        return None
    stamps: dict[str, Stamp] = {}
    for path, stamp in value.items():
        if type(stamp) is not list or len(stamp) != 2:
            return None
        size, mtime = stamp
        if type(size) is not int or type(mtime) is not int:
            return None
        stamps[path] = (size, mtime)
    return stamps


def _decode_chunk(
    blob: memoryview, reread_for: Callable[[str], Reread | None] = lambda _: None
) -> dict[str, LoadResult]:
    entries = json.loads(bytes(blob))
    if type(entries) is not list:
        raise ValueError("not a chunk")
    chunk: dict[str, LoadResult] = {}
    for entry in entries:
        if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not str:
            raise ValueError("not a chunk entry")
        chunk[entry[0]] = decode_result(entry[1], reread_for(entry[0]))
    return chunk
