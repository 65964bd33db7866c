"""How well the reader fills the panes of real-shaped documents (tests/corpus/).

    python benchmarks/bench_corpus.py [--corpus DIR] [--quiet]

For each document: whether it is titled from the document (not from its file name), its
date, how many panes are filled (participants, topics, outcomes), the counts, problems, and
the time to read it.  Then the totals, and exit status 1 when a target is missed:

- no document raises (a traceback is a reader bug, whatever the document);
- at least 95% are titled from the document;
- at least 70% fill two or more panes;
- every minutes document that has action items has outcomes;
- every programme has topics and participants.

The kind of each document (minutes, programme, ...) comes from tests/corpus/expected.json
when it is there; a folder without one is measured on the first three targets only, so the
script also works on documents kept elsewhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

from briefing_tui.model import Briefing
from briefing_tui.readers.build import title_from_path
from briefing_tui.readers.documents import BRIEFING_SUFFIXES, read_document

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
_NOT_DOCS = frozenset({"SOURCES.md", "README.md", "expected.json"})
TITLED_TARGET = 0.95
PANES_TARGET = 0.70


def panes(b: Briefing) -> int:
    return sum(bool(x) for x in (b.participants, b.topics, b.outcomes))


def titled(b: Briefing) -> bool:
    return b.title != title_from_path(b.path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args(argv)
    manifest_path = args.corpus / "expected.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    files = sorted(
        p
        for p in args.corpus.rglob("*")
        if p.is_file() and p.name.lower().endswith(BRIEFING_SUFFIXES) and p.name not in _NOT_DOCS
    )
    if not files:
        print(f"no documents under {args.corpus}")
        return 1
    rows = []
    crashes: list[str] = []
    misses: list[str] = []
    total_ms = 0.0
    header = (
        f"{'document':44} {'titled':6} {'date':23} {'panes':5} "
        f"{'P':>3} {'T':>3} {'O':>3} {'prob':>4} {'ms':>6}"
    )
    if not args.quiet:
        print(header)
    for path in files:
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            result = read_document(str(path), data)
        except Exception:  # the measure: any exception is a miss
            crashes.append(f"{path.name}: {traceback.format_exc(limit=3)}")
            continue
        ms = (time.perf_counter() - start) * 1000
        total_ms += ms
        b = result.briefing
        if b is None:
            misses.append(f"{path.name}: not read ({'; '.join(map(str, result.problems))})")
            continue
        rows.append((path, b))
        if not args.quiet:
            print(
                f"{path.name[:44]:44} {'yes' if titled(b) else 'NO':6} {b.date_range() or '-':23} "
                f"{panes(b):5} {len(b.participants):3} {len(b.topics):3} {len(b.outcomes):3} "
                f"{len(result.problems):4} {ms:6.1f}"
            )
        kind = manifest.get(path.name, {}).get("kind", "")
        if kind == "minutes" and manifest[path.name].get("action_items") and not b.outcomes:
            misses.append(f"{path.name}: minutes with action items but no outcomes")
        if kind == "programme" and not (b.topics and b.participants):
            misses.append(f"{path.name}: programme without topics and participants")
    n = len(files)
    n_titled = sum(titled(b) for _, b in rows)
    n_panes = sum(panes(b) >= 2 for _, b in rows)
    print()
    print(f"documents:                {n}")
    print(f"tracebacks:               {len(crashes)}")
    print(
        f"titled from the document: {n_titled}/{n} ({n_titled / n:.0%}; target {TITLED_TARGET:.0%})"
    )
    print(f"two or more panes:        {n_panes}/{n} ({n_panes / n:.0%}; target {PANES_TARGET:.0%})")
    print(f"with a date:              {sum(b.date is not None for _, b in rows)}/{n}")
    print(
        f"participants, topics, outcomes: {sum(len(b.participants) for _, b in rows)}, "
        f"{sum(len(b.topics) for _, b in rows)}, {sum(len(b.outcomes) for _, b in rows)}"
    )
    print(f"read time:                {total_ms:.1f} ms in all, {total_ms / n:.2f} ms a document")
    if n_titled / n < TITLED_TARGET:
        misses.append(f"titled {n_titled / n:.1%} < {TITLED_TARGET:.0%}")
    if n_panes / n < PANES_TARGET:
        misses.append(f"two or more panes {n_panes / n:.1%} < {PANES_TARGET:.0%}")
    for line in crashes + misses:
        print(f"MISS {line}")
    return 1 if crashes or misses else 0


if __name__ == "__main__":
    sys.exit(main())
