"""Reading a library's `glossary.yaml`: kept apart from the glossary's types and matching,
which the reader's screens import at start, because reading it needs the file access and
the YAML readers, and the first screen must not wait for those to load.

It is read exactly as carefully as a briefing: through the loader's safe file access and the
bounded libyaml composer, never `yaml.safe_load`; anything wrong with it becomes a Problem,
never an exception.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.insights.glossary import LibraryGlossary
from briefing_tui.library import RESERVED_NAMES, display, max_bytes_setting, read_bytes
from briefing_tui.model import Problem, Severity
from briefing_tui.readers.documents import decode
from briefing_tui.readers.yaml_schema import SchemaReader
from briefing_tui.readers.yamlsafe import (
    MERGE_TAG,
    YamlError,
    YamlLimitError,
    column_of,
    compose,
    is_null,
    key_text,
    line_of,
    scalar_text,
)


def parse_glossary(path: str, text: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """Terms from the text of a glossary file, and every problem with it (with lines)."""
    composed = compose(text)
    if isinstance(composed, YamlError):
        return (), [Problem(path, composed.line, composed.column, Severity.ERROR, composed.message)]
    if composed is None:
        return (), []
    if not isinstance(composed, MappingNode):
        kind = "a list" if isinstance(composed, SequenceNode) else "a single value"
        return (), [
            Problem(
                path,
                line_of(composed),
                1,
                Severity.ERROR,
                f"a glossary must be a mapping of acronym: expansion, found {kind}",
            )
        ]
    node = composed
    if len(node.value) == 1:
        key, value = node.value[0]
        if key_text(key) == "glossary" and isinstance(value, MappingNode):
            node = value
    reader = SchemaReader(path)
    try:
        terms = reader.glossary(node)
    except YamlLimitError as exc:
        return (), [Problem(path, line_of(exc.node), None, Severity.ERROR, str(exc))]
    problems = list(reader.problems)
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.tag != MERGE_TAG and _blank(value):
            problems.append(
                Problem(
                    path,
                    line_of(key),
                    column_of(key),
                    Severity.WARNING,
                    f"glossary: '{scalar_text(key)}' has no expansion",
                )
            )
    return tuple((t, e) for t, e in terms if t), problems


def _blank(node: Node) -> bool:
    return is_null(node) or (isinstance(node, ScalarNode) and not scalar_text(node).strip())


def read_glossary(
    path: Path, root: Path | None = None, max_bytes: int | None = None
) -> LibraryGlossary:
    """One glossary file, read safely; a link leading out of `root` is not followed."""
    shown = display(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return LibraryGlossary()
    except OSError as exc:
        return LibraryGlossary(
            problems=(
                Problem(shown, None, None, Severity.ERROR, f"cannot be read: {exc.strerror}"),
            )
        )
    if stat.S_ISLNK(st.st_mode) and root is not None:
        real, real_root = os.path.realpath(path), os.path.realpath(root)
        if not (real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)):
            return LibraryGlossary(
                problems=(
                    Problem(
                        shown,
                        None,
                        None,
                        Severity.WARNING,
                        "symbolic link points outside the library; not followed",
                    ),
                )
            )
    data = read_bytes(path, max_bytes or max_bytes_setting())
    if isinstance(data, Problem):
        return LibraryGlossary(paths=(shown,), problems=(data,))
    text, problems = decode(shown, data)
    if text is None:
        return LibraryGlossary(paths=(shown,), problems=tuple(problems))
    terms, more = parse_glossary(shown, text)
    return LibraryGlossary(terms, (shown,), tuple(problems + more))


def load_library_glossary(roots: Sequence[Path], max_bytes: int | None = None) -> LibraryGlossary:
    """The glossary of every library root (folders only), merged: the first definition wins.

    A root holding both `glossary.yaml` and `glossary.yml` has both read, in that order.
    """
    terms: dict[str, str] = {}
    paths: list[str] = []
    problems: list[Problem] = []
    for root in roots:
        if not os.path.isdir(root):
            continue
        for name in RESERVED_NAMES:
            part = read_glossary(Path(root) / name, Path(root), max_bytes)
            paths.extend(part.paths)
            problems.extend(part.problems)
            for term, expansion in part.terms:
                terms.setdefault(term, expansion)
    return LibraryGlossary(tuple(terms.items()), tuple(paths), tuple(problems))
