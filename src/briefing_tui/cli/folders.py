"""Refusing a cache or state folder that another account could write in.

Apart from `library_option` because the reader's start-up needs it too, and must not wait
for the loading machinery (and every format reader) that `library_option` imports.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_tui.private_files import check_folder
from briefing_tui.sanitize import clean_path


def private_folder(option: str, folder: Path | None, what: str) -> Path | None:
    """`folder`, or None with one line on stderr when another account could write in it."""
    refused = check_folder(folder) if folder is not None else None
    if refused is None:
        return folder
    sys.stderr.write(f"briefing: {option} {clean_path(refused)}; running without {what}\n")
    return None
