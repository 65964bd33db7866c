"""Where a Markdown body's sections start: headings as people write them, and the title line.

ATX headings, setext headings (a one-line paragraph over `===` or `---`), bold lines standing
alone that name a pane, `##Heading` without its space (short lines standing alone only), and
deep headings that name Participants or Outcomes.  One pass over the lines, no recursion.
"""

from __future__ import annotations

import functools
import re

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
# list of 200,000 items moves over in one step.  The first alternative is "## Title" as
# nearly every H1 and H2 is written (what `_PLAIN_ATX` takes), read in the same step.
_SPECIAL_LINE = re.compile(
    r"\n(?:(#{1,2}) ([^#\n]*[^# \t\n])(?=\n|\Z)| *(?:#|```|~~~|\*\*|__|==|--))"
)


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


class RawSection:
    """A heading (level 0 for text before any heading) and the lines under it.

    The lines are a range of the body's lines, sliced when asked for: a body of 100,000
    short sections spent a third of its splitting time building a list for each.
    """

    __slots__ = ("_all", "_end", "_start", "level", "line", "title")

    def __init__(
        self, level: int, title: str, line: int, lines: list[str], start: int, end: int
    ) -> None:
        self.level = level
        self.title = title
        self.line = line
        self._all = lines
        self._start = start
        self._end = end

    @property
    def lines(self) -> list[str]:
        return self._all[self._start : self._end]

    @property
    def body(self) -> str:
        start, end = self._start, self._end
        if end - start == 1:
            return self._all[start].strip("\n")
        return "\n".join(self._all[start:end]).strip("\n")


def split_sections(body: str, first_line: int) -> list[RawSection]:
    """Split at H1/H2 headings outside fenced code; deeper headings stay in their section.

    Besides ATX headings: setext headings (a one-line paragraph over `===` or `---`), a bold
    line standing alone that names a pane or is numbered (`**Action Items:**`,
    `__Attendees__`, `**2. Budget**`), and, as a fallback, `##Heading` without its space
    when the line is short and stands alone.
    """
    lines = body.split("\n")
    # (level, title, line index of the heading, index of the first line under it)
    heads: list[tuple[int, str, int, int]] = [(0, "", 0, 0)]
    fence: str | None = None
    text = "\n" + body
    seen_at, seen_line = 0, 0
    # Most lines are prose: a search of the whole text finds the few whose first character
    # may start a heading or fence, and the lines between are passed over in one step.
    for m in _SPECIAL_LINE.finditer(text):
        n = seen_line + text.count("\n", seen_at, m.start())
        seen_at, seen_line = m.start(), n
        marks = m.group(1)
        if marks is not None:
            if fence is None:
                heads.append((len(marks), m.group(2).strip(), n, n + 1))
            continue
        line = lines[n]
        lead = line.lstrip(" ")[:1]
        if lead in "`~":
            is_fence, fence_now = fence_after(line, fence)
            if is_fence:
                fence = fence_now
                continue
        if fence is None:
            found = _heading_at(lines, n, lead, heads[-1][3])
            if found is not None:
                level, title, at = found
                heads.append((level, title, at, n + 1))
    sections: list[RawSection] = []
    ends = [head[2] for head in heads[1:]]
    ends.append(len(lines))
    for (level, title, at, start), end in zip(heads, ends, strict=True):
        sections.append(RawSection(level, title, first_line + at, lines, start, end))
    return sections


def _alone(lines: list[str], n: int) -> bool:
    """Whether line `n` has a blank line (or the edge of the text) on both sides."""
    before = n == 0 or not lines[n - 1].strip()
    return before and (n + 1 >= len(lines) or not lines[n + 1].strip())


def _heading_at(lines: list[str], n: int, lead: str, first: int) -> tuple[int, str, int] | None:
    """(level, title, line index) when line `n` makes a section heading, else None;
    `first` is the index of the first line of the section it would end."""
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
    if n <= first or not lines[n - 1].strip() or (n - 1 > first and lines[n - 2].strip()):
        return None
    text = lines[n - 1].strip()
    if text[:1] in "#>|-*+" or _ITEM.match(lines[n - 1]) or line.startswith(("    ", "\t")):
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
