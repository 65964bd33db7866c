"""Habits of other tools and of people writing minutes, read as briefing structure.

Practitioners point the reader at folders that were never written for it: Jekyll and Hugo
sites, Obsidian vaults, meeting minutes typed in a word processor and saved as Markdown.
This module holds the small, line-based recognisers for those habits, so the Markdown
reader can stay about headings:

- dates written out ("8 March 2022", "March 8, 2022", "08/03/2022" day first) and dates in
  file names (Jekyll's `2019-04-02-title.md`, daily notes named `2024-01-15.md`);
- Obsidian's `[[wikilinks]]`, `![[embeds]]` and `> [!note]` callouts, rewritten as the text
  Obsidian itself would show, and its inline `#tags`;
- label lines in minutes ("Present: A, B", "**Apologies:**", "Action items:" over a list),
  which work like headings over the list that follows them.

Everything here is a single pass over lines with bounded regular expressions, like the rest
of the Markdown reader, so hostile input costs linear time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from briefing_tui.readers.markdown_text import fence_after

# -- dates -------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH}\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_MONTH_DAY = re.compile(
    rf"(?<!\w){_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_NUMERIC = re.compile(r"(?<![\d./])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d./])")
_WEEKDAY = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.IGNORECASE
)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, numeric: bool = True) -> tuple[date, int, int] | None:
    """The first date written in `text` as (date, start, end), or None.

    ISO, "8 March 2022", "March 8, 2022" and, when `numeric`, "08/03/2022" or "8.3.2022" —
    day first, as the documents this reader serves (European judicial cooperation) write it.
    """
    found: list[tuple[int, int, date]] = []
    for m in _ISO.finditer(text):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), m.end(), d))
            break
    m2 = _DAY_MONTH.search(text)
    if m2:
        d = _make(int(m2.group(3)), _MONTHS[m2.group(2)[:3].casefold()], int(m2.group(1)))
        if d:
            found.append((m2.start(), m2.end(), d))
    m3 = _MONTH_DAY.search(text)
    if m3:
        d = _make(int(m3.group(3)), _MONTHS[m3.group(1)[:3].casefold()], int(m3.group(2)))
        if d:
            found.append((m3.start(), m3.end(), d))
    if numeric:
        m4 = _NUMERIC.search(text)
        if m4:
            d = _make(int(m4.group(3)), int(m4.group(2)), int(m4.group(1)))
            if d:
                found.append((m4.start(), m4.end(), d))
    if not found:
        return None
    start, end, d = min(found, key=lambda f: f[0])
    return d, start, end


def parse_written_date(text: str) -> date | None:
    """A whole value that is a date with its month written out ("7 March 2018"), or None.

    Numeric forms other than ISO are not taken here: in a key meant to hold a date,
    `07/03/2018` is ambiguous between countries and is better reported than guessed.
    """
    value = _WEEKDAY.sub("", text.strip())
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.fullmatch(value)
        if m:
            found = find_date(value, numeric=False)
            return found[0] if found else None
    return None


_PATH_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[-_ .])")


def date_from_path(path: str) -> date | None:
    """A date that starts the file name, as Jekyll posts and daily notes are named."""
    m = _PATH_DATE.match(PurePath(path).stem)
    return _make(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def strip_path_date(stem: str) -> str:
    """`2019-04-02-conference-recap` -> `conference-recap`; a bare date stays as it is."""
    m = _PATH_DATE.match(stem)
    rest = stem[m.end() :] if m else stem
    return rest if rest.strip(" -_.") else stem


# -- Obsidian ----------------------------------------------------------------------------------

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


# -- people written on one line ------------------------------------------------------------------

_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
        "della",
        "dos",
        "das",
        "ten",
        "ter",
        "y",
        "bin",
        "al",
        "el",
        "zu",
        "af",
    ]
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def looks_like_name(text: str) -> bool:
    """Two to five words, each capitalised (or a particle such as "van"), none in capitals:
    "Piet de Vries" is a name, "Eurojust RO" and "NO desks" are not."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if w.casefold() in _PARTICLES:
            continue
        if not _NAME_WORD.match(w) or not w[0].isupper():
            return False
        if len(w) > 1 and w.isupper():
            return False
    return True


