"""Inline Markdown reduced to the words: for matching headings and for plain item fields.

Shared by the section reader and the table reader, which both need to compare what a heading
or a column says regardless of how it is emphasised, numbered or punctuated.
"""

from __future__ import annotations

import functools
import re

_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")


@functools.lru_cache(maxsize=4096)
def heading_key(text: str) -> str:
    """Heading text reduced for matching: case, emphasis, numbering and punctuation ignored."""
    t = _EMPHASIS.sub(r"\2", text).casefold()
    t = re.sub(r"^\s*(\d+[.)]?|[ivx]+\.)\s+", "", t)
    t = re.sub(r"[^\w\s&]", " ", t)
    return " ".join(t.split())


def plain(text: str) -> str:
    """Inline Markdown emphasis removed, for item fields that are shown as plain text."""
    return _EMPHASIS.sub(r"\2", text).strip()
