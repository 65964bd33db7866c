"""A real terminal for whoever needs one: the e2e tests and the benchmarks.

One `briefing` process runs in a tmux server of its own (`tmux -L SOCKET`), so nothing here
touches a person's own tmux sessions and `kill-server` ends only ours.  Screens are read
with `capture-pane` and polled against a deadline; a failed wait raises `TerminalError`
with the last screen.  Plain Python, no pytest: the benchmarks import it too, and pytest
reports the error (an `AssertionError`) as the test's failure.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TMUX = shutil.which("tmux")


def _installed_command() -> str | None:
    """The `briefing` script pip installed beside this Python, else the one on PATH.

    On PATH there may be a version manager's shim instead (pyenv's is a shell script that
    runs `pyenv exec`, 0.05-0.15 s before the reader's first line runs): a cost of this
    machine's set-up, not of the reader, and a different Python than the tests run.
    """
    beside = Path(sys.executable).parent / "briefing"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("briefing")


BRIEFING = _installed_command()
DEFAULT_TIMEOUT = 10.0
POLL_SECONDS = 0.05
EXIT_MARK = "[briefing exited with status "
SESSION = "briefing"

# The app must see neither the developer's settings nor their colour preferences.
_DROPPED_ENV_PREFIXES = ("BRIEFING_", "TEXTUAL", "XDG_", "TMUX")
_DROPPED_ENV = {"NO_COLOR", "FORCE_COLOR", "COLORTERM", "COLUMNS", "LINES"}


_COMPILE = (
    "import compileall, importlib.util, pathlib;"
    "spec = importlib.util.find_spec('briefing_tui');"
    "compileall.compile_dir(pathlib.Path(spec.origin).parent, quiet=1)"
)


def compile_installed() -> None:
    """Write the installed package's bytecode, as `pip install` does for a real install.

    With PYTHONDONTWRITEBYTECODE set (this machine sets it), an editable install compiles
    every module changed since its bytecode was written again at every launch: the samples'
    first paint read 2.6 s so, 0.7 s after.  A benchmark must not time that as start-up.
    """
    if BRIEFING is None:
        return
    first = Path(BRIEFING).read_bytes().split(b"\n", 1)[0]
    python = first[2:].decode().strip() if first.startswith(b"#!") else "python3"
    subprocess.run(
        [python, "-c", _COMPILE], check=False, env=os.environ | {"PYTHONDONTWRITEBYTECODE": ""}
    )


class TerminalError(AssertionError):
    """A wait ran out or the app ended unexpectedly; the message carries the screen."""


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident set (VmHWM) in MB, or None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class Terminal:
    """One tmux window running one `briefing` process, read and driven like a person would."""

    def __init__(self, socket: str, home: Path, cwd: Path | None = None) -> None:
        self.socket = socket
        self.home = home
        self.cwd = cwd or home
        self.env = self._clean_env()
        self.started = False
        self.config = os.devnull
        self._pid: int | None = None

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
        if TMUX is None:
            raise TerminalError("tmux is not on PATH")
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
            raise TerminalError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
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
        if BRIEFING is None:
            raise TerminalError("the `briefing` command is not on PATH")
        if self.started:
            raise TerminalError("one briefing process per terminal")
        extra = [f"{key}={value}" for key, value in (env or {}).items()]
        command = shlex.join(["env", *extra, BRIEFING, *map(str, args)])
        script = f'{command}; echo "{EXIT_MARK}$?]"'
        self.home.mkdir(parents=True, exist_ok=True)
        config = self.home / f"{self.socket}.tmux.conf"
        config.write_text("set -g remain-on-exit on\nset -g history-limit 5000\n")
        self.config = str(config)
        self.tmux(
            "new-session", "-d", "-s", SESSION, "-x", str(width), "-y", str(height),
            "sh", "-c", script,
        )  # fmt: skip
        self.started = True

    def close(self) -> None:
        """Stop this terminal's tmux server and remove its socket (tmux 3.3 leaves it)."""
        if not self.started:
            return
        socket_path = self.tmux("display-message", "-p", "#{socket_path}", check=False).strip()
        self.tmux("kill-server", check=False)
        if socket_path.endswith(self.socket):
            Path(socket_path).unlink(missing_ok=True)
        self.started = False

    # -- the process --------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        """The `briefing` process: the one child of the pane's shell (None once it ended).

        `env` execs `briefing`, so the child keeps its pid from fork to exit.
        """
        if self._pid is None:
            shell = self.pane("pane_pid")
            if shell.isdigit():
                children = Path(f"/proc/{shell}/task/{shell}/children")
                try:
                    found = children.read_text().split()
                except OSError:
                    found = []
                self._pid = int(found[0]) if found else None
        return self._pid

    def wait_pid(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """The `briefing` process's pid, once the shell has started it."""
        deadline = time.monotonic() + timeout
        while (pid := self.pid) is None:
            if time.monotonic() > deadline or not self.alive:
                raise TerminalError(f"no briefing process appeared:\n{self.everything()}")
            time.sleep(0.002)
        return pid

    def peak_rss_mb(self) -> float | None:
        """Peak RSS of the `briefing` process (worker processes not included)."""
        pid = self.pid
        return None if pid is None else peak_rss_mb(pid)

    @property
    def running(self) -> bool:
        """The `briefing` process itself is still there (the pane's shell may outlive it)."""
        pid = self.pid
        return running(pid) if pid is not None else self.alive

    # -- reading ------------------------------------------------------------------------------

    def screen(self) -> str:
        """The visible screen, one line per row, trailing blanks stripped."""
        return self.tmux("capture-pane", "-p", "-t", SESSION)

    def screen_with_attributes(self) -> str:
        """The visible screen with its colours and attributes, as escape sequences."""
        return self.tmux("capture-pane", "-p", "-e", "-t", SESSION)

    def everything(self) -> str:
        """Screen plus scrollback: where a traceback printed after exit would land."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", SESSION)

    def pane(self, field: str) -> str:
        return self.tmux("display-message", "-p", "-t", SESSION, f"#{{{field}}}").strip()

    @property
    def alive(self) -> bool:
        """The pane's shell is still running (it ends after echoing the exit status)."""
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
                raise TerminalError(f"briefing exited while waiting for {what}:\n{screen}")
            if time.monotonic() > deadline:
                raise TerminalError(f"timed out after {timeout} s waiting for {what}:\n{screen}")
            time.sleep(POLL_SECONDS)

    def wait_for(self, *texts: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Wait until every one of `texts` is on screen; returns that screen."""
        return self.wait_until(
            lambda screen: all(text in screen for text in texts), f"{texts!r}", timeout
        )

    def wait_gone(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        return self.wait_until(lambda screen: text not in screen, f"{text!r} to go", timeout)

    def time_until(
        self, check: Callable[[str], bool], timeout: float, poll: float = 0.01
    ) -> float | None:
        """Seconds until `check(screen)` first holds, or None at the timeout: for measuring.

        Unlike `wait_until` it takes the first screen that holds (a benchmark times when
        something appears) and returns None rather than failing.
        """
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if check(self.screen()):
                return time.perf_counter() - start
            time.sleep(poll)
        return None

    # -- driving ------------------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Send tmux key names (`q`, `Escape`, `Enter`, `Tab`, `BTab`, `]`...), one by one."""
        for key in keys:
            self.tmux("send-keys", "-t", SESSION, key)
            if key == "Escape":
                # A key read within ESCDELAY (100 ms) of an ESC is taken as alt+key. This pause
                # covers sending; a busy app may still read both at once, so tests wait for
                # the screen to show that Escape was handled before pressing anything else.
                time.sleep(0.25)

    def type(self, text: str) -> None:
        """Send text literally (no key-name lookup)."""
        self.tmux("send-keys", "-t", SESSION, "-l", text)

    def click(self, x: int, y: int) -> None:
        """A left click at 0-based column x, row y, sent as the SGR mouse report Textual reads."""
        self.type(f"\x1b[<0;{x + 1};{y + 1}M")
        self.type(f"\x1b[<0;{x + 1};{y + 1}m")

    def find(self, text: str) -> tuple[int, int]:
        """Column and row of `text` on screen (first occurrence)."""
        screen = self.screen()
        for row, line in enumerate(screen.splitlines()):
            column = line.find(text)
            if column >= 0:
                return column, row
        raise TerminalError(f"{text!r} is not on screen:\n{screen}")

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", SESSION, "-x", str(width), "-y", str(height))

    # -- ending -------------------------------------------------------------------------------

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait for the process to end and return its exit status."""
        deadline = time.monotonic() + timeout
        while self.alive:
            if time.monotonic() > deadline:
                raise TerminalError(f"briefing did not exit within {timeout} s:\n{self.screen()}")
            time.sleep(POLL_SECONDS)
        output = self.everything()
        found = re.search(re.escape(EXIT_MARK) + r"(\d+)\]", output)
        if found is None:
            raise TerminalError(f"no exit status printed:\n{output}")
        return int(found.group(1))

    def quit(self) -> str:
        """Press q, insist on a clean exit (status 0, no traceback) and return all output."""
        self.press("q")
        status = self.wait_exit()
        output = self.everything()
        if "Traceback" in output or status != 0:
            raise TerminalError(f"briefing did not quit cleanly (status {status}):\n{output}")
        return output
