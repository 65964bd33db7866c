"""Reading state, opt-in: which briefings were read (in which version) and which are bookmarked.

Off unless the reader names a folder (`--state DIR`): secure workstations restrict what may
be stored, and even a list of file names read is a record of someone's work.  When on:

- one small JSON file, `reading-state.json`, in that folder — data, never code, so a damaged
  or foreign file can at worst lose marks: it is then ignored (with a note) and rewritten on
  the next change;
- each briefing is keyed by its absolute path and remembers the file's size and mtime when
  it was read, so a briefing edited since shows as *changed* rather than read;
- written atomically (a private temporary file, then `os.replace`), readable and writable by
  its owner only, in a folder created as 0700; nothing is written until something changes;
- never inside a library root: the library is never written to, not even its reading state.
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui.private_files import (
    NotPrivate,
    check_folder,
    inside_any,
    read_private,
    write_private,
)

STATE_FORMAT = 1
STATE_FILE = "reading-state.json"
# A state file this large is not one we wrote (a path and two numbers per briefing).
MAX_STATE_BYTES = 64 * 1024 * 1024

Stamp = tuple[int, int]  # (size in bytes, mtime in nanoseconds) when the briefing was read


class Status(enum.StrEnum):
    UNREAD = "unread"
    READ = "read"
    CHANGED = "changed"  # read, but the file has changed since

    def __str__(self) -> str:
        return self.value


def stamp_of(path: str | os.PathLike[str]) -> Stamp | None:
    """The file's (size, mtime_ns) now, or None when it cannot be examined."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_size, st.st_mtime_ns


def state_key(path: str | os.PathLike[str]) -> str:
    """The key a briefing is remembered under: its absolute path (no symlinks resolved, so
    no file-system access is needed to look a briefing up)."""
    return os.path.abspath(os.fspath(path))


def _stamp(value: object) -> Stamp | None:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value)
    ):
        return int(value[0]), int(value[1])
    return None


@dataclass
class ReadingState:
    """What was read and bookmarked; changes are saved at once (there is no "save" to forget)."""

    directory: Path
    read: dict[str, Stamp] = field(default_factory=dict)
    bookmarks: dict[str, None] = field(default_factory=dict)  # ordered set of keys
    notes: list[str] = field(default_factory=list)
    writable: bool = True

    @classmethod
    def open(cls, directory: Path, roots: Iterable[Path] = ()) -> ReadingState:
        """The state kept in `directory`; `roots` are the library roots it must stay out of."""
        state = cls(Path(directory))
        if inside_any(directory, roots):
            state.writable = False
            state.notes.append("the state folder is inside the library; reading state is not kept")
            return state
        refused = check_folder(state.directory)
        if refused is not None:
            state.writable = False
            state.notes.append(f"the state folder {refused}; reading state is not kept")
            return state
        state._read()
        return state

    @property
    def file(self) -> Path:
        return self.directory / STATE_FILE

    # -- reading and writing ---------------------------------------------------------------

    def _read(self) -> None:
        try:
            raw = read_private(self.file, MAX_STATE_BYTES)
        except NotPrivate as exc:
            self.notes.append(f"reading state file {exc}; ignored")
            return
        if raw is None:
            return
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            self.notes.append("reading state file was unreadable; ignored")
            return
        self._take(data)

    def _take(self, data: object) -> None:
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            self.notes.append("reading state file is not in a known format; ignored")
            return
        entries = data.get("briefings")
        if not isinstance(entries, dict):
            self.notes.append("reading state file is not in a known format; ignored")
            return
        skipped = 0
        for key, entry in entries.items():
            if not isinstance(entry, dict) or not os.path.isabs(key):
                skipped += 1
                continue
            stamp = _stamp(entry.get("read"))
            if stamp is not None:
                self.read[key] = stamp
            if entry.get("bookmarked") is True:
                self.bookmarks[key] = None
        if skipped:
            self.notes.append(f"{skipped} damaged entr{'y' if skipped == 1 else 'ies'} ignored")

    def _payload(self) -> dict[str, object]:
        entries: dict[str, dict[str, object]] = {}
        for key, stamp in self.read.items():
            entries[key] = {"read": list(stamp)}
        for key in self.bookmarks:
            entries.setdefault(key, {})["bookmarked"] = True
        return {"format": STATE_FORMAT, "briefings": entries}

    def save(self) -> bool:
        """Write the whole state atomically; False (with a note) when it could not be."""
        if not self.writable:
            return False
        text = json.dumps(self._payload(), ensure_ascii=True, separators=(",", ":"))
        try:
            write_private(self.file, text.encode("ascii"))
        except OSError as exc:
            self.notes.append(f"reading state not saved ({exc.strerror or exc})")
            return False
        return True

    # -- questions and changes --------------------------------------------------------------

    def status(self, path: str | os.PathLike[str], stamp: Stamp | None) -> Status:
        """Unread, read, or changed since read; a file that cannot be examined (`stamp` None)
        counts as read, since nothing says otherwise."""
        seen = self.read.get(state_key(path))
        if seen is None:
            return Status.UNREAD
        if stamp is not None and stamp != seen:
            return Status.CHANGED
        return Status.READ

    def current_status(self, path: str | os.PathLike[str]) -> Status:
        """The status against the file as it is now; examines the file only if it was read."""
        if state_key(path) not in self.read:
            return Status.UNREAD
        return self.status(path, stamp_of(path))

    def mark_read(self, path: str | os.PathLike[str], stamp: Stamp | None = None) -> bool:
        """Remember `path` as read in the version `stamp` (the file as it is now when None).

        Returns whether anything changed (and so was saved)."""
        stamp = stamp if stamp is not None else stamp_of(path)
        if stamp is None:
            return False
        key = state_key(path)
        if self.read.get(key) == stamp:
            return False
        self.read[key] = stamp
        self.save()
        return True

    def is_bookmarked(self, path: str | os.PathLike[str]) -> bool:
        return state_key(path) in self.bookmarks

    def toggle_bookmark(self, path: str | os.PathLike[str]) -> bool:
        """Bookmark `path`, or remove its bookmark; returns whether it is bookmarked now."""
        key = state_key(path)
        if key in self.bookmarks:
            del self.bookmarks[key]
            marked = False
        else:
            self.bookmarks[key] = None
            marked = True
        self.save()
        return marked

    def bookmarked(self, paths: Sequence[str]) -> list[str]:
        """Those of `paths` that are bookmarked, in the order given."""
        return [p for p in paths if state_key(p) in self.bookmarks]
