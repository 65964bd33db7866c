"""Finding briefing files under the given paths, and remembering exactly which file each was.

A library folder is untrusted like the documents in it: a symlink may point at /etc/passwd,
a FIFO would block `open()` forever, and another account may swap a listed file for a link
to a file only we can read, between our listing it and our reading it.  So:

- folders are listed through descriptors, each subfolder opened relative to its parent with
  O_NOFOLLOW, so a folder cannot be swapped for a link while it is walked;
- a symbolic link is followed only when it resolves inside the library, and is resolved
  once, here: what is read later is the real file it named then;
- each file is remembered as a `Listed`: its real folder and name, and the device and inode
  of both.  Reading (`read.py`) opens that name relative to that folder without following
  links and refuses anything whose identity differs ("changed since listing").
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.model import Problem, Severity
from briefing_tui.readers.documents import BRIEFING_SUFFIXES
from briefing_tui.sanitize import clean_path

# One name, owned by the readers: a new reader's suffix is a one-line change there.
SUFFIXES = BRIEFING_SUFFIXES
# A library-wide glossary, not a briefing (see docs/format.md).
RESERVED_NAMES = ("glossary.yaml", "glossary.yml")
# A folder's own notes (README.md, LICENSE.txt, ...) are about the folder, not briefings;
# listed as briefings they showed as titles such as "README" among the events.  A file
# named on the command line is still read, whatever its name.
FOLDER_NOTES = frozenset(
    (
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "changes",
        "notice",
        "authors",
        "contributing",
        "security",
        "code_of_conduct",
    )
)


def is_folder_note(name: str) -> bool:
    return name.split(".", 1)[0].lower() in FOLDER_NOTES


# Folders nested deeper than this are not walked (each level holds one open descriptor).
MAX_FOLDER_DEPTH = 128

Stamp = tuple[int, int]  # (size, mtime_ns)
Identity = tuple[int, int]  # (st_dev, st_ino)

_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True, slots=True)
class Listed:
    """Which file a listed path was: where it really is, and its and its folder's identity."""

    folder: str
    name: str
    folder_id: Identity
    file_id: Identity


def display(path: Path | str) -> str:
    return clean_path(os.fspath(path))


