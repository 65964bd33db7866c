"""Read the briefing keys out of a YAML mapping node, as the format defines them.

One schema serves YAML files and Markdown front matter alike.  Each value is read as the
type the format expects, from the text as written (so `country: NO` stays "NO"), and every
mismatch becomes a Problem naming the key and its line while the rest is still read.
Unknown keys, and values the schema could not use, are kept in `extra` so nothing is lost.
Other tools' keys (`speakers:`, `action_items:`, `event:`) are read through `yaml_keys`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model import Participant, ParticipantGroup, Source
from briefing_tui.readers.dates import find_date
from briefing_tui.readers.people import join_notes, participant_from_text, split_people
from briefing_tui.readers.trace import active, note
from briefing_tui.readers.vocabulary import LabelKind
from briefing_tui.readers.yaml_items import ItemReader
from briefing_tui.readers.yaml_keys import (
    END_FALLBACKS,
    KEY_SYNONYMS,
    KNOWN_KEYS,
    LIST_ALIASES,
    NESTED_DATES,
    NESTED_END,
    NESTED_LOCATION,
    NESTED_START,
    NESTED_TITLE,
    PUBLISHED_FALLBACKS,
    PUBLISHED_KEYS,
    START_FALLBACKS,
    TEXT_ALIASES,
)
from briefing_tui.readers.yaml_nodes import Fields, alias_key
from briefing_tui.readers.yamlsafe import (
    YamlLimitError,
    check_tag,
    is_null,
    key_text,
    mapping_pairs,
    scalar_text,
    to_plain,
)

_TEXT_ALIAS_NAMES = frozenset(n for names in TEXT_ALIASES.values() for n in names)
_FALLBACK_NAMES = frozenset((*START_FALLBACKS, *END_FALLBACKS, *NESTED_DATES, *PUBLISHED_FALLBACKS))


class SchemaReader(ItemReader):
    """Reads one document's keys; collects problems rather than raising."""

    def read(self, root: MappingNode) -> Fields:
        """Every key of the top-level mapping; never raises for bad content."""
        fields = Fields()
        try:
            self._read(root, fields)
        except YamlLimitError as exc:
            self.report(exc.node or root, str(exc))
        return fields

    def _read(self, root: MappingNode, fields: Fields) -> None:
        tracing = active()
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
        for norm, (name, k, v) in pairs.items():
            if norm in plan:
                self._read_alias(name, plan[norm], v, values)
                if tracing:
                    note(plan[norm].pane, f"key '{name}:'{_at(self.line(k))}")
                continue
            if norm not in KNOWN_KEYS:
                reason = check_tag(v)
                if reason is not None:
                    self.report(v, f"{name}: {reason}")
                    continue
                fields.extra.append((name, to_plain(v, self.budget)))
                if tracing:
                    note(
                        "unread", f"key '{name}:' (line {self.line(k)}), shown under Other details"
                    )
                continue
            self._read_known(norm, v, values, fields)
            if tracing:
                note(norm, f"key '{name}:'{_at(self.line(k))}")
        self._fallbacks(pairs, values)
        fields.speaker_people = self.speaker_people
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
            elif kind.pane in ("tags", "organisers", "participants") and isinstance(
                node, ScalarNode
            ):
                if not is_null(node) and any(ch.isalpha() for ch in scalar_text(node)[:200]):
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
            if isinstance(v, ScalarNode):  # `author: A & B`; `attendees: 120` is not people
                line = self.line(v)
                nodes: list[Participant | ParticipantGroup | None] = [
                    participant_from_text(x, line) for x in split_people(self.text(name, v) or "")
                ]
            else:
                nodes = [self.participant(n) for n in self.items(name, v)]
            for p in nodes:
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
        tracing = active()
        if "date" in pairs and "end_date" not in values:
            # `date: 2024-11-20 – 2024-11-22`: the second date is the end.
            node = pairs["date"][2]
            if isinstance(node, ScalarNode) and "date" in values and len(node.value) > 12:
                raw = scalar_text(node)
                first = find_date(raw, numeric=False)
                second = find_date(raw[first[2] :], numeric=False) if first else None
                if second and second[0] > values["date"]:
                    values["end_date"] = second[0]

        by_alias = {alias_key(norm): pairs[norm][2] for norm in pairs}
        if by_alias.keys().isdisjoint(_FALLBACK_NAMES):
            return

        def take(target: str, node: Node | None, key: str) -> bool:
            if node is None or target in values:
                return target in values
            if self._take(target, node, values) and tracing:
                note(target, f"key '{key}:'")
            return target in values

        had_date = "date" in values
        for key in START_FALLBACKS:
            if take("date", by_alias.get(key), key):
                break
        for key in END_FALLBACKS:
            if take("end_date", by_alias.get(key), key):
                break
        for key in NESTED_DATES:
            holder = by_alias.get(key)
            if holder is None:
                continue
            sub = self._nested(holder)
            if not sub:
                if key == "dates":
                    take("date", holder, key)
                continue
            if not had_date:
                for name in NESTED_START:
                    if take("date", sub.get(name), f"{key}: {name}"):
                        break
                for name in NESTED_END:
                    if take("end_date", sub.get(name), f"{key}: {name}"):
                        break
            if key in ("event", "conference", "meeting"):
                for name in NESTED_TITLE:
                    if take("title", sub.get(name), f"{key}: {name}"):
                        break
                for name in NESTED_LOCATION:
                    if take("location", sub.get(name), f"{key}: {name}"):
                        break
        for key in PUBLISHED_FALLBACKS:
            if take("date", by_alias.get(key), key):
                break
        for key in PUBLISHED_KEYS:
            held = by_alias.get(key)
            published = self.quiet_date(held) if held is not None else None
            if published is not None and "source" not in values:
                # A page's publication date stays its publication date, whatever the event's.
                values["source"] = Source(published=published)
                if tracing:
                    note("source.published", f"key '{key}:'")
                break
        if values.get("end_date") and values.get("date") and values["end_date"] < values["date"]:
            del values["end_date"]

    def _take(self, target: str, node: Node, values: dict[str, Any]) -> bool:
        """Set `target` from a key another tool wrote, if the value has the right shape."""
        if target in ("date", "end_date"):
            found = self.quiet_date(node)
            if isinstance(node, ScalarNode) and target == "date" and check_tag(node) is None:
                # `dates: 2024-11-20 – 2024-11-22`
                raw = scalar_text(node)
                first = find_date(raw, numeric=False)
                if first is not None:
                    found = found or first[0]
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


def _at(line: int | None) -> str:
    """ " (line N)" for a note; a list that is the whole file has no key line of its own."""
    return f" (line {line})" if line is not None else " (the file is that list)"
