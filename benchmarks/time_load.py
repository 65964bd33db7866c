"""Print how long `load_library` takes for one folder, in a fresh process (no terminal).

python benchmarks/time_load.py LIBRARY [--workers N]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from briefing_tui.library import load_library


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    start = time.perf_counter()
    library = load_library([args.library], workers=args.workers)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {len(library.briefings)} {peak:.0f}")


if __name__ == "__main__":
    main()
