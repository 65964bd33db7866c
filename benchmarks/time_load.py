"""Print how long `load_library` takes for one folder, in a fresh process (no terminal).

python benchmarks/time_load.py LIBRARY [--workers N] [--index] [--cpu]

Prints "seconds briefings peak-MB".  With --index it loads the way the reader does instead
(a LoadJob whose workers fold the search rows, every batch put in the FTS5 index), the
figure free of drawing.  With --cpu it also prints where the CPU time went: this process
(unpickling results, building the index) and the worker processes (reading and parsing),
which on 2 cores tells whether a start can get faster at all.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from briefing_tui.library import LoadJob, load_library


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


# CPU seconds of each worker process, read from /proc while it runs: the pool's workers are
# children of the forkserver, so getrusage(RUSAGE_CHILDREN) never counts them.
_worker_cpu: dict[int, float] = {}


def _note_workers(job: LoadJob) -> None:
    pool = getattr(job, "_pool", None)
    for pid in list((getattr(pool, "_processes", None) or {}).keys()):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        _worker_cpu[pid] = ticks / os.sysconf("SC_CLK_TCK")


def _load_and_index(library: Path, workers: int | None) -> int:
    from briefing_tui.search import SearchIndex

    index = SearchIndex()
    batch: list = []  # type: ignore[type-arg]
    count = 0
    job = LoadJob([library], workers=workers, search_rows=True)
    for n, result in enumerate(job):
        if n % 100 == 0:
            _note_workers(job)
        if result.briefing is not None:
            batch.append((result.briefing, result.search_row))
            count += 1
        if len(batch) >= 200:  # the app's indexer slice (ui/services/search_index.SLICE)
            index.add([b for b, _ in batch], [r for _, r in batch], hold=True)
            batch = []
    if batch:
        index.add([b for b, _ in batch], [r for _, r in batch], hold=True)
    index.settle()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--index", action="store_true", help="load and index as the reader does")
    parser.add_argument("--cpu", action="store_true", help="also print CPU seconds by process")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.index:
        count = _load_and_index(args.library, args.workers)
    else:
        count = len(load_library([args.library], workers=args.workers).briefings)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {count} {peak:.0f}")
    if args.cpu:
        own, workers = _cpu(resource.RUSAGE_SELF), sum(_worker_cpu.values())
        seen = "" if args.index else " (not measured without --index)"
        print(f"cpu: this process {own:.2f}s, workers {workers:.2f}s{seen}, wall {elapsed:.2f}s")


if __name__ == "__main__":
    main()
