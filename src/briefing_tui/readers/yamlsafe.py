"""Strict, bounded YAML: libyaml composes, and we, not PyYAML, decide what values mean.

Why compose rather than construct: PyYAML's constructor applies YAML 1.1's implicit types
(`NO` becomes False, `012` becomes 10, `1:30` becomes 90), silently keeps the last of
duplicate keys, expands aliases without limit ("billion laughs") and raises ValueError on an
impossible date.  Composing gives us the node graph with the text exactly as written and its
position, so the schema can read every value as the type it expects and report problems with
a line number.  Aliases stay shared nodes in the graph; every walk over it is charged against
a budget, so an alias bomb costs microseconds to refuse instead of gigabytes to expand.

The budgets apply before the work they bound.  A text long enough to hold more than
`MAX_NODES` values has its events counted first (no tree is built), stopping at the node
limit or at `MAX_DEPTH`: an 8 MB flow sequence (`[a,a,a,…]`, four million values) took
composing 9 s and 1.3 GB before any limit was looked at, and takes 0.2 s to refuse now.
A shorter text cannot hold that many values (every value costs at least half a byte of
text), so it takes libyaml's faster composer; its depth is bounded by libyaml's own limit
and checked against ours as the schema walks it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
import yaml.events
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model import SHARED_MAX, ExtraValue
from briefing_tui.sanitize import clean, normalise_newlines

try:
    from yaml import CSafeLoader as _BaseLoader

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

    LIBYAML = False

FALLBACK_NOTICE = (
    "libyaml is not available: reading YAML with PyYAML's slower pure-Python safe loader"
)

MAX_DEPTH = 64
MAX_NODES = 100_000
# Texts longer than this may hold more than MAX_NODES values (`{a,b,…}` makes two values per
# two bytes), so they are composed by the counting composer.
COUNT_ABOVE = MAX_NODES // 2

TAG_PREFIX = "tag:yaml.org,2002:"
_STANDARD_TAGS = {
    TAG_PREFIX + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
}
NULL_TAG = TAG_PREFIX + "null"
MERGE_TAG = TAG_PREFIX + "merge"
STR_TAG = TAG_PREFIX + "str"
SEQ_TAG = TAG_PREFIX + "seq"
MAP_TAG = TAG_PREFIX + "map"


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _Loader(_BaseLoader):
    """The safe loader with YAML 1.1's implicit typing switched off.

    The schema reads every scalar as the text written, so guessing `NO` is a boolean is
    wasted work (it was a tenth of the load time) and a trap.  Only what the reader acts
    on is still recognised: null, and the `<<` merge key.
    """

    def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                if value in _NULLS:
                    return NULL_TAG
                if value == "<<":
                    return MERGE_TAG
            return STR_TAG
        return SEQ_TAG if kind is SequenceNode else MAP_TAG


def _within_budget(text: str) -> None:
    """Read the text's events (no tree) and raise YamlLimitError at the node or depth limit.

    Counting events is a fifth of composing them (0.2 s for the first 200,000 values of an
    8 MB flow sequence, against about 1 s to build those nodes in Python): the tree is
    built afterwards, by libyaml, only for a text already known to be within the limits.
    Errors in the text are left for the composer to report, with their position.
    """
    loader = _Loader(text)
    nodes = depth = 0
    try:
        get_event = loader.get_event
        while True:
            event = get_event()
            if event is None:
                return
            kind = type(event)
            if kind in _COLLECTION_ENDS:
                depth -= 1
                continue
            if kind not in _NODE_EVENTS:
                continue
            nodes += 1
            if nodes > MAX_NODES:
                raise YamlLimitError(
                    f"holds more than {MAX_NODES:,} values (the node limit); refused",
                    mark=event.start_mark,
                )
            if kind in _COLLECTION_STARTS:
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlLimitError(
                        f"nested more than {MAX_DEPTH} levels deep (the depth limit); refused",
                        mark=event.start_mark,
                    )
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


_COLLECTION_STARTS = (yaml.events.SequenceStartEvent, yaml.events.MappingStartEvent)
_COLLECTION_ENDS = (yaml.events.SequenceEndEvent, yaml.events.MappingEndEvent)
_NODE_EVENTS = (yaml.events.ScalarEvent, yaml.events.AliasEvent, *_COLLECTION_STARTS)


class YamlLimitError(Exception):
    """The document is too deep or expands too far to be read safely."""

    def __init__(self, message: str, node: Node | None = None, mark: Any = None) -> None:
        super().__init__(message)
        self.node = node
        self.mark = mark


@dataclass(frozen=True, slots=True)
class YamlError:
    """A parse failure with a 1-based position, ready to become a Problem."""

    message: str
    line: int | None
    column: int | None
    # The text holds further documents after the first (`---` between them).
    several: bool = False


def line_of(node: Node | None, offset: int = 0) -> int | None:
    """1-based line of a node; `offset` shifts front matter to its place in the file."""
    if node is None or node.start_mark is None:
        return None
    return int(node.start_mark.line) + 1 + offset


def column_of(node: Node | None) -> int | None:
    if node is None or node.start_mark is None:
        return None
    return int(node.start_mark.column) + 1


def compose(text: str) -> Node | YamlError | None:
    """One YAML document's node graph, None for an empty document, or the parse error."""
    try:
        if len(text) > COUNT_ABOVE:
            _within_budget(text)
        return yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, YamlLimitError) as exc:
        return _yaml_error(exc)


