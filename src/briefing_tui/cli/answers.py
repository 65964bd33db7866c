"""Answers kept with `--cache`: a command asked again about an unchanged library replies at once.

Even with every briefing cached, `entities` and `outcomes` spend seconds working out their
answer for a 10,000-briefing library (grouping names, countries and due dates across
300,000 records).  The answer depends only on the library as it is (the key of the saved
search index: every file's path, size and mtime, and this version), the command's options,
today's date and the file size limit; so the printed answer is kept beside the cache under
a digest of those, and given again while they all still match.  It is text only, written
and read like the rest of the cache (owner-only, never trusted: anything odd, including a
control character, means it is worked out afresh).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from briefing_tui.cli.library_option import open_job
from briefing_tui.library import LoadJob, default_library_paths, max_bytes_setting
from briefing_tui.private_files import NotPrivate, read_private, write_private

FORMAT = 1
# Answers kept per library, one file each: the latest few questions (older ones are removed).
KEEP = 16
# A longer answer is not kept (every outcome of a 10,000-briefing library is about 8 MB).
MAX_CHARS = 64_000_000
# What printed answers never hold (they are made safe to print), so a file holding it was
# not written by this program as it is.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

Answer = tuple[int, str, str]  # exit code, stdout, stderr


def answered(args: argparse.Namespace, command: str, work: Callable[[LoadJob], int]) -> int:
    """`work(job)`'s exit code and output, given again from `--cache` when it still holds.

    Without `--cache` (or with one refused) the work is simply done.
    """
    job = open_job(args.library or default_library_paths(), args.cache)
    store = job.index_store
    if store is None:
        return work(job)
    key = _key(store.key, command, args)
    file = store.file.with_name(f"{store.file.stem}-{key[:32]}.answer")
    found = _read(file, key)
    if found is not None:
        code, out, err = found
        sys.stderr.write(err)
        sys.stdout.write(out)
        return code
    printed, noted = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(noted):
        code = work(job)
    answer = (code, printed.getvalue(), noted.getvalue())
    sys.stderr.write(answer[2])
    sys.stdout.write(answer[1])
    if store.writable and len(answer[1]) + len(answer[2]) <= MAX_CHARS:
        _write(file, key, answer)
        _forget_old(file.parent, f"{store.file.stem}-*.answer")
    return code


def _key(library: str, command: str, args: argparse.Namespace) -> str:
    options = sorted(
        (name, repr(value)) for name, value in vars(args).items() if name not in {"func", "cache"}
    )
    text = json.dumps(
        [FORMAT, library, command, options, dt.date.today().isoformat(), max_bytes_setting()]
    )
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _read(file: Path, key: str) -> Answer | None:
    try:
        raw = read_private(file)
        value = json.loads(raw) if raw is not None else None
    except (NotPrivate, OSError, ValueError, RecursionError):
        return None
    if type(value) is not list or len(value) != 5 or value[:2] != [FORMAT, key]:
        return None
    _, _, code, out, err = value
    if type(code) is not int or type(out) is not str or type(err) is not str:
        return None
    if _UNSAFE.search(out) or _UNSAFE.search(err):
        return None
    return code, out, err


def _write(file: Path, key: str, answer: Answer) -> None:
    data = json.dumps([FORMAT, key, *answer], ensure_ascii=True, separators=(",", ":"))
    with contextlib.suppress(OSError):  # only the next call's speed is lost
        write_private(file, data.encode("ascii"))


def _forget_old(folder: Path, pattern: str) -> None:
    """Keep the newest `KEEP` answers for this library; they go stale with any change."""
    with contextlib.suppress(OSError):
        files = [(f.lstat().st_mtime_ns, f) for f in folder.glob(pattern)]
        for _, old in sorted(files, reverse=True)[KEEP:]:
            old.unlink()
