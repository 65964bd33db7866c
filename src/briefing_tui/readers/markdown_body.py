"""Turn a Markdown body into pane content: headings name panes, lists and tables become items.

The sections and lists are found by `markdown_sections`; this module decides which pane each
belongs to (by the multilingual `vocabulary`), merges what minutes say twice, and keeps every
line of prose that did not become an item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from briefing_tui.model import Outcome, Pane, Participant, ParticipantGroup, Section, Topic
from briefing_tui.pacing import paced
from briefing_tui.readers.dates import find_date
from briefing_tui.readers.markdown_headings import NUMBERED, pane_for, split_sections
from briefing_tui.readers.markdown_labels import Labelled, blank_line, extract_labelled
from briefing_tui.readers.markdown_sections import (
    TASK_BOX,
    TASK_LINE,
    ListItem,
    line_key,
    outcome_from_item,
    outcomes_from_lines,
    participants_from_lines,
    topic_from_block,
    topics_from_lines,
)
from briefing_tui.readers.markdown_text import fence_after, heading_key, plain
from briefing_tui.readers.obsidian import inline_tags, readable_obsidian
from briefing_tui.readers.people import join_notes, participant_from_text, split_people
from briefing_tui.readers.trace import active, note
from briefing_tui.readers.vocabulary import APOLOGIES_NOTE, APOLOGY_HEADINGS, SYNONYMS

__all__ = ["SYNONYMS", "Body", "pane_for", "read_body"]


@dataclass
class Body:
    """What a Markdown body contributes to a briefing, merged with front matter by the caller."""

    title: str = ""
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
    # Pane sections whose items are read by `finish` (see `read_body`'s `defer`).
    pending: list[PaneSection] = field(default_factory=list)

    def pending_panes(self) -> set[Pane]:
        return {section.pane for section in self.pending}

    def finish(self, pause: Callable[[], None] | None = None) -> None:
        """Read the pane sections left for later and put their items where reading them
        at once would have: after what came before them, then in document order."""
        if not self.pending:
            return
        shift = dict.fromkeys(ITEM_PANES, 0)
        for section in self.pending:
            found, prose = _pane_items(section, pause)
            items: list[Participant | ParticipantGroup | Topic | Outcome] = getattr(
                self, section.pane.value
            )
            at = section.at + shift[section.pane]
            items[at:at] = found
            shift[section.pane] += len(found)
            if prose.strip():
                getattr(self, f"{section.pane.value}_text").append(prose)
        panes = self.pending_panes()
        self.pending = []
        self.order(panes, pause)

    def order(self, panes: set[Pane], pause: Callable[[], None] | None = None) -> None:
        """Each pane's items in document order; a person named twice, once."""
        if Pane.PARTICIPANTS in panes:
            people = sorted(self.participants, key=line_key)
            self.participants = _merge_people(people, pause)
        if Pane.TOPICS in panes:
            self.topics.sort(key=line_key)
        if Pane.OUTCOMES in panes:
            self.outcomes.sort(key=line_key)


ITEM_PANES = (Pane.PARTICIPANTS, Pane.TOPICS, Pane.OUTCOMES)


@dataclass(slots=True)
class PaneSection:
    """A section under a pane's heading, kept to be read later."""

    pane: Pane
    title: str
    lines: list[str]
    line: int  # of its first line under the heading
    at: int  # how many items its pane had before it


def _pane_items(
    section: PaneSection, pause: Callable[[], None] | None
) -> tuple[list[Participant | ParticipantGroup] | list[Topic] | list[Outcome], str]:
    """The items and left-over prose of one pane section, as `read_body` reads them."""
    lines, line = section.lines, section.line
    if section.pane is Pane.PARTICIPANTS:
        found, prose = participants_from_lines(lines, line, pause)
        key = heading_key(section.title)
        if key in APOLOGY_HEADINGS or key.rpartition(" ")[0] in APOLOGY_HEADINGS:
            found = _with_defaults(found, "", APOLOGIES_NOTE)
        return found, prose
    if section.pane is Pane.TOPICS:
        return topics_from_lines(lines, line)
    return outcomes_from_lines(lines, line, section.title)


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


def _name_key(name: str) -> str:
    """A name with case and spacing ignored."""
    key = name.casefold()
    # Printable text has no whitespace but the plain space: most names need no splitting.
    if key.isprintable() and "  " not in key and key[:1] != " " and key[-1:] != " ":
        return key
    return " ".join(key.split())


