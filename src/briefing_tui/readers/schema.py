"""Read the briefing keys out of a YAML mapping node, as the format defines them.

One schema serves YAML files and Markdown front matter alike.  Each value is read as the
type the format expects, from the text as written (so `country: NO` stays "NO"), and every
mismatch becomes a Problem naming the key and its line while the rest is still read.
Unknown keys, and values the schema could not use, are kept in `extra` so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
# Keys other tools use for the date, tried in order when `date` is absent (kept in extra too).
DATE_FALLBACKS = ("published", "created", "updated", "start_date", "start")

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
}
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


def split_one_line(text: str) -> tuple[str, str, str, str]:
    """(name, role, organisation, country) from "Name, Role, Organisation[, XX]"."""
    normalised = re.sub(r"\s+[—–|]\s+|\s+-\s+|;\s*", ", ", text.strip())
    parts = [p.strip() for p in normalised.split(",") if p.strip()]
    if not parts:
        return "", "", "", ""
    name = parts[0]
    rest = parts[1:]
    country = ""
    if len(rest) >= 2 and _COUNTRY_CODE.match(rest[-1]):
        country = rest.pop()
    role = rest[0] if rest else ""
    organisation = ", ".join(rest[1:])
    return name, role, organisation, country


def participant_from_text(text: str, line: int | None) -> Participant | ParticipantGroup:
    """A one-line participant; a plural description without commas reads as a group."""
    stripped = text.strip()
    if "," not in stripped and _GROUP_WORDS.search(stripped):
        m = _LEADING_COUNT.match(stripped)
        count = int(m.group(1).replace(",", "")) if m else None
        return ParticipantGroup(group=stripped, count=count, line=line)
    name, role, organisation, country = split_one_line(stripped)
    return Participant(name, role, organisation, country, line=line)


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
            self.report(node, f"{key}: {parsed}")
            return None
        return parsed

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
            value = to_plain(v, self.budget)
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
        extra = self.leftovers("participant", sub, used)
        if extra:
            values["notes"] = "; ".join(x for x in (values.get("notes", ""), extra) if x)
        if not values.get("name"):
            if values.get("organisation"):
                values["name"] = values["organisation"]
            else:
                self.report(node, "participants item: has no name", Severity.WARNING)
                values["name"] = "(unnamed)"
        return Participant(line=line, **values)

    def topic(self, node: Node) -> Topic | None:
        line = self.line(node)
        if isinstance(node, ScalarNode):
            text = self.text("topics item", node)
            return Topic(text, line=line) if text else None
        if not isinstance(node, MappingNode):
            self.report(node, f"topics item: expected text or a mapping, got {_kind_of(node)}")
            return None
        sub = self.submapping("topics item", node)
        title = self.text("title", sub["title"][1]) if "title" in sub else None
        summary = self.text("summary", sub["summary"][1]) or "" if "summary" in sub else ""
        speakers = self.text_list("speakers", sub["speakers"][1]) if "speakers" in sub else ()
        extra = self.leftovers("topic", sub, {"title", "summary", "speakers"})
        if extra:
            summary = f"{summary}\n\n{extra}".strip()
        if not title:
            self.report(node, "topics item: has no title", Severity.WARNING)
            title = summary.splitlines()[0][:80] if summary else "(untitled)"
        return Topic(title, summary, speakers, line)

    def outcome(self, node: Node, default_kind: str = "") -> Outcome | None:
        line = self.line(node)
        if isinstance(node, ScalarNode):
            text = self.text("outcomes item", node)
            return Outcome(text, kind=default_kind, line=line) if text else None
        if not isinstance(node, MappingNode):
            self.report(node, f"outcomes item: expected text or a mapping, got {_kind_of(node)}")
            return None
        sub = self.submapping("outcomes item", node)

        def get(name: str) -> str:
            return (self.text(name, sub[name][1]) or "") if name in sub else ""

        text = get("text")
        kind = normalise_kind(get("kind")) or default_kind
        if kind and kind not in OUTCOME_KINDS:
            self.report(
                sub["kind"][1],
                f"kind: '{kind}' is not one of {', '.join(OUTCOME_KINDS)}",
                Severity.WARNING,
            )
        status = normalise_status(get("status"))
        if status and status not in OUTCOME_STATUSES:
            self.report(
                sub["status"][1],
                f"status: '{status}' is not one of {', '.join(OUTCOME_STATUSES)}",
                Severity.WARNING,
            )
        due = self.date("due", sub["due"][1]) if "due" in sub else None
        extra = self.leftovers("outcome", sub, {"text", "kind", "owner", "due", "status"})
        if extra:
            text = f"{text} ({extra})" if text else extra
        if not text:
            self.report(node, "outcomes item: has no text", Severity.WARNING)
            text = "(no text)"
        return Outcome(text, kind, get("owner"), due, status, line)

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
        for norm, (name, _k, v) in pairs.items():
            if norm not in KNOWN_KEYS:
                reason = check_tag(v)
                if reason is not None:
                    self.report(v, f"{name}: {reason}")
                    continue
                fields.extra.append((name, to_plain(v, self.budget)))
                continue
            self._read_known(norm, v, values, fields)
        if "date" not in values:
            for fallback in DATE_FALLBACKS:
                if fallback in pairs:
                    node = pairs[fallback][2]
                    if isinstance(node, ScalarNode):
                        parsed = parse_date(scalar_text(node))
                        if isinstance(parsed, date):
                            values["date"] = parsed
                            break
            if "date" not in values and "timeframe" in pairs:
                node = pairs["timeframe"][2]
                if isinstance(node, MappingNode):
                    sub = {key_text(a) or "": b for a, b, _ in mapping_pairs(node, self.budget)}
                    for key, target in (("start", "date"), ("end", "end_date")):
                        if isinstance(sub.get(key), ScalarNode):
                            parsed = parse_date(scalar_text(sub[key]))  # type: ignore[arg-type]
                            if isinstance(parsed, date):
                                values[target] = parsed

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
            values[key] = self.text_list(key, v)
        elif key == "participants":
            people = (self.participant(n) for n in self.items(key, v))
            values[key] = tuple(p for p in people if p is not None)
        elif key == "topics":
            topics = (self.topic(n) for n in self.items(key, v))
            values[key] = tuple(t for t in topics if t is not None)
        elif key == "outcomes":
            outcomes = (self.outcome(n) for n in self.items(key, v))
            values[key] = tuple(o for o in outcomes if o is not None)
        elif key == "links":
            links = (self.link(n) for n in self.items(key, v))
            values[key] = tuple(lk for lk in links if lk is not None)
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
