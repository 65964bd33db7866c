"""Long Markdown cut into pieces small enough to lay out one at a time (see reading_layout).

Text longer than `SYNC_CHARS` is cut where top-level blocks start (outside code fences);
blocks are grouped into pieces of about `PIECE_CHARS`, and a longer block is cut again: a
list between items, a paragraph at spaces.  A fenced code block longer than
`PLAIN_CODE_CHARS` stays one piece, drawn from its source lines.  Pieces are made as the
layout reaches them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing_tui.readers.markdown_text import fence_after

# Text up to this many characters is one piece, rendered whole, as Rich renders it: a
# typical briefing's text draws exactly as before.
SYNC_CHARS = 24_000
# Blocks are grouped into, and long blocks cut into, pieces of about this size.
PIECE_CHARS = 4_000
# A fenced code block longer than this is drawn from its source lines, without colours.
PLAIN_CODE_CHARS = 20_000

_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
FENCE_INFO = re.compile(r"\s*(`{3,}|~{3,})\s*([^\s`]*)")


@dataclass(frozen=True, slots=True)
class _Piece:
    """Markdown rendered in one go; `gap`: a blank line separates it from what precedes."""

    text: str
    gap: bool
    trim_end: bool = False  # a block continues in the next piece: no blank line after
    code: str | None = None  # the language of a long code block drawn from its lines


def top_blocks(text: str) -> list[str]:
    """`text` cut where a top-level Markdown block starts: after a blank line, at column 0,
    outside code fences.  Joined again they are `text`."""
    blocks: list[str] = []
    start = position = 0
    fence: str | None = None
    after_blank = False
    for line in text.splitlines(keepends=True):
        starts = fence is None and after_blank and line[:1] not in ("", " ", "\t", "\r", "\n")
        if starts and position > start:
            blocks.append(text[start:position])
            start = position
        is_fence, fence = fence_after(line, fence)
        after_blank = fence is None and not is_fence and not line.strip()
        position += len(line)
    if position > start or not blocks:
        blocks.append(text[start:])
    return blocks


def _cut_list(block: str) -> list[str]:
    """A long list cut between items, about PIECE_CHARS at a time."""
    pieces: list[str] = []
    start = position = 0
    for line in block.splitlines(keepends=True):
        if position - start >= PIECE_CHARS and _LIST_ITEM.match(line):
            pieces.append(block[start:position])
            start = position
        position += len(line)
    pieces.append(block[start:])
    return pieces


def _cut_words(block: str) -> Iterator[str]:
    """A long paragraph cut at spaces, about PIECE_CHARS at a time (each piece re-wraps);
    cut as the layout asks, so a 6 MB paragraph's first screen does not wait for the rest."""
    start = 0
    while len(block) - start > PIECE_CHARS:
        cut = block.rfind(" ", start + PIECE_CHARS // 2, start + PIECE_CHARS)
        if cut <= start:
            cut = start + PIECE_CHARS
        yield block[start:cut]
        start = cut + 1 if block[cut : cut + 1] == " " else cut
    yield block[start:]


def _with_last(items: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each item, and whether it is the last."""
    it = iter(items)
    previous = next(it, None)
    for item in it:
        assert previous is not None
        yield previous, False
        previous = item
    if previous is not None:
        yield previous, True


def pieces_of(text: str) -> Iterator[_Piece]:
    """How a part's Markdown is laid out: whole when short, else block by block, made as
    the layout reaches them (the first screen of a 6 MB topic text cut all 1,550 pieces of
    it first: 19 ms of the screen's thread)."""
    if len(text) <= SYNC_CHARS:
        yield _Piece(text, gap=False)
        return
    made = False  # whether a piece came before: a new block is set off from it
    group: list[str] = []
    size = 0
    for block in top_blocks(text):
        if len(block) <= PIECE_CHARS:
            group.append(block)
            size += len(block)
            if size >= PIECE_CHARS:
                yield _Piece("".join(group), gap=made)
                made, size = True, 0
                group.clear()
            continue
        if group:
            yield _Piece("".join(group), gap=made)
            made, size = True, 0
            group.clear()
        first = block.lstrip("\n").split("\n", 1)[0]
        fence = FENCE_INFO.match(first)
        if fence is not None and len(block) > PLAIN_CODE_CHARS:
            yield _Piece(block, gap=made, code=fence.group(2) or "text")
            made = True
            continue
        cut: Iterable[str]
        if _LIST_ITEM.match(first):
            cut = _cut_list(block)
        elif first[:1] not in ("|", "#", ">", "<", "`", "~") and "\n\n" not in block.strip():
            cut = _cut_words(block)
        else:
            cut = [block]
        for index, (piece, last) in enumerate(_with_last(cut)):
            yield _Piece(piece, gap=made if index == 0 else False, trim_end=not last)
            made = True
    if group:
        yield _Piece("".join(group), gap=made)