def _merge_people(
    people: list[Participant | ParticipantGroup], pause: Callable[[], None] | None = None
) -> list[Participant | ParticipantGroup]:
    """One entry per person: minutes name the chair, then list the chair again as present."""
    out: list[Participant | ParticipantGroup] = []
    seen: dict[str, int] = {}
    for p in paced(people, pause):
        if not isinstance(p, Participant):
            out.append(p)
            continue
        key = _name_key(p.name)
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
        m = TASK_LINE.match(line)
        if m:
            found.append(outcome_from_item(ListItem(m.group(1).strip(), first_line + n), ""))
    return found


def read_body(
    body: str,
    first_line: int,
    front_title: str | None,
    known: frozenset[str] = frozenset(),
    defer: int | None = None,
) -> Body:
    """Sort a body's sections into panes.  `first_line` is the body's line in the file;
    `known` names the keys the front matter gave already (their body lines stay prose).

    With `defer`, when the sections under pane headings hold at least that many lines,
    their items are left in `Body.pending` for `Body.finish` (see `parts_later`).
    """
    tracing = active()
    out = Body()
    body = readable_obsidian(body)
    out.tags = inline_tags(body)
    body, labelled = extract_labelled(body, first_line)
    for item in labelled:
        if item.kind.pane == "date":
            when = find_date(item.inline)
            if "date" not in known and out.date is None and when is not None:
                out.date = when[0]
                if tracing:
                    note("date", f"label '{item.label}:' (line {item.line})")
                body = blank_line(body, item.line - first_line)
        elif item.kind.pane == "location":
            if "location" not in known and not out.location:
                out.location = plain(item.inline)
                if tracing:
                    note("location", f"label '{item.label}:' (line {item.line})")
                body = blank_line(body, item.line - first_line)
        else:
            _labelled_items(out, item)
            if tracing:
                note(item.kind.pane, f"label '{item.label}:' (line {item.line})")
    sections = split_sections(body, first_line)
    # Each heading is looked up once: 100,000 headings outgrow `pane_for`'s cache, and
    # asking twice cost a 4 MB body a fifth of its reading time.
    panes = [pane_for(sec.title) if sec.level else None for sec in sections]
    has_topics = any(i.kind.pane == "topics" for i in labelled) or Pane.TOPICS in panes
    pane_lines = sum(
        len(sec.lines) for sec, pane in zip(sections, panes, strict=True) if pane in ITEM_PANES
    )
    deferring = defer is not None and not tracing and pane_lines >= defer
    title_taken = False
    # One pass, the commonest case first: a heading that names no pane, over prose.
    for sec, pane in zip(sections, panes, strict=True):
        text = sec.body
        level = sec.level
        # A task box has a "[": most sections have none, and 100,000 searches add up.
        if "[" in text and pane not in (Pane.PARTICIPANTS, Pane.OUTCOMES) and TASK_BOX.search(text):
            tasks = _tasks(sec.lines, sec.line + (1 if level else 0))
            out.outcomes += tasks
            if tasks and tracing:
                note("outcomes", f"task boxes '- [ ]' under '{sec.title or 'the text'}'")
        if level == 0:
            if text.strip():
                out.overview.append(text)
            continue
        title = sec.title
        if pane is None:
            if level == 1 and not title_taken:
                title_taken = True
                if not front_title:
                    out.title = plain(title)
                    if tracing:
                        note("title", f"heading '# {out.title}' (line {sec.line})")
                    if text.strip():
                        out.overview.append(text)
                    continue
                if heading_key(front_title) == heading_key(title):
                    if text.strip():
                        out.overview.append(text)
                    continue
            numbered = None if has_topics else NUMBERED.match(title)
            if numbered:
                # Minutes number their agenda items as headings: those are the topics.
                out.topics.append(topic_from_block(numbered.group(1), sec.lines, sec.line))
                if tracing:
                    note("topics", f"numbered heading '{title}' (line {sec.line})")
                continue
            out.sections.append(Section(plain(title), text, sec.line))
            if tracing:
                where = f"heading '{title}' (line {sec.line})"
                note("unread", f"{where} names no pane; shown on Overview")
            continue
        if pane is Pane.OVERVIEW:
            if text.strip():
                heading = "" if heading_key(title) == "overview" else f"### {title}\n\n"
                out.overview.append(heading + text)
            continue
        if tracing:
            note(pane.value, f"heading '{title}' (line {sec.line})")
        section = PaneSection(pane, title, sec.lines, sec.line + 1, len(getattr(out, pane.value)))
        if deferring:
            out.pending.append(section)
            continue
        found, prose = _pane_items(section, None)
        getattr(out, pane.value).extend(found)
        if prose.strip():
            getattr(out, f"{pane.value}_text").append(prose)
    out.order(set(ITEM_PANES) - out.pending_panes())
    return out
