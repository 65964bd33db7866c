"""A Markdown body's sections and lists, read line by line: the parts the panes are made of.

This is a small line-based reader rather than a full Markdown parser: it only needs to find
headings outside code fences (ATX, setext, and bold labels standing alone as headings),
top-level list items and pipe tables, and it must never recurse, so that a hostile document
with thousands of nested `>` or list levels costs one pass over its lines.  The prose itself
is left as Markdown for the renderer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from briefing_tui.model import Outcome, Participant, ParticipantGroup, Topic
from briefing_tui.pacing import paced
from briefing_tui.readers.dates import find_date
from briefing_tui.readers.markdown_tables import (
    extract_tables,
    outcomes_from_table,
    participants_from_table,
    restore_tables,
    topics_from_table,
)
from briefing_tui.readers.markdown_text import fence_after, heading_key, plain
from briefing_tui.readers.people import participant_from_text
from briefing_tui.readers.vocabulary import HEADING_KINDS

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
# A single tab before the marker is how some editors indent a whole list.
_ITEM = re.compile(r"^( {0,3}|\t)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_TASK = re.compile(r"^\[([ xX])\][ \t]+(.*)$")
_LABEL = re.compile(
    r"^(?:\*\*|__)?(decision|action|finding|recommendation|conclusion|result|lesson learned|"
    r"next step|action item)s?(?:\*\*|__)?\s*[:—–-]\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_OWNER = re.compile(
    r"(?:\(|\s|^)(?:action owner|owner|lead|responsible|assigned to|assignee|who|ansvarig|"
    r"verantwortlich(?:e|er)?|responsable|responsabile|verantwoordelijke|odpowiedzialny|"
    r"负责人|担当者|담당자)\s*[:：]\s*([^,;()|]{1,200})",
    re.IGNORECASE,
)
# Where a written owner stops: "owner: NL desk — due 1 May" is owned by "NL desk".
_OWNER_END = re.compile(r"\s+[—–-]+\s|\s+(?:due|deadline|by)\b|📅|\s+@", re.IGNORECASE)
# "@maria" as chat tools and Obsidian write an owner.
_HANDLE = re.compile(r"(?:^|(?<=[\s(]))@([^\W\d][\w.-]*)")
# What may stand before a due date: "due", "deadline", "by", "until", Obsidian Tasks' 📅.
_DUE_LEAD = re.compile(
    r"(?:\b(?:due(?:\s+date)?|deadline|by|until|frist|échéance|plazo|scadenza|termijn|"
    r"termin|bis)\b[ \t]*:?[ \t]*|(?:截止|期限|기한)[ \t]*[:：]?[ \t]*|📅[ \t]*)",
    re.IGNORECASE,
)
TASK_BOX = re.compile(r"\[[ xX]\]")
TASK_LINE = re.compile(r"^[ \t]*(?:>[ \t]*)*[-*+][ \t]+(\[[ xX]\][ \t]+\S.*)$")
_ITEM_LEADS = frozenset("-*+0123456789")
_SPEAKERS = re.compile(
    r"^\s*(?:\*\*|__)?speakers?(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$", re.IGNORECASE
)

_LABEL_KINDS = {
    "conclusion": "finding",
    "result": "finding",
    "lesson learned": "finding",
    "next step": "action",
    "action item": "action",
}


@dataclass(slots=True)
class ListItem:
    text: str
    line: int
    continuation: list[str] = field(default_factory=list)


def extract_items(
    lines: list[str], first_line: int, pause: Callable[[], None] | None = None
) -> tuple[list[ListItem], list[str]]:
    """Top-level list items (with their indented continuation) and the remaining prose lines."""
    items: list[ListItem] = []
    rest: list[str] = []
    current: ListItem | None = None
    fence: str | None = None
    for n, line in paced(enumerate(lines), pause):
        # A fence line has a backtick or tilde: 200,000 list items need not be matched.
        if "`" in line or "~" in line:
            is_fence, fence = fence_after(line, fence)
            if is_fence:
                current = None
                rest.append(line)
                continue
        if fence:
            rest.append(line)
            continue
        m = _ITEM.match(line) if line.lstrip(" \t")[:1] in _ITEM_LEADS else None
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
    lines: list[str], first_line: int, pause: Callable[[], None] | None = None
) -> tuple[list[Participant | ParticipantGroup], str]:
    """Participants from tables and list items under a Participants heading; prose is kept.

    `pause` is called every few thousand items (see `briefing_tui.pacing`).
    """
    tables, rest = extract_tables(lines)
    found: list[Participant | ParticipantGroup] = []
    for header, rows, index in tables:
        found.extend(participants_from_table(header, rows, first_line + index))
    items, prose = extract_items(rest, first_line, pause)
    for item in paced(items, pause):
        # "- [ ] Ana Ruiz": an attendance check list.
        text = item.text[4:] if item.text[:4] in ("[ ] ", "[x] ", "[X] ") else item.text
        p = participant_from_text(plain(text), item.line)
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
        key = heading_key(heading)
        default_kind = HEADING_KINDS.get(key) or HEADING_KINDS.get(key.rpartition(" ")[0], "")
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
    found.sort(key=line_key)
    return found, "\n".join(prose).strip("\n")


def line_key(item: Participant | ParticipantGroup | Topic | Outcome) -> int:
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
        title = plain(item.text).rstrip(";,. ")
        summary = " ".join(item.continuation)
        speakers: tuple[str, ...] = ()
        sp = re.search(
            r"\s+[—–(]\s*(?:speakers?|by|with)\s*:?\s*([^)]+)\)?\s*$", title, re.IGNORECASE
        )
        if sp:
            speakers = tuple(x.strip() for x in re.split(r",|;| and ", sp.group(1)) if x.strip())
            title = title[: sp.start()].strip()
        topics.append(Topic(title, summary, speakers, item.line))
    topics.sort(key=line_key)
    return topics, "\n".join(rest).strip("\n")
