"""The effective configuration as TOML, for `briefing --print-config`.

Kept apart from reading the settings file: printing is the one place settings are written
out, and the text it makes must show on a terminal as it is (controls and bidi escaped).
"""

from __future__ import annotations

import json
import re

from briefing_tui.config import Config
from briefing_tui.sanitize import clean_path


def _toml_string(text: str) -> str:
    """A TOML basic string that shows on a terminal as it is: controls and bidi escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    return re.sub(
        "[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group()):04x}", quoted
    )


def _bare_or_quoted_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def effective_config_text(config: Config) -> str:
    """Every effective setting as TOML, each with where it came from, for `--print-config`.

    Valid TOML, so it can be copied into a settings file as a starting point.
    """
    shown = clean_path(str(config.path)) if config.path else "(none)"
    state = "read" if config.file_found else "not found; nothing read from it"
    lines = [
        "# briefing: effective configuration",
        f"# settings file: {shown} ({state})",
        "# Nothing is ever written by briefing; create or edit this file yourself.",
        "",
    ]

    def row(setting: str, value: str, note: str = "") -> None:
        origin = config.origin(setting)
        lines.append(f"{setting} = {value}  # {origin}{note}")

    row("theme", _toml_string(config.theme))
    if config.library:
        paths = ", ".join(_toml_string(str(p)) for p in config.library)
        row("library", f"[{paths}]")
    else:
        row("library", "[]", ": $BRIEFING_LIBRARY, else ./briefings, else the bundled samples")
    row("max_file_bytes", str(config.max_file_bytes), f" ({config.max_file_bytes / 2**20:g} MiB)")
    for setting in ("cache_dir", "state_dir"):
        value = getattr(config, setting)
        if value is None:
            lines.append(
                f'# {setting} = ""  # {config.origin(setting)}: unset, so nothing is written'
            )
        else:
            row(setting, _toml_string(str(value)))
    lines += ["", '[keys]  # action = "key"; actions not listed keep their built-in keys']
    if config.keys:
        for action, key in config.keys:
            lines.append(
                f"{_bare_or_quoted_key(action)} = {_toml_string(key)}  # {config.origin('keys')}"
            )
    else:
        lines.append(f"# (no overrides)  # {config.origin('keys')}")
    return "\n".join(lines) + "\n"
