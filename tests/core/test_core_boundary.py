"""The core never imports textual: scripts stay fast and the UI cannot leak into the model."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "briefing_tui"


def _core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


def test_no_core_module_mentions_textual_in_its_imports() -> None:
    offenders = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
    assert len(_core_modules()) > 5


def test_importing_the_core_and_running_commands_loads_no_textual() -> None:
    code = (
        "import sys, importlib, pkgutil, briefing_tui\n"
        "for m in pkgutil.walk_packages(briefing_tui.__path__, 'briefing_tui.'):\n"
        "    if '.ui' in m.name or m.name.endswith('__main__'): continue\n"
        "    importlib.import_module(m.name)\n"
        "from briefing_tui.cli import main\n"
        "main(['check', '--json'])\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print('TEXTUAL:', bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parents[1],
    )
    assert "TEXTUAL: []" in out.stdout, out.stderr
