"""Text cut into blocks (paragraphs, list items, headings) with the line each starts on.

The phrase rules read press releases and event reports paragraph by paragraph, and the list
right after a paragraph ending in a colon ("... through:") belongs to that paragraph.  Plain
text, HTML and Markdown bodies are all cut the same way here, in one pass over the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_tui.readers.markdown_text import fence_after

# "- item", "* item", "• item", "– item", "1. item", "a) item".
_ITEM = re.compile(r"^[ \t]{0,8}(?:[-*+•·–—▪■●○]|\d{1,3}[.)]|[a-z][.)])[ \t]+(\S.*)$")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]*(.*?)[ \t#]*$")
# Blocks read at most: a press release has tens; a hostile file cannot make this quadratic.
MAX_BLOCKS = 5000


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "p", "li" or "h"
    text: str
    line: int


def blocks_of(text: str, first_line: int = 1) -> list[Block]:
    """Paragraphs (joined lines), list items and `#` headings; fenced code is skipped."""
    out: list[Block] = []
    para: list[str] = []
    para_line = first_line
    fence: str | None = None

    def flush() -> None:
        if para:
            out.append(Block("p", " ".join(para), para_line))
            para.clear()

    for n, raw in enumerate(text.split("\n")):
        if len(out) >= MAX_BLOCKS:
            break
        is_fence, fence = fence_after(raw, fence)
        if is_fence or fence is not None:
            flush()
            continue
        line = raw.strip()
        if not line:
            flush()
            continue
        item = _ITEM.match(raw)
        if item:
            flush()
            out.append(Block("li", item.group(1).strip(), first_line + n))
            continue
        if line.startswith("#"):
            h = _HEADING.match(raw)
            if h and h.group(1):
                flush()
                out.append(Block("h", h.group(1), first_line + n))
                continue
        if not para:
            para_line = first_line + n
            # A continuation of the last list item, indented under it.
            if out and out[-1].kind == "li" and raw[:1] in " \t":
                last = out.pop()
                out.append(Block("li", f"{last.text} {line}", last.line))
                continue
        para.append(line)
    flush()
    return out


def list_after(blocks: list[Block], index: int) -> list[Block]:
    """The list items right after block `index` (the list a colon announces)."""
    items: list[Block] = []
    for block in blocks[index + 1 :]:
        if block.kind != "li":
            break
        items.append(block)
    return items
