"""Reading one YAML node as the type a key expects, reporting every mismatch by line.

The base of the schema reader: scalar, list and mapping readers that never raise for bad
content but collect Problems naming the key and where it is, so the rest is still read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model import ExtraValue, Participant, Problem, Severity
from briefing_tui.readers.dates import parse_date, parse_written_date
from briefing_tui.readers.yamlsafe import (
    STR_TAG,
    Budget,
    check_tag,
    column_of,
    is_null,
    key_text,
    line_of,
    mapping_pairs,
    plain_pairs,
    scalar_text,
    to_plain,
)


def kind_of(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    return "text"


def plain_text(value: ExtraValue) -> str:
    """A plain value as one line of text: lists joined with commas, mappings as `k: v`."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(x for x in (plain_text(v) for v in value) if x)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_text(v)}" for k, v in value.items())
    return str(value)


def alias_key(norm: str) -> str:
    """ "Action Items", "action-items" and "action_items" are one key to the alias tables."""
    if " " not in norm and "-" not in norm and "\t" not in norm:
        return norm
    return re.sub(r"[\s-]+", "_", norm)


# Every key the alias tables and fallbacks look at: most documents have none of them, and
# then the reader need not look further.


@dataclass
class Fields:
    """What the schema read: keyword arguments for Briefing, plus extra and problems."""

    values: dict[str, Any] = field(default_factory=dict)
    extra: list[tuple[str, ExtraValue]] = field(default_factory=list)
    # The topics' speakers as people: the participants when nothing else names any.
    speaker_people: list[Participant] = field(default_factory=list)


class NodeReader:
    """Reads one document's nodes; collects problems rather than raising."""

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
        if node.tag == STR_TAG and node.__class__ is ScalarNode:
            # Plain text, the common case: allowed and not null, so read it at once.
            return scalar_text(node).strip()
        if not self.allowed(key, node) or is_null(node):
            return None
        if isinstance(node, ScalarNode):
            return scalar_text(node).strip()
        self.report(node, f"{key}: expected text, got {kind_of(node)}")
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

    def quiet_date(self, node: Node) -> dt.date | None:
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
        self.report(node, f"{key}: expected a list of text, got {kind_of(node)}")
        return ()

    def items(self, key: str, node: Node) -> list[Node]:
        if not self.allowed(key, node) or is_null(node):
            return []
        if isinstance(node, SequenceNode):
            budget = self.budget
            if budget.remaining >= len(node.value):
                budget.remaining -= len(node.value)
            else:
                for item in node.value:
                    budget.charge(item)  # raises at the first item over the budget
            return list(node.value)
        if isinstance(node, MappingNode):
            # One item written without the list dash: read it, but say so.
            self.report(
                node, f"{key}: expected a list, got a mapping; read as one item", Severity.WARNING
            )
            return [node]
        self.report(node, f"{key}: expected a list, got {kind_of(node)}")
        return []

    def submapping(self, key: str, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """Keys of a nested mapping (casefolded), reporting duplicates."""
        out: dict[str, tuple[Node, Node]] = {}
        plain = plain_pairs(node, self.budget)
        if plain is not None:
            for k, v in plain:
                name = key_text(k)
                if name is None:
                    self.report(k, f"{key}: keys must be text")
                    continue
                norm = name.strip().casefold()
                if norm in out:
                    self.report(
                        k,
                        f"{key}: duplicate key '{name}' (also at line "
                        f"{self.line(out[norm][0])}); the last one is used",
                    )
                out[norm] = (k, v)
            return out
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
