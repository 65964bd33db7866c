"""`briefing export` and the HTML page: self-contained, escaped, marked, and careful writing."""

from __future__ import annotations

import argparse
import html
import os
import re
import stat
from datetime import date
from pathlib import Path

import pytest

from briefing_tui.cli import export
from briefing_tui.model import (
    Briefing,
    Link,
    Outcome,
    Participant,
    ParticipantGroup,
    Section,
    Source,
    Topic,
)
from briefing_tui.render.as_html import combined_marking, render_html, render_html_library

HOSTILE = "<script>alert(1)</script> [@click=app.quit] [/] \x1b]52;c;AAAA\x07 \x9b2J"


def hostile_briefing() -> Briefing:
    return Briefing(
        path="evil<x>.md",
        title=HOSTILE,
        date=date(2024, 5, 1),
        location="<img src=x onerror=alert(1)>",
        organisers=("<b>org</b>",),
        marking="TLP:AMBER",
        tags=("<i>tag</i>",),
        summary=HOSTILE,
        overview=(
            "Intro <script>alert(2)</script> and <iframe src='https://evil.example'></iframe>\n\n"
            "[click me](javascript:alert(3)) and [site](https://evil.example/x)\n\n"
            "![tracker](https://evil.example/pixel.png)\n\n"
            "<http://evil.example/auto>\n\n"
            "# A heading in prose\n\n"
            "```\n<style>body{display:none}</style>\n```\n"
        ),
        participants=(
            Participant("<b>Eve</b>", "role\x1b[31m", "Org & Co", "NL", "<script>x</script>"),
            ParticipantGroup("<u>group</u>", 3, "notes"),
        ),
        topics=(Topic("<h1>topic</h1>", "summary <script>y</script>", ("A<B",)),),
        outcomes=(Outcome("<svg onload=alert(4)>", "action", "O'Brien", date(2024, 6, 1), "open"),),
        links=(Link("Evil", "javascript:alert(5)"), Link("https://a.example", "https://a.example")),
        glossary=(("<A>", "<expansion>"),),
        source=Source("<pub>", None, "https://evil.example/src", "ref"),
        sections=(Section("<Logistics>", "<script>z</script>"),),
        extra=(("<key>", {"nested": "<value>"}),),
    )


