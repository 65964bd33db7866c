"""The optional settings file: read once at start, never written, never required.

Readers on shared or air-gapped workstations need a few things to stick (a high-contrast
theme, where the library lives, their own keys) without the program ever writing a dot-file
behind their back.  So the file is the user's to create; a missing file means defaults, and a
broken one costs only the broken settings: every mistake becomes a Problem (shown the same way
as problems in briefings) and the default is used instead.  Environment variables that the
rest of the program already honours ($BRIEFING_LIBRARY, $BRIEFING_MAX_BYTES) win over the
file, so a one-off override never needs the file edited.

Where the file is: $BRIEFING_CONFIG, else $XDG_CONFIG_HOME/briefing/config.toml, else
~/.config/briefing/config.toml.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_tui.model import Problem, Severity
from briefing_tui.sanitize import clean, clean_path

ENV_CONFIG = "BRIEFING_CONFIG"
ENV_LIBRARY = "BRIEFING_LIBRARY"
ENV_MAX_BYTES = "BRIEFING_MAX_BYTES"

DEFAULT_THEME = "textual-dark"
DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024
# A settings file is a few hundred bytes; anything near this is not one.
MAX_CONFIG_BYTES = 256 * 1024

# Where each effective value came from, as `--print-config` says it.
DEFAULT = "default"
FROM_FILE = "config file"

KNOWN_SETTINGS = ("theme", "library", "max_file_bytes", "keys", "cache_dir", "state_dir")

_THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_ACTION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
# Textual key names ("ctrl+f", "f1", "question_mark") or one printable character ("/").
_KEY_NAME = re.compile(r"^(?:[a-z0-9_]+(?:\+[a-z0-9_]+)*|[^\s\x00-\x1f\x7f-\x9f])$")
_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Config:
    """Every effective setting, and where each came from (`origins`: setting -> origin)."""

    theme: str = DEFAULT_THEME
    # Library folders or files; empty means the built-in rule (./briefings, else the samples).
    library: tuple[Path, ...] = ()
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    # (action, key) overrides in file order; the UI decides which actions exist.
    keys: tuple[tuple[str, str], ...] = ()
    # Both unset by default: then nothing is ever written anywhere.
    cache_dir: Path | None = None
    state_dir: Path | None = None
    # The file that was looked for, and whether it was there and read.
    path: Path | None = None
    file_found: bool = False
    origins: tuple[tuple[str, str], ...] = field(default=())

    def origin(self, setting: str) -> str:
        return dict(self.origins).get(setting, DEFAULT)

    def key_for(self, action: str) -> str | None:
        """The user's key for an action, or None to keep the built-in binding."""
        return dict(self.keys).get(action)


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """$BRIEFING_CONFIG, else the XDG config folder (a relative $XDG_CONFIG_HOME is ignored,
    as the XDG specification asks), else ~/.config."""
    env = os.environ if environ is None else environ
    explicit = env.get(ENV_CONFIG, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = env.get("XDG_CONFIG_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else _home(env) / ".config"
    return base / "briefing" / "config.toml"


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME", "").strip()
    return Path(home) if home else Path.home()


class _Reader:
    """Collects settings and problems for one file; a bad value never spoils the others."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.shown = clean_path(str(path))
        self.problems: list[Problem] = []
        self.values: dict[str, Any] = {}
        self.origins: dict[str, str] = {}

    def problem(
        self, message: str, severity: Severity = Severity.ERROR, line: int | None = None
    ) -> None:
        self.problems.append(Problem(self.shown, line, None, severity, clean(message)))

    def set(self, setting: str, value: Any) -> None:
        self.values[setting] = value
        self.origins[setting] = f"{FROM_FILE} {self.shown}"


def _read_file(path: Path) -> bytes | Problem | None:
    """The file's bytes; None when it does not exist; a Problem when it cannot be used.

    Only a regular file of settings-file size is opened, and without blocking, so a FIFO or
    a device named by mistake cannot hang the start of the program.
    """
    shown = clean_path(str(path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return Problem(shown, None, None, Severity.ERROR, f"cannot be read: {exc.strerror}")
    if not stat.S_ISREG(st.st_mode):
        return Problem(shown, None, None, Severity.ERROR, "is not a regular file; not read")
    if st.st_size > MAX_CONFIG_BYTES:
        return Problem(
            shown,
            None,
            None,
            Severity.ERROR,
            f"is {st.st_size:,} bytes, too big for a settings file; not read",
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
        try:
            data = os.read(fd, MAX_CONFIG_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        return Problem(shown, None, None, Severity.ERROR, f"cannot be read: {exc.strerror}")
    return data


def _toml_error_line(message: str, text: str) -> int | None:
    """tomllib (before 3.14) gives the position only inside its message."""
    m = re.search(r"at line (\d+)", message)
    if m:
        return int(m.group(1))
    if "end of document" in message:
        return text.rstrip("\n").count("\n") + 1
    return None


def _parse_size(raw: object) -> int | str:
    """Bytes from 8388608, "8 MiB", "8MB" or "512k"; or the reason it is not a size."""
    if isinstance(raw, bool):
        return "expected a whole number of bytes"
    if isinstance(raw, int):
        return raw if raw > 0 else "must be more than 0"
    if isinstance(raw, str):
        m = _SIZE.match(raw)
        if m is None:
            return 'expected a whole number of bytes, or a size such as "8 MiB"'
        unit = (m.group(2) or "").lower()
        power = "bkmg".index(unit[0]) if unit else 0
        value = int(m.group(1)) * (1024 if "i" in unit else 1000) ** power
        return value if value > 0 else "must be more than 0"
    return "expected a whole number of bytes"


def _path_setting(reader: _Reader, name: str, raw: object) -> Path | None:
    if not isinstance(raw, str) or not raw.strip():
        reader.problem(f"{name}: expected a folder path as text")
        return None
    return _resolve(reader.path, raw)


def _resolve(config_file: Path, raw: str) -> Path:
    """`~` is the home folder; a relative path is taken from the settings file's folder, so
    the meaning of the file does not change with the folder the program is started in."""
    p = Path(raw.strip()).expanduser()
    return p if p.is_absolute() else config_file.parent / p


def _read_settings(reader: _Reader, data: dict[str, Any]) -> None:
    for name, raw in data.items():
        if name not in KNOWN_SETTINGS:
            hint = ""
            if name.replace("-", "_") in KNOWN_SETTINGS:
                hint = f" (did you mean {name.replace('-', '_')}?)"
            reader.problem(f"unknown setting '{name}'{hint}; ignored", Severity.WARNING)
            continue
        if name == "theme":
            if isinstance(raw, str) and _THEME_NAME.match(raw.strip()):
                reader.set("theme", raw.strip())
            else:
                reader.problem('theme: expected a theme name such as "textual-dark"')
        elif name == "library":
            items = [raw] if isinstance(raw, str) else raw
            if not isinstance(items, list) or not all(
                isinstance(x, str) and x.strip() for x in items
            ):
                reader.problem("library: expected a folder path, or a list of paths, as text")
                continue
            reader.set("library", tuple(_resolve(reader.path, x) for x in items))
        elif name == "max_file_bytes":
            size = _parse_size(raw)
            if isinstance(size, str):
                reader.problem(f"max_file_bytes: {size}")
            else:
                reader.set("max_file_bytes", size)
        elif name == "keys":
            _read_keys(reader, raw)
        else:  # cache_dir, state_dir
            path = _path_setting(reader, name, raw)
            if path is not None:
                reader.set(name, path)


def _read_keys(reader: _Reader, raw: object) -> None:
    if not isinstance(raw, dict):
        reader.problem('keys: expected a table of action = "key" ([keys] section)')
        return
    keys: list[tuple[str, str]] = []
    used: dict[str, str] = {}
    for action, key in raw.items():
        if not _ACTION_NAME.match(action):
            reader.problem(f"keys: '{action}' is not an action name; ignored")
            continue
        if not isinstance(key, str):
            reader.problem(f'keys.{action}: expected a key as text, such as "ctrl+f"')
            continue
        parts = [k.strip() for k in key.split(",")] if key.strip() != "," else [","]
        if not parts or not all(_KEY_NAME.match(k) for k in parts):
            reader.problem(
                f"keys.{action}: '{key}' is not a key; use a key name such as "
                '"ctrl+f", "f2" or "question_mark", or one character'
            )
            continue
        for k in parts:
            if k in used:
                reader.problem(
                    f"keys.{action}: '{k}' is also the key for {used[k]}; "
                    "which one it triggers is up to the reader",
                    Severity.WARNING,
                )
            used[k] = action
        keys.append((action, ",".join(parts)))
    reader.set("keys", tuple(keys))


def load_config(
    environ: Mapping[str, str] | None = None, path: Path | None = None
) -> tuple[Config, list[Problem]]:
    """The effective settings and every problem met; never raises, never writes.

    `environ` and `path` exist for tests and for callers that already know the file.
    """
    env = os.environ if environ is None else environ
    where = path if path is not None else config_path(env)
    reader = _Reader(where)
    found = False
    raw = _read_file(where)
    if isinstance(raw, Problem):
        reader.problems.append(raw)
    elif raw is None:
        if env.get(ENV_CONFIG, "").strip() and path is None:
            reader.problem(f"no such file (named by ${ENV_CONFIG}); defaults are used")
    else:
        found = True
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            reader.problem(f"not valid UTF-8 at byte offset {exc.start}; defaults are used")
        else:
            _parse(reader, text)

    values = dict(reader.values)
    origins = dict(reader.origins)
    _apply_environment(env, values, origins, reader)
    config = Config(
        path=where,
        file_found=found,
        origins=tuple(sorted(origins.items())),
        **values,
    )
    return config, reader.problems


# Settings nest two levels ([keys] holds strings); brackets nested deeper than this are
# refused before parsing (tomllib recurses per level and raised RecursionError at 1,000).
MAX_CONFIG_DEPTH = 32
_TOML_SKIPPED = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)


def _depth(text: str) -> int:
    """How deep the text's arrays and inline tables nest (strings and comments skipped)."""
    deepest = depth = 0
    for ch in _TOML_SKIPPED.sub("", text):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _parse(reader: _Reader, text: str) -> None:
    if _depth(text) > MAX_CONFIG_DEPTH:
        reader.problem(
            f"nested more than {MAX_CONFIG_DEPTH} levels deep; not read, defaults are used"
        )
        return
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        reader.problem(
            f"not valid TOML ({message}); defaults are used",
            line=_toml_error_line(message, text),
        )
        return
    except (RecursionError, ValueError) as exc:  # the settings file must never stop a start
        reader.problem(f"could not be read ({type(exc).__name__}); defaults are used")
        return
    _read_settings(reader, data)


def _apply_environment(
    env: Mapping[str, str], values: dict[str, Any], origins: dict[str, str], reader: _Reader
) -> None:
    """The environment variables the loader already honours win over the file."""
    library = env.get(ENV_LIBRARY, "").strip()
    if library:
        values["library"] = tuple(Path(p).expanduser() for p in library.split(os.pathsep) if p)
        origins["library"] = f"environment ${ENV_LIBRARY}"
    max_bytes = env.get(ENV_MAX_BYTES, "").strip()
    if max_bytes:
        if max_bytes.isdigit() and int(max_bytes) > 0:
            values["max_file_bytes"] = int(max_bytes)
            origins["max_file_bytes"] = f"environment ${ENV_MAX_BYTES}"
        else:
            reader.problems.append(
                Problem(
                    f"${ENV_MAX_BYTES}",
                    None,
                    None,
                    Severity.WARNING,
                    f"'{clean(max_bytes)}' is not a whole number of bytes; ignored",
                )
            )
