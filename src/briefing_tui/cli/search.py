"""`briefing search`: the reader's library search, for scripts and pipes.

One line per hit, `path<TAB>pane<TAB>title<TAB>snippet`, or JSON.  Exit 0 with hits, 1
with none (also when the query holds nothing searchable, such as a lone `-`: any text is a
valid query), 2 on a usage error (bad options, a library path that does not exist).
Notes (a fallback engine, parts of the query that were ignored, files that could not be
read) go to stderr so that stdout stays machine-readable.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing_tui.cli.answers import answered
from briefing_tui.cli.library_option import add_cache_option, gather
from briefing_tui.library import LoadJob, default_library_paths
from briefing_tui.render.as_json import path_fields
from briefing_tui.search import Hit, Query, SearchIndex, parse_query

EXIT_HITS = 0
EXIT_NONE = 1
EXIT_USAGE = 2

SYNTAX = (
    'Words are ANDed; "a phrase"; -word or NOT word excludes; a OR b; a trailing * (or the '
    "last word, when nothing follows it) matches as a prefix. Filters: title:, participant:, "
    "org:, country:, tag:, marking:, date:2018, date:2018-03..2019-12. Case and accents do "
    "not matter."
)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the library, as / does in the reader",
        description="Search a library and print one line per hit: path, pane, title and "
        "snippet, separated by tabs. " + SYNTAX + " Exit 0 with hits, 1 with none, 2 on "
        "usage errors. Nothing is written.",
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to search for")
    parser.add_argument(
        "--library",
        type=Path,
        action="append",
        metavar="PATH",
        help="a library folder or file (repeatable; default: $BRIEFING_LIBRARY, else "
        "./briefings, else the samples)",
    )
    parser.add_argument(
        "--limit", type=_limit, default=20, metavar="N", help="at most N hits (default 20)"
    )
    add_cache_option(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def _one_line(text: str) -> str:
    """Tabs and line breaks would break the one-line-per-hit format."""
    return " ".join(text.split())


def hit_dict(hit: Hit) -> dict[str, object]:
    return {
        **path_fields("path", hit.path),
        "pane": hit.pane.value,
        "title": hit.title,
        "date": hit.date.isoformat() if hit.date else None,
        "snippet": hit.snippet,
        "highlights": [list(span) for span in hit.highlights],
        "score": round(hit.score, 6),
    }


def _note(message: str) -> None:
    sys.stderr.write(f"briefing search: {message}\n")


def _restore(index: SearchIndex, job: LoadJob) -> bool:
    """Take over the index `--cache` saved for the library exactly as it is now, if any."""
    store = job.index_store
    data = store.load() if store is not None else None
    return store is not None and data is not None and index.restore(data, store.key)


def _save(index: SearchIndex, job: LoadJob) -> None:
    """Keep the index just built for the next call, as the reader does."""
    store = job.index_store
    if store is None or not store.writable or not index.fts5_available:
        return
    if not store.save(lambda: index.snapshot(store.key)):
        _note("the search index could not be saved in the cache folder")


def run(args: argparse.Namespace) -> int:
    text = " ".join(args.query)
    query = parse_query(text)
    if query.is_empty:  # any text is a valid query; this one just cannot match anything
        _note(f"nothing to search for in {text!r} (it has no words, numbers or filters)")
        return EXIT_NONE
    paths: list[Path] = list(args.library) if args.library else default_library_paths()
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            _note(f"{path}: no such file or folder")
        return EXIT_USAGE
    if query.ignored:
        _note("ignored: " + ", ".join(query.ignored))

    return answered(args, "search", lambda job: _answer(args, query, job))


def _answer(args: argparse.Namespace, query: Query, job: LoadJob) -> int:
    index = SearchIndex()
    if index.notice:
        _note(index.notice)
    restored = _restore(index, job)
    library = gather(job)
    unread = sum(1 for p in library.problems if p.severity.value == "error")
    if unread:
        _note(f"{unread} problem(s) while reading the library (see `briefing check`)")
    if restored:
        index.add(index.attach(library.briefings))  # (none, unless the cache was damaged)
    else:
        index.add(library.briefings)
        _save(index, job)
    hits = index.search(query, limit=args.limit)

    if args.json:
        payload = json.dumps([hit_dict(h) for h in hits], indent=2, ensure_ascii=True)
        sys.stdout.write(payload + "\n")
    else:
        for hit in hits:
            fields = (hit.path, hit.pane.value, hit.title, hit.snippet)
            sys.stdout.write("\t".join(_one_line(f) for f in fields) + "\n")
    return EXIT_HITS if hits else EXIT_NONE
