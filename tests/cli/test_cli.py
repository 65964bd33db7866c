"""`briefing check` and `briefing show`: output formats and exit codes, as scripts rely on them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui import __version__
from briefing_tui.cli import main

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_samples_exits_zero(capsys, samples: Path) -> None:
    code, out, _ = run(capsys, "check", str(samples))
    assert code == 0
    assert re.search(r"^\d+ files checked, \d+ briefings read: 0 errors, 0 warnings$", out, re.M)


def test_check_reports_compiler_style_lines_and_exit_one(capsys, write, tmp_path: Path) -> None:
    write("ok.yaml", "title: Ok\n")
    write("bad.yaml", "title: Bad\nparticipants: 12\n")
    write("warn.md", "---\ntitle: W\noutcomes:\n  - {text: a, status: maybe}\n---\n")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    assert f"{tmp_path}/bad.yaml:2:15: error: participants: expected a list, got text" in lines
    assert any(
        line.startswith(f"{tmp_path}/warn.md:4:") and ": warning: status:" in line for line in lines
    )
    assert lines[-1] == "3 files checked, 3 briefings read: 1 error, 1 warning"


def test_check_warnings_alone_exit_zero(capsys, write, tmp_path: Path) -> None:
    write("warn.yaml", "title: W\noutcomes:\n  - {text: a, kind: wish}\n")
    code, _, _ = run(capsys, "check", str(tmp_path))
    assert code == 0


def test_check_json(capsys, write, tmp_path: Path) -> None:
    write("bad.yaml", "title: [\n")
    code, out, _ = run(capsys, "check", "--json", str(tmp_path))
    assert code == 1
    data = json.loads(out)
    assert data["errors"] == 1
    (problem,) = data["problems"]
    assert set(problem) == {"path", "line", "column", "severity", "message"}
    assert problem["severity"] == "error"


def test_usage_errors_exit_two(capsys) -> None:
    assert run(capsys, "check", "--bogus")[0] == 2
    assert run(capsys, "show")[0] == 2
    assert run(capsys, "show", "x.yaml", "--format", "pdf")[0] == 2


def test_version_and_help(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"briefing {__version__}"
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "briefing check" in out and "briefing show" in out


def test_show_seed_text(capsys, seed: Path) -> None:
    code, out, _ = run(capsys, "show", str(seed))
    assert code == 0
    assert out.splitlines()[0] == "[TLP:CLEAR]"
    assert out.rstrip().splitlines()[-1] == "[TLP:CLEAR]"
    assert "Joint conference on judicial cooperation in cybercrime matters" in out
    assert "Ladislav Hamran" in out and "Alexander Seger" in out
    topics = out.split("TOPICS\n")[1].split("OUTCOMES\n")[0]
    assert len(re.findall(r"^\d+\. ", topics, re.M)) == 7
    outcomes = out.split("OUTCOMES\n")[1]
    assert len(re.findall(r"^\d+\. ", outcomes, re.M)) == 3
    assert not CONTROL.search(out.replace("\n", ""))


def test_show_seed_json(capsys, seed: Path) -> None:
    code, out, _ = run(capsys, "show", str(seed), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Joint conference on judicial cooperation in cybercrime matters"
    assert data["source_path"].endswith(seed.name)
    names = {p.get("name") for p in data["participants"]}
    assert {"Ladislav Hamran", "Alexander Seger"} <= names
    assert len(data["topics"]) == 7
    assert len(data["outcomes"]) == 3
    for key in (
        "date",
        "end_date",
        "location",
        "organisers",
        "marking",
        "tags",
        "summary",
        "overview",
        "links",
        "glossary",
        "source",
        "extra",
        "sections",
        "problems",
    ):
        assert key in data


def test_show_markdown_reads_back_into_the_same_panes(capsys, seed: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "show", str(seed), "--format", "markdown")
    assert code == 0
    copy = tmp_path / "copy.md"
    copy.write_text(out)
    code, out2, _ = run(capsys, "show", str(copy), "--format", "json")
    again = json.loads(out2)
    assert again["title"].startswith("Joint conference")
    assert len(again["topics"]) == 7
    assert len(again["outcomes"]) == 3
    assert {"Ladislav Hamran", "Alexander Seger"} <= {p.get("name") for p in again["participants"]}


def test_show_unreadable_file_exits_one(capsys, write) -> None:
    path = write("bad.yaml", "- a list\n")
    code, out, err = run(capsys, "show", str(path))
    assert code == 1
    assert out == ""
    assert "must be a mapping" in err


def test_show_hostile_document_prints_no_control_characters(capsys, write) -> None:
    path = write("evil.yaml", 'title: "\\e]0;pwned\\a\\x9b31m"\nlocation: "\\x1b[2J"\n')
    for fmt in ("text", "markdown", "json"):
        code, out, _ = run(capsys, "show", str(path), "--format", fmt)
        assert code == 0
        assert not CONTROL.search(out.replace("\n", "")), fmt


def test_python_dash_m_matches_the_command(seed: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "show", str(seed), "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["title"].startswith("Joint conference")


def test_check_warns_about_undefined_acronyms(capsys, write, tmp_path: Path) -> None:
    write(
        "a.yaml",
        "title: Meeting on QZXW rules\nglossary:\n  ABCD: Defined\nsummary: ABCD and QZXW.\n",
    )
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 0
    assert "acronym 'QZXW' is not defined" in out
    assert "'ABCD'" not in out
    code, out, _ = run(capsys, "check", "--no-acronyms", str(tmp_path))
    assert "QZXW" not in out


def test_commands_default_to_the_config_files_library(
    capsys, write, tmp_path: Path, monkeypatch
) -> None:
    write("lib/only.yaml", "title: From the configured library\n")
    config = write("config.toml", f'library = ["{tmp_path / "lib"}"]\n')
    monkeypatch.delenv("BRIEFING_LIBRARY", raising=False)
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert "1 file checked, 1 briefing read" in out
