"""Finding briefing files under the given paths and reading them, carefully and read-only.

- `discover`: walking the library through folder descriptors, remembering each file's
  identity (`Listed`);
- `read`: reading exactly the listed file, by descriptor, or reporting a problem;
- `pool`: the worker processes for large libraries, and their private temporary folder;
- `load`: one pass over a library (`LoadJob`), with the optional cache;
- `settings`: the default library and the size limit.
"""

from __future__ import annotations

from briefing_tui.library.discover import (
    RESERVED_NAMES,
    SUFFIXES,
    Listed,
    discover,
    display,
)
from briefing_tui.library.load import (
    CHUNK_SIZE,
    PARALLEL_THRESHOLD,
    Library,
    LoadJob,
    load_library,
)
from briefing_tui.library.read import load_file, read_bytes
from briefing_tui.library.settings import (
    default_library_paths,
    max_bytes_setting,
    sample_library,
)

__all__ = [
    "CHUNK_SIZE",
    "PARALLEL_THRESHOLD",
    "RESERVED_NAMES",
    "SUFFIXES",
    "Library",
    "Listed",
    "LoadJob",
    "default_library_paths",
    "discover",
    "display",
    "load_file",
    "load_library",
    "max_bytes_setting",
    "read_bytes",
    "sample_library",
]