def compose_all(text: str) -> list[Node | None] | YamlError:
    """Every document's node graph (None for an empty one), or the first parse error.

    Only asked for once `compose` has said the text holds several documents, so the common
    single-document file is parsed once.
    """
    try:
        if len(text) > COUNT_ABOVE:
            _within_budget(text)
        return list(yaml.compose_all(text, Loader=_Loader))
    except (yaml.YAMLError, RecursionError, YamlLimitError) as exc:
        return _yaml_error(exc)


def _yaml_error(exc: BaseException) -> YamlError:
    if isinstance(exc, RecursionError):
        return YamlError("nested too deeply to read", None, None)
    if isinstance(exc, YamlLimitError):
        mark = exc.mark
        line = int(mark.line) + 1 if mark is not None else None
        col = int(mark.column) + 1 if mark is not None else None
        return YamlError(str(exc), line, col)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        several = "expected a single document" in str(exc.context or "")
        if several:
            what = "holds more than one YAML document; a briefing is one document"
        elif "nesting depth" in str(what):
            # libyaml 0.2.5 and later stop at their own depth limit before we see a node.
            what = "nested too deeply to read (more levels than the YAML parser allows)"
        line = int(mark.line) + 1 if mark is not None else None
        col = int(mark.column) + 1 if mark is not None else None
        return YamlError(clean(normalise_newlines(str(what))), line, col, several)
    return YamlError(clean(str(exc)), None, None)


class Budget:
    """Counts node visits across one document, so shared (aliased) nodes cost each time."""

    __slots__ = ("remaining",)

    def __init__(self, limit: int = MAX_NODES) -> None:
        self.remaining = limit

    def charge(self, node: Node) -> None:
        self.remaining -= 1
        if self.remaining < 0:
            raise YamlLimitError(
                f"expands to more than {MAX_NODES:,} values (the alias expansion limit); refused",
                node,
            )


def check_tag(node: Node) -> str | None:
    """Why a node's tag is refused, or None: only YAML's standard types are accepted."""
    tag = node.tag
    if tag in _STANDARD_TAGS:
        return None
    if isinstance(node, ScalarNode | SequenceNode | MappingNode) and tag in (
        TAG_PREFIX + "binary",
        TAG_PREFIX + "omap",
        TAG_PREFIX + "pairs",
        TAG_PREFIX + "set",
    ):
        return None
    return f"tag {clean(str(tag))!s} is not allowed; only plain YAML types are read"


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


def scalar_text(node: ScalarNode) -> str:
    """The scalar exactly as written (after quoting rules), made terminal-safe.

    The file's text was cleaned before parsing, so only double-quoted escapes (`"\\e"`,
    `"\\x9b"`) can bring a control character back; other scalars are taken as they are.
    """
    value = node.value
    if node.style == '"':
        return clean(normalise_newlines(str(value)))
    if type(value) is not str:
        value = str(value)
    # Short values repeat across a library (roles, organisations, countries, statuses):
    # one shared string each keeps 10,000 briefings' memory down, and a pickle of many
    # briefings then holds each value once, so results cross from the workers faster.
    return _intern(value) if len(value) <= SHARED_MAX else value


_intern = sys.intern


