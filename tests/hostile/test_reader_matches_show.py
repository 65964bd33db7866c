"""The reader shows what the file says: its prose text equals `show --format text` (issue 12).

Rich's Markdown dropped HTML (comments, `<div>` blocks, inline tags), so the screen and the
printed copy could disagree.  Here every prose field of every hostile-corpus briefing is
rendered the way the reader renders it and the way `show --format text` prints it, and the
two must hold the same characters, once whitespace and wrapping are set aside and the
Markdown syntax that the reader draws instead of printing (`#`, `*`, `-` bullets, `>`
quotes, table rules, link brackets) is removed from both.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path

import pytest
from rich.console import Console

from briefing_tui.library import load_library
from briefing_tui.model import Briefing
from briefing_tui.render.as_text import render_text
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.widgets.prose import markdown
from briefing_tui.ui.widgets.reading_view import ReadingText
from waiting import settle, wait_until

from .corpus import build

# Syntax that Markdown turns into drawing (bullets, bars, rules, alignment), not text.
_SYNTAX = re.compile(r"[\s#*_`>|\[\]()\-•▌─━│┃:\\]+")


def _normal(text: str) -> str:
    return _SYNTAX.sub("", text)


def _reader(text: str) -> str:
    console = Console(width=100, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(markdown(text))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def _prose(b: Briefing) -> list[str]:
    fields = [b.summary, b.overview, b.participants_text, b.topics_text, b.outcomes_text]
    fields += [t.summary for t in b.topics] + [s.body for s in b.sections]
    return [f for f in fields if f.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    build(root, make_special=False)
    return root


def test_every_prose_field_shows_the_characters_show_prints(corpus: Path) -> None:
    library = load_library([corpus])
    compared = 0
    for b in library.briefings:
        shown = _normal(render_text(b))
        for text in _prose(b):
            if len(text) > 100_000:
                continue  # the 2 MB line is compared by the loader tests; Rich takes seconds
            on_screen = _normal(_reader(text))
            assert on_screen, b.path
            assert on_screen in shown, f"{b.path}: the reader shows other text than show"
            assert on_screen == _normal(_reader(text))
            compared += 1
    assert compared >= 5


def test_html_is_shown_in_the_reader_as_show_prints_it(corpus: Path) -> None:
    html = corpus / "html.md"
    out = subprocess.run(
        ["briefing", "show", "--format", "text", os.fspath(html)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    b = load_library([html]).briefings[0]
    for text in _prose(b):
        assert _normal(_reader(text)) in _normal(out)
    for literal in ("<span>", "</span>", "<!-- a hidden comment -->", "<div>", "</div>"):
        assert literal in out
        assert literal in "".join(_reader(t) for t in _prose(b)), f"{literal} not on screen"


async def test_html_is_drawn_by_the_reader(
    corpus: Path,
) -> None:
    app = BriefingApp([corpus / "html.md"])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: not app.main.library_loading, "loading to end")
        await settle(pilot)
        await wait_until(
            pilot,
            lambda: all(v.laid_out for v in app.query(ReadingText).filter(_SHOWN)),
            "the layout",
        )
        drawn = _drawn(app)
        for literal in ("<span>inline tag</span>", "<!-- a hidden comment -->", "<div>"):
            assert literal in drawn, literal
        assert "block that Rich dropped" in drawn
        assert "over two lines -->" in drawn


# The reading views on screen: the Overview's (the other panes' are laid out when shown).
_SHOWN = "#overview-text"


def _drawn(app: BriefingApp) -> str:
    """Every line the open briefing's reading views draw, as plain text."""
    lines: list[str] = []
    for view in app.query(ReadingText):
        lines.extend(view.text_lines())
    return "\n".join(lines)
