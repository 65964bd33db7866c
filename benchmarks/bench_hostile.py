"""Worst cases at the limits: every hostile file costs at most 1 s and 200 MB to read.

    python benchmarks/bench_hostile.py

Each case is a file built at the edge of a limit (the 8 MB size limit, the 200,000-value
node limit, the depth limit, the alias budget) and read the way the library reads a file
(`read_document`).  Each is read twice in a fresh process: once for its time, once under
tracemalloc for its peak memory (tracemalloc slows the reading, so the two are apart).
Exits 1 when any case is over 1 s or 200 MB, or when the 8 MB flow sequence is not refused
by the size or node limit.
"""

from __future__ import annotations

import json
import subprocess
import sys

TIME_LIMIT = 1.0
MEMORY_LIMIT_MB = 200.0
MB = 1024 * 1024
SIZE = 8 * MB - 64  # just under the default size limit


def _cases() -> dict[str, bytes]:
    from briefing_tui.readers.yamlsafe import MAX_DEPTH, MAX_NODES

    laughs = b'title: lol\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + (
        b"".join(
            f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n".encode()
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        )
    )
    at_limit = "".join(f"  - {n}\n" for n in range(MAX_NODES - 10)).encode()
    return {
        "8 MB flow sequence [a,a,…]": b"title: t\nx: [" + b"a," * (SIZE // 2) + b"a]\n",
        "8 MB flow mapping {a,a,…}": b"title: t\nx: {" + b"a," * (SIZE // 2) + b"a}\n",
        "8 MB block sequence": b"title: t\nx:\n" + b"- a\n" * (SIZE // 4),
        "just under the node limit": b"title: t\nx:\n" + at_limit,
        "depth limit in a long text": b"title: t\nx: "
        + b"[" * (MAX_DEPTH + 1)
        + b"]" * (MAX_DEPTH + 1)
        + b"\n#"
        + b"x" * SIZE
        + b"\n",
        "libyaml's own depth (1,000s of [)": b"title: t\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n",
        "alias bomb": laughs,
        "8 MB single scalar": b"title: big\nx: '" + b"a" * SIZE + b"'\n",
        "8 MB of quotes > > >": b"# Deep\n\n" + b">" * SIZE + b" x\n",
        "8 MB nested list": b"# Deep\n\n"
        + b"".join(b"  " * (i % 200) + b"- x\n" for i in range(SIZE // 400)),
        "8 MB one line of words": b"# Long\n\n" + b"word " * (SIZE // 5) + b"\n",
        "8 MB of HTML tags": b"# Tags\n\n" + b"<b>x</b> " * (SIZE // 9) + b"\n",
        "8 MB of table rows": b"# Table\n\n|a|b|\n|-|-|\n" + b"|x|y|\n" * (SIZE // 6),
    }


def _measure(name: str, traced: bool) -> dict[str, object]:
    import time
    import tracemalloc

    from briefing_tui.readers.documents import read_document

    data = _cases()[name]
    path = "case.md" if data.startswith(b"#") else "case.yaml"
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    result = read_document(path, data)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / MB if traced else 0.0
    messages = [p.message for p in result.problems]
    return {"seconds": seconds, "peak": peak, "problems": messages}


def _in_fresh_process(name: str, traced: bool) -> dict[str, object]:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import bench_hostile as b;"
        "print(json.dumps(b._measure(sys.argv[2], sys.argv[3] == '1')))"
    )
    here = str(__import__("pathlib").Path(__file__).resolve().parent)
    out = subprocess.run(
        [sys.executable, "-c", code, here, name, "1" if traced else "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    value: dict[str, object] = json.loads(out.stdout)
    return value


def main() -> int:
    failed = False
    print(f"{'case':<36} {'time':>8} {'peak':>9}  first problem")
    for name in _cases():
        timed = _in_fresh_process(name, traced=False)
        traced = _in_fresh_process(name, traced=True)
        seconds, peak = float(timed["seconds"]), float(traced["peak"])  # type: ignore[arg-type]
        problems = timed["problems"]
        first = problems[0] if isinstance(problems, list) and problems else "(reads cleanly)"
        over = seconds > TIME_LIMIT or peak > MEMORY_LIMIT_MB
        failed |= over
        verdict = "OVER" if over else "ok"
        print(f"{name:<36} {seconds:>7.2f}s {peak:>6.0f} MB  {verdict}  {str(first)[:70]}")
        if name.startswith("8 MB flow") and not any(
            "limit" in str(p) for p in (problems if isinstance(problems, list) else [])
        ):
            print("   the flow collection was not refused by the size or node limit")
            failed = True
    print(f"targets: each case <= {TIME_LIMIT:.0f} s and <= {MEMORY_LIMIT_MB:.0f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
