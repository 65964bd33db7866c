"""The reader's first frame does not wait for the format readers to load.

Importing every format reader (YAML, Markdown, HTML, prose rules: about 200 regular
expressions to compile) cost about 0.1 s of the samples' 0.8 s first-paint budget.  The
loading thread imports them when it starts; what the reader imports before its first frame
must not pull them in again through a package `__init__` or a convenience import.
"""

from __future__ import annotations

import subprocess
import sys

# What `briefing` imports before `App.run` (cli._run_app), as one script.
STARTUP = """
import sys
from pathlib import Path
from briefing_tui.cli import _app_parser, _private_folder
from briefing_tui.config import load_config
from briefing_tui.config_text import effective_config_text
from briefing_tui.library import default_library_paths
from briefing_tui.library.pool import remove_on_hangup
from briefing_tui.ui.app import BriefingApp
_private_folder("--cache", None, "the cache")
heavy = ("yaml", "markdown_it", "briefing_tui.readers.documents", "briefing_tui.library.load")
print(" ".join(name for name in heavy if name in sys.modules))
"""


def test_start_up_does_not_import_the_format_readers() -> None:
    done = subprocess.run(
        [sys.executable, "-c", STARTUP], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""
