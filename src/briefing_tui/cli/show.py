"""`briefing show`: one briefing without the TUI, for printing, piping and screen readers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing_tui.library import load_file
from briefing_tui.render.as_json import to_json
from briefing_tui.render.as_markdown import render_markdown
from briefing_tui.render.as_text import render_text

RENDERERS = {"text": render_text, "markdown": render_markdown, "json": to_json}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print one briefing as plain text, Markdown or JSON",
        description="Print one briefing without the TUI. Plain text has no escape codes and "
        "carries the marking on its first and last line.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="a briefing file")
    parser.add_argument(
        "--format",
        "-f",
        choices=sorted(RENDERERS),
        default="text",
        help="output format (default: text)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = load_file(args.file)
    if result.briefing is None:
        for problem in result.problems:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write(f"briefing: {result.path}: could not be read as a briefing\n")
        return 1
    output = RENDERERS[args.format](result.briefing)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0