def split_people(text: str) -> list[str]:
    """One line of people into entries: on `;` when there is one, else on `,`, never inside
    parentheses; a last "A and B" is split only when both sides are names."""
    sep = ";" if ";" in text else ","
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    parts = [p.strip().rstrip(".").strip() for p in parts if p.strip()]
    if parts:
        last = parts[-1]
        m = re.match(r"^(.*?)\s+(?:and|&)\s+(.*)$", last)
        if m and looks_like_name(m.group(1)) and looks_like_name(m.group(2).split("(")[0]):
            parts[-1:] = [m.group(1).strip(), m.group(2).strip()]
        elif len(parts) > 1 and last.casefold().startswith(("and ", "& ")):
            parts[-1] = last.split(" ", 1)[1].strip()
    return parts


# -- label lines in minutes ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelKind:
    """What a label line announces: the pane, and what its entries get by default."""

    pane: str  # "participants", "topics", "outcomes", "date", "location"
    role: str = ""
    notes: str = ""
    kind: str = ""


APOLOGIES_NOTE = "sent apologies; did not attend"

_LABEL_GROUPS: tuple[tuple[LabelKind, tuple[str, ...]], ...] = (
    (
        LabelKind("participants"),
        (
            "present",
            "attendees",
            "attendance",
            "in attendance",
            "attending",
            "participants",
            "participating",
            "delegations",
            "participating agencies",
            "participating countries",
            "participating authorities",
            "those present",
        ),
    ),
    (
        LabelKind("participants", notes=APOLOGIES_NOTE),
        ("apologies", "apologies for absence", "absent", "regrets", "excused", "apologised"),
    ),
    (LabelKind("participants", role="Chair"), ("chair", "chaired by", "chairperson")),
    (LabelKind("participants", role="Moderator"), ("moderator", "moderated by")),
    (
        LabelKind("participants", role="Minute taker"),
        ("minute taker", "minutes taken by", "note taker", "note-taker", "minutes by"),
    ),
    (LabelKind("participants", role="Observer"), ("observers", "observer")),
    (
        LabelKind("topics"),
        (
            "agenda",
            "topics",
            "topics discussed",
            "items discussed",
            "programme",
            "program",
            "sessions",
        ),
    ),
    (
        LabelKind("outcomes", kind="action"),
        (
            "actions",
            "action items",
            "action points",
            "agreed actions",
            "next steps",
            "follow-up",
            "follow up",
            "to do",
            "todo",
            "tasks",
        ),
    ),
    (LabelKind("outcomes", kind="decision"), ("decisions", "agreed", "decided")),
    (
        LabelKind("outcomes", kind="finding"),
        ("conclusions", "findings", "key findings", "takeaways", "key takeaways", "results"),
    ),
    (LabelKind("outcomes", kind="recommendation"), ("recommendations",)),
    (LabelKind("outcomes"), ("outcomes",)),
    (LabelKind("date"), ("date", "meeting date", "date of meeting", "date of the meeting")),
    (LabelKind("location"), ("location", "venue", "place", "where")),
)
LABELS: dict[str, LabelKind] = {name: kind for kind, names in _LABEL_GROUPS for name in names}

_LABEL_LINE = re.compile(
    r"^ {0,3}(?:\*\*|__)?([A-Za-z][A-Za-z /'-]{0,40}?)(?:\*\*|__)?[ \t]{0,8}:(?:\*\*|__)?(.*)$"
)
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")


@dataclass
class Labelled:
    """A label line and what it introduces: text on the same line, or the block under it."""

    kind: LabelKind
    label: str
    line: int
    inline: str = ""
    block: list[str] = field(default_factory=list)
    block_line: int = 0


