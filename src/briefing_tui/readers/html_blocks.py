"""An HTML page cut into text blocks, with its navigation chrome left out.

Uses the stdlib's `html.parser`, which only tokenises: nothing is fetched, `<link>`, `<img>`,
`<script>` and `<style>` are never followed or run.  Menus, headers, footers, cookie banners
and share bars (by element or by class, id and role) are skipped, because a saved press page
carries more of them than of the release itself.  The parser is iterative and the number of
blocks and of open skipped elements is bounded, so a hostile page costs linear time.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefing_tui.readers.prose_blocks import MAX_BLOCKS, Block

_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "noscript",
        "svg",
        "button",
        "select",
        "template",
        "iframe",
        "object",
    }
)
_SKIP_CLASS = re.compile(
    r"\b(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|cookies?|sidebar|share|"
    r"social|skip|banner|search|related|pagination|toolbar|language-switcher)\b",
    re.IGNORECASE,
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "td",
        "th",
        "pre",
        "main",
        "ul",
        "ol",
        "table",
        "figcaption",
    }
)


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._in_title = False
        self._skip: list[str] = []  # the skipped elements open now, innermost last
        self._text: list[str] = []
        self._kind = "p"
        self._line = 1
        self._tag = ""
        self.h1 = ""

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text and self._tag == "h1" and not self.h1:
            self.h1 = text
        elif text and len(self.blocks) < MAX_BLOCKS:
            self.blocks.append(Block(self._kind, text, self._line))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self._skip:
            self._in_title = True
            return
        if tag in _VOID:
            if tag == "br" and not self._skip:
                self._flush()
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        if self._skip or tag in _SKIP_TAGS or (marks and _SKIP_CLASS.search(marks)):
            if len(self._skip) < 200:
                self._skip.append(tag)
            return
        if tag in _BLOCK:
            self._flush()
            self._line = self.getpos()[0]
            self._kind = (
                "h" if tag[0] == "h" and tag[1:].isdigit() else "li" if tag == "li" else "p"
            )
            self._tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self._skip:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self._flush()
            self._kind, self._tag = "p", ""

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._text.append(data)


def html_blocks(text: str) -> tuple[str, list[Block]]:
    """(page title, blocks).  The title is the first `<h1>`, else `<title>` without the
    site's name after a "|" or " - "."""
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    blocks = parser.blocks
    title = parser.h1
    if not title:
        title = " ".join(parser.title.split())
        cut = re.split(r"\s+[|–—]\s+|\s+-\s+", title)
        title = max(cut[:-1], key=len) if len(cut) > 1 else title
    return title, blocks
