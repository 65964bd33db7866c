"""The screens and bars the reader imports only when a key first asks for them.

They cost tens of milliseconds to import and none is on screen at start, so app.py and
library_views.py import them inside the actions that open them.  Importing this module
imports them all, for whatever must see every widget class at once: `binding_ids()` walks
the reader's classes for the binding ids a settings file's [keys] table may name.
"""

from __future__ import annotations

import importlib

NAMES = (
    "screens.entities",
    "screens.filter",
    "widgets.find_bar",
    "screens.glossary",
    "screens.help",
    "screens.outcomes",
    "screens.problems",
    "locate.target",
    "locate.open_at",
    "screens.search",
    "screens.timeline",
)
MODULES = tuple(importlib.import_module(f"briefing_tui.ui.{name}") for name in NAMES)
