"""Where the library is when none is named, and how large a file may be."""

from __future__ import annotations

import os
from pathlib import Path

from briefing_tui.config import DEFAULT_MAX_FILE_BYTES, ENV_LIBRARY, ENV_MAX_BYTES, load_config


def sample_library() -> Path:
    """The samples: packaged beside the code in a wheel, or briefings/ in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "samples"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "briefings"


def default_library_paths() -> list[Path]:
    """$BRIEFING_LIBRARY, else the settings file's `library`, else ./briefings, else the samples."""
    env = os.environ.get(ENV_LIBRARY, "").strip()
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    configured = load_config()[0].library
    if configured:
        return list(configured)
    local = Path("briefings")
    if local.is_dir():
        return [local]
    return [sample_library()]


def max_bytes_setting() -> int:
    raw = os.environ.get(ENV_MAX_BYTES, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_FILE_BYTES
