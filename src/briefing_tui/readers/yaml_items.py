"""The items of a briefing's lists in YAML: participants, topics, outcomes, links, glossary and
source, as the format writes them and as programme and minutes tools do.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model import (
    OUTCOME_STATUSES,
    Link,
    Outcome,
    Participant,
    ParticipantGroup,
    Severity,
    Source,
    Topic,
)
from briefing_tui.readers.people import join_notes, participant_from_text, split_people
from briefing_tui.readers.vocabulary import (
    OUTCOME_KINDS,
    PARTICIPANT_KEYS,
    normalise_kind,
    normalise_status,
)
from briefing_tui.readers.yaml_keys import (
    HEAD_KEYS,
    NESTED_TOPIC_LISTS,
    OUTCOME_DONE_KEYS,
    OUTCOME_DUE_KEYS,
    OUTCOME_OWNER_KEYS,
    OUTCOME_TEXT_KEYS,
    TEXT_KEY_KINDS,
    TOPIC_SPEAKER_KEYS,
    TOPIC_SUMMARY_KEYS,
    TOPIC_TITLE_KEYS,
    TOPIC_WHEN_KEYS,
    TRUE_WORDS,
)
from briefing_tui.readers.yaml_nodes import NodeReader, kind_of, plain_text
from briefing_tui.readers.yamlsafe import (
    check_tag,
    is_null,
    key_text,
    mapping_pairs,
    scalar_text,
    to_plain,
)


class ItemReader(NodeReader):
    """Reads the items of the list keys; one method per kind of item."""

    def __init__(self, path: str, line_offset: int = 0) -> None:
        super().__init__(path, line_offset)
        # Every topic's speakers as people, in order (a programme names them only there).
        self.speaker_people: list[Participant] = []

    def participant(self, node: Node) -> Participant | ParticipantGroup | None:
        line = self.line(node)
        if isinstance(node, ScalarNode):
            text = self.text("participants item", node)
            return participant_from_text(text, line) if text else None
        if not isinstance(node, MappingNode):
            self.report(node, f"participants item: expected text or a mapping, got {kind_of(node)}")
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
            if name in HEAD_KEYS and values[target]:
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

    def speakers(self, key: str, node: Node) -> list[str]:
        """A topic's speakers by name: text ("A & B"), or `{name, affiliation, ...}` mappings;
        each speaker is also kept in `speaker_people`, to list once under Participants."""
        nodes = node.value if isinstance(node, SequenceNode) else [node]
        names: list[str] = []
        for item in nodes:
            self.budget.charge(item)
            if isinstance(item, MappingNode):
                p = self.participant(item)
                if isinstance(p, Participant):
                    names.append(p.name)
                    self.speaker_people.append(p)
                continue
            text = self.text(f"{key} item", item)
            if not text:
                continue
            # Most speakers are one name; only a list-like value is split ("A & B", "A, B").
            several = "," in text or ";" in text or "&" in text or " and " in text
            for name in split_people(text) if several else [text]:
                names.append(name)
                self.speaker_people.append(Participant(name, line=self.line(item)))
        return names

    def topic(self, node: Node, context: str = "") -> Topic | None:
        line = self.line(node)
        if isinstance(node, ScalarNode):
            text = self.text("topics item", node)
            if not text:
                return None
            return Topic(text, context, line=line)
        if not isinstance(node, MappingNode):
            self.report(node, f"topics item: expected text or a mapping, got {kind_of(node)}")
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
                speakers += self.speakers(name, sub[name][1])
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
            self.report(node, f"outcomes item: expected text or a mapping, got {kind_of(node)}")
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
        kind = normalise_kind(get("kind")) or TEXT_KEY_KINDS.get(text_key, "") or default_kind
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
                status = "done" if flag in TRUE_WORDS else "open"
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
            self.report(node, f"links item: expected text or a mapping, got {kind_of(node)}")
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
                node, f"glossary: expected a mapping of acronym: expansion, got {kind_of(node)}"
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
            self.report(node, f"source: expected a mapping, got {kind_of(node)}")
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
