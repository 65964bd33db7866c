"""What the library-wide commands (entities, outcomes, timeline) share: `--library`,
`--json`, date arguments, loading, and writing output that is safe to print."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing_tui.insights.dates import parse_period
from briefing_tui.insights.names import one_line
from briefing_tui.library import Library, default_library_paths, load_library
from briefing_tui.model import Severity


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        action="append",
        type=Path,
        metavar="PATH",
        help="a library folder or briefing file; repeat for several "
        "(default: $BRIEFING_LIBRARY, else ./briefings, else the samples)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")


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


def load(args: argparse.Namespace) -> Library:
    """The library named by --library (or the default), saying on stderr what was unreadable.

    Only files that gave no briefing at all are mentioned; `briefing check` lists the rest.
    """
    paths: Sequence[Path] = args.library or default_library_paths()
    library = load_library(paths)
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
