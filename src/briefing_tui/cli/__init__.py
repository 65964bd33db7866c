"""The `briefing` command: parse arguments and dispatch; the work lives elsewhere.

`briefing [PATH ...]` opens the reader; `briefing COMMAND ...` runs a script-friendly
command.  Textual is imported only when the reader starts, so commands stay quick.

Each subcommand is a module beside this one offering `register(subparsers)` and a
`run(args)`; they share the core with the TUI but never import textual, so scripts start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing_tui import __version__

# Command name -> module under briefing_tui.cli offering register(subparsers).
COMMANDS = {
    "check": "check",
    "show": "show",
    "search": "search",
    "entities": "entities",
    "outcomes": "outcomes",
    "timeline": "timeline",
    "export": "export",
}


def _command_parser(name: str) -> argparse.ArgumentParser:
    """A parser for one command, importing only that command's module."""
    module = importlib.import_module(f"briefing_tui.cli.{COMMANDS[name]}")
    parser = argparse.ArgumentParser(prog="briefing", description="briefing commands")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    module.register(subparsers)
    return parser


def _app_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  briefing {name} ..." for name in COMMANDS)
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="A keyboard-first, offline terminal reader for briefing documents "
        "(YAML, Markdown, and plain-text or HTML press releases).",
        epilog=f"commands (see `briefing COMMAND --help`):\n{commands}\n\n"
        "With no PATH: $BRIEFING_LIBRARY, else ./briefings, else the bundled samples.\n"
        "Nothing is ever written, and nothing is ever fetched from the network.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="briefing files or folders to open (searched recursively)",
    )
    parser.add_argument("--theme", metavar="NAME", help="colour theme (see the help screen)")
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="keep parsed briefings in DIR to start faster next time (off by default)",
    )
    parser.add_argument(
        "--state",
        type=Path,
        metavar="DIR",
        help="remember read and bookmarked briefings in DIR (off by default)",
    )
    parser.add_argument(
        "--print-config",
        action="store_true",
        help="show the effective settings and where each comes from, then exit",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        if args and args[0] in COMMANDS:
            ns = _command_parser(args[0]).parse_args(args)
            _apply_config(ns)
            return int(ns.func(ns))
        ns = _app_parser().parse_args(args)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
        return exc.code if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return _run_app(ns)


def _apply_config(ns: argparse.Namespace) -> None:
    """Give a command the settings file's cache folder and file size limit, as the reader
    has them: a user who set `cache_dir` expects `briefing search` to use it too."""
    from briefing_tui.config import DEFAULT, ENV_MAX_BYTES, load_config

    config, problems = load_config()
    for problem in problems:
        sys.stderr.write(f"briefing: {problem}\n")
    if config.origin("max_file_bytes") != DEFAULT and ENV_MAX_BYTES not in os.environ:
        os.environ[ENV_MAX_BYTES] = str(config.max_file_bytes)
    if "cache" in vars(ns) and ns.cache is None:
        ns.cache = config.cache_dir


def _run_app(ns: argparse.Namespace) -> int:
    from briefing_tui.memory import paused_gc

    # Importing the reader makes a few hundred thousand objects, and the collections they
    # trigger cost ~50 ms before the first paint; they are frozen afterwards instead.
    with paused_gc():
        from briefing_tui.config import DEFAULT, ENV_MAX_BYTES, load_config
        from briefing_tui.config_text import effective_config_text
        from briefing_tui.library import default_library_paths
        from briefing_tui.library.pool import remove_on_hangup

    # The terminal closing mid-load must not leave the worker pool's folder behind.
    remove_on_hangup()
    config, problems = load_config()
    for problem in problems:
        sys.stderr.write(f"briefing: {problem}\n")
    if ns.print_config:
        sys.stdout.write(effective_config_text(config))
        return 0
    if config.origin("max_file_bytes") != DEFAULT:
        # Worker processes read the limit from the environment.
        os.environ[ENV_MAX_BYTES] = str(config.max_file_bytes)
    paths = list(ns.paths) or default_library_paths()
    theme = ns.theme or (config.theme if config.origin("theme") != DEFAULT else None)
    try:
        with paused_gc():
            from briefing_tui.ui.app import run
    except ImportError as exc:  # pragma: no cover - only when installed without textual
        sys.stderr.write(f"briefing: the reader cannot start: {exc}\n")
        return 1
    return int(
        run(
            paths,
            theme=theme,
            cache_dir=_private_folder("--cache", ns.cache or config.cache_dir, "the cache"),
            state_dir=_private_folder("--state", ns.state or config.state_dir, "reading state"),
            keymap=dict(config.keys),
            leave_at_end=True,
        )
    )


def _private_folder(option: str, folder: Path | None, what: str) -> Path | None:
    """`folder`, or None with one line on stderr when another account could write in it."""
    from briefing_tui.cli.folders import private_folder

    return private_folder(option, folder, what)
