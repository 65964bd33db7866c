"""Writing the few files briefing ever writes (opt-in cache and reading state) safely.

Both live in a folder the user named, hold copies of or facts about restricted documents,
and are read back on the next start, so both are written the same careful way.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


def write_private(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace `target` with `data` atomically, readable and writable by its owner only.

    `data` may come in parts, written one after another, so a large file need not be
    joined in memory first.  The folder is created as 0700 when missing.  A reader sees
    the old file or the new one, never a half-written one: the data goes to a private
    temporary file beside the target, is synced, then renamed over it.  Raises OSError
    when any step fails (nothing is left behind).
    """

    def fill(tmp: Path) -> None:
        with open(tmp, "wb") as handle:
            if isinstance(data, bytes | bytearray | memoryview):
                handle.write(data)
            else:
                handle.writelines(data)

    write_private_with(target, fill)


def write_private_with(target: Path, fill: Callable[[Path], object]) -> None:
    """`write_private` for a writer that fills a file by its name (SQLite's backup does)."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    os.close(fd)  # created 0600 by mkstemp, and kept so
    tmp = Path(name)
    try:
        fill(tmp)
        os.chmod(tmp, 0o600)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class NotPrivate(Exception):
    """The file exists but cannot be trusted or read; the message says why, for a note."""


def read_private(path: Path, max_bytes: int | None = None) -> bytes | None:
    """The bytes of `path`, or None when there is no such file.

    Raises NotPrivate when the file is not a regular file owned by this user that nobody else
    can write (someone else's file is someone else's content, and for the cache, someone
    else's pickle), is larger than `max_bytes`, or cannot be read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise NotPrivate(f"could not be opened ({exc.strerror})") from None
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
