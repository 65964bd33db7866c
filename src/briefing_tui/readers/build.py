"""The last steps every reader shares: a title and date from the file name when the document
gives none, and the Briefing made from what was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from briefing_tui.model import Briefing, Problem
from briefing_tui.readers.dates import date_from_path, strip_path_date
from briefing_tui.readers.yaml_nodes import Fields


def title_from_path(path: str) -> str:
    """A readable title from a file name, the last resort (a leading date is the date's)."""
    stem = strip_path_date(PurePath(path).stem)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stem):
        return stem  # a daily note: the date is the best title there is
    return re.sub(r"[-_]+", " ", stem).strip() or stem


def build(path: str, fmt: str, fields: Fields, problems: Iterable[Problem]) -> Briefing:
    values = dict(fields.values)
    problems = tuple(problems)
    return Briefing(
        path=path,
        format=fmt,
        extra=tuple(fields.extra),
        problems=problems,
        **values,
    )


def date_from_name(path: str, fields: Fields) -> None:
    found = date_from_path(path)
    if found is not None:
        fields.values["date"] = found
