"""Library glossary (read safely, problems not exceptions), merging, and finding acronyms."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui.insights.glossary import (
    BRIEFING,
    LIBRARY,
    AcronymMatcher,
    LibraryGlossary,
    find_acronyms,
    merge_glossary,
)
from briefing_tui.insights.glossary_file import load_library_glossary, parse_glossary
from briefing_tui.model import Briefing, Severity

Write = Callable[[str, "str | bytes"], Path]


def test_parse_a_mapping_keeps_text_as_written() -> None:
    terms, problems = parse_glossary("g.yaml", "MLA: Mutual legal assistance\nNO: Norway\n012: x\n")
    assert terms == (("MLA", "Mutual legal assistance"), ("NO", "Norway"), ("012", "x"))
    assert problems == []


def test_parse_accepts_a_glossary_key() -> None:
    terms, problems = parse_glossary("g.yaml", "glossary:\n  JIT: Joint investigation team\n")
    assert terms == (("JIT", "Joint investigation team"),)
    assert problems == []


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("- MLA\n- JIT\n", 1, "must be a mapping"),
        ("MLA: [\n", 2, ""),
        ("MLA: ok\nJIT:\n  - not text\n", 3, "expected text"),
        ("!!python/object:os.system {}\n", 1, "not allowed"),
    ],
)
def test_bad_glossary_files_give_problems(text: str, line: int, fragment: str) -> None:
    _, problems = parse_glossary("g.yaml", text)
    assert problems
    assert problems[0].path == "g.yaml"
    assert problems[0].severity is Severity.ERROR
    assert problems[0].line == line
    assert fragment in problems[0].message


def test_empty_expansion_is_a_warning() -> None:
    terms, problems = parse_glossary("g.yaml", "CSP: x\nMLA:\nJIT: ''\n")
    assert terms == (("CSP", "x"), ("MLA", ""), ("JIT", ""))
    assert [(p.severity, p.line) for p in problems] == [
        (Severity.WARNING, 2),
        (Severity.WARNING, 3),
    ]


def test_a_list_is_not_an_expansion() -> None:
    _, problems = parse_glossary("g.yaml", "MLA: [a, b]\n")
    (problem,) = problems
    assert (problem.severity, problem.line) == (Severity.ERROR, 1)


def test_alias_bomb_is_refused() -> None:
    names = "abcdefgh"
    bomb = "a: &a {x: y}\n"
    for n in range(1, len(names)):
        merged = ", ".join([f"*{names[n - 1]}"] * 10)
        bomb += f"{names[n]}: &{names[n]} {{<<: [{merged}]}}\n"
    bomb += "<<: *h\n"
    terms, problems = parse_glossary("g.yaml", bomb)
    assert terms == ()
    (problem,) = problems
    assert problem.severity is Severity.ERROR
    assert "limit" in problem.message


def test_load_from_library_roots(write: Write, tmp_path: Path) -> None:
    write("lib1/glossary.yaml", "MLA: Mutual legal assistance\nJIT: Joint investigation team\n")
    write("lib2/glossary.yml", "MLA: something else\nEIO: European Investigation Order\n")
    write("lib3/glossary.yaml", "- not a mapping\n")
    glossary = load_library_glossary(
        [tmp_path / "lib1", tmp_path / "lib2", tmp_path / "lib3", tmp_path / "missing"]
    )
    assert glossary.as_dict() == {
        "MLA": "Mutual legal assistance",
        "JIT": "Joint investigation team",
        "EIO": "European Investigation Order",
    }
    assert len(glossary.paths) == 3
    (problem,) = glossary.problems
    assert problem.path.endswith("lib3/glossary.yaml")


def test_no_glossary_is_no_problem(tmp_path: Path) -> None:
    assert load_library_glossary([tmp_path]) == LibraryGlossary()


def test_unreadable_glossaries(write: Write, tmp_path: Path) -> None:
    write("bin/glossary.yaml", b"MLA: x\x00\n")
    write("latin/glossary.yaml", b"MLA: caf\xe9\n")
    (tmp_path / "dir" / "glossary.yaml").mkdir(parents=True)
    for name in ("bin", "latin", "dir"):
        glossary = load_library_glossary([tmp_path / name])
        assert glossary.terms == ()
        assert len(glossary.problems) == 1, name


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_out_of_the_library_is_not_followed(write: Write, tmp_path: Path) -> None:
    secret = write("outside/secret.yaml", "TOP: secret\n")
    (tmp_path / "lib").mkdir()
    os.symlink(secret, tmp_path / "lib" / "glossary.yaml")
    glossary = load_library_glossary([tmp_path / "lib"])
    assert glossary.terms == ()
    (problem,) = glossary.problems
    assert problem.severity is Severity.WARNING
    assert "outside the library" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "glossary.yaml")
    glossary = load_library_glossary([tmp_path])
    assert glossary.terms == ()
    assert len(glossary.problems) == 1


def test_merge_briefing_wins_and_fills_gaps_from_the_library() -> None:
    b = Briefing(
        path="b.yaml", title="t", glossary=(("MLA", "Mutual legal assistance"), ("JIT", ""))
    )
    library = {"MLA": "Library MLA", "JIT": "Joint investigation team", "aro": "x", "EIO": "y"}
    merged = merge_glossary(b, library)
    assert [(e.term, e.expansion, e.origin) for e in merged] == [
        ("MLA", "Mutual legal assistance", BRIEFING),
        ("JIT", "Joint investigation team", LIBRARY),
        ("aro", "x", LIBRARY),
        ("EIO", "y", LIBRARY),
    ]
    assert merge_glossary(b) == merge_glossary(b, LibraryGlossary())
    assert [e.term for e in merge_glossary(b, LibraryGlossary((("CSP", "c"),)))] == [
        "MLA",
        "JIT",
        "CSP",
    ]


def test_find_acronyms_whole_word_case_sensitive() -> None:
    text = "MLA and mla; EPOC-PR not EPOC; JIT-related; (T-CY), GLACY+ and GLACY; MLAT"
    hits = find_acronyms(text, ["MLA", "EPOC", "EPOC-PR", "JIT", "T-CY", "GLACY+"])
    assert [(h.term, text[h.start : h.end]) for h in hits] == [
        ("MLA", "MLA"),
        ("EPOC-PR", "EPOC-PR"),
        ("EPOC", "EPOC"),
        ("JIT", "JIT"),
        ("T-CY", "T-CY"),
        ("GLACY+", "GLACY+"),
    ]
    assert find_acronyms("", ["MLA"]) == []
    assert AcronymMatcher([]).find("MLA") == []
    assert [h.start for h in AcronymMatcher(["Ø"]).find("Ø and ØX")] == [0]
