"""Obsidian's habits read as the text Obsidian itself shows: `[[wikilinks]]`, `![[embeds]]`,
`> [!note]` callouts, and inline `#tags`.

Code fences and code spans are left alone; each is one pass over lines.
"""

from __future__ import annotations

import bisect
import re

from briefing_tui.readers.markdown_text import fence_after

_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n|#]*)(?:#([^\[\]\n|]*))?(?:\|([^\[\]\n]*))?\]\]")
_TICKS = re.compile(r"(`+)")


def code_segments(line: str) -> list[tuple[str, bool]]:
    """The line cut into (text, is_code) pieces at inline code spans.

    A span closes at the next run of exactly as many backticks, as CommonMark says; found
    with one index per run length, so a line of ten thousand stray backticks is still read
    in one pass rather than by a regular expression that would backtrack over it.
    """
    if "`" not in line:
        return [(line, False)]
    parts = _TICKS.split(line)  # text, ticks, text, ticks, ..., text
    runs: dict[int, list[int]] = {}
    for i in range(1, len(parts), 2):
        runs.setdefault(len(parts[i]), []).append(i)
    out: list[tuple[str, bool]] = []
    i, text = 0, ""
    while i < len(parts):
        if i % 2 == 0:
            text += parts[i]
            i += 1
            continue
        same = runs[len(parts[i])]
        k = bisect.bisect_right(same, i)
        if k >= len(same):
            text += parts[i]  # an unmatched run is literal text
            i += 1
            continue
        close = same[k]
        if text:
            out.append((text, False))
            text = ""
        out.append(("".join(parts[i : close + 1]), True))
        i = close + 1
    if text:
        out.append((text, False))
    return out


_CALLOUT = re.compile(r"^((?:[ \t]*>)+[ \t]*)\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)$")


def _link_text(m: re.Match[str]) -> str:
    alias = (m.group(4) or "").strip()
    if alias:
        return alias
    page = (m.group(2) or "").strip()
    heading = (m.group(3) or "").strip()
    if heading:
        return f"{page} › {heading}" if page else heading
    return page


def readable_obsidian(text: str) -> str:
    """Wikilinks as the text Obsidian shows; callout headers as bold titles.

    `[[Page|alias]]` -> alias, `[[Page#Heading]]` -> `Page › Heading`, `![[file]]` -> file,
    `> [!warning]- Title` -> `> **Title**` (the type when there is no title).  Code fences
    and code spans are left alone, and every line stays on its line.
    """
    if "[[" not in text and "[!" not in text:
        return text
    lines = text.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines):
        is_fence, fence = fence_after(line, fence)
        if is_fence:
            continue
        if fence is not None:
            continue
        if "[!" in line:
            c = _CALLOUT.match(line)
            if c:
                title = c.group(3).strip() or c.group(2).replace("-", " ").capitalize()
                line = f"{c.group(1)}**{title}**"
        if "[[" in line:
            line = "".join(
                text if code else _WIKILINK.sub(_link_text, text)
                for text, code in code_segments(line)
            )
        lines[i] = line
    return "\n".join(lines)


_TAG = re.compile(r"(?:^|(?<=[\s(]))#([^\W\d][\w/-]*)")
_HASH_WORD = re.compile(r"#[^\W\d]")
_TAG_BEFORE = frozenset(" \t\n(")


def inline_tags(text: str) -> list[str]:
    """`#tags` written in prose (Obsidian's habit), outside code, in order, without repeats.

    A tag starts with a letter, so `#12` (an issue number) is not one; it must follow a space
    or the start of a line, so `https://host/#anchor` and `C#` are not either.
    """
    if not any(
        m.start() == 0 or text[m.start() - 1] in _TAG_BEFORE for m in _HASH_WORD.finditer(text)
    ):
        return []  # the common case: every "#" opens a heading, decided in one quick scan
    tags: dict[str, str] = {}
    fence: str | None = None
    for line in text.split("\n"):
        is_fence, fence = fence_after(line, fence)
        if is_fence:
            continue
        if fence is not None or "#" not in line or line.startswith(("    ", "\t")):
            continue
        prose = " ".join(" " if code else text for text, code in code_segments(line))
        for m in _TAG.finditer(prose):
            tag = m.group(1).rstrip("/-")
            tags.setdefault(tag.casefold(), tag)
    return list(tags.values())
