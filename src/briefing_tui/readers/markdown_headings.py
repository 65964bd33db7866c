"""Where a Markdown body's sections start: headings as people write them, and the title line.

ATX headings, setext headings (a one-line paragraph over `===` or `---`), bold lines standing
alone that name a pane, `##Heading` without its space (short lines standing alone only), and
deep headings that name Participants or Outcomes.  One pass over the lines, no recursion.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from briefing_tui.model import Pane
from briefing_tui.readers.markdown_text import fence_after, heading_key, plain
from briefing_tui.readers.vocabulary import SYNONYMS

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
# "## Title" as nearly every heading is written, matched whole: the level and title
# `_HEADING` gives for such a line (no closing #s to drop), at a third of its cost.
_PLAIN_ATX = re.compile(r"(#{1,6}) ([^#]*[^# \t])")
_ITEM = re.compile(r"^( {0,3}|\t)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
NUMBERED = re.compile(
    r"^\s*(?:(?:agenda\s+)?item\s+|(?:top|tagesordnungspunkt|punkt|point|punto|§)\s*)?"
    r"(?:\d{1,3}(?:\.\d{1,3})*[.):]?|[IVX]{1,5}[.)])\s+(\S.*)$",
    re.IGNORECASE,
)

# A line whose start (after spaces) may open a heading or a fence: `#`, a fence, bold,
# or two of the `=` or `-` a setext underline is made of.  Lines that `_heading_at` would
# turn down at their first characters ("- item", "* item", "`code`") are not visited: a
# list of 200,000 items moves over in one step.
_SPECIAL_LINE = re.compile(r"\n *(?:#|```|~~~|\*\*|__|==|--)")


_LIST_WORDS = frozenset(
    {"tracker", "log", "list", "register", "table", "summary", "overview", "made", "taken"}
    | {"members", "mitglieder", "membres", "miembros", "membri", "leden", "medlemmar"}
)
_COUNT_NOTE = re.compile(r"\s*\([^()]{0,40}\)\s*:?\s*$")
_TIGHT_HEADING = re.compile(r"^ {0,3}(#{2,6})([^\s#][^#\n]{0,58}?)[ \t#]*$")
_BOLD_HEADING = re.compile(r"^ {0,3}(\*\*|__)(?=\S)([^*_\n]{1,60}?)\1[ \t]*:?[ \t]*$")


@functools.lru_cache(maxsize=4096)
def pane_for(heading: str) -> Pane | None:
    """The pane a heading names; "International cooperation (8 countries)" is read without
    its count."""
    key = heading_key(heading)
    pane = SYNONYMS.get(key)
    if pane is None and heading.endswith((")", "):")):
        pane = SYNONYMS.get(heading_key(_COUNT_NOTE.sub("", heading)))
    if pane is None and " " in key:
        # "Action Items Tracker", "Decision log": a pane word and a word for a list.
        head, _, last = key.rpartition(" ")
        if last in _LIST_WORDS:
            pane = SYNONYMS.get(head)
    return pane


@dataclass(slots=True)
class RawSection:
    """A heading (level 0 for text before any heading) and the lines under it."""

    level: int
    title: str
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.lines).strip("\n")


def split_sections(body: str, first_line: int) -> list[RawSection]:
    """Split at H1/H2 headings outside fenced code; deeper headings stay in their section.

    Besides ATX headings: setext headings (a one-line paragraph over `===` or `---`), a bold
    line standing alone that names a pane or is numbered (`**Action Items:**`,
    `__Attendees__`, `**2. Budget**`), and, as a fallback, `##Heading` without its space
    when the line is short and stands alone.
    """
    sections = [RawSection(0, "", first_line)]
    fence: str | None = None
    lines = body.split("\n")
    text = "\n" + body
    placed = 0  # lines before this one are in a section already
    seen_at, seen_line = 0, 0
    # Most lines are prose: a search of the whole text finds the few whose first character
    # may start a heading or fence, and the lines between are moved over in one step.
    for m in _SPECIAL_LINE.finditer(text):
        n = seen_line + text.count("\n", seen_at, m.start())
        seen_at, seen_line = m.start(), n
        if placed < n:
            sections[-1].lines.extend(lines[placed:n])
        placed = n + 1
        line = lines[n]
        lead = line.lstrip(" ")[:1]
        is_fence, fence_now = fence_after(line, fence) if lead in "`~" else (False, fence)
        if is_fence:
            fence = fence_now
        elif fence is None:
            found = _heading_at(lines, n, lead, sections[-1].lines)
            if found is not None:
                level, title, at = found
                if at < n:
                    sections[-1].lines.pop()
                sections.append(RawSection(level, title, first_line + at))
                continue
        sections[-1].lines.append(line)
    sections[-1].lines.extend(lines[placed:])
    return sections


def _alone(lines: list[str], n: int) -> bool:
    """Whether line `n` has a blank line (or the edge of the text) on both sides."""
    before = n == 0 or not lines[n - 1].strip()
    return before and (n + 1 >= len(lines) or not lines[n + 1].strip())


def _heading_at(
    lines: list[str], n: int, lead: str, above: list[str]
) -> tuple[int, str, int] | None:
    """(level, title, line index) when line `n` makes a section heading, else None."""
    line = lines[n]
    if lead == "#":
        h = _PLAIN_ATX.fullmatch(line) or _HEADING.match(line)
        if h:
            level = len(h.group(1) or h.group(3))
            title = (h.group(2) or "").strip()
            if level <= 2:
                return level, title, n
            # "#### Anwesende Mitglieder" in a block of its own: a participants or outcomes
            # list, not a sub-heading of a pane (topics keep their H3s).
            if pane_for(title) in (Pane.PARTICIPANTS, Pane.OUTCOMES):
                return 2, title, n
            return None
        tight = _TIGHT_HEADING.match(line)
        if tight and _alone(lines, n):
            return len(tight.group(1)), tight.group(2).strip(), n
        return None
    if lead in "*_":
        b = _BOLD_HEADING.match(line)
        if b and (n == 0 or not lines[n - 1].strip()):
            title = b.group(2).strip().rstrip(":").strip()
            if pane_for(title) is not None or NUMBERED.match(title):
                return 2, title, n
        return None
    # `===` or `---` under a one-line paragraph: a setext heading.
    stripped = line.strip()
    if len(stripped) < 2 or stripped.strip(stripped[0]) or stripped[0] not in "=-":
        return None
    if not above or not above[-1].strip() or (len(above) > 1 and above[-2].strip()):
        return None
    text = above[-1].strip()
    if text[:1] in "#>|-*+" or _ITEM.match(above[-1]) or line.startswith(("    ", "\t")):
        return None
    return (1 if stripped[0] == "=" else 2), text, n - 1


_TITLE_SKIP = frozenset("|>-*+<![`~:")


def first_title_line(body: str, headings_only: bool = False) -> str:
    """A title when the body has no `# Heading`: its first heading of any level that names
    no pane, else its first bold line or short line of text that is not a sentence (no full
    stop), among the first lines."""
    fence: str | None = None
    seen = 0
    for line in body.split("\n")[:200]:
        is_fence, fence = fence_after(line, fence)
        if is_fence or fence is not None or not line.strip():
            continue
        seen += 1
        if seen > 15:
            break
        text = line.strip()
        if text.startswith("#"):
            h = _HEADING.match(line) or _TIGHT_HEADING.match(line)
            title = ((h.group(2) or "") if h else "").strip()
            if title and pane_for(title) is None:
                return plain(title)
            continue
        b = _BOLD_HEADING.match(line)
        if b:
            title = b.group(2).strip().rstrip(":")
            if pane_for(title) is None:
                return plain(title)
            continue
        if headings_only or text[0] in _TITLE_SKIP or len(text) > 120:
            continue
        if sum(c.isalpha() for c in text) < 3 or text.endswith(".") or ". " in text:
            continue
        head, colon, _ = text.partition(":")
        if colon and len(head) < 30:
            continue  # "Date: ...", "Present: ...": a label, not a title
        return plain(text.rstrip(" ."))
    return ""
