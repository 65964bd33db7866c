"""The screens opened by a key are imported when first asked for, not before the first paint."""

from __future__ import annotations

import json
import subprocess
import sys

# Imported by `import briefing_tui.ui.app` only if something made them eager again.
ON_DEMAND = [
    "briefing_tui.ui.screens.entities",
    "briefing_tui.ui.screens.outcomes",
    "briefing_tui.ui.screens.glossary",
    "briefing_tui.ui.screens.help",
    "briefing_tui.ui.screens.problems",
    "briefing_tui.ui.widgets.find_bar",
    "briefing_tui.ui.locate.target",
    "briefing_tui.ui.locate.locator",
    "briefing_tui.ui.screens.search",
]


def _modules_after(code: str) -> set[str]:
    """The briefing_tui modules a fresh interpreter holds after running `code`."""
    script = (
        f"import sys, json\n{code}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('briefing_tui'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_starting_the_reader_does_not_import_the_screens_opened_by_keys() -> None:
    loaded = _modules_after("import briefing_tui.ui.app")
    assert "briefing_tui.ui.app" in loaded
    assert not loaded & set(ON_DEMAND), sorted(loaded & set(ON_DEMAND))


def test_every_screen_imported_on_demand_exists() -> None:
    loaded = _modules_after("import " + ", ".join(ON_DEMAND))
    assert set(ON_DEMAND) <= loaded


def test_binding_ids_come_from_the_command_table_without_importing_the_screens() -> None:
    loaded = _modules_after("from briefing_tui.ui.app import binding_ids\nbinding_ids()")
    assert not loaded & set(ON_DEMAND), sorted(loaded & set(ON_DEMAND))
