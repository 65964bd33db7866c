"""Writing the few files briefing ever writes (opt-in cache and reading state) safely.

Both live in a folder the user named, hold copies of or facts about restricted documents,
and are read back on the next start, so both are written the same careful way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_private(target: Path, data: bytes) -> None:
    """Replace `target` with `data` atomically, readable and writable by its owner only.

    The folder is created as 0700 when missing.  A reader sees the old file or the new one,
    never a half-written one: the data goes to a private temporary file beside the target,
    is synced, then renamed over it.  Raises OSError when any step fails (nothing is left
    behind).
    """
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
