"""A YAML briefing file: one mapping of keys, or the shapes other tools save (a list of
talks or speakers, several documents in one file), read into a Briefing.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model import LoadResult, Problem, Severity
from briefing_tui.readers.build import build, date_from_name, title_from_path
from briefing_tui.readers.decode import decode
from briefing_tui.readers.trace import note
from briefing_tui.readers.yaml_nodes import Fields
from briefing_tui.readers.yaml_schema import SchemaReader
from briefing_tui.readers.yamlsafe import (
    FALLBACK_NOTICE,
    LIBYAML,
    MAP_TAG,
    STR_TAG,
    Budget,
    YamlError,
    YamlLimitError,
    compose,
    compose_all,
    key_text,
    to_plain,
)


def yaml_root(
    path: str, text: str, line_offset: int, what: str
) -> tuple[MappingNode | None, list[Problem], bool]:
    """(mapping, problems, fatal).  `fatal` is False when the text was merely empty."""
    return _root_of(path, compose(text), line_offset, what)


def _root_of(
    path: str, composed: Node | YamlError | None, line_offset: int, what: str
) -> tuple[MappingNode | None, list[Problem], bool]:
    if isinstance(composed, YamlError):
        line = composed.line + line_offset if composed.line is not None else None
        return (
            None,
            [Problem(path, line, composed.column, Severity.ERROR, f"{what}: {composed.message}")],
            True,
        )
    if composed is None:
        return None, [], False
    if not isinstance(composed, MappingNode):
        kind = "a list" if isinstance(composed, SequenceNode) else "a single value"
        line = int(composed.start_mark.line) + 1 + line_offset
        return (
            None,
            [
                Problem(
                    path,
                    line,
                    1,
                    Severity.ERROR,
                    f"{what} must be a mapping of keys (title: ...), found {kind}",
                )
            ],
            True,
        )
    return composed, [], False


def _has_key(node: Node, key: str) -> bool:
    if not isinstance(node, MappingNode):
        return False
    return any((key_text(k) or "").strip().casefold() == key for k, _ in node.value)


def _first_of_several(
    path: str, text: str, composed: Node | YamlError | None
) -> tuple[Node | YamlError | None, list[tuple[str, Node]], list[Problem]]:
    """A file of several YAML documents: the first is the briefing, when the others are not
    briefings too (a tool's export record, say); they are kept under Other details.

    Several documents that each have a title are several briefings in one file, which stays
    an error: the reader cannot guess which one is meant.
    """
    if not isinstance(composed, YamlError) or not composed.several:
        return composed, [], []
    docs = compose_all(text)
    if isinstance(docs, YamlError):
        return composed, [], []
    present = [d for d in docs if d is not None]
    if (
        len(present) < 2
        or not isinstance(present[0], MappingNode)
        or any(_has_key(d, "title") for d in present[1:])
    ):
        return composed, [], []
    later = [(f"YAML document {n}", node) for n, node in enumerate(present[1:], 2)]
    second = present[1]
    warning = Problem(
        path,
        int(second.start_mark.line) + 1,
        1,
        Severity.WARNING,
        f"the file holds {len(present)} YAML documents; the first is read as the briefing, "
        "the talks, people and outcomes of the others join it, and the rest is shown under "
        "Other details",
    )
    return present[0], later, [warning]


_PERSON_KEYS = frozenset(
    {
        "name",
        "affiliation",
        "organisation",
        "organization",
        "company",
        "bio",
        "biography",
        "role",
        "position",
        "country",
        "email",
        "twitter",
        "photo",
    }
)
_TOPIC_KEYS = frozenset(
    {"title", "session", "talk", "time", "abstract", "case_no", "docket_number", "date_filed"}
)


def _list_as_mapping(path: str, node: Node | YamlError | None) -> tuple[Node | None, list[Problem]]:
    """A file that is one list of speakers or of sessions (a site generator's data file)
    read as the participants or topics of a briefing named after the file."""
    if not isinstance(node, SequenceNode):
        return None, []
    items = node.value[:50]
    maps = [i for i in items if isinstance(i, MappingNode)]
    if not maps or len(maps) * 2 < len(items):
        return None, []
    keys = {(key_text(k) or "").strip().casefold() for m in maps for k, _ in m.value}
    if keys & _TOPIC_KEYS:
        kind = "topics"
    elif keys & _PERSON_KEYS:
        kind = "participants"
    else:
        return None, []
    wrapped = MappingNode(MAP_TAG, [(ScalarNode(STR_TAG, kind), node)])
    warning = Problem(
        path,
        int(node.start_mark.line) + 1,
        1,
        Severity.WARNING,
        f"the file is a list, not a mapping of keys; read as the {kind} of a briefing "
        "named after the file",
    )
    return wrapped, [warning]


_LATER_LISTS = ("participants", "topics", "outcomes", "links", "organisers", "tags")


def _merge_later(path: str, node: Node, fields: Fields, problems: list[Problem]) -> bool:
    """A later document of a multi-document file that holds talks, people or outcomes: its
    lists join the briefing's (an export that writes the programme as a second document).
    Its other keys stay under Other details.  False when it holds none of those."""
    wrapped, _ = _list_as_mapping(path, node)
    root = wrapped or node
    if not isinstance(root, MappingNode):
        return False
    reader = SchemaReader(path)
    later = reader.read(root)
    if not any(later.values.get(k) for k in _LATER_LISTS[:3]) and not later.speaker_people:
        return False
    problems.extend(reader.problems)
    for key in _LATER_LISTS:
        if later.values.get(key):
            fields.values[key] = tuple(fields.values.get(key, ())) + tuple(later.values[key])
    fields.speaker_people += later.speaker_people
    fields.extra += later.extra
    return True


def read_yaml(path: str, data: bytes) -> LoadResult:
    text, problems = decode(path, data)
    if text is None:
        return LoadResult(path, None, tuple(problems))
    if not LIBYAML:
        problems.append(Problem(path, None, None, Severity.WARNING, FALLBACK_NOTICE))
    composed, later, found = _first_of_several(path, text, compose(text))
    problems.extend(found)
    wrapped, found = _list_as_mapping(path, composed)
    problems.extend(found)
    root, found, fatal = _root_of(path, wrapped or composed, 0, "the file")
    problems.extend(found)
    if root is None:
        if not fatal:
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    Severity.ERROR,
                    "the file is empty; a briefing needs at least a title",
                )
            )
        return LoadResult(path, None, tuple(problems))
    reader = SchemaReader(path)
    fields = reader.read(root)
    problems.extend(reader.problems)
    budget = Budget()
    for name, node in later:
        if _merge_later(path, node, fields, problems):
            note("topics", f"{name} (its lists are shown with the first document's)")
            continue
        try:
            fields.extra.append((name, to_plain(node, budget)))
        except YamlLimitError as exc:
            problems.append(Problem(path, None, None, Severity.ERROR, f"{name}: {exc}"))
    if not fields.values.get("title"):
        if wrapped is None:
            problems.append(
                Problem(
                    path, 1, 1, Severity.ERROR, "title is required; the file name is shown instead"
                )
            )
        fields.values["title"] = title_from_path(path)
    if not fields.values.get("date"):
        date_from_name(path, fields)
    briefing = build(path, "yaml", fields, problems)
    return LoadResult(path, briefing, briefing.problems)
