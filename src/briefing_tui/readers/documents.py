"""From a file's bytes to a Briefing and its problems: decoding, YAML files, Markdown files.

Everything here works on bytes already read (the library does the careful file access), so
it is easy to test and to run in worker processes.  Nothing raises for bad content: the
result is a briefing with whatever was usable, and problems saying what was not.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import PurePath

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model import Briefing, LoadResult, Problem, Severity
from briefing_tui.readers.markdown_body import read_body
from briefing_tui.readers.other_tools import date_from_path, find_date, strip_path_date
from briefing_tui.readers.schema import Fields, SchemaReader
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
    plain_to_node,
    to_plain,
)
from briefing_tui.sanitize import (
    clean,
    first_bidi,
    first_control,
    has_unsafe,
    line_col,
    normalise_newlines,
)

MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yaml", ".yml")
# Every suffix a reader exists for: the library lists exactly these files.
BRIEFING_SUFFIXES = YAML_SUFFIXES + MARKDOWN_SUFFIXES
_BOM = b"\xef\xbb\xbf"
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (BOM dropped, newlines normalised, controls made visible), or why not."""
    problems: list[Problem] = []
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom):
            return None, [
                Problem(
                    path,
                    1,
                    1,
                    Severity.ERROR,
                    f"is {name} encoded (byte order mark at byte offset 0), not valid UTF-8; "
                    "save the file as UTF-8",
                )
            ]
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, [
            Problem(
                path,
                None,
                None,
                Severity.ERROR,
                f"contains a NUL byte at byte offset {nul}: binary, not a briefing",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(
                path,
                line,
                None,
                Severity.ERROR,
                f"not valid UTF-8 at byte offset {exc.start} ({exc.reason}); "
                "save the file as UTF-8",
            )
        ]
    text = normalise_newlines(text)
    if not has_unsafe(text):  # the common case: one scan and done
        return text, problems
    control = first_control(text)
    if control is not None:
        line, col = line_col(text, control)
        problems.append(
            Problem(
                path,
                line,
                col,
                Severity.WARNING,
                "contains terminal control characters; they are shown as symbols",
            )
        )
    bidi = first_bidi(text)
    if bidi is not None:
        line, col = line_col(text, bidi[0])
        problems.append(
            Problem(
                path,
                line,
                col,
                Severity.WARNING,
                f"contains a bidirectional control character ({bidi[1]}) that can make "
                "text read differently from how it is stored; shown as ⬚",
            )
        )
    return clean(text), problems


def title_from_path(path: str) -> str:
    """A readable title from a file name, the last resort (a leading date is the date's)."""
    stem = strip_path_date(PurePath(path).stem)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stem):
        return stem  # a daily note: the date is the best title there is
    return re.sub(r"[-_]+", " ", stem).strip() or stem


