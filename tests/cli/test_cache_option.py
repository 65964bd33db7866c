"""`--cache DIR` for `briefing search`, `entities`, `outcomes` and `timeline` (issue 13 item 5).

The first call fills the cache, the second answers from it (no file is parsed, the saved
search index is restored) with exactly the same output, a changed file is read again, and
a folder the reader would refuse is refused here too, with the command run without it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from briefing_tui import cli
from briefing_tui.cli import answers
from briefing_tui.library import load as load_module
from briefing_tui.search import SearchIndex

SAMPLES = Path(__file__).resolve().parents[2] / "briefings"
COMMANDS = [
    ["search", "evidence"],
    ["search", "--json", "country:NL"],
    ["entities"],
    ["entities", "--json"],
    ["outcomes"],
    ["timeline"],
]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    shutil.copytree(SAMPLES, lib)
    return lib


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file parsed from here on (in this process: the samples are below the pool)."""
    parsed: list[Path] = []
    real = load_module.load_file

    def spy(path: Path, *args: object) -> object:
        parsed.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module, "load_file", spy)
    return parsed


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_second_call_answers_from_the_cache_with_the_same_output(
    command: list[str],
    library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache"
    args = [*command, "--library", str(library), "--cache", str(cache)]
    plain = _run(capsys, *command, "--library", str(library))
    first = _run(capsys, *args)
    assert first == plain, "the cache changes nothing about the answer"
    assert first[1].strip(), "the command found something to print"
    assert list(cache.glob("library-*.cache"))
    if command[0] == "search":
        assert list(cache.glob("library-*.index")), "the first search saved its index"

    parsed = _parses(monkeypatch)
    built: list[int] = []
    real_add = SearchIndex.add

    def add(self: SearchIndex, briefings: object, rows: object = None) -> int:
        docs = list(briefings)  # type: ignore[call-overload]
        built.append(len(docs))
        return real_add(self, docs, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "add", add)
    second = _run(capsys, *args)
    assert second == first
    assert parsed == [], "nothing was parsed again"
    assert sum(built) == 0, "the saved index was restored, not built again"


def test_a_changed_file_is_read_again(
    library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache"
    args = ["--library", str(library), "--cache", str(cache)]
    code, _, _ = _run(capsys, "search", "evidence", *args)
    assert code == 0
    _run(capsys, "timeline", *args)
    target = library / "zebra-added.yaml"
    target.write_text("title: Quokka conference\ndate: 2031-05-06\n")
    parsed = _parses(monkeypatch)
    code, out, _ = _run(capsys, "search", "quokka", *args)
    assert code == 0 and "Quokka conference" in out
    assert parsed == [target], "only the new file was parsed"

    target.write_text("title: Wombat conference\ndate: 2031-05-06\n")
    os.utime(target, ns=(0, 10**18))  # a new mtime however coarse the clock
    parsed.clear()
    assert _run(capsys, "search", "quokka", *args)[0] == 1, "the old text is not found"
    code, out, _ = _run(capsys, "timeline", *args)
    assert "Wombat conference" in out and "Quokka" not in out
    assert parsed == [target], "read once, by the search; the timeline took it from the cache"


def test_a_folder_others_can_write_is_refused_and_the_command_runs_without_it(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    plain = _run(capsys, "entities", "--library", str(library))
    code, out, err = _run(capsys, "entities", "--library", str(library), "--cache", str(shared))
    assert (code, out) == plain[:2]
    assert err == (
        f"briefing: --cache {shared} can be written by other accounts; running without the cache\n"
    )
    assert list(shared.iterdir()) == []


def test_a_cache_folder_inside_the_library_is_never_written(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in library.iterdir())
    inside = library / "cache"
    code, out, err = _run(
        capsys, "search", "evidence", "--library", str(library), "--cache", str(inside)
    )
    assert code == 0 and out
    assert "inside the library" in err
    assert sorted(p.name for p in library.iterdir()) == before


def test_a_damaged_cache_is_ignored_with_a_note(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    args = ["outcomes", "--library", str(library), "--cache", str(cache)]
    first = _run(capsys, *args)
    (saved,) = cache.glob("library-*.cache")
    saved.write_bytes(saved.read_bytes()[:40] + b"\xff garbage")
    code, out, err = _run(capsys, *args)
    assert (code, out) == first[:2]
    assert "cache was unreadable; rebuilding it" in err


def test_a_new_question_restores_the_saved_index_without_parsing(
    library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache"
    args = ["--library", str(library), "--cache", str(cache)]
    _run(capsys, "search", "evidence", *args)
    plain = _run(capsys, "search", "cybercrime", "--library", str(library))
    parsed = _parses(monkeypatch)
    built: list[int] = []
    monkeypatch.setattr(
        SearchIndex, "add", lambda self, docs, rows=None: built.append(len(list(docs))) or 0
    )
    assert _run(capsys, "search", "cybercrime", *args) == plain
    assert parsed == [] and sum(built) == 0


def test_a_kept_answer_that_was_tampered_with_is_worked_out_again(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache"
    args = ["timeline", "--library", str(library), "--cache", str(cache)]
    first = _run(capsys, *args)
    (kept,) = cache.glob("library-*.answer")
    saved = json.loads(kept.read_text())
    saved[3] = "\x1b]52;c;cGF5bG9hZA==\x07planted\n"
    kept.write_text(json.dumps(saved))
    assert _run(capsys, *args) == first


def test_kept_answers_are_for_today_only(
    library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`outcomes` says what is overdue: a day later, the same question is worked out again."""
    cache = tmp_path / "cache"
    args = ["outcomes", "--library", str(library), "--cache", str(cache)]
    _run(capsys, *args)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date.fromordinal(dt.date.fromisoformat(REAL_TODAY).toordinal() + 1)

    REAL_TODAY = dt.date.today().isoformat()
    parsed = _parses(monkeypatch)
    monkeypatch.setattr(answers.dt, "date", Tomorrow)
    _run(capsys, *args)
    assert len(list(cache.glob("library-*.answer"))) == 2 and parsed == []


def test_only_the_newest_answers_are_kept(
    library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answers, "KEEP", 2)
    cache = tmp_path / "cache"
    for word in ("evidence", "cybercrime", "europol"):
        _run(capsys, "search", word, "--library", str(library), "--cache", str(cache))
    assert len(list(cache.glob("library-*.answer"))) == 2
    assert len(list(cache.glob("library-*.cache"))) == 1


def test_the_settings_files_cache_dir_serves_the_commands_too(
    library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`cache_dir` in the settings file is the commands' cache, as it is the reader's; an
    explicit --cache still wins."""
    cache = tmp_path / "configured-cache"
    cache.mkdir(mode=0o700)
    config = tmp_path / "config.toml"
    config.write_text(f'cache_dir = "{cache}"\n')
    monkeypatch.setenv("BRIEFING_CONFIG", str(config))
    code, first, _ = _run(capsys, "search", "evidence", "--library", str(library))
    assert code == 0
    assert list(cache.glob("library-*.cache")), "the configured cache was filled"
    parsed = _parses(monkeypatch)
    code, second, _ = _run(capsys, "search", "evidence", "--library", str(library))
    assert (code, second) == (0, first)
    assert parsed == [], "the second call answered from the configured cache"
    other = tmp_path / "explicit"
    other.mkdir(mode=0o700)
    _run(capsys, "entities", "--library", str(library), "--cache", str(other))
    assert list(other.glob("library-*.cache"))