def _label_of(line: str) -> tuple[str, str, LabelKind] | None:
    head, colon, _ = line.partition(":")
    if not colon or len(head) > 60:
        return None
    # Most colons follow words that are no label ("Speakers:", "Note:"): a dictionary look-up
    # rules them out before any pattern is tried.
    if _label_key(head) not in LABELS:
        return None
    m = _LABEL_LINE.match(line)
    if m is None:
        return None
    key = " ".join(m.group(1).casefold().split())
    kind = LABELS.get(key)
    if kind is None:
        return None
    return m.group(1).strip(), m.group(2).strip(), kind


def _label_key(head: str) -> str:
    return " ".join(head.strip(" \t*_").casefold().split())


def _may_have_label(body: str) -> bool:
    """Whether any line starts with a label word and a colon, found by jumping from colon to
    colon rather than walking every line: most bodies have no label, and then this is all."""
    pos = body.find(":")
    while pos != -1:
        start = body.rfind("\n", 0, pos) + 1
        if pos - start <= 60 and _label_key(body[start:pos]) in LABELS:
            return True
        end = body.find("\n", pos)
        if end == -1:
            return False
        pos = body.find(":", end)
    return False


def _block_after(lines: list[str], start: int) -> tuple[int, int]:
    """(first, end) of the list or table right under a label (one blank line allowed)."""
    i = start
    if i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines):
        return start, start
    first = i
    if lines[i].lstrip().startswith("|"):
        while i < len(lines) and "|" in lines[i] and lines[i].strip():
            i += 1
        return first, i
    if not _LIST_ITEM.match(lines[i]):
        return start, start
    while i < len(lines):
        line = lines[i]
        if _LIST_ITEM.match(line) or (line.strip() and line.startswith((" ", "\t"))):
            i += 1
            continue
        if not line.strip() and i + 1 < len(lines) and _LIST_ITEM.match(lines[i + 1]):
            i += 1
            continue
        break
    return first, i


def extract_labelled(body: str, first_line: int) -> tuple[str, list[Labelled]]:
    """Label lines and their lists, taken out of the body (their lines left blank, so every
    later line number stays true).

    A label needs its colon and a known word ("Present:", "**Action items:**"); people may
    follow on the same line, other things need a list or table under the label.  Date and
    location labels count only before the first `##` heading, where minutes put them.
    """
    if not _may_have_label(body):
        return body, []
    lines = body.split("\n")
    found: list[Labelled] = []
    fence: str | None = None
    preamble = True
    changed = False
    i = 0
    while i < len(lines):
        line = lines[i]
        # Most lines are prose: one look at the first character and the colon decides.
        lead = line.lstrip(" ")[:1]
        if lead == "#" and line.startswith("##"):
            preamble = False
        if lead not in "`~" and (fence is not None or ":" not in line):
            i += 1
            continue
        is_fence, fence = fence_after(line, fence) if lead in "`~" else (False, fence)
        if is_fence:
            i += 1
            continue
        if fence is not None or ":" not in line:
            i += 1
            continue
        label = _label_of(line)
        if label is None:
            i += 1
            continue
        name, inline, kind = label
        inline = re.sub(r"^(?:\*\*|__)|(?:\*\*|__)$", "", inline).strip()
        if kind.pane in ("date", "location"):
            if preamble and inline:
                found.append(Labelled(kind, name, first_line + i, inline))
            i += 1
            continue
        start, end = _block_after(lines, i + 1)
        if inline and kind.pane != "participants":
            i += 1
            continue
        if not inline and end == start:
            i += 1
            continue
        item = Labelled(kind, name, first_line + i, inline)
        if end > start:
            item.block = lines[start:end]
            item.block_line = first_line + start
        found.append(item)
        changed = True
        lines[i] = ""
        for j in range(start, end):
            lines[j] = ""
        i = max(end, i + 1)
    return ("\n".join(lines) if changed else body), found


def blank_line(body: str, index: int) -> str:
    """The body with one line (0-based) emptied: a date or location line that was used.

    Such lines stay in the prose until then, so a front-matter value that wins over them
    does not make the body's own statement disappear.
    """
    lines = body.split("\n")
    if 0 <= index < len(lines):
        lines[index] = ""
    return "\n".join(lines)
