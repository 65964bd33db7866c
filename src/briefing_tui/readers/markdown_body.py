"""Turn a Markdown body into pane content: headings name panes, lists and tables become items.

This is a small line-based reader rather than a full Markdown parser: it only needs to find
ATX headings outside code fences, top-level list items and pipe tables, and it must never
recurse, so that a hostile document with thousands of nested `>` or list levels costs one
pass over its lines.  The prose itself is left as Markdown for the renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from briefing_tui.model import Outcome, Pane, Participant, ParticipantGroup, Section, Topic
from briefing_tui.readers.markdown_tables import (
    extract_tables,
    outcomes_from_table,
    participants_from_table,
    restore_tables,
    topics_from_table,
)
from briefing_tui.readers.markdown_text import fence_after, heading_key, plain
from briefing_tui.readers.other_tools import (
    APOLOGIES_NOTE,
    Labelled,
    blank_line,
    extract_labelled,
    find_date,
    inline_tags,
    readable_obsidian,
    split_people,
)
from briefing_tui.readers.schema import (
    join_notes,
    participant_from_text,
)

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
_ITEM = re.compile(r"^( {0,3})(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_TASK = re.compile(r"^\[([ xX])\][ \t]+(.*)$")
_LABEL = re.compile(
    r"^(?:\*\*|__)?(decision|action|finding|recommendation|conclusion|result|lesson learned|"
    r"next step|action item)s?(?:\*\*|__)?\s*[:—–-]\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_OWNER = re.compile(
    r"(?:\(|\s|^)(?:action owner|owner|lead|responsible|assigned to|assignee|who)\s*:\s*"
    r"([^,;()]{1,200})",
    re.IGNORECASE,
)
# Where a written owner stops: "owner: NL desk — due 1 May" is owned by "NL desk".
_OWNER_END = re.compile(r"\s+[—–-]+\s|\s+(?:due|deadline|by)\b|📅|\s+@", re.IGNORECASE)
# "@maria" as chat tools and Obsidian write an owner.
_HANDLE = re.compile(r"(?:^|(?<=[\s(]))@([^\W\d][\w.-]*)")
# What may stand before a due date: "due", "deadline", "by", "until", Obsidian Tasks' 📅.
_DUE_LEAD = re.compile(
    r"(?:\b(?:due(?:\s+date)?|deadline|by|until)\b[ \t]*:?[ \t]*|📅[ \t]*)", re.IGNORECASE
)
_TASK_BOX = re.compile(r"\[[ xX]\]")
_TASK_LINE = re.compile(r"^[ \t]*(?:>[ \t]*)*[-*+][ \t]+(\[[ xX]\][ \t]+\S.*)$")
_NUMBERED = re.compile(
    r"^\s*(?:(?:agenda\s+)?item\s+)?(?:\d{1,3}(?:\.\d{1,3})*[.):]?|[IVX]{1,5}[.)])\s+(\S.*)$"
)
_SPEAKERS = re.compile(
    r"^\s*(?:\*\*|__)?speakers?(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$", re.IGNORECASE
)

SYNONYMS: dict[str, Pane] = {}
for _pane, _names in (
    (Pane.OVERVIEW, ("overview", "summary", "background", "introduction", "context")),
    (
        Pane.PARTICIPANTS,
        (
            "participants",
            "attendees",
            "speakers",
            "delegations",
            "participating parties",
            "present",
            "attendance",
            "in attendance",
            "delegates",
            "observers",
            "panelists",
            "panellists",
            "participating agencies",
            "participating countries",
            "participating authorities",
            "agencies involved",
            "countries involved",
            "authorities involved",
            "apologies",
            "apologies for absence",
            "absent",
            "regrets",
        ),
    ),
    (
        Pane.TOPICS,
        (
            "topics",
            "agenda",
            "discussion",
            "sessions",
            "programme",
            "program",
            "schedule",
            "items discussed",
            "discussion points",
            "presentations",
            "talks",
        ),
    ),
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
            "actions",
            "action points",
            "agreed actions",
            "follow up",
            "to do",
            "todo",
            "tasks",
            "findings",
            "key findings",
            "takeaways",
            "key takeaways",
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
    "findings": "finding",
    "key findings": "finding",
    "takeaways": "finding",
    "key takeaways": "finding",
    "decisions": "decision",
    "action items": "action",
    "next steps": "action",
    "actions": "action",
    "action points": "action",
    "agreed actions": "action",
    "follow up": "action",
    "to do": "action",
    "todo": "action",
    "tasks": "action",
    "recommendations": "recommendation",
}
# Participants headings whose people did not come.
APOLOGY_HEADINGS = frozenset({"apologies", "apologies for absence", "absent", "regrets"})
_LABEL_KINDS = {
    "conclusion": "finding",
    "result": "finding",
    "lesson learned": "finding",
    "next step": "action",
    "action item": "action",
}


_SPECIAL_LEADS = frozenset("#`~")
_ITEM_LEADS = frozenset("-*+0123456789")


def pane_for(heading: str) -> Pane | None:
    return SYNONYMS.get(heading_key(heading))


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
        is_fence, fence_now = fence_after(line, fence) if lead in "`~" else (False, fence)
        if is_fence:
            fence = fence_now
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
        is_fence, fence = fence_after(line, fence)
        if is_fence:
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
    return Outcome(plain(text), kind, owner_in(text), due_in(text), status, item.line)


def owner_in(text: str) -> str:
    """ "owner: NL desk", "assigned to: Eurojust" or "@maria", as the item writes it."""
    m = _OWNER.search(text)
    if m:
        owner = _OWNER_END.split(m.group(1), maxsplit=1)[0]
        return plain(owner).strip(" .")
    h = _HANDLE.search(text)
    return h.group(1).rstrip(".-") if h else ""


def due_in(text: str) -> date | None:
    """The date after "due", "deadline", "by", "until" or 📅, in any form `find_date` reads."""
    for tries, m in enumerate(_DUE_LEAD.finditer(text)):
        if tries >= 20:  # an item is a sentence or two; more "due"s are not a due date
            break
        found = find_date(text[m.end() : m.end() + 40])
        if found is not None and found[1] == 0:
            return found[0]
    return None


def outcomes_from_lines(
    lines: list[str], first_line: int, heading: str, default_kind: str | None = None
) -> tuple[list[Outcome], str]:
    if default_kind is None:
        default_kind = HEADING_KINDS.get(heading_key(heading), "")
    tables, rest = extract_tables(lines)
    found: list[Outcome] = []
    used: set[int] = set()
    for header, rows, index in tables:
        from_table = outcomes_from_table(header, rows, first_line + index, default_kind or "")
        if from_table is not None:
            found += from_table
            used.add(index)
    rest = restore_tables(lines, rest, tables, used)
    items, prose = extract_items(rest, first_line)
    found += [outcome_from_item(i, default_kind) for i in items]
    found.sort(key=_line_key)
    return found, "\n".join(prose).strip("\n")


def _line_key(item: Participant | ParticipantGroup | Topic | Outcome) -> int:
    return item.line if item.line is not None else 1 << 30


def topic_from_block(title: str, body: list[str], line: int) -> Topic:
    """A heading and the lines under it as a topic; a `Speakers:` line names its speakers."""
    speakers: tuple[str, ...] = ()
    kept: list[str] = []
    for b in body:
        s = _SPEAKERS.match(b)
        if s and not speakers:
            speakers = tuple(plain(x) for x in re.split(r",|;| and ", s.group(1)) if x.strip())
        else:
            kept.append(b)
    return Topic(plain(title), "\n".join(kept).strip("\n"), speakers, line)


def topics_from_lines(lines: list[str], first_line: int) -> tuple[list[Topic], str]:
    """H3 (or deeper) sub-headings become topics; without any, list items do."""
    topics: list[Topic] = []
    prose: list[str] = []
    current: tuple[str, int, list[str]] | None = None
    fence: str | None = None

    def flush() -> None:
        if current is None:
            return
        title, line, body = current
        topics.append(topic_from_block(title, body, line))

    for n, line in enumerate(lines):
        _, fence = fence_after(line, fence)
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
    tables, rest = extract_tables(lines)
    used: set[int] = set()
    for header, rows, index in tables:
        from_table = topics_from_table(header, rows, first_line + index)
        if from_table is not None:
            topics += from_table
            used.add(index)
    items, rest = extract_items(restore_tables(lines, rest, tables, used), first_line)
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
    topics.sort(key=_line_key)
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
    # From other tools' habits: inline #tags, and "Date:" / "Location:" lines in minutes.
    tags: list[str] = field(default_factory=list)
    date: date | None = None
    location: str = ""


def _with_defaults(
    people: list[Participant | ParticipantGroup], role: str, notes: str
) -> list[Participant | ParticipantGroup]:
    out: list[Participant | ParticipantGroup] = []
    for p in people:
        if isinstance(p, Participant):
            if role and not p.role:
                p = replace(p, role=role)
            if notes:
                p = replace(p, notes=join_notes(p.notes, notes))
        out.append(p)
    return out


def _merge_people(
    people: list[Participant | ParticipantGroup],
) -> list[Participant | ParticipantGroup]:
    """One entry per person: minutes name the chair, then list the chair again as present."""
    out: list[Participant | ParticipantGroup] = []
    seen: dict[str, int] = {}
    for p in people:
        if not isinstance(p, Participant):
            out.append(p)
            continue
        key = " ".join(p.name.casefold().split())
        if key not in seen:
            seen[key] = len(out)
            out.append(p)
            continue
        first = out[seen[key]]
        assert isinstance(first, Participant)
        notes = first.notes
        if p.notes and p.notes not in notes:
            notes = join_notes(notes, p.notes)
        out[seen[key]] = replace(
            first,
            role=first.role or p.role,
            organisation=first.organisation or p.organisation,
            country=first.country or p.country,
            notes=notes,
        )
    return out


def _labelled_items(out: Body, item: Labelled) -> None:
    """What a label line of minutes ("Present: ...", "Action items:" over a list) gives."""
    pane = item.kind.pane
    if pane == "participants":
        found: list[Participant | ParticipantGroup] = []
        if item.inline:
            found += [participant_from_text(plain(x), item.line) for x in split_people(item.inline)]
        if item.block:
            people, prose = participants_from_lines(item.block, item.block_line)
            found += people
            if prose.strip():
                out.participants_text.append(prose)
        out.participants += _with_defaults(found, item.kind.role, item.kind.notes)
    elif pane == "topics":
        topics, prose = topics_from_lines(item.block, item.block_line)
        out.topics += topics
        if prose.strip():
            out.topics_text.append(prose)
    elif pane == "outcomes":
        outcomes, prose = outcomes_from_lines(
            item.block, item.block_line, item.label, item.kind.kind
        )
        out.outcomes += outcomes
        if prose.strip():
            out.outcomes_text.append(prose)


def _tasks(lines: list[str], first_line: int) -> list[Outcome]:
    """Task boxes (`- [ ]`, also inside callouts) written outside the Outcomes sections:
    they are actions wherever they stand, so they are listed on Outcomes too."""
    found: list[Outcome] = []
    fence: str | None = None
    for n, line in enumerate(lines):
        is_fence, fence = fence_after(line, fence)
        if is_fence:
            continue
        if fence or "[" not in line:
            continue
        m = _TASK_LINE.match(line)
        if m:
            found.append(outcome_from_item(ListItem(m.group(1).strip(), first_line + n), ""))
    return found


def read_body(
    body: str, first_line: int, front_title: str | None, known: frozenset[str] = frozenset()
) -> Body:
    """Sort a body's sections into panes.  `first_line` is the body's line in the file;
    `known` names the keys the front matter gave already (their body lines stay prose)."""
    out = Body()
    body = readable_obsidian(body)
    out.tags = inline_tags(body)
    body, labelled = extract_labelled(body, first_line)
    for item in labelled:
        if item.kind.pane == "date":
            when = find_date(item.inline)
            if "date" not in known and out.date is None and when is not None:
                out.date = when[0]
                body = blank_line(body, item.line - first_line)
        elif item.kind.pane == "location":
            if "location" not in known and not out.location:
                out.location = plain(item.inline)
                body = blank_line(body, item.line - first_line)
        else:
            _labelled_items(out, item)
    sections = split_sections(body, first_line)
    has_topics = any(i.kind.pane == "topics" for i in labelled) or any(
        sec.level and pane_for(sec.title) is Pane.TOPICS for sec in sections
    )
    title_taken = False
    for sec in sections:
        text = sec.body
        content_line = sec.line + (1 if sec.level else 0)
        lines = sec.lines
        pane = pane_for(sec.title) if sec.level else None
        if pane not in (Pane.PARTICIPANTS, Pane.OUTCOMES) and _TASK_BOX.search(text):
            out.outcomes += _tasks(lines, content_line)
        if sec.level == 0:
            if text.strip():
                out.overview.append(text)
            continue
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
        numbered = _NUMBERED.match(sec.title) if pane is None and not has_topics else None
        if numbered:
            # Minutes number their agenda items as headings: those are the topics.
            out.topics.append(topic_from_block(numbered.group(1), lines, sec.line))
        elif pane is None:
            out.sections.append(Section(plain(sec.title), text, sec.line))
        elif pane is Pane.OVERVIEW:
            if text.strip():
                heading = "" if heading_key(sec.title) == "overview" else f"### {sec.title}\n\n"
                out.overview.append(heading + text)
        elif pane is Pane.PARTICIPANTS:
            found, prose = participants_from_lines(lines, content_line)
            if heading_key(sec.title) in APOLOGY_HEADINGS:
                found = _with_defaults(found, "", APOLOGIES_NOTE)
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
    out.participants = _merge_people(sorted(out.participants, key=_line_key))
    out.topics.sort(key=_line_key)
    out.outcomes.sort(key=_line_key)
    return out
