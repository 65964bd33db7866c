"""The optional settings file: where it is looked for, what a bad one costs, what is printed."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from briefing_tui.config import (
    DEFAULT_MAX_FILE_BYTES,
    DEFAULT_THEME,
    Config,
    config_path,
    load_config,
)
from briefing_tui.config_text import effective_config_text
from briefing_tui.model import Severity


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefing" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path), **extra}


def test_no_file_means_defaults_and_no_problems(tmp_path: Path) -> None:
    config, problems = load_config(env_for(tmp_path))
    assert problems == []
    assert config.theme == DEFAULT_THEME
    assert config.library == ()
    assert config.max_file_bytes == DEFAULT_MAX_FILE_BYTES
    assert config.keys == ()
    assert (config.cache_dir, config.state_dir) == (None, None)
    assert config.file_found is False
    assert config.origin("theme") == "default"


def test_where_the_file_is_looked_for(tmp_path: Path) -> None:
    assert config_path({"HOME": "/h"}) == Path("/h/.config/briefing/config.toml")
    assert config_path({"HOME": "/h", "XDG_CONFIG_HOME": "/x"}) == Path("/x/briefing/config.toml")
    # The XDG specification says a relative XDG_CONFIG_HOME is to be ignored.
    assert config_path({"HOME": "/h", "XDG_CONFIG_HOME": "rel"}) == Path(
        "/h/.config/briefing/config.toml"
    )
    assert config_path({"HOME": "/h", "BRIEFING_CONFIG": "/etc/b.toml"}) == Path("/etc/b.toml")


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = write_config(
        tmp_path,
        """
theme = "high-contrast"
library = ["~/cases", "shared/briefings", "/srv/library"]
max_file_bytes = "16 MiB"
cache_dir = "/tmp/briefing-cache"
state_dir = "~/state"

[keys]
quit = "ctrl+q"
search = "/"
next_pane = "tab,l"
""",
    )
    config, problems = load_config(env_for(tmp_path))
    assert problems == []
    assert config.file_found and config.path == path
    assert config.theme == "high-contrast"
    home = Path("~").expanduser()
    assert config.library == (
        home / "cases",
        path.parent / "shared/briefings",  # relative to the settings file, not the cwd
        Path("/srv/library"),
    )
    assert config.max_file_bytes == 16 * 1024 * 1024
    assert config.cache_dir == Path("/tmp/briefing-cache")
    assert config.state_dir == home / "state"
    assert config.keys == (("quit", "ctrl+q"), ("search", "/"), ("next_pane", "tab,l"))
    assert config.key_for("search") == "/"
    assert config.key_for("help") is None
    assert config.origin("theme").startswith("config file ")


def test_library_may_be_one_path(tmp_path: Path) -> None:
    write_config(tmp_path, 'library = "/srv/one"\n')
    config, problems = load_config(env_for(tmp_path))
    assert problems == []
    assert config.library == (Path("/srv/one"),)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1000", 1000), ('"512k"', 512_000), ('"2 KiB"', 2048), ('"3MB"', 3_000_000)],
)
def test_sizes(tmp_path: Path, raw: str, expected: int) -> None:
    write_config(tmp_path, f"max_file_bytes = {raw}\n")
    config, problems = load_config(env_for(tmp_path))
    assert problems == []
    assert config.max_file_bytes == expected


def test_broken_toml_is_a_problem_with_a_line_and_defaults_are_used(tmp_path: Path) -> None:
    write_config(tmp_path, 'theme = "monochrome"\nlibrary = [\n')
    config, problems = load_config(env_for(tmp_path))
    assert config.theme == DEFAULT_THEME
    (problem,) = problems
    assert problem.severity is Severity.ERROR
    assert "not valid TOML" in problem.message
    assert problem.line == 2
    _, problems = load_config(
        env_for(
            tmp_path,
            BRIEFING_CONFIG=str(write_config(tmp_path, 'theme = "a"\ntheme = "b"\nlibrary = []\n')),
        )
    )
    assert problems[0].line == 2


def test_bad_values_cost_only_themselves(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        """
theme = "monochrome"
max_file_bytes = -5
library = 42
colour = "red"
cache-dir = "/x"

