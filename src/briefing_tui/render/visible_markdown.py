"""Document Markdown for the terminal, showing everything the file says, HTML included.

Rich's Markdown drops HTML: comments, `<div>` blocks and inline tags vanished from the
reader while `show`, export and find kept them, so an author could make the screen and the
printed copy disagree, and find counted matches nobody could see.  `VisibleMarkdown` is
Rich's Markdown with one change made before rendering: every HTML token becomes literal
text, dimmed, in its place.  It is never interpreted (no tag has an effect, `<kbd>`
included) and never dropped.  Likewise a text nested deeper than markdown-it parses (it
drops what lies below 20 levels of quotes or lists) is shown as written.  Links still
print as "text (url)" and nothing can be opened (hyperlinks off).

This is the one way document Markdown becomes a Rich renderable; every view of prose
(`ui.widgets.prose`, and any other reading view) should build it with `visible_markdown`.
Rich only: nothing here imports Textual.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable
from typing import Any, ClassVar

from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown, MarkdownContext, MarkdownElement
from rich.style import Style
from rich.text import Text

# How HTML in a document looks: there, readable, and plainly not part of the prose.
HTML_STYLE = Style(dim=True)
_HTML_BLOCK = "briefing_html_block"
_LITERAL = "briefing_literal"
# markdown-it stops parsing blocks nested this deep (its commonmark preset's maxNesting) and
# silently drops what is inside them; a text that deep is shown as written instead.
_DEEPEST = 20


class HtmlBlock(MarkdownElement):
    """An HTML block (or comment) shown as the lines it was written as."""

    new_line = True

    def __init__(self) -> None:
        self.source = ""

    def on_text(self, context: MarkdownContext, text: Any) -> None:
        self.source = str(text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.source.rstrip("\n"), style=HTML_STYLE)


class Literal(HtmlBlock):
    """Markdown too deeply nested to parse, shown as the text it is."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.source.rstrip("\n"))


def _too_deep(tokens: Iterable[Token]) -> bool:
    return any(t.level >= _DEEPEST - 1 or (t.children and _too_deep(t.children)) for t in tokens)


def _visible(tokens: Iterable[Token]) -> list[Token]:
    """The token stream with each HTML token turned into literal, dimmed text."""
    out: list[Token] = []
    for token in tokens:
        if token.type == "html_block":
            out.append(Token(_HTML_BLOCK, "", 0, content=token.content, map=token.map))
        elif token.type == "html_inline":
            # Rich appends a Text as it is, with its own style, to the paragraph it is in.
            literal: Any = Text(token.content, style=HTML_STYLE)
            out.append(Token("text", "", 0, content=literal))
        else:
            if token.children:
                token.children = _visible(token.children)
            out.append(token)
    return out


class VisibleMarkdown(Markdown):
    """Rich's Markdown, with HTML shown as dimmed literal text instead of dropped."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements,
        _HTML_BLOCK: HtmlBlock,
        _LITERAL: Literal,
    }

    def __init__(self, markup: str, **options: Any) -> None:
        options.setdefault("hyperlinks", False)
        super().__init__(markup, **options)
        if _too_deep(self.parsed):
            self.parsed = [Token(_LITERAL, "", 0, content=markup)]
        else:
            self.parsed = _visible(self.parsed)


_PARSERS = threading.local()


def _parser() -> MarkdownIt:
    """Rich's own parser settings, one parser per thread: making one is 0.4 ms, which was
    0.4 of the 0.45 ms a short section took (10,000 sections spent 4 s making parsers)."""
    parser: MarkdownIt | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = MarkdownIt().enable("strikethrough").enable("table")
    return parser


_TEMPLATE = VisibleMarkdown("", hyperlinks=False)


def visible_markdown(text: str) -> VisibleMarkdown:
    """The renderable for document Markdown: safe (never markup, never a live link) and
    complete (HTML shown, not dropped).

    A copy of one configured template gets the text, parsed by the thread's own parser,
    so no parser is built per call.
    """
    rendered = copy.copy(_TEMPLATE)
    rendered.markup = text
    parsed = _parser().parse(text)
    rendered.parsed = (
        [Token(_LITERAL, "", 0, content=text)] if _too_deep(parsed) else _visible(parsed)
    )
    return rendered
