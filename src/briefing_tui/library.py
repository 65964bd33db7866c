"""Finding briefing files under the given paths and loading them, without ever writing.

(Work in progress: the signatures below are the contract; bodies land shortly.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui.model import Briefing, LoadResult, Problem

SUFFIXES = (".yaml", ".yml", ".md", ".markdown")


@dataclass
class Library:
    """Every briefing found under `roots`, newest first, and every problem met."""

    roots: tuple[Path, ...]
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def default_library_paths() -> list[Path]:
    """$BRIEFING_LIBRARY, else ./briefings, else the sample library shipped with the package."""
    raise NotImplementedError


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Every briefing file under `paths`, sorted, and problems for what could not be read."""
    raise NotImplementedError


def load_file(path: Path) -> LoadResult:
    """Read one file; never raises."""
    raise NotImplementedError


def iter_load(paths: Sequence[Path]) -> Iterator[LoadResult]:
    """Load results one file at a time, so callers can show progress and stream entries."""
    raise NotImplementedError


def load_library(paths: Sequence[Path]) -> Library:
    raise NotImplementedError