[keys]
quit = 7
search = "ctrl + f"
help = "f1"
""",
    )
    config, problems = load_config(env_for(tmp_path))
    assert config.theme == "monochrome"  # the good values are kept
    assert config.keys == (("help", "f1"),)
    assert config.max_file_bytes == DEFAULT_MAX_FILE_BYTES
    assert config.library == ()
    messages = [(p.severity, p.message) for p in problems]
    assert (Severity.ERROR, "max_file_bytes: must be more than 0") in messages
    assert any(m.startswith("library:") for _, m in messages)
    assert (Severity.WARNING, "unknown setting 'colour'; ignored") in messages
    assert any("did you mean cache_dir" in m for _, m in messages)
    assert any(m.startswith("keys.quit:") for _, m in messages)
    assert any(m.startswith("keys.search:") for _, m in messages)


def test_two_actions_on_one_key_warn(tmp_path: Path) -> None:
    write_config(tmp_path, '[keys]\nquit = "q"\nsearch = "q"\n')
    _, problems = load_config(env_for(tmp_path))
    (problem,) = problems
    assert problem.severity is Severity.WARNING
    assert "also the key for quit" in problem.message


def test_environment_wins_over_the_file(tmp_path: Path) -> None:
    write_config(tmp_path, 'library = "/from/file"\nmax_file_bytes = 100\n')
    env = env_for(
        tmp_path, BRIEFING_LIBRARY=os.pathsep.join(["/a", "/b"]), BRIEFING_MAX_BYTES="2000"
    )
    config, problems = load_config(env)
    assert problems == []
    assert config.library == (Path("/a"), Path("/b"))
    assert config.max_file_bytes == 2000
    assert config.origin("library") == "environment $BRIEFING_LIBRARY"
    assert config.origin("max_file_bytes") == "environment $BRIEFING_MAX_BYTES"


def test_named_file_missing_is_reported(tmp_path: Path) -> None:
    config, problems = load_config(env_for(tmp_path, BRIEFING_CONFIG=str(tmp_path / "no.toml")))
    assert config.theme == DEFAULT_THEME
    (problem,) = problems
    assert "no such file" in problem.message


def test_a_folder_or_binary_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    _, problems = load_config(env_for(tmp_path, BRIEFING_CONFIG=str(folder)))
    assert "not a regular file" in problems[0].message
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe")
    config, problems = load_config(env_for(tmp_path, BRIEFING_CONFIG=str(binary)))
    assert "not valid UTF-8" in problems[0].message
    assert config == Config(path=binary, file_found=True)


def test_loading_writes_nothing(tmp_path: Path) -> None:
    load_config(env_for(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_print_config_is_toml_that_names_every_setting_and_its_origin(tmp_path: Path) -> None:
    write_config(tmp_path, 'theme = "monochrome"\n[keys]\n"pane.next" = "f5"\n')
    config, _ = load_config(env_for(tmp_path, BRIEFING_MAX_BYTES="4096"))
    text = effective_config_text(config)
    data = tomllib.loads(text)  # copyable into a settings file as it is
    assert data["theme"] == "monochrome"
    assert data["max_file_bytes"] == 4096
    assert data["library"] == []
    assert data["keys"] == {"pane.next": "f5"}
    for setting in ("theme", "library", "max_file_bytes", "cache_dir", "state_dir", "[keys]"):
        assert setting in text
    assert "# environment $BRIEFING_MAX_BYTES" in text
    assert 'theme = "monochrome"  # config file ' in text
    assert "unset, so nothing is written" in text


def test_print_config_escapes_controls_from_the_file(tmp_path: Path) -> None:
    write_config(tmp_path, 'cache_dir = "/tmp/x\\u001b]52;c;AAAA\\u0007\\u009b"\n')
    config, problems = load_config(env_for(tmp_path))
    assert problems == []
    text = effective_config_text(config)
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert tomllib.loads(text)["cache_dir"] == str(config.cache_dir)
