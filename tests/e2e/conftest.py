"""Fixtures of the end-to-end tier: the installed `briefing` command inside tmux.

Each test gets its own tmux server on a private socket (`tmux -L <unique>`), so the tests
never touch a reader's own tmux sessions and can run side by side.  The driver,
`tests/terminal_driver.py`, is shared with the benchmarks that measure in a terminal.
The whole tier is skipped, with the reason, when tmux or the `briefing` command is missing.

Adding a test for a new feature (search, say) takes a few lines:

    def test_search(terminal: Terminal, samples: Path) -> None:
        terminal.start(samples)
        terminal.wait_for("5 briefings")
        terminal.press("/")
        terminal.type("budapest")
        terminal.wait_for(...)
        terminal.quit()
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from terminal_driver import BRIEFING, TMUX, Terminal

_sockets = itertools.count()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is an e2e test, and the whole tier needs tmux and briefing."""
    here = Path(__file__).parent
    missing = [name for name, found in (("tmux", TMUX), ("briefing", BRIEFING)) if not found]
    skip = pytest.mark.skip(reason=f"end-to-end tests need {' and '.join(missing)} on PATH")
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            if missing:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def e2e_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty HOME, so no settings, cache or history of the developer's leak in."""
    return tmp_path_factory.mktemp("home")


@pytest.fixture
def terminal(e2e_home: Path, tmp_path: Path) -> Iterator[Terminal]:
    socket = f"briefing-e2e-{os.getpid()}-{next(_sockets)}"
    term = Terminal(socket, e2e_home, tmp_path)
    try:
        yield term
    finally:
        term.close()
