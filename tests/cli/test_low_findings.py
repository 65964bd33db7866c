"""The low-severity findings of issue 12, each as the user met it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.config import load_config
from briefing_tui.readers.documents import read_document
from briefing_tui.sanitize import INVISIBLE, clean, escape_surrogates

NAME = os.fsdecode(b"caf\xe9.yaml")  # not valid UTF-8: a lone surrogate once decoded


def _briefing(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture
def odd_library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / NAME).write_text("title: Café\n")
    (lib / "b.yaml").write_text("title: B\n")
    return lib


@pytest.mark.parametrize("whole_library", [False, True])
def test_export_writes_any_file_name(
    odd_library: Path, tmp_path: Path, whole_library: bool
) -> None:
    out = tmp_path / "out.txt"
    what = ["--library", str(odd_library)] if whole_library else [str(odd_library / NAME)]
    done = _briefing("export", *what, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "caf\\xe9.yaml" in out.read_text(encoding="utf-8")
    if whole_library:
        assert "B" in out.read_text(encoding="utf-8"), "the other briefings are exported too"


def test_json_escapes_undecodable_bytes_and_keeps_them_apart(odd_library: Path) -> None:
    done = _briefing("show", "--format", "json", str(odd_library / NAME))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source_path"].endswith("caf\\xe9.yaml")
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in data["source_path"])
    assert bytes.fromhex(data["source_path_bytes"]) == os.fsencode(odd_library / NAME)
    assert "\\udc" not in done.stdout, "no lone surrogate escapes in the JSON text"


def test_escape_surrogates_leaves_decodable_names_alone() -> None:
    assert escape_surrogates("/lib/Café.yaml") == "/lib/Café.yaml"
    assert escape_surrogates(NAME) == "caf\\xe9.yaml"


def test_export_next_to_a_briefing_opened_as_a_file_is_refused(odd_library: Path) -> None:
    before = sorted(p.name for p in odd_library.iterdir())
    done = _briefing("export", str(odd_library / "b.yaml"), "-o", str(odd_library / "b.txt"))
    assert done.returncode == 2
    assert "inside the library" in done.stderr
    assert sorted(p.name for p in odd_library.iterdir()) == before


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000 + "]" * 5000 + "\n",
        "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
    ],
)
def test_a_deeply_nested_config_never_raises(tmp_path: Path, odd_library: Path, text: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text)
    _, problems = load_config({}, config)
    assert [p.message for p in problems] == [
        "nested more than 32 levels deep; not read, defaults are used"
    ]
    done = _briefing("export", str(odd_library / "b.yaml"), env={"BRIEFING_CONFIG": str(config)})
    assert done.returncode == 0, done.stderr
    assert "RecursionError" not in done.stderr


@pytest.mark.parametrize(
    "char", ["\u2028", "\u2029", "\u061c", "\u200b", "\ufeff", "\U000e0041", "\U000e007f"]
)
def test_invisible_format_characters_are_made_visible(char: str) -> None:
    assert char not in clean(f"a{char}b")
    assert len(clean(f"a{char}b")) == 3, "one character for one: positions stay true"
    result = read_document("x.yaml", f"title: a{char}b\nsummary: c{char}d\n".encode())
    assert result.briefing is not None
    assert char not in result.briefing.title + result.briefing.summary
    assert result.problems, "a warning says something was there"


def test_tag_characters_cannot_hide_text() -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "transfer the funds")
    result = read_document("x.md", f"# Title\n\nVisible{hidden} text.\n".encode())
    assert result.briefing is not None
    shown = result.briefing.title + result.briefing.overview + result.briefing.summary
    assert not any(ch in INVISIBLE for ch in shown)
    assert "⬚" in shown
