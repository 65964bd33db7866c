"""Shared fixtures: the repository's sample library and a helper to write documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "briefings"
SEED = SAMPLES / "2018-03-eurojust-coe-joint-conference-cybercrime.yaml"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def seed() -> Path:
    return SEED


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path (text is written as UTF-8) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
        return path

    return _write


@pytest.fixture(autouse=True)
def no_personal_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Tests never read the settings file of whoever runs them (a personal `cache_dir` or
    `library` would change what the commands under test do); a test that needs settings
    points $BRIEFING_CONFIG at its own file."""
    empty = tmp_path_factory.getbasetemp() / "empty-config.toml"
    if not empty.exists():
        empty.write_text("# the tests' settings: all defaults\n")
    monkeypatch.setenv("BRIEFING_CONFIG", str(empty))
