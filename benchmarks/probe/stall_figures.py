"""bench_long's reading of what stall_probe recorded inside the `briefing` process.

The probe writes raw records (keys, late heartbeats, screen writes, flushes, stacks) with
`time.monotonic()` stamps; the bench knows, on the same clock, when the first screen
showed and when it pressed `q`, and judges only what happened between the two.
"""

from __future__ import annotations

import bisect
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

PROBE_DIR = Path(__file__).resolve().parent
# A key's screen update must come this soon after its handling ended to count as its own.
PAINT_WAIT = 1.0
# Heartbeats later than this in one run are listed with the stacks sampled meanwhile.
STALL_SHOWN = 0.050
# A key that waited this long for the loop is listed with the slow runs it waited behind.
WAIT_SHOWN = 0.015


@dataclass(frozen=True)
class KeyTime:
    key: str
    total: float  # Key event made -> its screen update flushed (or its handling ended)
    waited: float  # made -> the loop began dispatching it
    handled: float  # made -> the last handler of it returned
    cpu: float  # the loop thread's CPU time from its first handler to its screen update
    painted: bool  # a screen update followed within PAINT_WAIT
    changed: bool = True  # the outer view saw the screen change after it
    # Nothing the key caused asked for a repaint: the next update was the background's
    # (a layout growing the scrollbar, a worker's rows), not this key's.
    caused_nothing: bool = False
    made: float = 0.0  # when Textual made the Key event (time.monotonic())

    @property
    def stall(self) -> float:
        """Key to its screen; for a key that changed nothing, key to handled (the next
        screen update, whatever drew it, is not this key's)."""
        return self.total if self.changed and not self.caused_nothing else self.handled


@dataclass(frozen=True)
class Probe:
    keys: tuple[KeyTime, ...]
    lag: float  # the event loop's longest late heartbeat between first screen and `q`
    late_50: int  # heartbeats more than 50 ms late in that time
    beats: int

    @property
    def stall(self) -> float | None:
        return max((k.stall for k in self.keys), default=None)

    @property
    def cpu(self) -> float | None:
        """The most loop-thread CPU time one key took: its cost on an idle machine."""
        return max((k.cpu for k in self.keys), default=None)

    @property
    def worst(self) -> KeyTime | None:
        return max(self.keys, key=lambda k: k.stall, default=None)


def probe_env(out: Path, profile: bool = False) -> dict[str, str]:
    """The environment that loads the probe (only into the process given it)."""
    path = os.pathsep.join(p for p in (str(PROBE_DIR), os.environ.get("PYTHONPATH", "")) if p)
    env = {"PYTHONPATH": path, "LONGBENCH_PROBE_OUT": str(out)}
    return env | ({"LONGBENCH_PROBE_PROFILE": "1"} if profile else {})


def read_probe(
    report: dict[str, Any], first_at: float, quit_at: float, changed: list[bool] | None = None
) -> Probe:
    """The keys between first screen and `q`; `changed` says, per key sent in that time,
    whether tmux saw the screen change (when it lists as many keys as the probe saw)."""
    paints = [float(p[0]) for p in report["paints"]]
    paint_cpu = [float(p[2]) for p in report["paints"]]
    flushes = [float(t) for t in report["flushes"]]
    # Repaint requests by the key that caused them (older probe files have none: there,
    # every key is charged with the first update after it).
    caused: dict[int, list[float]] = {}
    for at, cause, _ in report.get("asks", []):
        if cause:
            caused.setdefault(int(cause), []).append(float(at))
    known = "asks" in report
    keys = []
    for record in report["keys"]:
        made, last = float(record["made"]), float(record["last"])
        if not first_at <= made < quit_at or not last:
            continue
        anchor, nothing = last, False
        if known:
            own = caused.get(int(record.get("n", 0)), [])
            # Its update is the first one after something it caused asked for a repaint,
            # even one painted before its last handler returned (escape after `/` asked at
            # +3 ms, was on screen at +16 ms, and its handler returned at +16.5 ms).
            nothing = not own
            anchor = own[0] if own else last
        paint = bisect.bisect_left(paints, anchor)
        end, painted, cpu_end = last, False, float(record["cpu_last"])
        if not nothing and paint < len(paints) and paints[paint] - anchor <= PAINT_WAIT:
            cpu_end = paint_cpu[paint]
            flush = bisect.bisect_left(flushes, paints[paint])
            end = flushes[flush] if flush < len(flushes) else paints[paint]
            painted = True
        keys.append(
            KeyTime(
                str(record["key"]),
                end - made,
                float(record["first"]) - made,
                last - made,
                cpu_end - float(record["cpu_first"]),
                painted,
                caused_nothing=nothing,
                made=made,
            )
        )
    if changed is not None and len(changed) == len(keys):
        keys = [replace(k, changed=c) for k, c in zip(keys, changed, strict=True)]
    lags = [float(lag) for due, lag in report["late"] if first_at <= float(due) < quit_at]
    return Probe(
        tuple(keys), max(lags, default=0.0), sum(lag > 0.05 for lag in lags), report["beats"]
    )


