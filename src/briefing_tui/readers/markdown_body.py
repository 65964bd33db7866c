"""Turn a Markdown body into pane content: headings name panes, lists and tables become items.

This is a small line-based reader rather than a full Markdown parser: it only needs to find
ATX headings outside code fences, top-level list items and pipe tables, and it must never
recurse, so that a hostile document with thousands of nested `>` or list levels costs one
pass over its lines.  The prose itself is left as Markdown for the renderer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from briefing_tui.model import Outcome, Pane, Participant, ParticipantGroup, Section, Topic
from briefing_tui.readers.schema import (
    PARTICIPANT_KEYS,
    parse_date,
    participant_from_text,
)

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^( {0,3})(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_TASK = re.compile(r"^\[([ xX])\][ \t]+(.*)$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LABEL = re.compile(
    r"^(?:\*\*|__)?(decision|action|finding|recommendation|conclusion|result|lesson learned|"
    r"next step|action item)s?(?:\*\*|__)?\s*[:—–-]\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_OWNER = re.compile(r"(?:\(|\s|^)(?:owner|lead|responsible)\s*:\s*([^,;()]+)", re.IGNORECASE)
_DUE = re.compile(r"(?:\(|\s|^)(?:due|deadline|by)\s*:?\s*(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_SPEAKERS = re.compile(
    r"^\s*(?:\*\*|__)?speakers?(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$", re.IGNORECASE
)

SYNONYMS: dict[str, Pane] = {}
for _pane, _names in (
    (Pane.OVERVIEW, ("overview", "summary", "background", "introduction", "context")),
    (
        Pane.PARTICIPANTS,
        ("participants", "attendees", "speakers", "delegations", "participating parties"),
    ),
    (Pane.TOPICS, ("topics", "agenda", "discussion", "sessions")),
    (
        Pane.OUTCOMES,
        (
            "outcomes",
            "conclusions",
            "results",
            "decisions",
            "action items",
            "next steps",
            "way forward",
            "recommendations",
            "lessons learned",
        ),
    ),
):
    for _name in _names:
        SYNONYMS[_name] = _pane

# The kind an outcome takes from the heading it sits under, unless it says otherwise.
HEADING_KINDS = {
    "conclusions": "finding",
    "results": "finding",
    "lessons learned": "finding",
    "decisions": "decision",
    "action items": "action",
    "next steps": "action",
    "recommendations": "recommendation",
}
_LABEL_KINDS = {
    "conclusion": "finding",
    "result": "finding",
    "lesson learned": "finding",
    "next step": "action",
    "action item": "action",
}


_SPECIAL_LEADS = frozenset("#`~")
_ITEM_LEADS = frozenset("-*+0123456789")


@functools.lru_cache(maxsize=4096)
def heading_key(text: str) -> str:
    """Heading text reduced for matching: case, emphasis, numbering and punctuation ignored."""
    t = _EMPHASIS.sub(r"\2", text).casefold()
    t = re.sub(r"^\s*(\d+[.)]?|[ivx]+\.)\s+", "", t)
    t = re.sub(r"[^\w\s&]", " ", t)
    return " ".join(t.split())


def pane_for(heading: str) -> Pane | None:
    return SYNONYMS.get(heading_key(heading))


def plain(text: str) -> str:
    """Inline Markdown emphasis removed, for item fields that are shown as plain text."""
    return _EMPHASIS.sub(r"\2", text).strip()


@dataclass
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
    """Split at H1/H2 headings outside fenced code; deeper headings stay in their section."""
    sections = [RawSection(0, "", first_line)]
    fence: str | None = None
    for n, line in enumerate(body.split("\n")):
        # Most lines are prose: look at the first character before trying any pattern.
        lead = line.lstrip(" ")[:1]
        if lead not in _SPECIAL_LEADS:
            sections[-1].lines.append(line)
            continue
        m = _FENCE.match(line) if lead in "`~" else None
        if m:
            marker = m.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
        elif fence is None:
            h = _HEADING.match(line)
            if h and len(h.group(1) or h.group(3)) <= 2:
                level = len(h.group(1) or h.group(3))
                sections.append(RawSection(level, (h.group(2) or "").strip(), first_line + n))
                continue
        sections[-1].lines.append(line)
    return sections


@dataclass
class ListItem:
    text: str
    line: int
    continuation: list[str] = field(default_factory=list)


def extract_items(lines: list[str], first_line: int) -> tuple[list[ListItem], list[str]]:
    """Top-level list items (with their indented continuation) and the remaining prose lines."""
    items: list[ListItem] = []
    rest: list[str] = []
    current: ListItem | None = None
    fence: str | None = None
    for n, line in enumerate(lines):
        if _FENCE.match(line):
            fence = None if fence else "f"
            current = None
            rest.append(line)
            continue
        if fence:
            rest.append(line)
            continue
        m = _ITEM.match(line) if line.lstrip(" ")[:1] in _ITEM_LEADS else None
        if m and len(m.group(1)) <= 1:
            current = ListItem(m.group(2).strip(), first_line + n)
            items.append(current)
        elif current is not None and line.strip() and (line.startswith((" ", "\t"))):
            current.continuation.append(line.strip())
        else:
            if not line.strip():
                current = None if current is None or not line.strip() else current
            else:
                current = None
            rest.append(line)
    return items, rest


def _split_row(line: str) -> list[str]:
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


def extract_tables(
    lines: list[str],
) -> tuple[list[tuple[list[str], list[list[str]], int]], list[str]]:
    """Pipe tables as (header, rows, index of header line), and the other lines in place."""
    tables: list[tuple[list[str], list[list[str]], int]] = []
    rest: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "|" in line and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]):
            header = _split_row(line)
            rows: list[list[str]] = []
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.append(_split_row(lines[j]))
                j += 1
            tables.append((header, rows, i))
            # Blank lines stand in for the table, so later line numbers stay true.
            rest.extend([""] * (j - i))
            i = j
            continue
        rest.append(line)
        i += 1
    return tables, rest


_TABLE_COLUMNS = dict(PARTICIPANT_KEYS)
_TABLE_COLUMNS.update(
    {
        "participant": "name",
        "person": "name",
        "speaker": "name",
        "delegate": "name",
        "authority": "organisation",
        "body": "organisation",
        "unit": "organisation",
        "state": "country",
        "jurisdiction": "country",
        "nationality": "country",
        "member state": "country",
        "remarks": "notes",
        "comments": "notes",
        "comment": "notes",
        "contribution": "notes",
        "count": "count",
        "number": "count",
        "group": "group",
    }
)


def participants_from_table(
    header: list[str], rows: list[list[str]], line: int
) -> list[Participant | ParticipantGroup]:
    columns = [_TABLE_COLUMNS.get(heading_key(h), "") for h in header]
    out: list[Participant | ParticipantGroup] = []
    for r, row in enumerate(rows):
        values: dict[str, str] = {}
        leftovers: list[str] = []
        for c, cell in enumerate(row):
            cell = plain(cell)
            target = columns[c] if c < len(columns) else ""
            if not cell:
                continue
            if target and target not in values:
                values[target] = cell
            else:
                label = header[c] if c < len(header) else ""
                leftovers.append(f"{label}: {cell}" if label else cell)
        if not values and not leftovers:
            continue
        notes = "; ".join(x for x in (values.get("notes", ""), *leftovers) if x)
        row_line = line + 2 + r
        if "group" in values:
            count = values.get("count", "").replace(",", "")
            out.append(
                ParticipantGroup(
                    values["group"], int(count) if count.isdigit() else None, notes, row_line
                )
            )
            continue
        name = (
            values.get("name") or values.get("organisation") or (leftovers[0] if leftovers else "")
        )
        out.append(
            Participant(
                name,
                values.get("role", ""),
                values.get("organisation", ""),
                values.get("country", ""),
                notes,
                row_line,
            )
        )
    return out


def participants_from_lines(
    lines: list[str], first_line: int
) -> tuple[list[Participant | ParticipantGroup], str]:
    """Participants from tables and list items under a Participants heading; prose is kept."""
    tables, rest = extract_tables(lines)
    found: list[Participant | ParticipantGroup] = []
    for header, rows, index in tables:
        found.extend(participants_from_table(header, rows, first_line + index))
    items, prose = extract_items(rest, first_line)
    for item in items:
        p = participant_from_text(plain(item.text), item.line)
        if item.continuation and isinstance(p, Participant):
            p = Participant(
                p.name, p.role, p.organisation, p.country, " ".join(item.continuation), p.line
            )
        found.append(p)
    return found, "\n".join(prose).strip("\n")


def outcome_from_item(item: ListItem, default_kind: str) -> Outcome:
    text = item.text
    status = ""
    task = _TASK.match(text)
    kind = default_kind
    if task:
        status = "open" if task.group(1) == " " else "done"
        text = task.group(2)
        kind = kind or "action"
    label = _LABEL.match(text)
    if label:
        word = label.group(1).casefold()
        kind = _LABEL_KINDS.get(word, word)
        text = text[label.end() :]
    if item.continuation:
        text = f"{text} {' '.join(item.continuation)}"
    owner = ""
    m = _OWNER.search(text)
    if m:
        owner = m.group(1).strip()
    due = None
    d = _DUE.search(text)
    if d:
        parsed = parse_date(d.group(1))
        due = parsed if not isinstance(parsed, str) else None
    return Outcome(plain(text), kind, owner, due, status, item.line)


def outcomes_from_lines(
    lines: list[str], first_line: int, heading: str
) -> tuple[list[Outcome], str]:
    default_kind = HEADING_KINDS.get(heading_key(heading), "")
    items, prose = extract_items(lines, first_line)
    return [outcome_from_item(i, default_kind) for i in items], "\n".join(prose).strip("\n")


def topics_from_lines(lines: list[str], first_line: int) -> tuple[list[Topic], str]:
    """H3 (or deeper) sub-headings become topics; without any, list items do."""
    topics: list[Topic] = []
    prose: list[str] = []
    current: tuple[str, int, list[str]] | None = None
    fence = False

    def flush() -> None:
        if current is None:
            return
        title, line, body = current
        speakers: tuple[str, ...] = ()
        kept: list[str] = []
        for b in body:
            s = _SPEAKERS.match(b)
            if s and not speakers:
                speakers = tuple(plain(x) for x in re.split(r",|;| and ", s.group(1)) if x.strip())
            else:
                kept.append(b)
        topics.append(Topic(plain(title), "\n".join(kept).strip("\n"), speakers, line))

    for n, line in enumerate(lines):
        if _FENCE.match(line):
            fence = not fence
        h = None if fence else _HEADING.match(line)
        if h and len(h.group(1) or h.group(3) or "") >= 3 and (h.group(2) or "").strip():
            flush()
            current = ((h.group(2) or "").strip(), first_line + n, [])
            continue
        if current is None:
            prose.append(line)
        else:
            current[2].append(line)
    flush()
    if topics:
        return topics, "\n".join(prose).strip("\n")
    items, rest = extract_items(lines, first_line)
    for item in items:
        title = plain(item.text)
        summary = " ".join(item.continuation)
        speakers: tuple[str, ...] = ()
        sp = re.search(
            r"\s+[—–(]\s*(?:speakers?|by|with)\s*:?\s*([^)]+)\)?\s*$", title, re.IGNORECASE
        )
        if sp:
            speakers = tuple(x.strip() for x in re.split(r",|;| and ", sp.group(1)) if x.strip())
            title = title[: sp.start()].strip()
        topics.append(Topic(title, summary, speakers, item.line))
    return topics, "\n".join(rest).strip("\n")


@dataclass
class Body:
    """What a Markdown body contributes to a briefing, merged with front matter by the caller."""

    title: str = ""
    title_line: int | None = None
    overview: list[str] = field(default_factory=list)
    participants: list[Participant | ParticipantGroup] = field(default_factory=list)
    participants_text: list[str] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    topics_text: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    outcomes_text: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def read_body(body: str, first_line: int, front_title: str | None) -> Body:
    """Sort a body's sections into panes.  `first_line` is the body's line in the file."""
    out = Body()
    title_taken = False
    for sec in split_sections(body, first_line):
        text = sec.body
        content_line = sec.line + (1 if sec.level else 0)
        lines = sec.lines
        if sec.level == 0:
            if text.strip():
                out.overview.append(text)
            continue
        pane = pane_for(sec.title)
        if pane is None and sec.level == 1 and not title_taken:
            title_taken = True
            if not front_title:
                out.title, out.title_line = plain(sec.title), sec.line
                if text.strip():
                    out.overview.append(text)
                continue
            if heading_key(front_title) == heading_key(sec.title):
                if text.strip():
                    out.overview.append(text)
                continue
        if pane is None:
            out.sections.append(Section(plain(sec.title), text, sec.line))
        elif pane is Pane.OVERVIEW:
            if text.strip():
                heading = "" if heading_key(sec.title) == "overview" else f"### {sec.title}\n\n"
                out.overview.append(heading + text)
        elif pane is Pane.PARTICIPANTS:
            found, prose = participants_from_lines(lines, content_line)
            out.participants.extend(found)
            if prose.strip():
                out.participants_text.append(prose)
        elif pane is Pane.TOPICS:
            topics, prose = topics_from_lines(lines, content_line)
            out.topics.extend(topics)
            if prose.strip():
                out.topics_text.append(prose)
        else:
            outcomes, prose = outcomes_from_lines(lines, content_line, sec.title)
            out.outcomes.extend(outcomes)
            if prose.strip():
                out.outcomes_text.append(prose)
    return out