def _yaml_root(
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


def _build(path: str, fmt: str, fields: Fields, problems: Iterable[Problem]) -> Briefing:
    values = dict(fields.values)
    problems = tuple(problems)
    return Briefing(
        path=path,
        format=fmt,
        extra=tuple(fields.extra),
        problems=problems,
        **values,
    )


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
        f"the file holds {len(present)} YAML documents; the first is read as the briefing "
        "and the others are shown under Other details",
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
_TOPIC_KEYS = frozenset({"title", "session", "talk", "time", "abstract"})


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
        _date_from_name(path, fields)
    briefing = _build(path, "yaml", fields, problems)
    return LoadResult(path, briefing, briefing.problems)


_CLOSERS = ("---", "...")


def split_front_matter(path: str, text: str) -> tuple[str | None, str, str, int, list[Problem]]:
    """(front matter, kind "yaml"/"toml", body, body's first line, problems).

    The opener must be exactly `---` (or `+++` for TOML) on line 1.  An unterminated block
    is not front matter: the whole text is shown as body, with a warning.
    """
    first, _, rest = text.partition("\n")
    opener = first.rstrip(" \t")
    if opener not in ("---", "+++"):
        return None, "", text, 1, []
    closers = ("+++",) if opener == "+++" else _CLOSERS
    lines = rest.split("\n")
    for i, line in enumerate(lines):
        if line.rstrip(" \t") in closers:
            front = "\n".join(lines[:i])
            body = "\n".join(lines[i + 1 :])
            return front, "toml" if opener == "+++" else "yaml", body, i + 3, []
    warning = Problem(
        path,
        1,
        1,
        Severity.WARNING,
        f"front matter opened with {opener} on line 1 is never closed; "
        "the whole file is shown as text",
    )
    return None, "", text, 1, [warning]


def _front_fields(path: str, front: str, kind: str) -> tuple[Fields | None, list[Problem]]:
    reader = SchemaReader(path, line_offset=1)
    if kind == "toml":
        try:
            node: Node = plain_to_node(tomllib.loads(front))
        except tomllib.TOMLDecodeError as exc:
            return None, [
                Problem(
                    path,
                    None,
                    None,
                    Severity.WARNING,
                    f"TOML front matter could not be read ({clean(str(exc))}); it is shown as text",
                )
            ]
        except YamlLimitError as exc:
            return None, [Problem(path, None, None, Severity.ERROR, f"front matter {exc}")]
        assert isinstance(node, MappingNode)
        fields = reader.read(node)
        return fields, reader.problems
    root, problems, fatal = _yaml_root(path, front, 1, "front matter")
    if root is None:
        if fatal:
            # Not a mapping, or not YAML: keep the reader going with the text as body.
            problems = [
                Problem(
                    p.path,
                    p.line,
                    p.column,
                    Severity.WARNING,
                    p.message + "; the front matter is shown as text",
                )
                for p in problems
            ]
        return None, problems
    fields = reader.read(root)
    return fields, reader.problems


def _date_from_name(path: str, fields: Fields) -> None:
    found = date_from_path(path)
    if found is not None:
        fields.values["date"] = found


def read_markdown(path: str, data: bytes) -> LoadResult:
    text, problems = decode(path, data)
    if text is None:
        return LoadResult(path, None, tuple(problems))
    front, kind, body, body_line, found = split_front_matter(path, text)
    problems.extend(found)
    fields = Fields()
    if front is not None:
        parsed, found = _front_fields(path, front, kind)
        problems.extend(found)
        if parsed is None:
            fence = "+++" if kind == "toml" else "---"
            body, body_line = f"```\n{front}\n```\n\n{body}", 1
            if fence == "+++":
                body = body.replace("```\n", "```toml\n", 1)
        else:
            fields = parsed
    values = fields.values
    front_title = values.get("title")
    parsed_body = read_body(body, body_line, front_title, frozenset(values))
    if not front_title:
        values["title"] = parsed_body.title or title_from_path(path)
    if parsed_body.tags:
        merged: dict[str, str] = {}
        for tag in (*values.get("tags", ()), *parsed_body.tags):
            merged.setdefault(tag.casefold(), tag)
        values["tags"] = tuple(merged.values())
    if parsed_body.location and not values.get("location"):
        values["location"] = parsed_body.location
    if not values.get("date"):
        if parsed_body.date is not None:
            values["date"] = parsed_body.date
        elif (in_title := find_date(values["title"], numeric=False)) is not None:
            values["date"] = in_title[0]
        else:
            _date_from_name(path, fields)
    overview = [values.get("overview", ""), *parsed_body.overview]
    values["overview"] = "\n\n".join(x for x in overview if x.strip())
    for key in ("participants", "topics", "outcomes"):
        values[key] = tuple(values.get(key, ())) + tuple(getattr(parsed_body, key))
        prose = "\n\n".join(getattr(parsed_body, f"{key}_text"))
        if prose:
            values[f"{key}_text"] = prose
    values["sections"] = tuple(parsed_body.sections)
    if not values.get("summary"):
        values["summary"] = first_paragraph(values["overview"])
    briefing = _build(path, "markdown", fields, problems)
    return LoadResult(path, briefing, briefing.problems)


def first_paragraph(markdown: str, limit: int = 300) -> str:
    """The first prose paragraph as plain text: the list needs a summary when none is given."""
    for block in re.split(r"\n\s*\n", markdown):
        stripped = block.strip()
        if not stripped or stripped.startswith(("#", "```", "~~~", "|", "-", "*", ">", "<")):
            continue
        # Only the start can be shown; cutting first keeps hostile paragraphs cheap.
        one = " ".join(stripped[: limit * 8].split())
        one = re.sub(r"\[([^\[\]]{0,300})\]\([^()]{0,500}\)", r"\1", one)
        one = re.sub(r"(\*\*|__|\*|`)", "", one)
        return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"
    return ""


def read_document(path: str, data: bytes) -> LoadResult:
    """Dispatch on the file name; `path` is the display path (already sanitised)."""
    if path.lower().endswith(MARKDOWN_SUFFIXES):
        return read_markdown(path, data)
    return read_yaml(path, data)
