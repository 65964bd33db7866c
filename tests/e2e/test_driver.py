"""The shared terminal driver itself: what the benchmarks read from it must be true."""

from __future__ import annotations

from pathlib import Path

import pytest

from terminal_driver import Terminal, TerminalError


def test_driver_reports_the_app_process_its_memory_and_its_end(
    terminal: Terminal, samples: Path
) -> None:
    terminal.start(samples)
    terminal.wait_for("briefings")
    pid = terminal.wait_pid()
    assert "briefing" in Path(f"/proc/{pid}/cmdline").read_text()
    assert terminal.running
    peak = terminal.peak_rss_mb()
    assert peak is not None
    assert peak > 10
    with pytest.raises(TerminalError, match="never-on-screen") as failed:
        terminal.wait_for("never-on-screen", timeout=0.3)
    assert "briefings" in str(failed.value), "a failed wait shows the last screen"
    terminal.quit()
    assert not terminal.running
    assert terminal.peak_rss_mb() is None
