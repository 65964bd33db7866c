"""What the library-wide commands (search, entities, outcomes, timeline) share: `--library`,
`--cache`, `--json`, date arguments, loading, and writing output that is safe to print."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing_tui.cache import LoadCache
from briefing_tui.cli.folders import private_folder
from briefing_tui.insights.dates import parse_period
from briefing_tui.insights.names import one_line
from briefing_tui.library import Library, LoadJob, default_library_paths
from briefing_tui.model import Briefing, Severity
from briefing_tui.sanitize import clean_path


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        action="append",
        type=Path,
        metavar="PATH",
        help="a library folder or briefing file; repeat for several "
        "(default: $BRIEFING_LIBRARY, else ./briefings, else the samples)",
    )
    add_cache_option(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="keep parsed briefings (and the search index) in DIR, as the reader's --cache "
        "does, so the next call on an unchanged library is quick (off by default)",
    )


def open_job(paths: Sequence[Path], cache_dir: Path | None) -> LoadJob:
    """A load of `paths`, through the cache in `cache_dir` when one is given and safe.

    The same refusals as the reader's: a folder another account can write is refused
    here, one inside the library (or a file or folder that is not this user's alone) by
    `LoadCache.open`; either way the command runs as if no cache had been named.
    """
    folder = private_folder("--cache", cache_dir, "the cache")
    cache = LoadCache.open(folder, paths) if folder is not None else None
    job = LoadJob(paths, cache=cache)
    if cache is not None:
        for note in dict.fromkeys(cache.notes):
            sys.stderr.write(f"briefing: {clean_path(note)}\n")
    return job


def gather(job: LoadJob) -> Library:
    """Everything `job` yields, newest first (what `load_library` gives, from a job)."""
    library = Library(job.paths, files=len(job.files))
    for result in job:
        if result.briefing is not None:
            library.briefings.append(result.briefing)
        library.problems.extend(result.problems)
    library.briefings.sort(key=Briefing.sort_key)
    library.problems.sort(key=lambda p: (p.path, p.line or 0, p.column or 0))
    return library


def period_arg(text: str) -> str:
    """An argparse type: YYYY, YYYY-MM or YYYY-MM-DD, kept as typed (bounds read it later)."""
    try:
        parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text.strip()


def day_arg(text: str) -> dt.date:
    """An argparse type: one day, YYYY-MM-DD."""
    try:
        first, last = parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if first != last:
        raise argparse.ArgumentTypeError(f"{text.strip()!r}: give a full date, YYYY-MM-DD")
    return first


def load(args: argparse.Namespace, job: LoadJob | None = None) -> Library:
    """The library named by --library (or the default), saying on stderr what was unreadable.

    Only files that gave no briefing at all are mentioned; `briefing check` lists the rest.
    """
    if job is None:
        paths: Sequence[Path] = args.library or default_library_paths()
        job = open_job(paths, args.cache)
    library = gather(job)
    read = {b.path for b in library.briefings}
    for problem in library.problems:
        if problem.severity is Severity.ERROR and problem.path not in read:
            sys.stderr.write(f"{problem}\n")
    return library


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def write_json(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=True) + "\n")


def write_rows(rows: Sequence[Sequence[str]], indent: str = "") -> None:
    """Tab-separated lines; every field on one line, an empty field shown as "-"."""
    write = sys.stdout.write
    for row in rows:
        write(indent + "\t".join(one_line(field) or "-" for field in row) + "\n")
