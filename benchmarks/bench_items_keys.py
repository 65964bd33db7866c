"""Keys that need a long document's items, pressed before they are read, must not freeze it.

    python benchmarks/bench_items_keys.py [--work DIR] [--rounds N]

The 200,000-participant minutes of `bench_long` have their items read after the first
screen (`parts_later`).  Right after the Overview shows, this script presses ctrl+f and
types a participant's name (find), waits for it to be found, then escape, `g` (glossary),
escape, ctrl+p and part of the name (palette), and waits for the palette to offer it.
Each key's stall is read from inside the process by
`bench_long`'s probe (probe/stall_probe.py, loaded only into the process it starts): from
Textual making the key event to the first screen update after it, and the event loop's
longest late heartbeat.  Before the items reader, these keys read the items on the
screen's thread: 1.9-2.5 s per key, the loop 1.7-1.9 s late.

Prints each round's figures and exits 1 when a round's worst key or loop lag misses
STALL_TARGET, or find or the palette never offered the name.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from terminal_driver import Terminal, TerminalError, compile_installed

sys.path.insert(0, str(Path(__file__).resolve().parent / "probe"))
from long_documents import participant_items
from stall_figures import Probe, describe_stalls, probe_env, read_probe

STALL_TARGET = 0.100
NAME = "P199998"
FOUND_WAIT = 60.0


def one_round(document: Path, work: Path, number: int, stacks: bool) -> tuple[Probe, bool]:
    out = work / f"items-keys-{number}.probe.json"
    out.unlink(missing_ok=True)
    term = Terminal(f"briefing-items-keys-{os.getpid()}-{number}", work / "home", work)
    found = False
    first_at = quit_at = time.monotonic()
    try:
        term.start(document, env=probe_env(out))
        term.wait_for("Opening remarks", timeout=60)
        first_at = time.monotonic()
        term.press("C-f")
        term.wait_for("text in this briefing")  # the box, before typing into it
        term.type(NAME)
        term.wait_for("1/1", timeout=FOUND_WAIT)  # found once the items were read
        term.press("Escape")
        term.press("g")
        term.wait_for("Glossary")
        term.press("Escape")
        term.press("C-p")
        term.wait_for("Search for commands")
        term.type(NAME[:-1])
        term.wait_for(f"Participant: {NAME}", timeout=FOUND_WAIT)
        found = True
        term.press("Escape")
        quit_at = time.monotonic()
        term.press("q")
        term.wait_exit()
    except TerminalError as error:
        print(f"round {number}: {str(error).splitlines()[0]}")
        quit_at = time.monotonic()
    finally:
        term.close()
    report = json.loads(out.read_text()) if out.exists() else {"keys": [], "paints": []}
    report.setdefault("flushes", [])
    report.setdefault("late", [])
    report.setdefault("beats", 0)
    if stacks and "samples" in report:
        text = describe_stalls(report, first_at, quit_at)
        (work / f"items-keys-{number}.stacks.txt").write_text(text, encoding="utf-8")
    return read_probe(report, first_at, quit_at), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefing-items-keys"))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--stacks", action="store_true", help="stacks of each late beat")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True, mode=0o700)
    document = args.work / "participants.md"
    if not document.exists():
        document.write_text(participant_items(), encoding="utf-8")
    compile_installed()
    missed = 0
    for number in range(1, args.rounds + 1):
        probe, found = one_round(document, args.work, number, args.stacks)
        worst = probe.worst
        stall = probe.stall or 0.0
        load = Path("/proc/loadavg").read_text().split()[0]
        print(
            f"round {number} (load {load}): worst key {worst.key if worst else '-'} "
            f"{stall * 1000:.0f} ms, loop lag {probe.lag * 1000:.0f} ms, "
            f"{probe.late_50} beats > 50 ms late, {len(probe.keys)} keys; "
            f"found and offered: {'yes' if found else 'NO'}"
        )
        print("  " + " ".join(f"{k.key}:{k.stall * 1000:.0f}" for k in probe.keys))
        ok = found and stall <= STALL_TARGET and probe.lag <= STALL_TARGET
        missed += not ok
    print(f"target: every key and the loop within {STALL_TARGET * 1000:.0f} ms; missed {missed}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
