"""Budgets before work: hostile YAML and Markdown cost little time and memory (issue 12).

The limits the readers promise are 1 s and 200 MB per file at the limits; these tests allow
generous margins (a busy machine, tracemalloc's own slowness) so they never flake, and
benchmarks/bench_hostile.py prints the real figures.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.model import LoadResult
from briefing_tui.readers.documents import read_document
from briefing_tui.readers.yamlsafe import MAX_DEPTH, MAX_NODES

MEMORY_BUDGET = 200 * 1024 * 1024
# Several times the promised second of CPU, for a slow machine.
TIME_MARGIN = 10.0


def _measured(read: Callable[[], LoadResult]) -> tuple[LoadResult, float, int]:
    """The result, the CPU seconds of one untraced read, and the peak of a traced one.

    Time is CPU time, so other processes on a busy machine do not count against the
    reader, and it is taken without tracemalloc, which slows some inputs eightfold.
    """
    start = time.process_time()
    result = read()
    seconds = time.process_time() - start
    tracemalloc.start()
    try:
        read()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, seconds, peak


def _messages(result: LoadResult) -> str:
    return " | ".join(p.message for p in result.problems)


def test_an_8_mb_flow_sequence_is_refused_by_the_node_limit_before_composing() -> None:
    data = b"title: t\nx: [" + b"a," * (4 * 1024 * 1024 - 16) + b"a]\n"
    result, seconds, peak = _measured(lambda: read_document("flow.yaml", data))
    assert result.briefing is None
    assert "the node limit" in _messages(result), "the message names the limit that was hit"
    assert "alias" not in _messages(result)
    assert peak < MEMORY_BUDGET / 4, f"{peak / 1e6:.0f} MB"
    assert seconds < TIME_MARGIN


def test_a_flow_mapping_of_bare_keys_is_refused_too() -> None:
    data = b"title: t\nx: {" + b"a," * (4 * 1024 * 1024 - 16) + b"a}\n"
    result, _, peak = _measured(lambda: read_document("flow.yaml", data))
    assert "the node limit" in _messages(result)
    assert peak < MEMORY_BUDGET / 4


def test_depth_is_refused_while_counting_in_a_long_text() -> None:
    deep = b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5)
    data = b"title: t\nx: " + deep + b"\n# " + b"padding " * (MAX_NODES // 8) + b"\n"
    result = read_document("deep.yaml", data)
    assert "the depth limit" in _messages(result)


def test_a_long_text_within_the_limits_still_reads() -> None:
    people = "".join(f"  - name: Person {n}\n    role: Analyst\n" for n in range(5000))
    data = f"title: Many\nparticipants:\n{people}".encode()
    assert len(data) > MAX_NODES // 2  # takes the counting path
    result = read_document("many.yaml", data)
    assert result.briefing is not None and len(result.briefing.participants) == 5000
    assert not result.problems


_scalar = st.text(alphabet="ab:-[]{},&*!#? \n'\"", max_size=6)


@st.composite
def _hostile_yaml(draw: st.DrawFn) -> bytes:
    """Structures repeated at scale: long flows, deep nests, anchors and aliases."""
    unit = draw(_scalar)
    repeat = draw(st.sampled_from([1, 1_000, 50_000, 300_000]))
    depth = draw(st.integers(0, 200))
    body = "[" * depth + ",".join([unit] * min(repeat, 300_000)) + "]" * depth
    anchored = draw(st.booleans())
    head = "base: &a [x, y, z]\n" if anchored else ""
    tail = "\nz: [" + ",".join(["*a"] * 1000) + "]" if anchored else ""
    return f"title: t\n{head}x: {body}{tail}\n".encode()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_hostile_yaml())
def test_yaml_stays_within_time_and_memory(data: bytes) -> None:
    result, seconds, peak = _measured(lambda: read_document("h.yaml", data))
    assert isinstance(result, LoadResult)
    assert seconds < TIME_MARGIN, f"{seconds:.1f} s for {len(data):,} bytes"
    assert peak < MEMORY_BUDGET, f"{peak / 1e6:.0f} MB for {len(data):,} bytes"


@st.composite
def _hostile_markdown(draw: st.DrawFn) -> bytes:
    unit = draw(st.sampled_from(["> ", "- ", "  - ", "*", "_", "[", "`", "<div>", "|a|", "#"]))
    repeat = draw(st.sampled_from([10, 10_000, 200_000]))
    lines = draw(st.booleans())
    sep = "\n" if lines else ""
    return ("# T\n\n" + sep.join([unit * draw(st.integers(1, 3))] * repeat) + "\n").encode()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_hostile_markdown())
def test_markdown_stays_within_time_and_memory(data: bytes) -> None:
    result, seconds, peak = _measured(lambda: read_document("h.md", data))
    assert isinstance(result, LoadResult)
    assert seconds < TIME_MARGIN, f"{seconds:.1f} s for {len(data):,} bytes"
    assert peak < MEMORY_BUDGET, f"{peak / 1e6:.0f} MB for {len(data):,} bytes"
