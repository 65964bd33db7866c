"""The installed `briefing` command's library commands with `--cache`, run twice.

A user's second `briefing outcomes --cache DIR` must print what the first did, and the
reader started on the same folder afterwards must list the library from the same cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from briefing_tui.library import load_library
from terminal_driver import BRIEFING, Terminal

SAMPLES = Path(__file__).resolve().parents[2] / "briefings"


def _briefing(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "NO_COLOR": "1"}
    env.pop("BRIEFING_LIBRARY", None)
    return subprocess.run(
        [str(BRIEFING), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_library_commands_answer_again_from_the_cache_the_reader_shares(
    terminal: Terminal, e2e_home: Path, tmp_path: Path
) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(SAMPLES, lib)
    cache = tmp_path / "cache"
    for command in (["outcomes"], ["search", "evidence"], ["timeline"], ["entities"]):
        args = [*command, "--library", str(lib), "--cache", str(cache)]
        first, second = _briefing(e2e_home, *args), _briefing(e2e_home, *args)
        assert first.returncode == 0, first.stderr
        assert (second.returncode, second.stdout, second.stderr) == (
            first.returncode,
            first.stdout,
            first.stderr,
        )
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in cache.iterdir())
    count = len(load_library([lib]).briefings)
    terminal.start("--cache", str(cache), str(lib))
    terminal.wait_for(f"{count} briefings")
    terminal.quit()
