"""Read the briefing keys out of a YAML mapping node, as the format defines them.

One schema serves YAML files and Markdown front matter alike.  Each value is read as the
type the format expects, from the text as written (so `country: NO` stays "NO"), and every
mismatch becomes a Problem naming the key and its line while the rest is still read.
Unknown keys, and values the schema could not use, are kept in `extra` so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model import (
    OUTCOME_KINDS,
    OUTCOME_STATUSES,
    ExtraValue,
    Link,
    Outcome,
    Participant,
    ParticipantGroup,
    Problem,
    Severity,
    Source,
    Topic,
)
from briefing_tui.readers.other_tools import (
    APOLOGIES_NOTE,
    LabelKind,
    find_date,
    parse_written_date,
)
from briefing_tui.readers.yamlsafe import (
    Budget,
    YamlLimitError,
    check_tag,
    column_of,
    is_null,
    key_text,
    line_of,
    mapping_pairs,
    scalar_text,
    to_plain,
)

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")

KNOWN_KEYS = (
    "title",
    "date",
    "end_date",
    "location",
    "organisers",
    "marking",
    "tags",
    "summary",
    "overview",
    "participants",
    "topics",
    "outcomes",
    "links",
    "glossary",
    "source",
)
# Spellings people will use anyway; read as the canonical key.
KEY_SYNONYMS = {"organizers": "organisers", "enddate": "end_date", "end-date": "end_date"}
# Keys other tools use for the date, tried in order when `date` is absent (kept in extra too):
# first those naming when the event began, then mappings holding its start and end, and only
# then the dates a page or note was published, created or changed.
START_FALLBACKS = ("start_date", "start", "begin", "starts", "from", "date_start")
END_FALLBACKS = ("end", "ends", "until", "date_end")
NESTED_DATES = ("timeframe", "dates", "period", "when", "event", "conference", "meeting")
PUBLISHED_FALLBACKS = (
    "published",
    "publishdate",
    "publish_date",
    "pubdate",
    "date_published",
    "created",
    "date_created",
    "created_at",
    "creation_date",
    "updated",
    "lastmod",
    "last_modified",
    "modified",
    "date_modified",
)
DATE_FALLBACKS = START_FALLBACKS + PUBLISHED_FALLBACKS
_NESTED_START = ("start", "start_date", "begin", "from", "date", "first_day")
_NESTED_END = ("end", "end_date", "until", "to", "last_day")
_NESTED_TITLE = ("title", "name")
_NESTED_LOCATION = ("location", "venue", "place", "city")

# Keys other tools use for a text key, read as that key when it is absent; only the first
# present is used, and only when it holds text (otherwise it stays under Other details).
TEXT_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("name", "event", "event_name", "conference", "meeting", "subject"),
    "summary": ("description", "abstract", "excerpt", "synopsis", "tldr", "teaser"),
    "location": ("venue", "place", "city", "where"),
    "marking": ("classification", "tlp", "handling"),
    "overview": ("about",),
}
# Keys other tools use for list keys: every one present (as a list) is read and merged with
# the key itself in document order, and its items take the defaults given.
_P, _T, _O = "participants", "topics", "outcomes"
LIST_ALIASES: dict[str, LabelKind] = {
    "attendees": LabelKind(_P),
    "delegates": LabelKind(_P),
    "delegations": LabelKind(_P),
    "present": LabelKind(_P),
    "people": LabelKind(_P),
    "speakers": LabelKind(_P, role="Speaker"),
    "panelists": LabelKind(_P, role="Panellist"),
    "panellists": LabelKind(_P, role="Panellist"),
    "moderators": LabelKind(_P, role="Moderator"),
    "chairs": LabelKind(_P, role="Chair"),
    "observers": LabelKind(_P, role="Observer"),
    "apologies": LabelKind(_P, notes=APOLOGIES_NOTE),
    "absent": LabelKind(_P, notes=APOLOGIES_NOTE),
    "sessions": LabelKind(_T),
    "schedule": LabelKind(_T),
    "agenda": LabelKind(_T),
    "programme": LabelKind(_T),
    "program": LabelKind(_T),
    "talks": LabelKind(_T),
    "presentations": LabelKind(_T),
    "workshops": LabelKind(_T),
    "panels": LabelKind(_T),
    "actions": LabelKind(_O, kind="action"),
    "action_items": LabelKind(_O, kind="action"),
    "action_points": LabelKind(_O, kind="action"),
    "tasks": LabelKind(_O, kind="action"),
    "todo": LabelKind(_O, kind="action"),
    "todos": LabelKind(_O, kind="action"),
    "next_steps": LabelKind(_O, kind="action"),
    "follow_up": LabelKind(_O, kind="action"),
    "follow_ups": LabelKind(_O, kind="action"),
    "decisions": LabelKind(_O, kind="decision"),
    "conclusions": LabelKind(_O, kind="finding"),
    "findings": LabelKind(_O, kind="finding"),
    "key_findings": LabelKind(_O, kind="finding"),
    "results": LabelKind(_O, kind="finding"),
    "takeaways": LabelKind(_O, kind="finding"),
    "key_takeaways": LabelKind(_O, kind="finding"),
    "lessons_learned": LabelKind(_O, kind="finding"),
    "recommendations": LabelKind(_O, kind="recommendation"),
    "organiser": LabelKind("organisers"),
    "organizer": LabelKind("organisers"),
    "organised_by": LabelKind("organisers"),
    "organized_by": LabelKind("organisers"),
    "host": LabelKind("organisers"),
    "hosts": LabelKind("organisers"),
    "hosted_by": LabelKind("organisers"),
    "categories": LabelKind("tags"),
    "category": LabelKind("tags"),
    "keywords": LabelKind("tags"),
    "references": LabelKind("links"),
    "resources": LabelKind("links"),
    "see_also": LabelKind("links"),
}
# Inside a topic mapping: the first of these present is the title, the summary; all speaker
# keys are merged; time and place come first in the summary, as a programme shows them.
TOPIC_TITLE_KEYS = ("title", "name", "session", "talk", "topic", "subject", "item")
TOPIC_SUMMARY_KEYS = ("summary", "abstract", "description", "details")
TOPIC_SPEAKER_KEYS = (
    "speakers",
    "speaker",
    "presenters",
    "presenter",
    "panelists",
    "panellists",
    "panel",
    "moderator",
    "moderators",
    "chair",
)
TOPIC_WHEN_KEYS = ("day", "date", "time", "start", "end", "slot", "room", "track", "venue")
# A mapping holding one of these lists (and no title) is a day of a programme.
NESTED_TOPIC_LISTS = ("sessions", "talks", "slots", "items", "schedule", "programme", "agenda")
# Inside an outcome mapping.
OUTCOME_TEXT_KEYS = (
    "text",
    "action",
    "task",
    "decision",
    "finding",
    "recommendation",
    "conclusion",
    "outcome",
    "description",
    "title",
    "item",
    "summary",
    "what",
)
_TEXT_KEY_KINDS = {
    "action": "action",
    "task": "action",
    "decision": "decision",
    "finding": "finding",
    "conclusion": "finding",
    "recommendation": "recommendation",
}
OUTCOME_OWNER_KEYS = (
    "owner",
    "owners",
    "assignee",
    "assignees",
    "assigned_to",
    "assigned to",
    "responsible",
    "who",
    "lead",
)
OUTCOME_DUE_KEYS = ("due", "deadline", "due_date", "due date", "due_by", "by", "until")
OUTCOME_DONE_KEYS = ("done", "completed", "complete", "closed")
_TRUE = frozenset({"true", "yes", "y", "on", "x", "done", "1"})

_STATUS_SYNONYMS = {
    "closed": "done",
    "complete": "done",
    "completed": "done",
    "finished": "done",
    "resolved": "done",
    "pending": "open",
    "ongoing": "open",
    "in progress": "open",
    "todo": "open",
    "to do": "open",
}
_KIND_SYNONYMS = {
    "conclusion": "finding",
    "result": "finding",
    "lesson": "finding",
    "lesson learned": "finding",
    "action item": "action",
    "next step": "action",
    "task": "action",
}
PARTICIPANT_KEYS = {
    "name": "name",
    "role": "role",
    "title": "role",
    "position": "role",
    "function": "role",
    "organisation": "organisation",
    "organization": "organisation",
    "org": "organisation",
    "agency": "organisation",
    "affiliation": "organisation",
    "institution": "organisation",
    "country": "country",
    "notes": "notes",
    "note": "notes",
    "company": "organisation",
    "employer": "organisation",
    "job title": "role",
    "job_title": "role",
    "jobtitle": "role",
    "full name": "name",
    "full_name": "name",
    "fullname": "name",
    "head": "name",
    "head of delegation": "name",
    "head_of_delegation": "name",
    "nationality": "country",
    "delegation": "country",
    "bio": "notes",
    "biography": "notes",
}
_HEAD_KEYS = ("head", "head of delegation", "head_of_delegation")
_GROUP_WORDS = re.compile(
    r"\b(participants|delegates|delegations|representatives|members|officials|experts|"
    r"attendees|countries|authorities|agencies|practitioners|prosecutors|judges|staff)\b",
    re.IGNORECASE,
)
_LEADING_COUNT = re.compile(r"^\s*(?:about |around |over |more than |some )?(\d[\d,]*)\+?\s")
_COUNTRY_CODE = re.compile(r"^[A-Z]{2,3}$")


def _kind_of(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    return "text"


def parse_date(text: str) -> date | str:
    """A date from ISO text (time and zone ignored), or the reason it is not one."""
    m = _DATE.match(text.strip())
    if m is None:
        return "expected an ISO date (YYYY-MM-DD)"
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        return f"{text.strip()} is not a real date ({exc})"


_ROLE_WORDS = re.compile(
    r"\b(prosecutors?|judges?|officers?|head|director|analyst|inspector|chair\w*|liaison|"
    r"advis[eo]r|member|minister|secretary|president|expert|investigator|attorney|counsel|"
    r"magistrate|lead|manager|co-?ordinator|rapporteur|commissioner|deputy|assistant|"
    r"representative|delegate|trainer|speaker|moderator|professor|researcher|specialist|"
    r"agent|detective|sergeant|superintendent|commander|chief|consultant|lawyer|clerk|"
    r"attach[ée]|procurator|procureur|staatsanwalt\w*)\b",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(ministry|minist[eè]re|ministerio|ministero|ministerium|ministerstvo|council|"
    r"commission|office|agency|department|directorate|police|pol[ií]cia|politie|polizei|"
    r"policja|service|services|unit|cent(?:re|er|ro)|university|court|tribunal|authority|"
    r"bureau|secretariat|network|ltd|inc|gmbh|llc|plc|s\.?a|eurojust|europol|interpol|enisa|"
    r"olaf|eppo|academy|institute|foundation|ngo|association|parquet|procura|procuradur[ií]a|"
    r"fiscal[ií]a|staatsanwaltschaft|prokuratura|ministerie|kripos|government|embassy|"
    r"organi[sz]ation|company|bank|corporation|diicot|bka|ncis|nca|fbi)\b",
    re.IGNORECASE,
)


def looks_like_organisation(text: str) -> bool:
    """ "Council of Europe" is a body, "Head of Unit" is a role: for "Name, X" lines."""
    return bool(_ORG_WORDS.search(text)) and not _ROLE_WORDS.search(text)


def split_one_line(text: str) -> tuple[str, str, str, str]:
    """(name, role, organisation, country) from "Name, Role, Organisation[, XX]".

    With only one part after the name ("Name – Ministry of Justice"), that part is the
    organisation when it reads like one, else the role.
    """
    normalised = re.sub(r"\s+[—–|]\s+|\s+-\s+|;\s*", ", ", text.strip())
    parts = [p.strip() for p in normalised.split(",") if p.strip()]
    if not parts:
        return "", "", "", ""
    name = parts[0]
    rest = parts[1:]
    country = ""
    if len(rest) >= 2 and _COUNTRY_CODE.match(rest[-1]):
        country = rest.pop()
    if len(rest) == 1 and looks_like_organisation(rest[0]):
        return name, "", rest[0], country
    role = rest[0] if rest else ""
    organisation = ", ".join(rest[1:])
    return name, role, organisation, country


_TRAILING_PARENS = re.compile(r"^([^,()]+)\(([^()]*)\)\s*$")


def _from_parentheses(name: str, inner: str, line: int | None) -> Participant | ParticipantGroup:
    """ "Name (Organisation, XX)", as minutes write people; "(two staff)" is a note."""
    if _GROUP_WORDS.search(name):
        m = _LEADING_COUNT.match(name)
        count = int(m.group(1).replace(",", "")) if m else None
        return ParticipantGroup(group=name, count=count, notes=inner, line=line)
    if not inner or inner[:1].islower():
        return Participant(name, notes=inner, line=line)
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    country = parts.pop() if len(parts) > 0 and _COUNTRY_CODE.match(parts[-1]) else ""
    rest = ", ".join(parts)
    if rest and _ROLE_WORDS.search(rest) and not _ORG_WORDS.search(rest):
        return Participant(name, rest, "", country, line=line)
    return Participant(name, "", rest, country, line=line)


def participant_from_text(text: str, line: int | None) -> Participant | ParticipantGroup:
    """A one-line participant; a plural description without commas reads as a group."""
    stripped = text.strip()
    parens = _TRAILING_PARENS.match(stripped) if stripped.endswith(")") else None
    if parens:
        return _from_parentheses(parens.group(1).strip(), parens.group(2).strip(), line)
    if "," not in stripped and _GROUP_WORDS.search(stripped):
        m = _LEADING_COUNT.match(stripped)
        count = int(m.group(1).replace(",", "")) if m else None
        return ParticipantGroup(group=stripped, count=count, line=line)
    name, role, organisation, country = split_one_line(stripped)
    return Participant(name, role, organisation, country, line=line)


_Date = date  # the class below has a method named `date`


def plain_text(value: ExtraValue) -> str:
    """A plain value as one line of text: lists joined with commas, mappings as `k: v`."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(x for x in (plain_text(v) for v in value) if x)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_text(v)}" for k, v in value.items())
    return str(value)


