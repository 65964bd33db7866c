"""Inline Markdown reduced to the words: for matching headings and for plain item fields.

Shared by the section reader and the table reader, which both need to compare what a heading
or a column says regardless of how it is emphasised, numbered or punctuated.
"""

from __future__ import annotations

import functools
import re

_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\n]{0,500}\)")
_HTML = re.compile(r"<!--.{0,500}?-->|</?[A-Za-z][^<>\n]{0,300}>")
_NUMBERING = re.compile(r"^\s*(\d+[.)]?|[ivx]+\.)\s+")
_PUNCTUATION = re.compile(r"[^\w\s&]")


@functools.lru_cache(maxsize=4096)
def heading_key(text: str) -> str:
    """Heading text reduced for matching: case, emphasis, numbering, punctuation, links and
    HTML (`<a name>` anchors, `<!-- required -->` comments) ignored."""
    if text.isascii() and text.isalnum():
        return text.lower()  # one word ("H7", "Agenda"): nothing below would change it
    if "<" in text or "[" in text:
        text = _LINK.sub(r"\1", _HTML.sub(" ", text))
    t = _EMPHASIS.sub(r"\2", text).casefold()
    t = _NUMBERING.sub("", t)
    t = _PUNCTUATION.sub(" ", t)
    return " ".join(t.split())


def plain(text: str) -> str:
    """Inline Markdown emphasis, links (`[text](url)` -> text) and HTML tags removed, for item
    fields that are shown as plain text."""
    if "<" in text or "](" in text:
        text = _LINK.sub(r"\1", _HTML.sub("", text))
    if "*" not in text and "_" not in text and "`" not in text:
        return text.strip()  # no emphasis marker: most titles and names
    return _EMPHASIS.sub(r"\2", text).strip()


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def fence_after(line: str, fence: str | None) -> tuple[bool, str | None]:
    """(is `line` a fence line, the fence open after it), given the fence open before it.

    One rule for every reader that must skip code: a fence closes only on the same kind of
    marker, at least as long, so a `~~~` line inside a ``` block is just code.
    """
    m = _FENCE.match(line)
    if m is None:
        return False, fence
    marker = m.group(1)
    if fence is None:
        return True, marker[0] * 3
    if marker.startswith(fence):
        return True, None
    return True, fence
