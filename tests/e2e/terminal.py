"""A real terminal for the end-to-end tier: one `briefing` process in a private tmux server.

Screens are read with `capture-pane` and polled against a deadline, so nothing here sleeps
for a fixed time; a failed wait shows the last screen.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
BRIEFING = shutil.which("briefing")
DEFAULT_TIMEOUT = 10.0
POLL_SECONDS = 0.05
EXIT_MARK = "[briefing exited with status "

# The app must see neither the developer's settings nor their colour preferences.
_DROPPED_ENV_PREFIXES = ("BRIEFING_", "TEXTUAL", "XDG_", "TMUX")
_DROPPED_ENV = {"NO_COLOR", "FORCE_COLOR", "COLORTERM", "COLUMNS", "LINES"}


class Terminal:
    """One tmux window running one `briefing` process, read and driven like a person would."""

    def __init__(self, socket: str, home: Path, cwd: Path) -> None:
        self.socket = socket
        self.home = home
        self.cwd = cwd
        self.env = self._clean_env()
        self.started = False
        self.config = os.devnull

    def _clean_env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in _DROPPED_ENV and not key.startswith(_DROPPED_ENV_PREFIXES)
        }
        env.update(HOME=str(self.home), TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        return env

    # -- tmux ---------------------------------------------------------------------------------

    def tmux(self, *args: str, check: bool = True) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.socket, "-f", self.config, *args],
            env=self.env,
            cwd=self.cwd,
            capture_output=True,
            text=True,
            timeout=DEFAULT_TIMEOUT,
            check=False,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(
        self,
        *args: str | Path,
        width: int = 120,
        height: int = 40,
        env: dict[str, str] | None = None,
    ) -> None:
        """Run `briefing ARGS` in a fresh window; its exit status is printed when it ends.

        tmux 3.3 does not always fill `#{pane_dead_status}`, so a shell around the command
        echoes the status instead, and remain-on-exit (set in the config file, so before
        anything can exit) keeps the pane to read it.
        """
        assert BRIEFING is not None
        assert not self.started, "one briefing process per terminal"
        extra = [f"{key}={value}" for key, value in (env or {}).items()]
        command = shlex.join(["env", *extra, BRIEFING, *map(str, args)])
        script = f'{command}; echo "{EXIT_MARK}$?]"'
        config = self.home / f"{self.socket}.tmux.conf"
        config.write_text("set -g remain-on-exit on\nset -g history-limit 5000\n")
        self.config = str(config)
        self.tmux(
            "new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height),
            "sh", "-c", script,
        )  # fmt: skip
        self.started = True

    def close(self) -> None:
        """Stop this test's tmux server and remove its socket (tmux 3.3 leaves it behind)."""
        if not self.started:
            return
        socket_path = self.tmux("display-message", "-p", "#{socket_path}", check=False).strip()
        self.tmux("kill-server", check=False)
        if socket_path.endswith(self.socket):
            Path(socket_path).unlink(missing_ok=True)

    # -- reading ------------------------------------------------------------------------------

    def screen(self) -> str:
        """The visible screen, one line per row, trailing blanks stripped."""
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def screen_with_attributes(self) -> str:
        """The visible screen with its colours and attributes, as escape sequences."""
        return self.tmux("capture-pane", "-p", "-e", "-t", "e2e")

    def everything(self) -> str:
        """Screen plus scrollback: where a traceback printed after exit would land."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", "e2e")

    def pane(self, field: str) -> str:
        return self.tmux("display-message", "-p", "-t", "e2e", f"#{{{field}}}").strip()

    @property
    def alive(self) -> bool:
        return self.pane("pane_dead") != "1"

    def size(self) -> tuple[int, int]:
        width, height = self.pane("pane_width"), self.pane("pane_height")
        return int(width), int(height)

    def wait_until(
        self, check: Callable[[str], bool], what: str, timeout: float = DEFAULT_TIMEOUT
    ) -> str:
        """Poll until `check(screen)` holds on a settled screen; fail showing the last one.

        Settled means two captures in a row are the same: a screen caught halfway through
        a repaint may hold the awaited text and still miss what the test looks at next.
        """
        deadline = time.monotonic() + timeout
        previous: str | None = None
        while True:
            screen = self.screen()
            if check(screen) and screen == previous:
                return screen
            previous = screen
            if not self.alive:
                screen = self.everything()
                if check(screen):
                    return screen
                pytest.fail(f"briefing exited while waiting for {what}:\n{screen}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out after {timeout} s waiting for {what}; screen:\n{screen}")
            time.sleep(POLL_SECONDS)

    def wait_for(self, *texts: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Wait until every one of `texts` is on screen; returns that screen."""
        return self.wait_until(
            lambda screen: all(text in screen for text in texts), f"{texts!r}", timeout
        )

    def wait_gone(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        return self.wait_until(lambda screen: text not in screen, f"{text!r} to go", timeout)

    # -- driving ------------------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Send tmux key names (`q`, `Escape`, `Enter`, `Tab`, `BTab`, `]`...), one by one."""
        for key in keys:
            self.tmux("send-keys", "-t", "e2e", key)
            if key == "Escape":
                # A key read within ESCDELAY (100 ms) of an ESC is taken as alt+key. This pause
                # covers sending; a busy app may still read both at once, so tests wait for
                # the screen to show that Escape was handled before pressing anything else.
                time.sleep(0.25)

    def type(self, text: str) -> None:
        """Send text literally (no key-name lookup)."""
        self.tmux("send-keys", "-t", "e2e", "-l", text)

    def click(self, x: int, y: int) -> None:
        """A left click at 0-based column x, row y, sent as the SGR mouse report Textual reads."""
        self.type(f"\x1b[<0;{x + 1};{y + 1}M")
        self.type(f"\x1b[<0;{x + 1};{y + 1}m")

    def find(self, text: str) -> tuple[int, int]:
        """Column and row of `text` on screen (first occurrence)."""
        for row, line in enumerate(self.screen().splitlines()):
            column = line.find(text)
            if column >= 0:
                return column, row
        pytest.fail(f"{text!r} is not on screen:\n{self.screen()}")

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", "e2e", "-x", str(width), "-y", str(height))

    # -- ending -------------------------------------------------------------------------------

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait for the process to end and return its exit status."""
        deadline = time.monotonic() + timeout
        while self.alive:
            if time.monotonic() > deadline:
                pytest.fail(f"briefing did not exit within {timeout} s:\n{self.screen()}")
            time.sleep(POLL_SECONDS)
        found = re.search(re.escape(EXIT_MARK) + r"(\d+)\]", self.everything())
        assert found is not None, f"no exit status printed:\n{self.everything()}"
        return int(found.group(1))

    def quit(self) -> str:
        """Press q, insist on a clean exit (status 0, no traceback) and return all output."""
        self.press("q")
        status = self.wait_exit()
        output = self.everything()
        assert "Traceback" not in output, output
        assert status == 0, output
        return output
