"""Time one cached load in a fresh process, against unpickling the same results.

python benchmarks/time_cached_load.py LIBRARY CACHE_DIR

Prints `cache_seconds pickle_seconds briefings`: the cache's seconds are opening it, listing
the library and taking every result from it (what a second start waits for before the list
is whole); the pickle's are listing the library and unpickling the same results from bytes
in memory, which is what the pickle cache (format 2, read from disk until issue 12) cost.
No pickle is ever read from disk here: the bytes are made in this process.
"""

from __future__ import annotations

import argparse
import os
import pickle
import time
from pathlib import Path

from briefing_tui.cache import LoadCache
from briefing_tui.cache_lazy import materialize
from briefing_tui.library import LoadJob
from briefing_tui.memory import paused_gc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", type=Path)
    parser.add_argument("cache", type=Path)
    args = parser.parse_args()
    with paused_gc():
        start = time.perf_counter()
        cache = LoadCache.open(args.cache, [args.library])
        job = LoadJob([args.library], cache=cache, search_rows=True)
        results = list(job)
        cached = time.perf_counter() - start
        missed = cache.misses
        for result in results:
            if result.briefing is not None:
                materialize(result.briefing)
        image = pickle.dumps({os.fspath(r.path): r for r in results}, pickle.HIGHEST_PROTOCOL)
        start = time.perf_counter()
        LoadJob([args.library])
        pickle.loads(image)
        pickled = time.perf_counter() - start
    briefings = sum(1 for r in results if r.briefing is not None)
    print(f"{cached:.3f} {pickled:.3f} {briefings} {missed}")


if __name__ == "__main__":
    main()
