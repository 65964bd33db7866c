"""`briefing search`: output lines, JSON, exit codes, and the library option."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing_tui.cli import main
from search.conftest import SAMPLES, SEED_NAME

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_line_per_hit_with_tabs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "seger", "--library", str(SAMPLES))
    assert code == 0
    (line,) = out.splitlines()
    path, pane, title, snippet = line.split("\t")
    assert path.endswith(SEED_NAME)
    assert pane == "participants"
    assert title == "Joint conference on judicial cooperation in cybercrime matters"
    assert "Alexander Seger" in snippet
    assert not CONTROL.search(out.replace("\t", "").replace("\n", ""))


def test_several_words_need_no_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "budapest", "convention", "--library", str(SAMPLES))
    assert code == 0
    assert any(line.split("\t")[0].endswith(SEED_NAME) for line in out.splitlines())


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, '"budapest convention"', "--library", str(SAMPLES), "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits and {"path", "pane", "title", "snippet", "score"} <= set(hits[0])
    seed = next(h for h in hits if h["path"].endswith(SEED_NAME))
    start, end = seed["highlights"][0]
    assert seed["snippet"][start:end].lower() == "budapest convention"
    assert isinstance(seed["score"], float)


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eurojust", "--library", str(SAMPLES), "--limit", "1")
    assert code == 0
    assert len(out.splitlines()) == 1


def test_no_hits_exit_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "xylophone", "--library", str(SAMPLES))
    assert (code, out) == (1, "")
    code, out, _ = run(capsys, "xylophone", "--library", str(SAMPLES), "--json")
    assert (code, json.loads(out)) == (1, [])


@pytest.mark.parametrize(
    "args",
    [
        ["--limit", "0", "x"],
        ["--limit", "many", "x"],
        [],
        ["--bogus", "x"],
        ["x", "--library", "/no/such/library"],
    ],
)
def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err


@pytest.mark.parametrize("query", ["-", "[/]", "*", "title:", '"'])
def test_query_with_nothing_searchable_finds_nothing(
    capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, err = run(capsys, "--library", str(SAMPLES), "--", query)
    assert (code, out) == (1, "")
    assert "nothing to search for" in err


def test_hostile_query_is_plain_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "[@click=app.quit]", "NEAR(", '"', "--library", str(SAMPLES))
    assert code == 1
    assert out == ""
    assert "Traceback" not in err


def test_ignored_parts_are_said_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "seger", "date:garbage", "--library", str(SAMPLES))
    assert code == 0
    assert "ignored: date:garbage" in err
    assert "date:garbage" not in out


def test_default_library_from_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_LIBRARY", str(SAMPLES))
    code, out, _ = run(capsys, "seger")
    assert code == 0
    assert SEED_NAME in out


def test_several_libraries_and_tabs_in_text_stay_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "t.yaml").write_text('title: "Tab\\there"\nsummary: "one\\ntwo seger"\n')
    code, out, _ = run(capsys, "seger", "--library", str(SAMPLES), "--library", str(tmp_path))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert all(len(line.split("\t")) == 4 for line in lines)
