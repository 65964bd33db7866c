"""Writing the few files briefing ever writes (opt-in cache and reading state) safely.

Both live in a folder the user named, hold copies of or facts about restricted documents,
and are read back on the next start, so both are written the same careful way.  The threat
is a second local account: if it can write the folder, it can swap a temporary file for a
symbolic link between our creating it and our reopening it by name, and make us write the
search index into a file it reads.  So:

- the folder must be owned by this user and writable by nobody else, or it is refused
  (`PrivateFolderError`, one line saying why) and the caller runs without it;
- every step happens relative to one descriptor of that folder, checked once;
- the temporary file is created with O_EXCL | O_NOFOLLOW and written, chmod-ed and synced
  through the descriptor that created it, never reopened by name, then renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


class PrivateFolderError(OSError):
    """The folder is not ours alone: another account could swap or read what we write."""

    def __init__(self, folder: Path, why: str) -> None:
        super().__init__(f"{folder} {why}")
        self.why = why


class NotPrivate(Exception):
    """The file exists but cannot be trusted or read; the message says why, for a note."""


def folder_problem(st: os.stat_result) -> str | None:
    """Why a folder with this `fstat` cannot hold private files, or None when it can."""
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder"
    if st.st_uid != os.getuid():
        return "belongs to another account"
    if st.st_mode & 0o022:
        return "can be written by other accounts"
    return None


@contextlib.contextmanager
def private_folder(folder: Path, create: bool = True) -> Iterator[int]:
    """A descriptor of `folder`, checked to be this user's alone; closed on leaving.

    A missing folder is created as 0700 when `create` (its parents as needed).  Raises
    PrivateFolderError when the folder is shared, FileNotFoundError when it is missing and
    `create` is False, and OSError when it cannot be opened.
    """
    if create:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        why = folder_problem(os.fstat(fd))
        if why is not None:
            raise PrivateFolderError(folder, why)
        yield fd
    finally:
        os.close(fd)


def check_folder(folder: Path) -> str | None:
    """One line saying why `folder` is refused for private files, or None when it is fine.

    A missing folder is fine (it is created 0700 when first written); its nearest existing
    ancestor is not judged, only the folder itself once it exists.
    """
    try:
        st = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):  # writing it will say what is wrong
        return None
    except OSError as exc:
        return f"{folder} cannot be examined ({exc.strerror or exc})"
    why = folder_problem(st)
    return None if why is None else f"{folder} {why}"


def inside_any(folder: Path, roots: Iterable[Path]) -> bool:
    """Whether `folder` is in (or is) one of the library `roots`, or the folder of one.

    A root that is a file counts by its folder: `briefing --cache L L/a.md` must not write
    beside the briefing it was asked to show.
    """
    real = os.path.realpath(folder)
    for root in roots:
        top = os.path.realpath(root)
        if not os.path.isdir(top):
            top = os.path.dirname(top)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def write_private(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace `target` with `data` atomically, readable and writable by its owner only.

    `data` may come in parts, written one after another, so a large file need not be
    joined in memory first.  A reader sees the old file or the new one, never a half-written
    one: the data goes to a temporary file beside the target, is synced, then renamed over
    it.  Raises PrivateFolderError for a shared folder and OSError when any step fails
    (nothing is left behind).
    """
    with private_folder(target.parent) as folder:
        name = f".{target.name}-{secrets.token_hex(8)}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
        fd = os.open(name, flags, 0o600, dir_fd=folder)
        try:
            try:
                os.fchmod(fd, 0o600)  # whatever the umask said
                parts = [data] if isinstance(data, bytes | bytearray | memoryview) else data
                for part in parts:
                    _write_all(fd, part)
                os.fsync(fd)
                _still_ours(fd, name, folder)
            finally:
                os.close(fd)
            os.replace(name, target.name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder)
            raise


def _still_ours(fd: int, name: str, folder: int) -> None:
    """Refuse to rename a name that no longer holds the file we wrote (it was swapped)."""
    mine = os.fstat(fd)
    there = os.stat(name, dir_fd=folder, follow_symlinks=False)
    if (mine.st_dev, mine.st_ino) != (there.st_dev, there.st_ino):
        raise PrivateFolderError(Path(name), "was replaced while being written")


def _write_all(fd: int, data: bytes | bytearray | memoryview) -> None:
    view = memoryview(data).cast("B")
    while view:
        written = os.write(fd, view[: 1 << 24])
        view = view[written:]


def read_private(path: Path, max_bytes: int | None = None) -> bytes | None:
    """The bytes of `path`, or None when there is no such file.

    Raises NotPrivate when the folder or the file is not this user's alone (someone else's
    file is someone else's content), the file is not a regular file or larger than
    `max_bytes`, or it cannot be read.
    """
    try:
        with private_folder(path.parent, create=False) as folder:
            try:
                fd = os.open(path.name, os.O_RDONLY | _NOFOLLOW | _CLOEXEC, dir_fd=folder)
            except FileNotFoundError:
                return None
            return _read_checked(fd, max_bytes)
    except FileNotFoundError:
        return None
    except PrivateFolderError as exc:
        raise NotPrivate(f"is in a folder that {exc.why}") from None
    except NotPrivate:
        raise
    except OSError as exc:
        raise NotPrivate(f"could not be opened ({exc.strerror or exc})") from None


def _read_checked(fd: int, max_bytes: int | None) -> bytes:
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o022:
            raise NotPrivate("is not private to this user")
        if max_bytes is not None and st.st_size > max_bytes:
            raise NotPrivate("is too large")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise NotPrivate(f"could not be read ({exc.strerror})") from None
    finally:
        os.close(fd)
