"""Finding briefing files under the given paths and reading them, carefully and read-only.

- `walk`: discovering the library's files through folder descriptors, remembering each
  file's identity (`Listed`);
- `read`: reading exactly the listed file, by descriptor, or reporting a problem;
- `pool`: the worker processes for large libraries, and their private temporary folder;
- `load`: one pass over a library (`LoadJob`), with the optional cache;
- `settings`: the default library and the size limit.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from briefing_tui.library.walk import (
        RESERVED_NAMES,
        SUFFIXES,
        Listed,
        discover,
        display,
    )

# Where each name lives, so `from briefing_tui.library import X` loads only X's module:
# the reader's start-up imports `settings` and `pool` and must not wait for every format
# reader (through `walk`) to load; the loading thread imports those when it starts.  No
# module here may share a name it exports: importing `library.discover` as a module once
# made `library.discover` that module, not the function (the import system sets it).
_HOMES = {
    "RESERVED_NAMES": "walk",
    "SUFFIXES": "walk",
    "Listed": "walk",
    "discover": "walk",
    "display": "walk",
    "CHUNK_SIZE": "load",
    "PARALLEL_THRESHOLD": "load",
    "Library": "load",
    "LoadJob": "load",
    "load_library": "load",
    "load_file": "read",
    "read_bytes": "read",
    "default_library_paths": "settings",
    "max_bytes_setting": "settings",
    "sample_library": "settings",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


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