def tags_in(page: str) -> set[str]:
    return {m.lower() for m in re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", page)}


def test_html_is_self_contained() -> None:
    page = render_html(hostile_briefing())
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    # No element carries a src attribute (the text "src=" may appear, escaped, as content).
    assert not re.search(r"<[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    assert "<iframe" not in page.lower() and "<img" not in page.lower()
    assert "<svg" not in page.lower() and "<style>body" not in page
    # The only element that may carry a URL is none: every href is an in-page anchor.
    for href in re.findall(r'href="([^"]*)"', page):
        assert href.startswith("#")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert tags_in(page) <= {
        "html", "head", "meta", "title", "style", "body", "p", "table", "thead", "tfoot",
        "tbody", "tr", "td", "th", "div", "article", "header", "h1", "h2", "h3", "h4", "h5",
        "h6", "dl", "dt", "dd", "section", "ul", "ol", "li", "span", "pre", "code", "strong",
        "em", "a", "blockquote", "br", "hr",
    }  # fmt: skip


def test_html_escapes_hostile_text_and_strips_controls() -> None:
    page = render_html(hostile_briefing())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[@click=app.quit]" in page  # harmless in HTML, shown as written
    assert "&lt;b&gt;Eve&lt;/b&gt;" in page
    assert "O&#x27;Brien" in page
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", page)
    assert "␛" in page  # the escape character is shown, not sent
    # Links and images are written out as text; javascript: never becomes an attribute.
    assert "javascript:" not in re.sub(r">[^<]*<", "><", page)
    assert "&lt;https://evil.example/x&gt;" in page
    assert "[image: tracker]" in page


def test_prose_headings_are_demoted_below_the_page_structure() -> None:
    page = render_html(hostile_briefing())
    assert "<h3>A heading in prose</h3>" in page
    assert page.count("<h1>") == 1


def test_marking_stands_top_bottom_and_on_every_printed_page() -> None:
    page = render_html(hostile_briefing())
    body = page.split("<body>", 1)[1]
    banners = re.findall(r'<p class="marking[^"]*">([^<]*)</p>', body)
    assert banners.count("TLP:AMBER") >= 4  # fixed top/bottom for print, and in the flow
    first, last = body.find("TLP:AMBER"), body.rfind("TLP:AMBER")
    assert first < body.find("<h1>") < body.find("Outcomes") < last
    print_rules = page.split("@media print", 1)[1]
    assert "position: fixed" in print_rules
    assert ".print-banner-top { top: 0; }" in print_rules
    assert ".print-banner-bottom { bottom: 0; }" in print_rules
    assert "#FFC000" in page  # TLP:AMBER's colour


@pytest.mark.parametrize(
    ("marking", "colour"),
    [("TLP:RED", "tlp-red"), ("tlp: green", "tlp-green"), ("TLP:CLEAR", "tlp-clear")],
)
def test_tlp_colours(marking: str, colour: str) -> None:
    page = render_html(Briefing(path="x.yaml", title="T", marking=marking))
    assert f'class="marking {colour}"' in page


def test_unmarked_briefing_has_no_banner() -> None:
    page = render_html(Briefing(path="x.yaml", title="T"))
    assert 'class="marking' not in page


def test_combined_marking_puts_the_most_restrictive_first() -> None:
    assert combined_marking(["TLP:GREEN", "TLP:RED", "", "TLP:green"]) == "TLP:RED / TLP:GREEN"
    assert combined_marking(["TLP:CLEAR", "RESTRICTED"]) == "RESTRICTED / TLP:CLEAR"


def test_library_page_has_contents_and_every_briefing() -> None:
    a = Briefing(path="a.yaml", title="Alpha", marking="TLP:GREEN", date=date(2024, 1, 1))
    b = Briefing(path="b.yaml", title="Beta <x>", marking="TLP:RED")
    page = render_html_library([a, b], "Handover")
    assert page.count("<article") == 2
    assert 'href="#briefing-2"' in page and 'id="briefing-2"' in page
    assert "Beta &lt;x&gt;" in page
    assert "TLP:RED / TLP:GREEN" in page
    assert "break-before: page" in page


# -- the command ---------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="briefing")
    export.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["export", *argv])
    code = export.run(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no ./briefings here: the default library is the samples
    monkeypatch.delenv("BRIEFING_LIBRARY", raising=False)
    lib = tmp_path / "lib"
    lib.mkdir()
    path = lib / "evil.md"
    path.write_text(
        '---\ntitle: "<script>alert(1)</script> [@click=app.quit]"\nmarking: TLP:RED\n'
        "date: 2024-05-01\n---\n## Outcomes\n\n- [ ] Send <b>minutes</b> (owner: NL)\n",
        encoding="utf-8",
    )
    return path


def test_export_to_stdout_by_default(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, _ = run(capsys, str(doc), "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;" in out and "<script" not in out
    code, out, _ = run(capsys, str(doc), "-o", "-")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == lines[-1] == "[TLP:RED]"


def test_export_writes_a_file_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], doc: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "handover.html"
    out.parent.mkdir()
    code, stdout, err = run(capsys, str(doc), "-o", str(out))
    assert code == 0 and stdout == ""
    assert "wrote" in err
    first = out.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")  # format from the extension
    # TLP:RED: readable by the owner only.
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    out.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, str(doc), "-o", str(out))
    assert code == 2
    assert "exists" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(capsys, str(doc), "-o", str(out), "--force", "-f", "markdown")
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("**TLP:RED**")
    assert [p.name for p in out.parent.iterdir()] == ["handover.html"]  # no temporary left


def test_export_never_writes_into_the_library(
    capsys: pytest.CaptureFixture[str], doc: Path
) -> None:
    target = doc.parent / "export.html"
    code, _, err = run(capsys, "--library", str(doc.parent), "-o", str(target))
    assert code == 2
    assert "inside the library" in err
    assert not target.exists()
    code, _, err = run(capsys, str(doc), "-o", str(doc), "--force")
    assert code == 2
    assert "inside the library" in err
    assert doc.read_text(encoding="utf-8").startswith("---\ntitle:")


def test_whole_library_export(
    capsys: pytest.CaptureFixture[str], samples: Path, tmp_path: Path
) -> None:
    out = tmp_path / "all.html"
    code, _, err = run(capsys, "--library", str(samples), "-o", str(out))
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    count = len(list(samples.glob("*.y*ml"))) + len(list(samples.glob("*.md")))
    assert page.count("<article") == count
    assert "<script" not in page and "src=" not in page
    assert "TLP:AMBER+STRICT" in page.split("<body>", 1)[1].split("<table", 1)[0]
    code, text, _ = run(capsys, "--library", str(samples), "--format", "text")
    assert code == 0
    assert text.count("\n" + "=" * 78 + "\n") == count - 1
    assert html.unescape(page).count("Example:") >= 1


def test_export_needs_exactly_one_source(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, _, err = run(capsys)
    assert code == 2 and "either FILE or --library" in err
    code, _, _ = run(capsys, str(doc), "--library", str(doc.parent))
    assert code == 2


def test_unreadable_file_exports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\x00\x01")
    code, out, err = run(capsys, str(bad))
    assert code == 1 and out == ""
    assert "NUL byte" in err


def test_export_runs_through_the_briefing_command(
    capsys: pytest.CaptureFixture[str], doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui import cli

    monkeypatch.setitem(cli.COMMANDS, "export", "export")
    code = cli.main(["export", str(doc), "-f", "markdown"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.startswith("**TLP:RED**") and out.rstrip().endswith("**TLP:RED**")
    code = cli.main(["export", "--help"])
    out, _ = capsys.readouterr()
    assert code == 0 and "--library" in out and "--force" in out


def test_export_refuses_the_settings_files_library_too(
    capsys: pytest.CaptureFixture[str], doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    settings = tmp_path / "config.toml"
    settings.write_text(f'library = "{shelf}"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG", str(settings))
    code, _, err = run(capsys, str(doc), "-o", str(shelf / "x.html"))
    assert code == 2 and "inside the library" in err
    assert list(shelf.iterdir()) == []
