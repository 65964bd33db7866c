"""Long documents must not freeze the reader: issue 13's figures, measured in a real terminal.

    python benchmarks/bench_long.py [--only NAME ...] [--work /tmp/briefing-long] [--timeout 30]

For each generated document it runs the installed `briefing` command on that one file inside
tmux (120x40, via tests/terminal_driver.py, an empty HOME) and polls the screen every 10 ms:

- first screen: from launch until the document's first words are on screen in the Overview;
  for a document whose long text is in another pane (topics, outcomes), from the pane's key
  (pressed once the Overview is on screen) until that text's first words are on screen;
- peak RSS of the app process (VmHWM) until it is asked to quit;
- longest stall: after the first screen, while the rest is still being laid out and indexed,
  the reader turns to the text (enter; for the 200,000 participants, `2` to their table;
  for topics and outcomes, the pane's key) and pages down and up through it; each key is
  timed until the screen has changed;
- quit: from `q` until the process has exited.

It prints one table and exits 1 if any figure misses its target (a document that never
reaches its first screen within --timeout misses every target).  Figures vary with machine
load; run it on a quiet machine.  The first row is a control: a 20 KB document laid out at
once, with nothing left to do in the background once it shows.  Its figures are what the
machine allows at the moment; when the control itself misses, the machine is too busy to
judge the others, and the script says so (the exit code still counts every miss).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The tmux driver the e2e tests use (tests/terminal_driver.py): one way to run the reader
# in a terminal, read its screen, its pid and its peak RSS.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from terminal_driver import Terminal, TerminalError

# One tmux server per run, so runs from two worktrees at once do not collide.
SOCKET = f"briefing-long-bench-{os.getpid()}"
POLL = 0.01
STALL_PRESSES = 8
STALL_TARGET = 0.100
QUIT_TARGET = 0.5
WORDS = [
    *("evidence", "request", "prosecutor", "liaison", "warrant", "custody", "channel"),
    *("platform", "subscriber", "data", "preservation", "order", "judicial", "authority"),
    *("cooperation", "protocol", "seizure", "freezing", "assets"),
]


@dataclass(frozen=True)
class Case:
    name: str
    describe: str
    build: Callable[[], str]
    marker: str  # text on screen once the Overview shows the document's first words
    first_target: float
    rss_target: float
    pane: str = "1"  # the pane whose text or table is paged through for the stall figure
    pane_marker: str = ""  # text on screen once that pane shows its text (first screen then)


def _front(title: str) -> str:
    return f"---\ntitle: {title}\ndate: 2025-03-04\nmarking: TLP:GREEN\n---\n\n"


def _sentence(n: int, words: int = 12) -> str:
    picked = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(words)]
    return " ".join(picked).capitalize() + "."


def sections_400() -> str:
    parts = [_front("Four hundred sections")]
    n = 0
    while sum(map(len, parts)) < 350_000:
        n += 1
        lead = "Opening remarks kickoff. " if n == 1 else ""
        body = " ".join(_sentence(n * 31 + i) for i in range(6))
        parts.append(
            f"## Session {n}: cooperation item\n\n{lead}{body}\n\n"
            f"- {_sentence(n)}\n  - {_sentence(n + 1)}\n  - {_sentence(n + 2)}\n"
            f"- {_sentence(n + 3)}\n\n"
            "| Country | Requests | Notes |\n| --- | ---: | --- |\n"
            f"| FR | {n} | {_sentence(n, 4)} |\n| DE | {n + 1} | {_sentence(n + 1, 4)} |\n"
            f"| NL | {n + 2} | {_sentence(n + 2, 4)} |\n\n"
        )
    return "".join(parts)


def headings(count: int) -> Callable[[], str]:
    def build() -> str:
        body = "".join(f"## H{n}\n\nNote {n} of the list kept.\n\n" for n in range(1, count + 1))
        return _front(f"{count} headings") + body

    return build


def participant_items() -> str:
    lines = [_front("Two hundred thousand participants"), "## Background\n\n"]
    lines.append("Opening remarks kickoff of a very large meeting.\n\n## Participants\n\n")
    lines += [f"- P{n}, Prosecutor, Office {n % 97}, FR\n" for n in range(200_000)]
    return "".join(lines)


def code_block(language: str, size: int) -> Callable[[], str]:
    def build() -> str:
        if language == "html":
            line = '<div class="row"><span id="c{n}">cell {n}</span><a href="#x">link</a></div>\n'
        else:
            line = "def handler_{n}(value: int) -> int:\n    return value * {n} + len('text')\n"
        out = [_front(f"A 2 MB {language} block"), "## Annex\n\n", f"```{language}\n"]
        out.append("kickoff_first_line = 1\n" if language == "python" else "<!-- kickoff -->\n")
        total, n = 0, 0
        while total < size:
            chunk = line.format(n=n)
            out.append(chunk)
            total += len(chunk)
            n += 1
        out.append("```\n")
        return "".join(out)

    return build


def long_paragraph() -> str:
    words = ["Opening", "remarks", "kickoff"]
    words += [WORDS[(n * 7) % len(WORDS)] for n in range(700_000 - 3)]
    return _front("One paragraph of 700,000 words") + "## Notes\n\n" + " ".join(words) + ".\n"


def pane_prose(heading: str, lead: str) -> Callable[[], str]:
    """A short Overview, then a pane heading over 12,000 lines of prose (no list items, so
    all of it is the pane's text): 400 paragraphs of 30 lines, about 1.1 MB."""

    def build() -> str:
        out = [_front(f"Long {heading.lower()} text"), "## Background\n\n"]
        out.append("Opening remarks kickoff of a long meeting.\n\n")
        out.append(f"## {heading}\n\n{lead} first line of the text.\n\n")
        for n in range(400):
            out.append("\n".join(_sentence(n * 30 + i, 14) for i in range(30)) + "\n\n")
        return "".join(out)

    return build


def topic_paragraph() -> str:
    """One paragraph of 700,000 words as the notes on the topics (Rich wraps a paragraph
    whole before it yields a line: 18 s in one call that cannot be stopped)."""
    words = ["Topics", "kickoff", "paragraph"]
    words += [WORDS[(n * 7) % len(WORDS)] for n in range(700_000 - 3)]
    body = "## Background\n\nOpening remarks kickoff of a long meeting.\n\n## Topics\n\n"
    return _front("A topics text of 700,000 words") + body + " ".join(words) + ".\n"


def small() -> str:
    return headings(400)()


CONTROL = "control"

CASES = (
    Case(CONTROL, "control: 20 KB, 400 headings", small, "Note 1 of the list", 1.0, 200),
    Case("sections", "350 KB, 400 sections", sections_400, "Opening remarks kickoff", 1.0, 400),
    Case("h10k", "10,000 headings", headings(10_000), "Note 1 of the list", 1.0, 200),
    Case("h100k", "100,000 headings", headings(100_000), "Note 1 of the list", 1.5, 400),
    Case(
        "items", "200,000 list items", participant_items, "Opening remarks kickoff", 1.5, 400, "2"
    ),
    Case("html", "2 MB ```html block", code_block("html", 2_000_000), "<!-- kickoff -->", 1.5, 400),
    Case("words", "700,000-word paragraph", long_paragraph, "Opening remarks kickoff", 1.5, 400),
    Case(
        "python",
        "2 MB ```python block",
        code_block("python", 2_000_000),
        "kickoff_first_line",
        1.5,
        400,
    ),
    Case(
        "topics",
        "12,000-line topics text",
        pane_prose("Topics", "Topics kickoff"),
        "Opening remarks kickoff",
        1.5,
        400,
        "3",
        "Topics kickoff first line",
    ),
    Case(
        "outcomes",
        "12,000-line outcomes text",
        pane_prose("Outcomes", "Outcomes kickoff"),
        "Opening remarks kickoff",
        1.5,
        400,
        "4",
        "Outcomes kickoff first line",
    ),
    Case(
        "topicwords",
        "700,000-word topics text",
        topic_paragraph,
        "Opening remarks kickoff",
        1.5,
        400,
        "3",
        "Topics kickoff paragraph",
    ),
)


@dataclass
class Result:
    first: float | None = None
    rss: float | None = None
    stall: float | None = None
    quit: float | None = None


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


def run_case(path: Path, case: Case, timeout: float, home: Path) -> Result:
    result = Result()
    term = Terminal(SOCKET, home)
    try:
        start = time.perf_counter()
        term.start(path)
        term.wait_pid()
        shown = wait_for(term, lambda s: case.marker in s, timeout, result)
        if shown is not None:
            result.first = time.perf_counter() - start  # from launch, not from the first poll
            stalls: list[float] = []
            keys = ["enter"] if case.pane == "1" else [case.pane]
            if case.pane_marker:
                # The text is in another pane: its first screen is from the key to its text.
                term.press(case.pane)
                result.first = wait_for(term, lambda s: case.pane_marker in s, timeout, result)
                if result.first is None:
                    raise TerminalError(f"{case.pane_marker!r} not on screen")
                keys = []
            keys += ["PageDown", "PageUp"] * (STALL_PRESSES // 2)
            for key in keys:
                before = term.screen()
                term.press(key)
                took = wait_for(term, lambda s, b=before: s != b, timeout, result)
                if took is None:
                    stalls.append(float("inf"))
                    break
                stalls.append(took)
            result.stall = max(stalls)
        result.rss = term.peak_rss_mb() or result.rss
        asked = time.perf_counter()
        term.press("q")
        while time.perf_counter() - asked < timeout and term.running:
            time.sleep(POLL)
        if not term.running:
            result.quit = time.perf_counter() - asked
    except TerminalError as error:
        print(f"{case.name}: {str(error).splitlines()[0]}")
    finally:
        term.close()
    return result


def fmt(value: float | None, target: float, unit: str = "s") -> tuple[str, bool]:
    if value is None or value == float("inf"):
        return f"-- / {target:g}{unit}", False
    ok = value <= target
    figure = f"{value:.0f}" if unit == " MB" else f"{value:.2f}"
    return f"{figure}{unit} / {target:g}{unit}{'' if ok else ' MISS'}", ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=[c.name for c in CASES])
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefing-long"))
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--regenerate", action="store_true", help="write the documents again")
    args = parser.parse_args()
    if shutil.which("tmux") is None or shutil.which("briefing") is None:
        print("needs tmux and the installed `briefing` command")
        return 1
    args.work.mkdir(parents=True, exist_ok=True)
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"{os.cpu_count()} cores (load average {load}), tmux 120x40, "
        f"`{shutil.which('briefing')}`; figure / target"
    )
    header = f"{'document':<30}{'first screen':>20}{'peak RSS':>20}{'longest stall':>20}"
    print(header + f"{'q to exit':>18}")
    all_ok = True
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        path = args.work / f"{case.name}.md"
        if not path.exists() or args.regenerate:
            path.write_text(case.build(), encoding="utf-8")
        result = run_case(path, case, args.timeout, args.work / "home")
        cells = [
            fmt(result.first, case.first_target),
            fmt(result.rss, case.rss_target, " MB"),
            fmt(result.stall, STALL_TARGET),
            fmt(result.quit, QUIT_TARGET),
        ]
        all_ok &= all(ok for _, ok in cells)
        size = path.stat().st_size / 1e6
        label = f"{case.describe} ({size:.1f} MB)" if size >= 1 else case.describe
        widths = (20, 20, 20, 18)
        row = "".join(f"{text:>{w}}" for (text, _), w in zip(cells, widths, strict=True))
        print(f"{label:<30}{row}")
        sys.stdout.flush()
        if case.name == CONTROL and not all(ok for _, ok in cells):
            print("  (the control misses: the machine is too busy to judge the rows below)")
    print(f"load average at the end: {', '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print("all targets met" if all_ok else "some targets missed")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
