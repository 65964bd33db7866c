"""`briefing [PATH ...]` options reach the reader: paths, theme, cache, config."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from briefing_tui import cli
from briefing_tui.ui import app as app_module
from waiting import settle


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_run(paths: list[Path], **kwargs: Any) -> int:
        calls.append({"paths": paths, **kwargs})
        return 0

    monkeypatch.setattr(app_module, "run", fake_run)
    monkeypatch.setenv("BRIEFING_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("BRIEFING_LIBRARY", raising=False)
    # setenv first, so that undo removes what the CLI sets during the test
    monkeypatch.setenv("BRIEFING_MAX_BYTES", "")
    monkeypatch.delenv("BRIEFING_MAX_BYTES")
    return calls


def test_paths_theme_and_cache_are_passed(started, tmp_path: Path) -> None:
    assert (
        cli.main(
            [
                str(tmp_path),
                "--theme",
                "briefing-high-contrast",
                "--cache",
                str(tmp_path / "c"),
                "--state",
                str(tmp_path / "s"),
            ]
        )
        == 0
    )
    (call,) = started
    assert call["paths"] == [tmp_path]
    assert call["theme"] == "briefing-high-contrast"
    assert call["cache_dir"] == tmp_path / "c"
    assert call["state_dir"] == tmp_path / "s"


def test_defaults_write_nothing_and_pick_no_theme(started, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main([]) == 0
    (call,) = started
    assert call["theme"] is None
    assert call["cache_dir"] is None
    assert call["state_dir"] is None
    assert call["paths"] and call["paths"][0].is_dir()


def test_config_file_settings_apply(started, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    library = tmp_path / "lib"
    library.mkdir()
    config.write_text(
        f'theme = "briefing-monochrome"\nlibrary = ["{library}"]\n'
        f'cache_dir = "{tmp_path / "cache"}"\nmax_file_bytes = 1000\n'
    )
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    assert cli.main([]) == 0
    (call,) = started
    assert call["paths"] == [library]
    assert call["theme"] == "briefing-monochrome"
    assert call["cache_dir"] == tmp_path / "cache"
    assert os.environ["BRIEFING_MAX_BYTES"] == "1000"


def test_print_config_does_not_start_the_reader(started, capsys) -> None:
    assert cli.main(["--print-config"]) == 0
    assert started == []
    out = capsys.readouterr().out
    assert "max_file_bytes = 8388608" in out
    assert "nothing is written" in out


def test_config_keys_reach_the_reader(started, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nhelp = "f1"\nsearch = "ctrl+s"\n')
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    assert cli.main([str(tmp_path)]) == 0
    assert started[0]["keymap"] == {"help": "f1", "search": "ctrl+s"}


async def test_a_keymap_rebinds_by_binding_id(samples: Path) -> None:
    from briefing_tui.ui.app import BriefingApp, binding_ids
    from briefing_tui.ui.screens.help import HelpScreen

    assert {"help", "search", "quit", "find", "pane_participants", "next_part", "reverse_sort"} <= (
        binding_ids()
    )
    app = BriefingApp([samples])
    app.set_keymap({"help": "f1"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
