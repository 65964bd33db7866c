"""`briefing export`: a briefing, or a whole library, as one file to hand over or print.

Writing is the one thing this program otherwise never does, so it is done narrowly: only the
file named with -o, never into a library folder, never over an existing file unless --force
says so, and never half-written (a temporary file beside it is renamed into place).  Files
carrying a restrictive marking are created readable by their owner only.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing_tui.config import load_config
from briefing_tui.library import default_library_paths, load_file, load_library
from briefing_tui.model import Briefing
from briefing_tui.render.as_html import render_html, render_html_library
from briefing_tui.render.as_markdown import render_markdown
from briefing_tui.render.as_text import render_text
from briefing_tui.sanitize import clean_path, escape_surrogates

RENDERERS: dict[str, Callable[[Briefing], str]] = {
    "html": render_html,
    "markdown": render_markdown,
    "text": render_text,
}
SUFFIXES = {"html": ".html", "markdown": ".md", "text": ".txt"}
# Markings under which an export is made readable by everyone the umask allows.
_SHAREABLE = {"TLP:CLEAR", "TLP:WHITE", "TLP:GREEN"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a briefing or a whole library as HTML, Markdown or text",
        description="Write one briefing (FILE), or every briefing of a library (--library), "
        "as a single self-contained file for handover or printing. HTML is one print-ready "
        "page with no scripts and nothing loaded from anywhere; links are written out as text. "
        "Every format carries the marking at the start and the end (HTML: also on every "
        "printed page). With --library, OUT is ONE file holding all briefings, newest first "
        "(HTML: a contents page, then each briefing on its own pages; the page banner carries "
        "every marking in the bundle, most restrictive first).",
        epilog="Without -o, or with -o -, the export goes to standard output. An existing OUT "
        "is never overwritten without --force, and OUT may not lie inside a library folder. "
        "Exports of briefings marked other than TLP:CLEAR or TLP:GREEN are created readable "
        "by you only (mode 600). Exit status: 0 written, 1 nothing could be exported, "
        "2 usage or output error.",
    )
    parser.add_argument("file", type=Path, nargs="?", metavar="FILE", help="a briefing file")
    parser.add_argument(
        "--library",
        "-l",
        type=Path,
        action="append",
        metavar="PATH",
        help="export every briefing under PATH (repeatable) into one file",
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=("html", "markdown", "text"),
        default=None,
        help="output format (default: from OUT's extension .html/.md/.txt, else text)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="OUT",
        default="-",
        help="file to write, or - for standard output (the default)",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists already")
    parser.set_defaults(func=run)


def _error(message: str) -> None:
    sys.stderr.write(f"briefing export: {message}\n")


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output != "-":
        suffix = Path(args.output).suffix.lower()
        for fmt, known in SUFFIXES.items():
            if (
                suffix == known
                or (fmt == "html" and suffix == ".htm")
                or (fmt == "markdown" and suffix == ".markdown")
            ):
                return fmt
    return "text"


def _inside(path: Path, root: Path) -> bool:
    try:
        real_root = Path(os.path.realpath(root))
        real = Path(os.path.realpath(path))
    except OSError:
        return False
    if not real_root.is_dir():
        # A briefing opened as a file: its folder is the library, never written into.
        real_root = real_root.parent
    return real == real_root or real_root in real.parents


def _library_roots(args: argparse.Namespace) -> list[Path]:
    """Every folder that is a library here: those named, the default, the settings file's."""
    roots = list(args.library or [])
    with contextlib.suppress(OSError):
        roots += default_library_paths()
    roots += load_config()[0].library
    return [r for r in roots if r.exists()]


def _combine(fmt: str, briefings: Sequence[Briefing]) -> str:
    if fmt == "html":
        return render_html_library(briefings)
    rendered = [RENDERERS[fmt](b).rstrip("\n") for b in briefings]
    if fmt == "markdown":
        return "\n\n* * *\n\n".join(rendered) + "\n"
    rule = "=" * 78
    return f"\n\n{rule}\n\n".join(rendered) + "\n"


def _restrictive(briefings: Sequence[Briefing]) -> bool:
    return any(
        b.marking.strip() and "".join(b.marking.split()).upper() not in _SHAREABLE
        for b in briefings
    )


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def write_output(out: Path, text: str, force: bool, private: bool) -> str | None:
    """Write `text` to `out` whole or not at all; the reason on failure."""
    if out.is_dir():
        return f"{clean_path(str(out))} is a folder; name a file to write"
    if (out.exists() or out.is_symlink()) and not force:
        return f"{clean_path(str(out))} exists; not overwritten (use --force to replace it)"
    folder = out.parent if str(out.parent) else Path(".")
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        return f"cannot write into {clean_path(str(folder))}: {exc.strerror}"
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        mode = 0o600
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        if force:
            os.replace(tmp, out)
        else:
            _place_without_clobbering(tmp, out)
    except FileExistsError:
        _discard(tmp)
        return f"{clean_path(str(out))} appeared while writing; not overwritten"
    except OSError as exc:
        _discard(tmp)
        return f"cannot write {clean_path(str(out))}: {exc.strerror or exc}"
    return None


def _place_without_clobbering(tmp: str, out: Path) -> None:
    """Move the finished file into place unless OUT appeared meanwhile.

    link() refuses an existing name atomically; where links are not supported (some network
    and FAT file systems) the existence check and rename leave only a tiny window.
    """
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise
    except OSError:
        if out.exists() or out.is_symlink():
            raise FileExistsError(errno.EEXIST, "exists", str(out)) from None
        os.rename(tmp, out)
        return
    os.unlink(tmp)


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (not args.library):
        _error("give either FILE or --library PATH (not both)")
        return 2
    fmt = _format_for(args)
    briefings: list[Briefing] = []
    if args.file is not None:
        result = load_file(args.file)
        if result.briefing is None:
            for problem in result.problems:
                sys.stderr.write(f"{problem}\n")
            _error(f"{result.path}: could not be read as a briefing; nothing exported")
            return 1
        briefings.append(result.briefing)
        text = RENDERERS[fmt](result.briefing)
    else:
        library = load_library(list(args.library))
        unread = {p.path for p in library.problems} - {b.path for b in library.briefings}
        for problem in library.problems:
            if problem.path in unread:
                sys.stderr.write(f"{problem}\n")
        if unread:
            _error(f"{len(unread)} file(s) could not be read and are not in the export")
        if not library.briefings:
            _error("no briefings found; nothing exported")
            return 1
        briefings = library.briefings
        text = _combine(fmt, briefings)
    if not text.endswith("\n"):
        text += "\n"
    # A file name's undecodable bytes are written as \xNN: any name, any output, no error.
    text = escape_surrogates(text)

    if args.output == "-":
        sys.stdout.write(text)
        return 0
    out = Path(args.output)
    sources = [args.file] if args.file is not None else []
    for root in _library_roots(args) + sources:
        if _inside(out, root):
            _error(
                f"{clean_path(str(out))} is inside the library {clean_path(str(root))}; "
                "briefing never writes into a library, choose a path outside it"
            )
            return 2
    reason = write_output(out, text, args.force, _restrictive(briefings))
    if reason is not None:
        _error(reason)
        return 2
    sys.stderr.write(f"briefing export: wrote {clean_path(str(out))} ({fmt})\n")
    return 0
