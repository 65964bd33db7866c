"""Long documents must not freeze the reader: issue 13's figures, measured in a real terminal.

    python benchmarks/bench_long.py [--only NAME ...] [--work DIR] [--stacks] [--profile]

For each generated document it runs the installed `briefing` command on that one file inside
tmux (120x40, via tests/terminal_driver.py, an empty HOME) and polls the screen every 10 ms:

- first screen: from launch until the document's first words are on screen in the Overview;
  for a document whose long text is in another pane (topics, outcomes), from the pane's key
  (pressed once the Overview is on screen) until that text's first words are on screen.
  The figure is the median of `--launches` launches (3), and every launch's figure is
  printed under the row: one launch on this machine read the same 100,000 headings at
  1.25 s and at 2.33 s, and the reading thread's own CPU time for the same file ranged
  from 0.42 to 0.67 s, so a single launch says as much about the machine as the reader;
- peak RSS of the app process (VmHWM) until it is asked to quit;
- stalls: after the first screen, while the rest is still laid out and indexed, and again
  `--later` seconds after that round, the reader turns to the text (enter, or the pane's
  key), pages down and up, presses j and k, Tab twice, the panes 4 3 2 1, `/` (search) and
  Escape, and pages again; each key is sent once the screen changed after the one before;
- quit: from `q` until the process has exited.

Stalls are seen from two places, printed side by side:

- "stall: probe", the target: from inside the process, each key's time from Textual's input
  thread making its Key event to the first screen update flushed to the terminal after
  every handler of that key returned (its worst), and "loop lag", the event loop's longest
  late heartbeat (a 5 ms beat) between first screen and `q`.  A key's screen update is
  the first after something the key caused asked for a repaint; a key that caused none
  (enter in the Overview's text, j on a table whose rows are still being prepared) is
  timed to handled, as a key after which tmux saw nothing change: the next update, a
  layout growing the scrollbar or a worker's rows, is the background's.  The probe
  (probe/stall_probe.py) is loaded by probe/sitecustomize.py, which Python imports at start
  because this script puts probe/ on PYTHONPATH, and sets LONGBENCH_PROBE_OUT, for the
  `briefing` it starts and for nothing else: the product holds no hook, and a normal run
  never loads the probe.  It patches Textual's classes as `textual.app` is imported and
  writes its records to that file when the app's run ends.  With --stacks, a watchdog
  thread's samples of every thread's stack while the loop was late go to NAME.stacks.txt.
- "stall: tmux", the outer view: from `send-keys` until `capture-pane` differs.  It adds
  tmux's own delivery and capture (about 0.15 s on a quiet machine for a 20 KB document
  with nothing to do), so it has no target; it is what a person at the terminal gets.

It prints one table and exits 1 if any figure with a target misses it (a document that
never reaches its first screen within --timeout misses every target).  Figures vary with
machine load; run it on a quiet machine.  The first row is a control: a 20 KB document
whose layout is done about 0.1 s after its first screen (a screenful before it, the rest in
the layout thread), with nothing else left in the background.  When the
control itself misses, the machine is too busy to judge the others, and the script says so
(the exit code still counts every miss).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# The tmux driver the e2e tests use (tests/terminal_driver.py): one way to run the reader
# in a terminal, read its screen, its pid and its peak RSS.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from terminal_driver import BRIEFING, Terminal, TerminalError, compile_installed

sys.path.insert(0, str(Path(__file__).resolve().parent / "probe"))
from long_documents import CASES, CONTROL, Case
from stall_figures import Probe, describe_stalls, probe_env, read_probe

# One tmux server per run, so runs from two worktrees at once do not collide.
SOCKET = f"briefing-long-bench-{os.getpid()}"
POLL = 0.01
STALL_PRESSES = 4
KEY_WAIT = 2.0  # the outer view gives up on a key that changed nothing on screen after this
STALL_TARGET = 0.100
QUIT_TARGET = 0.5


@dataclass
class Result:
    first: float | None = None
    rss: float | None = None
    stall: float | None = None  # outer view: tmux, key sent to a changed capture
    unchanged: int = 0  # keys after which tmux saw no change within KEY_WAIT
    changed: list[bool] = field(default_factory=list)  # per key sent, in order
    quit: float | None = None
    probe: Probe | None = None  # inner view: the probe inside the process
    launches: list[float | None] = field(default_factory=list)  # each launch's first screen


def measure(path: Path, case: Case, args: argparse.Namespace, home: Path) -> Result:
    """`--launches` launches: the first screen is their median, peak RSS their highest; the
    last launch also presses the keys."""
    runs = [run_case(path, case, args, home, keys=False) for _ in range(args.launches - 1)]
    result = run_case(path, case, args, home)
    runs.append(result)
    result.launches = [run.first for run in runs]
    times = sorted(float("inf") if first is None else first for first in result.launches)
    result.first = times[len(times) // 2]
    result.rss = max((run.rss for run in runs if run.rss is not None), default=None)
    return result


def wait_for(
    term: Terminal, test: Callable[[str], bool], timeout: float, result: Result
) -> float | None:
    """Seconds until `test(screen)` holds, or None at the timeout; notes peak RSS meanwhile."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if test(term.screen()):
            return time.perf_counter() - start
        result.rss = term.peak_rss_mb() or result.rss
        time.sleep(POLL)
    return None


