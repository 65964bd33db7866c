"""The library commands with `--cache` on a big library (issue 13 item 5), as installed.

    python benchmarks/bench_cli.py [--count 10000] [--work /tmp/briefing-bench]

For `briefing search`, `entities`, `outcomes` and `timeline` it times a first call with
`--cache DIR` (which parses the library, or takes it from a cache another command filled,
and keeps the answer), then the same call again: the second must take at most 1.5 s.  It
also times a search for words not asked before (the saved index is restored, nothing is
parsed) and, for reference, one call without `--cache`.  Prints the figures; exits 1 when a
second call misses its target.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench_startup import ensure_library

from terminal_driver import BRIEFING

TARGET = 1.5
COMMANDS = [["search", "evidence"], ["entities"], ["outcomes"], ["timeline"]]


def timed(args: list[str]) -> tuple[float, int]:
    """(seconds, exit code) of `briefing ARGS`, output discarded."""
    command = BRIEFING or "briefing"
    start = time.perf_counter()
    done = subprocess.run([command, *args], capture_output=True, check=False)
    return time.perf_counter() - start, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefing-bench"))
    parser.add_argument("--keep-cache", action="store_true", help="reuse an earlier run's cache")
    args = parser.parse_args()
    if BRIEFING is None:
        print("needs the installed `briefing` command")
        return 1
    library = ensure_library(args.work, args.count)
    cache = args.work / f"cli-cache-{args.count}"
    if not args.keep_cache:
        shutil.rmtree(cache, ignore_errors=True)
    common = ["--library", str(library), "--cache", str(cache)]
    ok = True
    for command in COMMANDS:
        name = " ".join(command)
        first, code = timed([*command, *common])
        second, again = timed([*command, *common])
        verdict = "ok" if second <= TARGET and again == code else "OVER"
        ok = ok and verdict == "ok"
        print(
            f"{args.count:>6} briefings, briefing {name:<16} first {first:6.2f}s, "
            f"second {second:5.2f}s (target <= {TARGET}s, {verdict})"
        )
    fresh, _ = timed(["search", f"cybercrime {time.time_ns()}", *common])
    print(f"{args.count:>6} briefings, a search not asked before (index restored): {fresh:.2f}s")
    plain, _ = timed(["search", "evidence", "--library", str(library)])
    print(f"{args.count:>6} briefings, briefing search without --cache: {plain:.2f}s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