def _frame(line: str) -> str:
    """`.../site-packages/rich/text.py:123 wrap` -> `rich/text.py:123 wrap`."""
    path, _, rest = line.partition(":")
    parts = Path(path).parts
    for root in ("briefing_tui", "textual", "rich", "markdown_it", "asyncio", "yaml"):
        if root in parts:
            return "/".join(parts[parts.index(root) :]) + ":" + rest
    return Path(path).name + ":" + rest


def describe_stalls(
    report: dict[str, Any], first_at: float, quit_at: float, changed: list[bool] | None = None
) -> str:
    """Every heartbeat later than STALL_SHOWN, with the stacks sampled while it was late.

    The loop thread's stack says what held the loop; a worker thread caught outside a
    wait says who else wanted the GIL then.  At the end, the innermost product frames
    counted over all samples.
    """
    samples = report["samples"]
    times = [float(s["t"]) for s in samples]
    out = [
        "== keys: total (waited for the loop, handled by) ms, the loop's CPU ms,"
        " + if a screen update of its own followed, ! if tmux saw no change, ~ if nothing it"
        " caused asked for a repaint (for both, its stall is handled by)"
    ]
    slow = sorted(
        (float(b), float(w), float(c), str(what)) for b, w, c, what in report.get("slow", [])
    )
    starts = [b for b, _, _, _ in slow]
    for k in read_probe(report, first_at, quit_at, changed).keys:
        figures = f"{k.total * 1000:5.0f} ({k.waited * 1000:4.0f}, {k.handled * 1000:4.0f})"
        figures += f" cpu {k.cpu * 1000:4.0f}"
        marks = ("+" if k.painted else "-") + ("" if k.changed else "!")
        marks += "~" if k.caused_nothing else ""
        out.append(f"  {k.key:<10} {figures} {marks}")
        if k.waited >= WAIT_SHOWN:
            # What ran on the loop between the key being made and its first handler.
            lo = bisect.bisect_left(starts, k.made - 0.5)
            for began, wall, cpu, what in slow[lo:]:
                if began >= k.made + k.waited:
                    break
                if began + wall > k.made:
                    at = (began - k.made) * 1000
                    out.append(
                        f"      behind: {what} at {at:+.0f} ms, {wall * 1000:.0f} ms"
                        f" (cpu {cpu * 1000:.0f})"
                    )
    tally: Counter[str] = Counter()
    for due, lag in report["late"]:
        due, lag = float(due), float(lag)
        if lag < STALL_SHOWN or not first_at <= due < quit_at:
            continue
        out.append(f"== loop {lag * 1000:.0f} ms late at +{due - first_at:.2f} s")
        lo, hi = bisect.bisect_left(times, due), bisect.bisect_right(times, due + lag + 0.01)
        for sample in samples[lo:hi]:
            out.append(f"  sample at +{float(sample['t']) - first_at:.3f} s")
            for name, stack in sample["threads"].items():
                frames = [_frame(f) for f in stack]
                if not frames or any(w in frames[-1] for w in _IDLE):
                    continue
                mark = "LOOP" if name == sample["loop"] else name
                out.append(f"    [{mark}]")
                out.extend(f"      {f}" for f in frames[-8:])
                product = [f for f in frames if f.startswith("briefing_tui")]
                if product:
                    tally[f"{mark if mark == 'LOOP' else 'thread'}: {product[-1]}"] += 1
    out.append("== slow runs on the loop (>= 10 ms) between first screen and q: count, worst")
    seen: dict[str, list[float]] = {}
    for began, wall, _, what in slow:
        if first_at <= began < quit_at:
            seen.setdefault(what, []).append(wall)
    ranked = sorted(seen.items(), key=lambda item: -max(item[1]))
    out.extend(
        f"  {len(walls):4d} {max(walls) * 1000:5.0f} ms  {what}" for what, walls in ranked[:40]
    )
    out.append("== innermost product frame, by count of samples while late")
    out.extend(f"  {count:4d}  {where}" for where, count in tally.most_common(30))
    return "\n".join(out) + "\n"


# Innermost frames of a thread that is waiting, not working.
_IDLE = (" wait", " select", " _worker", " get", " sleep", " _wait_for_tstate_lock", " poll")