def keys_for(case: Case) -> list[str]:
    """One round of keys: into the text, paging, moving, every pane, search and back."""
    into = ["enter"] if case.pane == "1" else [case.pane]
    paging = ["PageDown", "PageUp"] * (STALL_PRESSES // 2)
    panes = ["Tab", "Tab", "4", "3", "2", "1", "/", "Escape"]
    return [*into, *paging, "j", "k", *panes, *into, *paging]


def press_round(term: Terminal, keys: list[str], result: Result, stalls: list[float]) -> None:
    for key in keys:
        before = term.screen()
        term.press(key)
        took = wait_for(term, lambda s, b=before: s != b, KEY_WAIT, result)
        result.changed.append(took is not None)
        if took is None:
            result.unchanged += 1
        else:
            stalls.append(took)


def run_case(
    path: Path, case: Case, args: argparse.Namespace, home: Path, keys: bool = True
) -> Result:
    """One launch; with `keys`, the rounds of keys and the probe's figures too."""
    result = Result()
    term = Terminal(SOCKET, home)
    out = args.work / f"{case.name}.probe.json"
    out.unlink(missing_ok=True)
    timeout = args.timeout
    first_at = quit_at = 0.0
    try:
        start = time.perf_counter()
        term.start(path, env=probe_env(out, args.profile))
        term.wait_pid()
        shown = wait_for(term, lambda s: case.marker in s, timeout, result)
        if shown is not None:
            result.first = time.perf_counter() - start  # from launch, not from the first poll
            first_at = time.monotonic()
            stalls: list[float] = []
            if case.pane_marker:
                # The text is in another pane: its first screen is from the key to its text.
                term.press(case.pane)
                result.first = wait_for(term, lambda s: case.pane_marker in s, timeout, result)
                if result.first is None:
                    raise TerminalError(f"{case.pane_marker!r} not on screen")
                result.changed.append(True)
            if keys:
                # While the rest is laid out and indexed, then once more after a pause.
                press_round(term, keys_for(case), result, stalls)
                time.sleep(args.later)
                press_round(term, keys_for(case), result, stalls)
                result.stall = max(stalls, default=None)
        result.rss = term.peak_rss_mb() or result.rss
        asked = time.perf_counter()
        quit_at = time.monotonic()
        term.press("q")
        while time.perf_counter() - asked < timeout and term.running:
            time.sleep(POLL)
        if not term.running:
            result.quit = time.perf_counter() - asked
    except TerminalError as error:
        print(f"{case.name}: {str(error).splitlines()[0]}")
    finally:
        term.close()
    if keys and first_at and quit_at and out.exists():
        report = json.loads(out.read_text(encoding="utf-8"))
        result.probe = read_probe(report, first_at, quit_at, result.changed)
        if args.stacks:
            stacks = args.work / f"{case.name}.stacks.txt"
            text = describe_stalls(report, first_at, quit_at, result.changed)
            stacks.write_text(text, encoding="utf-8")
    return result


def fmt(value: float | None, target: float | None, unit: str = "s") -> tuple[str, bool]:
    if value is None or value == float("inf"):
        return ("--" if target is None else f"-- / {target:g}{unit}"), target is None
    figure = f"{value:.0f}" if unit == " MB" else f"{value:.2f}"
    if target is None:
        return f"{figure}{unit}", True
    ok = value <= target
    return f"{figure}{unit} / {target:g}{unit}{'' if ok else ' MISS'}", ok


COLUMNS = (
    ("first screen", 19),
    ("peak RSS", 17),
    ("stall: probe", 19),
    ("loop lag", 10),
    ("stall: tmux", 13),
    ("q to exit", 16),
)


def row(case: Case, path: Path, result: Result) -> tuple[str, bool]:
    probe = result.probe
    cells = [
        fmt(result.first, case.first_target),
        fmt(result.rss, case.rss_target, " MB"),
        fmt(probe.stall if probe else None, STALL_TARGET),
        fmt(probe.lag if probe else None, None),
        fmt(result.stall, None),
        fmt(result.quit, QUIT_TARGET),
    ]
    size = path.stat().st_size / 1e6
    label = f"{case.describe} ({size:.1f} MB)" if size >= 1 else case.describe
    line = "".join(f"{text:>{w}}" for (text, _), (_, w) in zip(cells, COLUMNS, strict=True))
    return f"{label:<30}{line}", all(ok for _, ok in cells)


def detail(result: Result) -> str:
    """The worst key, as the probe saw it, and what the outer view could not see."""
    probe = result.probe
    worst = probe.worst if probe else None
    each = ", ".join("--" if first is None else f"{first:.2f}" for first in result.launches)
    launches = f"  first screen of each launch: {each}\n" if len(result.launches) > 1 else ""
    if probe is None or worst is None:
        return launches + "  probe: no figures (the process did not report)"
    paint = "" if worst.painted else ", no screen update followed"
    if not worst.changed or worst.caused_nothing:
        paint += ", a key that changed nothing on screen: timed to handled"
    matched = len(result.changed) == len(probe.keys)
    unchanged = (
        f"; {result.unchanged} keys changed nothing on screen (tmux), timed to handled"
        if matched and result.unchanged
        else f"; {len(result.changed)} keys sent, {len(probe.keys)} seen: none excluded"
        if not matched
        else ""
    )
    idle = sum(k.caused_nothing for k in probe.keys)
    if idle:
        unchanged += f"; {idle} keys caused no repaint (the next was the background's),"
        unchanged += " timed to handled"
    return launches + (
        f"  probe: worst key {worst.key!r} {worst.stall * 1000:.0f} ms (waited for the loop "
        f"{worst.waited * 1000:.0f} ms, handled by {worst.handled * 1000:.0f} ms{paint}, "
        f"{worst.cpu * 1000:.0f} ms of the loop's CPU); most CPU for one key "
        f"{(probe.cpu or 0) * 1000:.0f} ms; "
        f"{len(probe.keys)} keys, {probe.late_50} heartbeats > 50 ms late{unchanged}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=[c.name for c in CASES])
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefing-long"))
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--later", type=float, default=2.0, help="pause before round two")
    parser.add_argument(
        "--launches", type=int, default=3, help="launches per document; first screen: median"
    )
    parser.add_argument("--regenerate", action="store_true", help="write the documents again")
    parser.add_argument(
        "--stacks", action="store_true", help="write NAME.stacks.txt: stacks of each stall"
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the UI thread from the first key (skews)"
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None or BRIEFING is None:
        print("needs tmux and the installed `briefing` command")
        return 1
    args.work.mkdir(parents=True, exist_ok=True)
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"{os.cpu_count()} cores (load average {load}), tmux 120x40, "
        f"`{BRIEFING}`; figure / target.  stall: probe = key to screen "
        "inside the process (the target); loop lag = the event loop's longest late beat; "
        "stall: tmux = key sent to a changed capture-pane (outer view, its floor ~0.15 s)"
    )
    print(f"first screen: the median of {args.launches} launches, each printed under its row")
    print(f"{'document':<30}" + "".join(f"{name:>{w}}" for name, w in COLUMNS))
    all_ok = True
    compile_installed()
    # The first launch also reads every module from disk (the control's first screen read
    # 4.9 s so): one launch unmeasured.
    warm_up = True
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        path = args.work / f"{case.name}.md"
        if not path.exists() or args.regenerate:
            path.write_text(case.build(), encoding="utf-8")
        if warm_up:
            run_case(path, case, args, args.work / "home")
            warm_up = False
        result = measure(path, case, args, args.work / "home")
        line, ok = row(case, path, result)
        all_ok &= ok
        print(line)
        print(detail(result))
        sys.stdout.flush()
        if case.name == CONTROL and not ok:
            print("  (the control misses: the machine is too busy to judge the rows below)")
    print(f"load average at the end: {', '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print("all targets met" if all_ok else "some targets missed")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
