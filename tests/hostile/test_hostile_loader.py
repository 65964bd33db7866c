"""Issue 5 in the core and the CLI: every hostile case loads safely with the right problem."""

from __future__ import annotations

import json
import re
import socket
import time
import webbrowser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.cli import main
from briefing_tui.library import load_file, load_library
from briefing_tui.model import LoadResult, Severity
from briefing_tui.readers.documents import read_document

from .corpus import CASES, build, snapshot

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    build(root)
    return root


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network or a browser fails the test loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network or browser access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(webbrowser, "open", refuse)
    monkeypatch.setattr(webbrowser, "open_new_tab", refuse)


def _all_text(result: LoadResult) -> str:
    b = result.briefing
    parts = [str(p) for p in result.problems]
    if b is not None:
        from briefing_tui.render.as_json import briefing_dict

        parts.append(json.dumps(briefing_dict(b), ensure_ascii=False))
    return "\n".join(parts)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_case_gives_its_problem_and_no_control_characters(corpus: Path, case) -> None:
    start = time.perf_counter()
    result = load_file(corpus / case.name)
    assert time.perf_counter() - start < 5
    messages = " | ".join(p.message for p in result.problems)
    if case.expect is None:
        assert not [p for p in result.problems if p.severity is Severity.ERROR], messages
        assert result.briefing is not None
    else:
        assert case.expect in messages
    text = _all_text(result)
    assert not CONTROL.search(text.replace("\n", "").replace("\t", ""))
    assert not BIDI.search(text)


def test_the_whole_corpus_loads_and_good_files_survive(corpus: Path) -> None:
    before = snapshot(corpus)
    lib = load_library([corpus])
    titles = {b.title for b in lib.briefings}
    assert {"BOM", "CRLF", "Toml", "NO"} <= titles
    paths = " ".join(p.path + p.message for p in lib.problems)
    assert "outside the library" in paths
    assert "pipe" in paths
    assert "root:" not in " ".join(b.overview for b in lib.briefings)
    assert snapshot(corpus) == before, "the library was modified"


@pytest.mark.parametrize("command", ["check", "show", "search"])
def test_cli_output_is_clean_and_nothing_is_written(
    corpus: Path,
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.chdir(tmp_path)
    before = snapshot(corpus), snapshot(tmp_path)
    if command == "check":
        runs = [["check", str(corpus)], ["check", "--json", str(corpus)]]
    elif command == "show":
        runs = [
            ["show", str(corpus / c.name), "-f", fmt]
            for c in CASES
            for fmt in ("text", "markdown", "json")
        ]
    else:
        runs = [
            ["search", q, "--library", str(corpus)]
            for q in ("[@click=app.quit]", "pwned", '"unbalanced', "NEAR(", "-", "*", "title:")
        ]
    for argv in runs:
        code = main(argv)
        out, err = capsys.readouterr()
        assert code in (0, 1), (argv, err)
        assert "Traceback" not in err
        assert not CONTROL.search((out + err).replace("\n", "").replace("\t", "")), argv
        assert not BIDI.search(out + err)
    assert (snapshot(corpus), snapshot(tmp_path)) == before


yaml_scalars = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "NO",
            "ON",
            "012",
            "1:30",
            "1.10",
            "~",
            "null",
            "2024-02-30",
            "*a",
            "&a x",
            "!!python/name:os.system",
            "[",
            "{",
            "'",
            '"',
            "<<",
            "---",
            "...",
            "|",
        ]
    ),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "date",
                    "participants",
                    "topics",
                    "outcomes",
                    "links",
                    "glossary",
                    "source",
                    "name",
                    "group",
                    "count",
                    "text",
                    "kind",
                    "status",
                    "due",
                    "x",
                    "<<",
                ]
            ),
            children,
            max_size=5,
        ),
    ),
    max_leaves=20,
)


def _to_yaml(value: object, indent: int = 0) -> str:
    pad = "  " * indent
    if isinstance(value, dict):
        return (
            "".join(f"{pad}{k}:\n{_to_yaml(v, indent + 1)}" for k, v in value.items())
            or f"{pad}{{}}\n"
        )
    if isinstance(value, list):
        return "".join(f"{pad}-\n{_to_yaml(v, indent + 1)}" for v in value) or f"{pad}[]\n"
    return f"{pad}{value}\n"


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(["x.yaml", "x.md"]))
def test_random_bytes_never_raise(data: bytes, name: str) -> None:
    result = read_document(name, data)
    assert isinstance(result, LoadResult)
    assert result.briefing is not None or result.problems


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values, st.booleans(), st.text(max_size=200))
def test_random_yaml_and_markdown_never_raise(value: object, as_markdown: bool, body: str) -> None:
    text = _to_yaml(value)
    if as_markdown:
        raw = f"---\n{text}---\n{body}".encode("utf-8", "surrogatepass")
        result = read_document("x.md", raw)
    else:
        result = read_document("x.yaml", text.encode("utf-8", "surrogatepass"))
    assert isinstance(result, LoadResult)
    assert result.briefing is not None or result.problems
    if result.briefing is not None:
        assert result.briefing.title
