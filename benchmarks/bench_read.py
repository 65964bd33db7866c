"""Reading big Markdown shapes must stay cheap: `read_document` alone, no terminal.

    python benchmarks/bench_read.py [--only NAME ...] [--repeat 3]

The documents are the ones bench_long.py opens in a terminal (400 sections, 100,000
headings, 200,000 participant items) and bench_hostile.py's 8 MB of table rows.  Reading
dominates "launch to first screen" for them, so each is read here in-process, best of
--repeat runs, against its own target.  Prints one line per case and exits 1 on any miss.
Figures vary with machine load; run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_documents import headings, participant_items, sections_400

MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    describe: str
    build: Callable[[], bytes]
    target: float  # seconds


def _table_rows() -> bytes:
    size = 8 * MB - 64
    return b"# Table\n\n|a|b|\n|-|-|\n" + b"|x|y|\n" * (size // 6)


CASES = (
    Case("sections", "350 KB, 400 sections", lambda: sections_400().encode(), 0.05),
    Case("h100k", "100,000 headings", lambda: headings(100_000)().encode(), 1.0),
    Case("items", "200,000 participant items", lambda: participant_items().encode(), 3.0),
    Case("table", "8 MB of table rows", _table_rows, 1.0),
)


def main() -> int:
    from briefing_tui.readers.documents import read_document

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", choices=[c.name for c in CASES])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    missed = False
    print(f"{'case':<28} {'size':>8} {'best':>8} {'target':>8}")
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        data = case.build()
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            read_document(f"{case.name}.md", data)
            best = min(best, time.perf_counter() - start)
        ok = best <= case.target
        missed |= not ok
        size = f"{len(data) / 1024:,.0f} KB"
        mark = "" if ok else "  MISS"
        print(f"{case.describe:<28} {size:>8} {best:7.3f}s {case.target:7.2f}s{mark}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