def problem_at(path: Path | str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(display(path), None, None, severity, message)


def _changed(folder: Path) -> Problem:
    return problem_at(folder, "folder changed while being listed; skipped")


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _identity(st: os.stat_result) -> Identity:
    return (st.st_dev, st.st_ino)


def listed_by_name(path: Path | str) -> Listed:
    """A `Listed` for a file named directly (on the command line): its links resolved now."""
    real = os.path.realpath(path)
    folder, name = os.path.split(real)
    return Listed(folder, name, _identity(os.stat(folder)), _identity(os.stat(real)))


class _Walk:
    """One walk over the given paths: what was found, what went wrong, what was seen."""

    def __init__(
        self,
        stamps: dict[Path, Stamp | None],
        listed: dict[Path, Listed],
        many: tuple[int, Callable[[], None]] | None = None,
    ) -> None:
        self.found: list[Path] = []
        self.many = many
        self.problems: list[Problem] = []
        self.seen: set[Identity] = set()
        self.stamps = stamps
        self.listed = listed

    def add(self, path: Path, st: os.stat_result, where: Listed) -> None:
        key = _identity(st)
        if key in self.seen:
            return
        self.seen.add(key)
        self.found.append(path)
        if self.many is not None and len(self.found) == self.many[0]:
            self.many[1]()
        self.stamps[path] = (st.st_size, st.st_mtime_ns)
        self.listed[path] = where

    def folder(self, root: Path) -> None:
        """Walk `root`, iteratively (no recursion limit to hit), never leaving it by a link.

        A subfolder is noted with its identity as its parent's descriptor saw it, and is
        opened when its turn comes only if it is still that folder: no descriptors pile up
        for a wide tree, and a folder swapped for a link meanwhile is not walked.
        """
        real_root = os.path.realpath(root)
        visited: set[Identity] = set()
        # (shown path, real path, identity when noted, depth) of each folder to list.
        stack: list[tuple[Path, str, Identity | None, int]] = [(root, real_root, None, 0)]
        while stack:
            shown, real, expected, depth = stack.pop()
            try:
                fd = os.open(real, _DIR_FLAGS | (_NOFOLLOW if expected else 0))
            except OSError as exc:
                if expected is not None and exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    self.problems.append(_changed(shown))
                else:
                    self.problems.append(
                        problem_at(shown, f"folder cannot be read: {exc.strerror}")
                    )
                continue
            try:
                folder_id = _identity(os.fstat(fd))
                if expected is not None and folder_id != expected:
                    self.problems.append(_changed(shown))
                    continue
                if folder_id in visited:
                    continue
                visited.add(folder_id)
                children = self._list(shown, real, fd, folder_id, real_root, root)
            finally:
                os.close(fd)
            if children and depth >= MAX_FOLDER_DEPTH:
                self.problems.append(
                    problem_at(shown, "folders nested too deeply; the deeper ones are skipped")
                )
                continue
            stack.extend((*child, depth + 1) for child in children)

    def _list(
        self, shown: Path, real: str, fd: int, folder_id: Identity, real_root: str, root: Path
    ) -> list[tuple[Path, str, Identity]]:
        """Record the files in one folder; returns its subfolders to walk."""
        try:
            with os.scandir(fd) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self.problems.append(problem_at(shown, f"folder cannot be read: {exc.strerror}"))
            return []
        subfolders: list[tuple[Path, str, Identity]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = shown / name
            wanted = name.lower().endswith(SUFFIXES)
            try:
                if entry.is_symlink():
                    self._link(path, wanted, real_root, subfolders)
                    continue
                if entry.is_dir(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    subfolders.append((path, os.path.join(real, name), _identity(st)))
                    continue
                if not wanted or (shown == root and name.lower() in RESERVED_NAMES):
                    continue
                if is_folder_note(name):
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                self.problems.append(problem_at(path, f"cannot be examined: {exc.strerror}"))
                continue
            if not stat.S_ISREG(st.st_mode):
                self._not_regular(path)
                continue
            self.add(path, st, Listed(real, name, folder_id, _identity(st)))
        return subfolders

    def _link(
        self,
        path: Path,
        wanted: bool,
        real_root: str,
        subfolders: list[tuple[Path, str, Identity]],
    ) -> None:
        """Follow a link only inside the library, resolving it once, now."""
        real = os.path.realpath(path)
        if not _inside(real, real_root):
            if wanted or os.path.isdir(path):
                self.problems.append(
                    problem_at(
                        path,
                        "symbolic link points outside the library; not followed",
                        Severity.WARNING,
                    )
                )
            return
        st = os.stat(real)
        if stat.S_ISDIR(st.st_mode):
            subfolders.append((path, real, _identity(st)))
            return
        if not wanted:
            return
        if not stat.S_ISREG(st.st_mode):
            self._not_regular(path)
            return
        folder, name = os.path.split(real)
        self.add(path, st, Listed(folder, name, _identity(os.stat(folder)), _identity(st)))

    def _not_regular(self, path: Path) -> None:
        self.problems.append(
            problem_at(
                path, "not a regular file (a pipe, socket or device); skipped", Severity.WARNING
            )
        )


def discover(
    paths: Sequence[Path],
    stamps: dict[Path, Stamp | None] | None = None,
    listed: dict[Path, Listed] | None = None,
    many: tuple[int, Callable[[], None]] | None = None,
) -> tuple[list[Path], list[Problem]]:
    """Every briefing file under `paths` (sorted, no duplicates) and problems on the way.

    With `stamps`, each file's (size, mtime) is recorded there from the `stat` the walk
    makes anyway, for the cache to compare.  With `listed`, each file's `Listed`, for
    reading exactly that file later.  With `many` (count, call), `call()` runs once, as
    soon as that many files are found, while the walk goes on.
    """
    walk = _Walk({} if stamps is None else stamps, {} if listed is None else listed, many)
    for given in paths:
        try:
            st = os.stat(given)
        except FileNotFoundError:
            walk.problems.append(problem_at(given, "no such file or folder"))
            continue
        except OSError as exc:
            walk.problems.append(problem_at(given, f"cannot be read: {exc.strerror}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            start = len(walk.found)
            walk.folder(given)
            walk.found[start:] = sorted(walk.found[start:])
        elif stat.S_ISREG(st.st_mode):
            try:
                where = listed_by_name(given)
            except OSError as exc:
                walk.problems.append(problem_at(given, f"cannot be read: {exc.strerror}"))
                continue
            walk.add(given, st, where)
        else:
            walk.problems.append(problem_at(given, "not a regular file or folder; skipped"))
    return walk.found, walk.problems