def mapping_pairs(
    node: MappingNode, budget: Budget, depth: int = 0
) -> Iterator[tuple[Node, Node, bool]]:
    """(key, value, merged) pairs, with `<<` merge keys expanded behind explicit keys.

    Merged pairs come first and explicit ones after, so a reader that keeps the last
    occurrence gets YAML's rule (explicit keys win) while duplicate detection can skip
    merged pairs.
    """
    if depth > MAX_DEPTH:
        raise YamlLimitError("merge keys nested too deeply", node)
    explicit: list[tuple[Node, Node]] = []
    for key, value in node.value:
        budget.charge(key)
        if key.tag == MERGE_TAG:
            sources = value.value if isinstance(value, SequenceNode) else [value]
            for src in sources:
                budget.charge(src)
                if not isinstance(src, MappingNode):
                    raise YamlLimitError("a merge key (<<) must name a mapping", src)
                for k, v, _ in mapping_pairs(src, budget, depth + 1):
                    yield k, v, True
        else:
            explicit.append((key, value))
    for key, value in explicit:
        yield key, value, False


def key_text(node: Node) -> str | None:
    """A mapping key as text; complex keys (lists, mappings) are not keys we can name."""
    if node.__class__ is ScalarNode or isinstance(node, ScalarNode):
        return scalar_text(node)
    return None


def plain_pairs(node: MappingNode, budget: Budget) -> list[tuple[Node, Node]] | None:
    """The mapping's (key, value) pairs, charged to `budget`, when reading them needs no
    care: no merge key to expand, and the budget holds them all.  None otherwise: the
    caller then walks `mapping_pairs`, which expands merges and stops at the exact node
    over the budget.  Every mapping of every briefing is read, and most are plain.
    """
    pairs: list[tuple[Node, Node]] = node.value
    if budget.remaining < len(pairs):
        return None
    for key, _ in pairs:
        if key.tag == MERGE_TAG:
            return None
    budget.remaining -= len(pairs)
    return pairs


def to_plain(node: Node, budget: Budget, depth: int = 0) -> ExtraValue:
    """Convert a node to plain values for "Other details" and JSON, keeping scalars as text.

    Scalars stay the text that was written: an unknown key holding `NO` or `1:30` must not
    be shown as `false` or `90`.
    """
    budget.charge(node)
    if depth > MAX_DEPTH:
        raise YamlLimitError(
            f"nested more than {MAX_DEPTH} levels deep (the depth limit); refused", node
        )
    if isinstance(node, ScalarNode):
        if node.tag == NULL_TAG:
            return None
        return scalar_text(node)
    if isinstance(node, SequenceNode):
        return [to_plain(item, budget, depth + 1) for item in node.value]
    if isinstance(node, MappingNode):
        out: dict[str, ExtraValue] = {}
        for key, value, _ in mapping_pairs(node, budget, depth + 1):
            name = key_text(key)
            if name is None:
                name = str(to_plain(key, budget, depth + 1))
            out[name] = to_plain(value, budget, depth + 1)
        return out
    return None  # pragma: no cover - yaml only makes the three node kinds


def plain_to_node(value: object, depth: int = 0) -> Node:
    """Wrap already-parsed values (TOML front matter) as nodes, so one schema reads both."""
    if depth > MAX_DEPTH:
        raise YamlLimitError(f"nested more than {MAX_DEPTH} levels deep (the depth limit); refused")
    if isinstance(value, dict):
        pairs = [(_safe_scalar(STR_TAG, k), plain_to_node(v, depth + 1)) for k, v in value.items()]
        return MappingNode(TAG_PREFIX + "map", pairs)
    if isinstance(value, list | tuple):
        return SequenceNode(TAG_PREFIX + "seq", [plain_to_node(v, depth + 1) for v in value])
    if value is None:
        return ScalarNode(NULL_TAG, "")
    if isinstance(value, bool):
        return ScalarNode(TAG_PREFIX + "bool", "true" if value else "false")
    if hasattr(value, "isoformat"):
        return ScalarNode(TAG_PREFIX + "timestamp", value.isoformat())
    return _safe_scalar(STR_TAG, value)


def _safe_scalar(tag: str, value: object) -> ScalarNode:
    """TOML strings may carry escaped controls too; they are cleaned here, once."""
    return ScalarNode(tag, clean(normalise_newlines(str(value))))