def join_notes(*parts: str) -> str:
    """Notes one after the other: "; " between phrases, a space after a full sentence."""
    out = ""
    for part in (p.strip() for p in parts):
        if part:
            out = f"{out}{' ' if out.endswith(('.', '!', '?')) else '; '}{part}" if out else part
    return out


def alias_key(norm: str) -> str:
    """ "Action Items", "action-items" and "action_items" are one key to the alias tables."""
    if " " not in norm and "-" not in norm and "\t" not in norm:
        return norm
    return re.sub(r"[\s-]+", "_", norm)


# Every key the alias tables and fallbacks look at: most documents have none of them, and
# then the reader need not look further.
_TEXT_ALIAS_NAMES = frozenset(n for names in TEXT_ALIASES.values() for n in names)
_FALLBACK_NAMES = frozenset((*START_FALLBACKS, *END_FALLBACKS, *NESTED_DATES, *PUBLISHED_FALLBACKS))


@dataclass
class Fields:
    """What the schema read: keyword arguments for Briefing, plus extra and problems."""

    values: dict[str, Any] = field(default_factory=dict)
    extra: list[tuple[str, ExtraValue]] = field(default_factory=list)


class SchemaReader:
    """Reads one document's keys; collects problems rather than raising."""

    def __init__(self, path: str, line_offset: int = 0) -> None:
        self.path = path
        self.line_offset = line_offset
        self.problems: list[Problem] = []
        self.budget = Budget()

    # -- problems ---------------------------------------------------------------------------

    def line(self, node: Node | None) -> int | None:
        return line_of(node, self.line_offset)

    def report(self, node: Node | None, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(
            Problem(self.path, self.line(node), column_of(node), severity, message)
        )

    # -- scalar readers ---------------------------------------------------------------------

    def allowed(self, key: str, node: Node) -> bool:
        reason = check_tag(node)
        if reason is not None:
            self.report(node, f"{key}: {reason}")
            return False
        return True

    def text(self, key: str, node: Node) -> str | None:
        if not self.allowed(key, node) or is_null(node):
            return None
        if isinstance(node, ScalarNode):
            return scalar_text(node).strip()
        self.report(node, f"{key}: expected text, got {_kind_of(node)}")
        return None

    def date(self, key: str, node: Node) -> date | None:
        raw = self.text(key, node)
        if not raw:
            return None
        parsed = parse_date(raw)
        if isinstance(parsed, str):
            written = parse_written_date(raw)
            if written is not None:
                return written
            self.report(node, f"{key}: {parsed}")
            return None
        return parsed

    def quiet_date(self, node: Node) -> _Date | None:
        """A date if the node holds one, else None without a problem: for keys that only
        might be dates (another tool's `published: true`, `deadline: end of May`)."""
        if not isinstance(node, ScalarNode) or is_null(node) or check_tag(node) is not None:
            return None
        raw = scalar_text(node).strip()
        parsed = parse_date(raw)
        return parsed if isinstance(parsed, date) else parse_written_date(raw)

    def text_list(self, key: str, node: Node) -> tuple[str, ...]:
        """A list of text; a single text is accepted as a list of one, as people write it."""
        if not self.allowed(key, node) or is_null(node):
            return ()
        if isinstance(node, ScalarNode):
            value = scalar_text(node).strip()
            return (value,) if value else ()
        if isinstance(node, SequenceNode):
            out: list[str] = []
            for item in node.value:
                self.budget.charge(item)
                text = self.text(f"{key} item", item)
                if text:
                    out.append(text)
            return tuple(out)
        self.report(node, f"{key}: expected a list of text, got {_kind_of(node)}")
        return ()

    def items(self, key: str, node: Node) -> list[Node]:
        if not self.allowed(key, node) or is_null(node):
            return []
        if isinstance(node, SequenceNode):
            for item in node.value:
                self.budget.charge(item)
            return list(node.value)
        if isinstance(node, MappingNode):
            # One item written without the list dash: read it, but say so.
            self.report(
                node, f"{key}: expected a list, got a mapping; read as one item", Severity.WARNING
            )
            return [node]
        self.report(node, f"{key}: expected a list, got {_kind_of(node)}")
        return []

    def submapping(self, key: str, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """Keys of a nested mapping (casefolded), reporting duplicates."""
        out: dict[str, tuple[Node, Node]] = {}
        for k, v, merged in mapping_pairs(node, self.budget):
            name = key_text(k)
            if name is None:
                self.report(k, f"{key}: keys must be text")
                continue
            norm = name.strip().casefold()
            if norm in out and not merged:
                self.report(
                    k,
                    f"{key}: duplicate key '{name}' (also at line "
                    f"{self.line(out[norm][0])}); the last one is used",
                )
            out[norm] = (k, v)
        return out

    # -- item readers -----------------------------------------------------------------------

    def leftovers(self, key: str, sub: dict[str, tuple[Node, Node]], used: set[str]) -> str:
        """Unknown keys of an item, as "key: value" text, so they show instead of vanishing."""
        bits = []
        for name, (k, v) in sub.items():
            if name in used:
                continue
            value = plain_text(to_plain(v, self.budget))
            bits.append(f"{key_text(k)}: {value}")
        return "; ".join(bits)

    def participant(self, node: Node) -> Participant | ParticipantGroup | None:
        line = self.line(node)
        if isinstance(node, ScalarNode):
            text = self.text("participants item", node)
            return participant_from_text(text, line) if text else None
        if not isinstance(node, MappingNode):
            self.report(
                node, f"participants item: expected text or a mapping, got {_kind_of(node)}"
            )
            return None
        sub = self.submapping("participants item", node)
        if "group" in sub:
            name = self.text("group", sub["group"][1]) or ""
            count: int | None = None
            notes = self.text("notes", sub["notes"][1]) or "" if "notes" in sub else ""
            if "count" in sub:
                raw = self.text("count", sub["count"][1]) or ""
                digits = raw.replace(",", "").strip()
                if digits.isdigit():
                    count = int(digits)
                elif raw:
                    notes = f"{notes}; count: {raw}".strip("; ")
            extra = self.leftovers("group", sub, {"group", "count", "notes"})
            notes = "; ".join(x for x in (notes, extra) if x)
            return ParticipantGroup(name, count, notes, line)
        values: dict[str, str] = {}
        used: set[str] = set()
        for name, (_, v) in sub.items():
            target = PARTICIPANT_KEYS.get(name)
            if target is None or target in values:
                continue
            used.add(name)
            values[target] = self.text(name, v) or ""
            if name in _HEAD_KEYS and values[target]:
                values.setdefault("role", "Head of delegation")
        extra = self.leftovers("participant", sub, used)
        if extra:
            values["notes"] = join_notes(values.get("notes", ""), extra)
        if not values.get("name"):
            if values.get("organisation"):
                values["name"] = values["organisation"]
            elif values.get("country"):
                # A delegation written by its country alone.
                values["name"] = values["country"]
                values["role"] = values.get("role") or "Delegation"
            else:
                self.report(node, "participants item: has no name", Severity.WARNING)
                values["name"] = "(unnamed)"
        return Participant(line=line, **values)

    def topic_nodes(self, key: str, node: Node) -> list[tuple[Node, str]]:
        """Topic items with their context: a programme's days are opened up, whether written
        as `- day: ...` with a `sessions:` list, or as a mapping of day -> sessions."""
        out: list[tuple[Node, str]] = []
        if isinstance(node, MappingNode) and check_tag(node) is None:
            days = [(key_text(k) or "", v) for k, v, _ in mapping_pairs(node, self.budget)]
            if days and all(isinstance(v, SequenceNode) for _, v in days):
                for day, sessions in days:
                    out += [(item, day) for item in self.items(key, sessions)]
                return out
        for item in self.items(key, node):
            nested = self._nested_sessions(item)
            if nested is None:
                out.append((item, ""))
                continue
            context, sessions = nested
            out += [(child, context) for child in self.items(key, sessions)]
        return out

    def _nested_sessions(self, item: Node) -> tuple[str, Node] | None:
        """(day, its sessions) when a topics item is a day of a programme, else None.

        Looks at the item's own keys only (no merge keys): this runs for every topic of
        every briefing, and a day written through a merge key is not worth the cost.
        """
        if not isinstance(item, MappingNode):
            return None
        sessions: Node | None = None
        for k, v in item.value:
            if (
                isinstance(v, SequenceNode)
                and isinstance(k, ScalarNode)
                and str(k.value).strip().casefold() in NESTED_TOPIC_LISTS
            ):
                sessions = v
                break
        if sessions is None:
            return None
        labels: dict[str, str] = {}
        for k, v in item.value:
            if isinstance(k, ScalarNode) and isinstance(v, ScalarNode) and not is_null(v):
                labels.setdefault(scalar_text(k).strip().casefold(), scalar_text(v).strip())
        bits = [labels[x] for x in ("day", "date", "title", "name", "label") if labels.get(x)]
        return " ".join(bits), sessions

    def topic(self, node: Node, context: str = "") -> Topic | None:
        line = self.line(node)
        if isinstance(node, ScalarNode):
            text = self.text("topics item", node)
            if not text:
                return None
            return Topic(text, context, line=line)
        if not isinstance(node, MappingNode):
            self.report(node, f"topics item: expected text or a mapping, got {_kind_of(node)}")
            return None
        sub = self.submapping("topics item", node)
        used: set[str] = set()

        def first(keys: tuple[str, ...]) -> str:
            for name in keys:
                if name in sub:
                    used.add(name)
                    return self.text(name, sub[name][1]) or ""
            return ""

        title = first(TOPIC_TITLE_KEYS)
        summary = first(TOPIC_SUMMARY_KEYS)
        speakers: list[str] = []
        for name in TOPIC_SPEAKER_KEYS:
            if name in sub:
                used.add(name)
                speakers += self.text_list(name, sub[name][1])
        when = [context] if context else []
        for name in TOPIC_WHEN_KEYS:
            if name in sub and name not in used:
                used.add(name)
                value = plain_text(to_plain(sub[name][1], self.budget))
                if value:
                    when.append(value)
        extra = self.leftovers("topic", sub, used)
        summary = "\n\n".join(x for x in (" · ".join(when), summary, extra) if x)
        if not title:
            self.report(node, "topics item: has no title", Severity.WARNING)
            title = summary.splitlines()[0][:80] if summary else "(untitled)"
        return Topic(title, summary, tuple(dict.fromkeys(speakers)), line)

    def outcome(self, node: Node, default_kind: str = "") -> Outcome | None:
        line = self.line(node)
        if isinstance(node, ScalarNode):
            text = self.text("outcomes item", node)
            return Outcome(text, kind=default_kind, line=line) if text else None
        if not isinstance(node, MappingNode):
            self.report(node, f"outcomes item: expected text or a mapping, got {_kind_of(node)}")
            return None
        sub = self.submapping("outcomes item", node)
        used: set[str] = set()

        def get(name: str) -> str:
            if name not in sub:
                return ""
            used.add(name)
            return self.text(name, sub[name][1]) or ""

        text, text_key = "", ""
        for name in OUTCOME_TEXT_KEYS:
            if name in sub and isinstance(sub[name][1], ScalarNode):
                text, text_key = get(name), name
                break
        kind = normalise_kind(get("kind")) or _TEXT_KEY_KINDS.get(text_key, "") or default_kind
        if kind and kind not in OUTCOME_KINDS:
            self.report(
                sub["kind"][1],
                f"kind: '{kind}' is not one of {', '.join(OUTCOME_KINDS)}",
                Severity.WARNING,
            )
        status = normalise_status(get("status") or get("state"))
        if status and status not in OUTCOME_STATUSES:
            key = "status" if "status" in sub else "state"
            self.report(
                sub[key][1],
                f"status: '{status}' is not one of {', '.join(OUTCOME_STATUSES)}",
                Severity.WARNING,
            )
        for name in OUTCOME_DONE_KEYS:
            if not status and name in sub and isinstance(sub[name][1], ScalarNode):
                used.add(name)
                flag = scalar_text(sub[name][1]).strip().casefold()  # type: ignore[arg-type]
                status = "done" if flag in _TRUE else "open"
        owner = ""
        for name in OUTCOME_OWNER_KEYS:
            if name in sub:
                used.add(name)
                node = sub[name][1]
                if isinstance(node, SequenceNode):  # `owners: [A, B]`
                    owner = ", ".join(self.text_list(name, node))
                else:
                    owner = self.text(name, node) or ""
                break
        due = None
        if "due" in sub:
            used.add("due")
            due = self.date("due", sub["due"][1])
        else:
            for name in OUTCOME_DUE_KEYS:
                if name in sub:
                    due = self.quiet_date(sub[name][1])
                    if due is not None:
                        used.add(name)
                        break
        extra = self.leftovers("outcome", sub, used | {"kind"})
        if extra:
            text = f"{text} ({extra})" if text else extra
        if not text:
            self.report(node, "outcomes item: has no text", Severity.WARNING)
            text = "(no text)"
        return Outcome(text, kind, owner, due, status, line)

    def link(self, node: Node) -> Link | None:
        if isinstance(node, ScalarNode):
            text = self.text("links item", node)
            if not text:
                return None
            return Link(text, text) if "://" in text or text.startswith("www.") else Link(text)
        if not isinstance(node, MappingNode):
            self.report(node, f"links item: expected text or a mapping, got {_kind_of(node)}")
            return None
        sub = self.submapping("links item", node)
        url = self.text("url", sub["url"][1]) or "" if "url" in sub else ""
        title = self.text("title", sub["title"][1]) or "" if "title" in sub else ""
        return Link(title or url or "(untitled link)", url)

    def glossary(self, node: Node) -> tuple[tuple[str, str], ...]:
        if not self.allowed("glossary", node) or is_null(node):
            return ()
        if not isinstance(node, MappingNode):
            self.report(
                node, f"glossary: expected a mapping of acronym: expansion, got {_kind_of(node)}"
            )
            return ()
        out: dict[str, str] = {}
        for k, v, _ in mapping_pairs(node, self.budget):
            term = key_text(k)
            if term is None:
                self.report(k, "glossary: acronyms must be text")
                continue
            out[term.strip()] = self.text(f"glossary '{term}'", v) or ""
        return tuple(out.items())

    def source(self, node: Node) -> Source | None:
        if not self.allowed("source", node) or is_null(node):
            return None
        if isinstance(node, ScalarNode):
            return Source(publisher=scalar_text(node).strip())
        if not isinstance(node, MappingNode):
            self.report(node, f"source: expected a mapping, got {_kind_of(node)}")
            return None
        sub = self.submapping("source", node)

        def get(name: str) -> str:
            return (self.text(name, sub[name][1]) or "") if name in sub else ""

        published = self.date("published", sub["published"][1]) if "published" in sub else None
        reference = get("reference")
        extra = self.leftovers("source", sub, {"publisher", "published", "url", "reference"})
        if extra:
            reference = "; ".join(x for x in (reference, extra) if x)
        return Source(get("publisher"), published, get("url"), reference)

    # -- the whole document -----------------------------------------------------------------

    def read(self, root: MappingNode) -> Fields:
        """Every key of the top-level mapping; never raises for bad content."""
        fields = Fields()
        try:
            self._read(root, fields)
        except YamlLimitError as exc:
            self.report(exc.node or root, str(exc))
        return fields

    def _read(self, root: MappingNode, fields: Fields) -> None:
        seen: dict[str, Node] = {}
        pairs: dict[str, tuple[str, Node, Node]] = {}
        for k, v, merged in mapping_pairs(root, self.budget):
            name = key_text(k)
            if name is None:
                self.report(k, "keys must be text; this one is kept under Other details")
                fields.extra.append((str(to_plain(k, self.budget)), to_plain(v, self.budget)))
                continue
            norm = name.strip().casefold()
            norm = KEY_SYNONYMS.get(norm, norm)
            if norm in seen and not merged:
                earlier = pairs[norm]
                self.report(
                    k,
                    f"duplicate key '{name}' (first at line {self.line(seen[norm])}); "
                    "the last one is used, the earlier value is kept under Other details",
                )
                fields.extra.append(
                    (
                        f"{earlier[0]} (duplicate, line {self.line(seen[norm])})",
                        to_plain(earlier[2], self.budget),
                    )
                )
            seen[norm] = k
            pairs[norm] = (name, k, v)

        values = fields.values
        plan = self._aliases(pairs)
        for norm, (name, _k, v) in pairs.items():
            if norm in plan:
                self._read_alias(name, plan[norm], v, values)
                continue
            if norm not in KNOWN_KEYS:
                reason = check_tag(v)
                if reason is not None:
                    self.report(v, f"{name}: {reason}")
                    continue
                fields.extra.append((name, to_plain(v, self.budget)))
                continue
            self._read_known(norm, v, values, fields)
        self._fallbacks(pairs, values)
        if values.get("tags"):
            unique = {t.casefold(): t for t in reversed(values["tags"])}
            values["tags"] = tuple(reversed(unique.values()))

    # -- other tools' keys ------------------------------------------------------------------

    def _aliases(self, pairs: dict[str, tuple[str, Node, Node]]) -> dict[str, LabelKind]:
        """Which keys of another tool to read as briefing keys (see TEXT_ALIASES and
        LIST_ALIASES).  A key whose value has another shape stays under Other details."""
        plan: dict[str, LabelKind] = {}
        by_alias = {alias_key(norm): norm for norm in pairs}
        if by_alias.keys().isdisjoint(_TEXT_ALIAS_NAMES) and by_alias.keys().isdisjoint(
            LIST_ALIASES
        ):
            return plan
        for canonical, names in TEXT_ALIASES.items():
            if canonical in pairs:
                continue
            for alias in names:
                norm = by_alias.get(alias)
                if norm is None:
                    continue
                node = pairs[norm][2]
                if isinstance(node, ScalarNode) and not is_null(node) and check_tag(node) is None:
                    plan[norm] = LabelKind(canonical)
                    break
        for alias, kind in LIST_ALIASES.items():
            norm = by_alias.get(alias)
            if norm is None or norm in plan or check_tag(pairs[norm][2]) is not None:
                continue
            node = pairs[norm][2]
            if isinstance(node, SequenceNode):
                plan[norm] = kind
            elif kind.pane in ("tags", "organisers") and isinstance(node, ScalarNode):
                if not is_null(node):
                    plan[norm] = kind
            elif kind.pane == "topics" and isinstance(node, MappingNode):
                # A programme written as a mapping of day -> sessions.
                days = [v for _, v, _ in mapping_pairs(node, self.budget)]
                if days and all(isinstance(d, SequenceNode) for d in days):
                    plan[norm] = kind
        return plan

    def _read_alias(self, name: str, kind: LabelKind, v: Node, values: dict[str, Any]) -> None:
        key = kind.pane
        if key in TEXT_ALIASES:
            text = self.text(name, v)
            if text:
                if key == "marking" and alias_key(name.casefold()) == "tlp":
                    text = text if text.upper().startswith("TLP") else f"TLP:{text.upper()}"
                values[key] = text
        elif key in ("tags", "organisers"):
            values[key] = tuple(values.get(key, ())) + self.text_list(name, v)
        elif key == "participants":
            found: list[Participant | ParticipantGroup] = []
            for n in self.items(name, v):
                p = self.participant(n)
                if isinstance(p, Participant):
                    if kind.role and not p.role:
                        p = replace(p, role=kind.role)
                    if kind.notes:
                        p = replace(p, notes=join_notes(p.notes, kind.notes))
                if p is not None:
                    found.append(p)
            values[key] = tuple(values.get(key, ())) + tuple(found)
        elif key == "topics":
            topics = (self.topic(n, context) for n, context in self.topic_nodes(name, v))
            values[key] = tuple(values.get(key, ())) + tuple(t for t in topics if t)
        elif key == "outcomes":
            outcomes = (self.outcome(n, kind.kind) for n in self.items(name, v))
            values[key] = tuple(values.get(key, ())) + tuple(o for o in outcomes if o)
        elif key == "links":
            links = (self.link(n) for n in self.items(name, v))
            values[key] = tuple(values.get(key, ())) + tuple(lk for lk in links if lk)

    def _nested(self, node: Node) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            return {}
        out: dict[str, Node] = {}
        for k, v, _ in mapping_pairs(node, self.budget):
            name = key_text(k)
            if name is not None:
                out.setdefault(alias_key(name.strip().casefold()), v)
        return out

    def _fallbacks(self, pairs: dict[str, tuple[str, Node, Node]], values: dict[str, Any]) -> None:
        """Dates, title and place from where other tools keep them, when the keys are absent.

        Never a problem: these keys were not written for this reader, so a value that is
        not a date is simply not used (it is shown under Other details as written).
        """
        if "date" in pairs and "end_date" not in values:
            # `date: 2024-11-20 – 2024-11-22`: the second date is the end.
            node = pairs["date"][2]
            if isinstance(node, ScalarNode) and "date" in values and len(node.value) > 12:
                raw = scalar_text(node)
                first = find_date(raw, numeric=False)
                second = find_date(raw[first[2] :], numeric=False) if first else None
                if second and second[0] > values["date"]:
                    values["end_date"] = second[0]

        def take(target: str, node: Node | None) -> bool:
            if node is None or target in values:
                return target in values
            if target in ("date", "end_date"):
                found = self.quiet_date(node)
                if found is None and isinstance(node, ScalarNode) and target == "date":
                    # `dates: 2024-11-20 – 2024-11-22`
                    raw = scalar_text(node)
                    first = find_date(raw, numeric=False)
                    if first is not None:
                        found = first[0]
                        second = find_date(raw[first[2] :], numeric=False)
                        if second and second[0] > found and "end_date" not in values:
                            values["end_date"] = second[0]
                if found is not None:
                    values[target] = found
            elif (
                isinstance(node, ScalarNode)
                and not is_null(node)
                and check_tag(node) is None
                and scalar_text(node).strip()
            ):
                values[target] = scalar_text(node).strip()
            return target in values

        by_alias = {alias_key(norm): pairs[norm][2] for norm in pairs}
        if by_alias.keys().isdisjoint(_FALLBACK_NAMES):
            return
        had_date = "date" in values
        for key in START_FALLBACKS:
            if take("date", by_alias.get(key)):
                break
        for key in END_FALLBACKS:
            if take("end_date", by_alias.get(key)):
                break
        for key in NESTED_DATES:
            holder = by_alias.get(key)
            if holder is None:
                continue
            sub = self._nested(holder)
            if not sub:
                if key == "dates":
                    take("date", holder)
                continue
            if not had_date:
                for name in _NESTED_START:
                    if take("date", sub.get(name)):
                        break
                for name in _NESTED_END:
                    if take("end_date", sub.get(name)):
                        break
            if key in ("event", "conference", "meeting"):
                for name in _NESTED_TITLE:
                    if take("title", sub.get(name)):
                        break
                for name in _NESTED_LOCATION:
                    if take("location", sub.get(name)):
                        break
        for key in PUBLISHED_FALLBACKS:
            if take("date", by_alias.get(key)):
                break
        if values.get("end_date") and values.get("date") and values["end_date"] < values["date"]:
            del values["end_date"]

    def _read_known(self, key: str, v: Node, values: dict[str, Any], fields: Fields) -> None:
        if key in ("title", "location", "marking", "summary", "overview"):
            text = self.text(key, v)
            if text is not None:
                values[key] = text
            elif not is_null(v):
                fields.extra.append((key, to_plain(v, self.budget)))
        elif key in ("date", "end_date"):
            parsed = self.date(key, v)
            if parsed is not None:
                values[key] = parsed
            elif not is_null(v):
                fields.extra.append((key, to_plain(v, self.budget)))
        elif key in ("organisers", "tags"):
            values[key] = tuple(values.get(key, ())) + self.text_list(key, v)
        elif key == "participants":
            people = (self.participant(n) for n in self.items(key, v))
            values[key] = tuple(values.get(key, ())) + tuple(p for p in people if p is not None)
        elif key == "topics":
            topics = (self.topic(n, context) for n, context in self.topic_nodes(key, v))
            values[key] = tuple(values.get(key, ())) + tuple(t for t in topics if t is not None)
        elif key == "outcomes":
            outcomes = (self.outcome(n) for n in self.items(key, v))
            values[key] = tuple(values.get(key, ())) + tuple(o for o in outcomes if o is not None)
        elif key == "links":
            links = (self.link(n) for n in self.items(key, v))
            values[key] = tuple(values.get(key, ())) + tuple(lk for lk in links if lk is not None)
        elif key == "glossary":
            values[key] = self.glossary(v)
        elif key == "source":
            src = self.source(v)
            if src is not None and not src.is_empty():
                values[key] = src


def normalise_kind(kind: str) -> str:
    k = kind.strip().casefold()
    if k.endswith("s") and k[:-1] in OUTCOME_KINDS:
        k = k[:-1]
    return _KIND_SYNONYMS.get(k, k)


def normalise_status(status: str) -> str:
    s = status.strip().casefold()
    return _STATUS_SYNONYMS.get(s, s)
