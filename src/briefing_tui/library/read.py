"""Reading one listed file: exactly the file that was listed, or a problem, never a surprise.

The file is opened relative to its folder without following links (O_NOFOLLOW) and without
blocking (O_NONBLOCK: a FIFO swapped in cannot hang the reader), and `fstat` on the opened
descriptor must show a regular file with the device and inode seen at listing; anything
else is the problem "changed since listing", never a read.  The size limit is checked on
that descriptor before a byte is read, and again after reading.  Nothing here ever writes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from briefing_tui.config import ENV_MAX_BYTES
from briefing_tui.library.settings import max_bytes_setting
from briefing_tui.library.walk import Listed, display, listed_by_name, problem_at
from briefing_tui.model import LoadResult, Problem, Severity
from briefing_tui.parts_later import Deferral
from briefing_tui.readers.documents import read_document

_FILE_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)

CHANGED = "changed since listing; not read (reload to try again)"


class _ChangedError(Exception):
    """The name no longer holds the file that was listed."""


def read_bytes(path: Path, max_bytes: int, listed: Listed | None = None) -> bytes | Problem:
    """The file's bytes, or a problem; never blocks on a FIFO, never follows a link.

    `listed` is what listing saw (see `discover`); without it (a file named directly) the
    path's links are resolved now, once.
    """
    try:
        where = listed if listed is not None else listed_by_name(path)
        folder = os.open(where.folder, _DIR_FLAGS)
        try:
            st = os.fstat(folder)
            if listed is not None and (st.st_dev, st.st_ino) != where.folder_id:
                raise _ChangedError
            fd = os.open(where.name, _FILE_FLAGS, dir_fd=folder)
        finally:
            os.close(folder)
        try:
            return _read_open(path, fd, where, max_bytes)
        finally:
            os.close(fd)
    except _ChangedError:
        return problem_at(path, CHANGED)
    except PermissionError:
        return problem_at(path, "permission denied")
    except OSError as exc:
        if listed is not None and exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.ENOENT):
            # A link, or a file where a folder was, or nothing: not what was listed.
            return problem_at(path, CHANGED)
        return problem_at(path, f"cannot be read: {exc.strerror or exc}")


def _read_open(path: Path, fd: int, where: Listed, max_bytes: int) -> bytes | Problem:
    before = os.fstat(fd)
    if not stat.S_ISREG(before.st_mode):
        return problem_at(path, "not a regular file; skipped", Severity.WARNING)
    if (before.st_dev, before.st_ino) != where.file_id:
        raise _ChangedError
    if before.st_size > max_bytes:
        return problem_at(
            path,
            f"is {before.st_size:,} bytes, over the {max_bytes:,}-byte "
            f"limit (set {ENV_MAX_BYTES} to raise it); not read",
        )
    chunks = []
    remaining = max_bytes + 1
    while remaining > 0:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    after = os.fstat(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        return problem_at(
            path, f"grew past the {max_bytes:,}-byte limit while being read; not read"
        )
    if (
        after.st_size != len(data)
        or after.st_mtime_ns != before.st_mtime_ns
        or after.st_size != before.st_size
    ):
        return problem_at(
            path,
            "was changed while being read; not shown, to avoid a truncated "
            "view (reload to try again)",
        )
    return data


def load_file(
    path: Path,
    max_bytes: int | None = None,
    listed: Listed | None = None,
    defer: Deferral | None = None,
) -> LoadResult:
    """Read one file; never raises for anything the file or the disk can do.

    `defer`: a long document's pane items may be read when first used (`parts_later`).
    """
    shown = display(path)
    data = read_bytes(path, max_bytes or max_bytes_setting(), listed)
    if isinstance(data, Problem):
        return LoadResult(shown, None, (data,))
    try:
        return read_document(shown, data, defer)
    except RecursionError:
        problem = Problem(shown, None, None, Severity.ERROR, "nested too deeply to read")
    except Exception as exc:  # a bug must cost one file, never the library
        problem = Problem(
            shown,
            None,
            None,
            Severity.ERROR,
            f"could not be read (internal error: {type(exc).__name__}: {exc})",
        )
    return LoadResult(shown, None, (problem,))
