"""`briefing check`: validate a library the way a compiler reports errors, for CI and editors."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_tui.insights.acronyms import undefined_acronyms
from briefing_tui.insights.glossary_file import load_library_glossary
from briefing_tui.library import (
    default_library_paths,
    display,
    load_library,
    max_bytes_setting,
    read_bytes,
)
from briefing_tui.model import Problem, Severity
from briefing_tui.readers.explain import explain
from briefing_tui.render.as_json import problem_dict
from briefing_tui.render.common import plural


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="report problems in briefing files (exit 1 if any error)",
        description="Read briefing files and report every problem as "
        "path:line:col: severity: message. Exit 0 with no errors, 1 with errors, 2 on usage "
        "errors. Nothing is written.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders (default: the library)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--no-acronyms",
        action="store_true",
        help="do not warn about all-capitals acronyms that no glossary defines",
    )
    parser.add_argument(
        "--explain",
        type=Path,
        metavar="FILE",
        help="say which key, heading or phrase filled each field and pane of FILE, why a "
        "pane is empty, and what was left unread",
    )
    parser.set_defaults(func=run)


def explain_file(path: Path) -> int:
    """`--explain FILE`: how one file was read (read as carefully as the library reads)."""
    data = read_bytes(path, max_bytes_setting())
    if isinstance(data, Problem):
        sys.stdout.write(f"{data}\n")
        return 1
    lines = explain(display(path), data)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0 if ": read as " in lines[0] else 1


def run(args: argparse.Namespace) -> int:
    if args.explain is not None:
        return explain_file(args.explain)
    paths = list(args.paths) or default_library_paths()
    library = load_library(paths)
    if not args.no_acronyms:
        glossary = load_library_glossary(paths)
        library.problems.extend(glossary.problems)
        for briefing in library.briefings:
            library.problems.extend(undefined_acronyms(briefing, glossary))
    errors = sum(1 for p in library.problems if p.severity is Severity.ERROR)
    warnings = len(library.problems) - errors
    if args.json:
        payload = {
            "files": library.files,
            "briefings": len(library.briefings),
            "errors": errors,
            "warnings": warnings,
            "problems": [problem_dict(p) for p in library.problems],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=True) + "\n")
    else:
        for problem in library.problems:
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write(
            f"{plural(library.files, 'file')} checked, "
            f"{plural(len(library.briefings), 'briefing')} read: "
            f"{plural(errors, 'error')}, {plural(warnings, 'warning')}\n"
        )
    return 1 if errors else 0
