"""Glossaries: each briefing's own, merged with a library-wide `glossary.yaml`, and marking
where their acronyms occur in text.

A library may hold, at its top, `glossary.yaml` (or `glossary.yml`): a mapping of acronym to
expansion shared by every briefing in it, so "MLA" need not be defined in each file.  It is
read exactly as carefully as a briefing — through the loader's safe file access and the
bounded libyaml composer, never `yaml.safe_load` — and anything wrong with it becomes a
Problem, never an exception.  A briefing's own definition wins over the library's.  For
convenience the file may also be written as a briefing would, under a `glossary:` key.

Occurrences are found as whole words, case-sensitively ("MLA" is marked, "Mla" is not), and
a term is not found inside a longer acronym ("EPOC" is not marked within "EPOC-PR").
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.library import RESERVED_NAMES, display, max_bytes_setting, read_bytes
from briefing_tui.model import Briefing, Problem, Severity
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

BRIEFING = "briefing"
LIBRARY = "library"


@dataclass(frozen=True, slots=True)
class LibraryGlossary:
    """The library-wide glossary: its terms (first definition wins), files and problems."""

    terms: tuple[tuple[str, str], ...] = ()
    paths: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    def as_dict(self) -> dict[str, str]:
        return dict(self.terms)


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A term as a briefing's Overview shows it, saying where the definition came from."""

    term: str
    expansion: str
    origin: str  # BRIEFING or LIBRARY


@dataclass(frozen=True, slots=True)
class AcronymHit:
    """One occurrence of a glossary term in a text: `text[start:end] == term`."""

    start: int
    end: int
    term: str


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


def _library_terms(
    library: LibraryGlossary | Mapping[str, str] | Iterable[tuple[str, str]] | None,
) -> dict[str, str]:
    if library is None:
        return {}
    if isinstance(library, LibraryGlossary):
        return library.as_dict()
    return dict(library)


def merge_glossary(
    briefing: Briefing,
    library: LibraryGlossary | Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
) -> tuple[GlossaryEntry, ...]:
    """The briefing's glossary, then the library terms it does not define itself.

    The briefing's definition wins; one it left empty is filled from the library.  The
    library terms are added sorted (case ignored), as a reader scanning a glossary expects.
    """
    shared = _library_terms(library)
    out: list[GlossaryEntry] = []
    own: set[str] = set()
    for term, expansion in briefing.glossary:
        own.add(term)
        if not expansion and shared.get(term):
            out.append(GlossaryEntry(term, shared[term], LIBRARY))
        else:
            out.append(GlossaryEntry(term, expansion, BRIEFING))
    for term in sorted(shared, key=str.casefold):
        if term not in own:
            out.append(GlossaryEntry(term, shared[term], LIBRARY))
    return tuple(out)


# Whole-word edges for acronyms: no letter, digit, "&" or "+" on either side, and not the
# next part of a hyphenated acronym ("PR" in "EPOC-PR"), while "JIT-related" still finds JIT.
_BEFORE = r"(?<![\w&+])(?<![A-Z0-9]-)"
_AFTER = r"(?![\w&+])(?!-[A-Z0-9])"


class AcronymMatcher:
    """Finds the occurrences of a fixed set of terms; build once, use on every pane."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = tuple(sorted({t for t in terms if t.strip()}, key=lambda t: (-len(t), t)))
        if self.terms:
            alternatives = "|".join(re.escape(t) for t in self.terms)
            self._pattern: re.Pattern[str] | None = re.compile(
                f"{_BEFORE}(?:{alternatives}){_AFTER}"
            )
        else:
            self._pattern = None

    def find(self, text: str) -> list[AcronymHit]:
        if self._pattern is None or not text:
            return []
        return [AcronymHit(m.start(), m.end(), m.group()) for m in self._pattern.finditer(text)]


@lru_cache(maxsize=64)
def _matcher(terms: frozenset[str]) -> AcronymMatcher:
    return AcronymMatcher(terms)


def find_acronyms(text: str, terms: Iterable[str]) -> list[AcronymHit]:
    """Where the glossary `terms` occur in `text` (whole word, case-sensitive), in order."""
    return _matcher(frozenset(terms)).find(text)
