"""`briefing entities`, `outcomes` and `timeline`: output, exit codes and JSON."""

from __future__ import annotations

import argparse
import importlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui import cli
from insights.helpers import SAMPLES

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
Write = Callable[[str, "str | bytes"], Path]


def _main(args: list[str]) -> int:
    """Through cli.main once the command is wired in; until then, the same way it does."""
    if args[0] in cli.COMMANDS:
        return cli.main(args)
    module = importlib.import_module(f"briefing_tui.cli.{args[0]}")
    parser = argparse.ArgumentParser(prog="briefing")
    module.register(parser.add_subparsers(dest="command", required=True))
    try:
        ns = parser.parse_args(args)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    return int(ns.func(ns))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _main(list(args))
    out, err = capsys.readouterr()
    assert not CONTROL.search(out)
    return code, out, err


LIB = ("--library", str(SAMPLES))


# -- entities ----------------------------------------------------------------------------


def test_entities_lists_kind_name_count(capsys) -> None:
    code, out, _ = run(capsys, "entities", *LIB)
    assert code == 0
    lines = out.splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 3 for r in rows)
    assert ["person", "Alexander Seger", "1"] in rows
    assert ["organisation", "Eurojust", "2"] in rows
    assert ["country", "Norway", "3"] in rows
    counts = [int(r[2]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_entities_kind_and_match(capsys) -> None:
    code, out, _ = run(capsys, "entities", "--kind", "country", *LIB)
    assert code == 0
    assert {line.split("\t")[0] for line in out.splitlines()} == {"country"}
    code, out, _ = run(capsys, "entities", "--match", "seger", *LIB)
    assert (code, out) == (0, "person\tAlexander Seger\t1\n")
    code, out, _ = run(capsys, "entities", "--match", "nobody at all", *LIB)
    assert (code, out) == (1, "")


def test_entities_name_shows_briefings_and_roles(capsys) -> None:
    code, out, _ = run(capsys, "entities", "Seger, Alexander", *LIB)
    assert code == 0
    head, mention = out.splitlines()
    assert head == "person\tAlexander Seger\t1"
    assert mention.startswith("  2018-03-07\tHead of the Cybercrime Division\t")
    assert mention.endswith("2018-03-eurojust-coe-joint-conference-cybercrime.yaml:64")


def test_entities_unknown_name_exits_one_with_suggestions(capsys) -> None:
    code, out, err = run(capsys, "entities", "Seger", *LIB)
    assert (code, out) == (1, "")
    assert "no person, organisation or country is called 'Seger'" in err
    assert "person: Alexander Seger" in err


def test_entities_json(capsys) -> None:
    code, out, _ = run(capsys, "entities", "--json", "--kind", "organisation", *LIB)
    assert code == 0
    entities = json.loads(out)["entities"]
    eurojust = next(e for e in entities if e["name"] == "Eurojust")
    assert eurojust["kind"] == "organisation"
    assert eurojust["briefings"] >= 2
    code, out, _ = run(capsys, "entities", "NOR", "--json", *LIB)
    assert code == 0
    data = json.loads(out)
    assert data["entity"]["code"] == "NO"
    assert {m["via"] for m in data["mentions"]} == {"participant"}
    assert all(isinstance(m["participant"], int) for m in data["mentions"])


def test_entities_usage_error(capsys) -> None:
    code, _, err = run(capsys, "entities", "--kind", "planet", *LIB)
    assert code == 2
    assert "invalid choice" in err


def test_entities_empty_library_exits_one(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "entities", "--library", str(tmp_path))
    assert (code, out) == (1, "")


def test_library_is_repeatable_and_missing_paths_are_reported(
    capsys, write: Write, tmp_path: Path
) -> None:
    write("one/a.yaml", "title: A\nparticipants:\n  - Ana Novak, Judge, Supreme Court, SI\n")
    write("two/b.yaml", "title: B\nparticipants:\n  - name: Novak, Ana\n")
    code, out, err = run(
        capsys,
        "entities",
        "--kind",
        "person",
        "--library",
        str(tmp_path / "one"),
        "--library",
        str(tmp_path / "two"),
        "--library",
        str(tmp_path / "missing"),
    )
    assert (code, out) == (0, "person\tAna Novak\t2\n")
    assert "missing: error: no such file or folder" in err


def test_hostile_text_stays_on_one_line(capsys, write: Write, tmp_path: Path) -> None:
    write(
        "evil.yaml",
        'title: "Evil\\e[31m"\nparticipants:\n  - name: "Mallory\\nEvil\\u001b]52;c;x\\u0007"\n'
        'outcomes:\n  - text: "two\\nlines\\ttab"\n    status: open\n',
    )
    code, out, _ = run(capsys, "entities", "--library", str(tmp_path))
    assert code == 0
    assert len(out.splitlines()) == 1
    code, out, _ = run(capsys, "outcomes", "--library", str(tmp_path))
    assert code == 0
    (line,) = out.splitlines()
    assert len(line.split("\t")) == 8


# -- outcomes ----------------------------------------------------------------------------


def test_outcomes_lines_and_overdue(capsys) -> None:
    code, out, _ = run(capsys, "outcomes", "--today", "2026-03-10", *LIB)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) == 32
    assert all(len(r) == 8 for r in rows)
    overdue = [r for r in rows if r[2] == "OVERDUE"]
    assert [(r[0], r[4]) for r in overdue] == [
        ("2026-03-06", "Daniel Okafor"),
        ("2023-10-31", "NO"),
    ]
    assert overdue[0][6].startswith("Example: Planning call")
    assert overdue[0][7].endswith("2026-02-example-virtual-assets-workshop-planning.yml:37")


def test_outcomes_filters(capsys) -> None:
    code, out, _ = run(capsys, "outcomes", "--overdue", "--today", "2026-03-10", *LIB)
    assert (code, len(out.splitlines())) == (0, 2)
    code, out, _ = run(capsys, "outcomes", "--status", "open", "--owner", "Norway", *LIB)
    assert code == 0
    assert [line.split("\t")[5] for line in out.splitlines()] == [
        "Run a follow-up online clinic on preservation requests."
    ]
    code, out, _ = run(capsys, "outcomes", "--kind", "decision", "--kind", "finding", *LIB)
    assert code == 0
    assert {line.split("\t")[3] for line in out.splitlines()} == {"decision", "finding"}
    code, out, _ = run(
        capsys, "outcomes", "--due-after", "2025", "--due-before", "2026-03-20", *LIB
    )
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == ["2026-03-06"]


def test_outcomes_none_found_exits_one(capsys) -> None:
    code, out, _ = run(capsys, "outcomes", "--owner", "nobody", *LIB)
    assert (code, out) == (1, "")


@pytest.mark.parametrize(
    "args",
    [
        ("--status", "pending"),
        ("--today", "2026-13-01"),
        ("--today", "2026"),
        ("--due-before", "soon"),
        ("--due-after", "2026-03", "--due-before", "2026-03"),
    ],
)
def test_outcomes_usage_errors(capsys, args: tuple[str, ...]) -> None:
    code, out, _ = run(capsys, "outcomes", *args, *LIB)
    assert (code, out) == (2, "")


def test_outcomes_json(capsys) -> None:
    code, out, _ = run(capsys, "outcomes", "--json", "--today", "2026-03-10", "--sort", "due", *LIB)
    assert code == 0
    data = json.loads(out)
    assert data["today"] == "2026-03-10"
    first = data["outcomes"][0]
    assert set(first) == {
        "path", "title", "briefing_date", "index", "line", "text", "kind", "owner", "due",
        "status", "overdue",
    }  # fmt: skip
    assert (first["overdue"], first["due"], first["index"]) == (True, "2023-10-31", 1)


# -- timeline ----------------------------------------------------------------------------


def test_timeline_groups(capsys) -> None:
    code, out, _ = run(capsys, "timeline", *LIB)
    assert code == 0
    headers = [line for line in out.splitlines() if not line.startswith("  ")]
    assert headers == [
        "2026-02 (1 briefing)",
        "2025-11 (1 briefing)",
        "2023-06 (1 briefing)",
        "2021-11 (1 briefing)",
        "2018-03 (1 briefing)",
    ]
    entries = [line.strip().split("\t") for line in out.splitlines() if line.startswith("  ")]
    assert entries[-1][:2] == ["2018-03-07 – 2018-03-08", "TLP:CLEAR"]


def test_timeline_range(capsys, write: Write, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "timeline", "--from", "2021", "--to", "2023-06", *LIB)
    assert code == 0
    assert [line for line in out.splitlines() if not line.startswith("  ")] == [
        "2023-06 (1 briefing)",
        "2021-11 (1 briefing)",
    ]
    code, out, _ = run(capsys, "timeline", "--from", "2030", *LIB)
    assert (code, out) == (1, "")
    write("undated.yaml", "title: Undated\n")
    code, out, _ = run(capsys, "timeline", "--library", str(tmp_path))
    assert (code, out.splitlines()[0]) == (0, "undated (1 briefing)")


@pytest.mark.parametrize("args", [("--from", "2024", "--to", "2023"), ("--to", "2018-02-30")])
def test_timeline_usage_errors(capsys, args: tuple[str, ...]) -> None:
    code, out, _ = run(capsys, "timeline", *args, *LIB)
    assert (code, out) == (2, "")


def test_timeline_json(capsys) -> None:
    code, out, _ = run(capsys, "timeline", "--json", "--to", "2018-3", *LIB)
    assert code == 0
    data = json.loads(out)
    assert (data["from"], data["to"]) == (None, "2018-03-31")
    (group,) = data["groups"]
    assert (group["label"], group["year"], group["month"]) == ("2018-03", 2018, 3)
    assert group["briefings"][0]["marking"] == "TLP:CLEAR"
