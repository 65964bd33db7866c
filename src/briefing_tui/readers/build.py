"""The last steps every reader shares: a title and date from the file name when the document
gives none, and the Briefing made from what was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from briefing_tui import parts_later
from briefing_tui.model import Briefing, Participant, Problem
from briefing_tui.parts_later import Finish, Pause
from briefing_tui.readers.dates import date_from_path, strip_path_date
from briefing_tui.readers.trace import note
from briefing_tui.readers.yaml_nodes import Fields


def title_from_path(path: str) -> str:
    """A readable title from a file name, the last resort (a leading date is the date's)."""
    stem = strip_path_date(PurePath(path).stem)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stem):
        return stem  # a daily note: the date is the best title there is
    return re.sub(r"[-_]+", " ", stem).strip() or stem


def build(
    path: str,
    fmt: str,
    fields: Fields,
    problems: Iterable[Problem],
    later: Finish | None = None,
    pause: Pause | None = None,
) -> Briefing:
    """The briefing; with `later`, one whose pane items `later` reads when first asked for,
    calling `pause` now and then (see `parts_later`)."""
    values = dict(fields.values)
    if later is None:
        _speakers_if_none(values, fields)
    briefing = Briefing(
        path=path,
        format=fmt,
        extra=tuple(fields.extra),
        problems=tuple(problems),
        **values,
    )
    if later is None:
        return briefing

    def finish(pause: Pause | None) -> dict[str, Any]:
        items = later(pause)
        _speakers_if_none(items, fields)
        return items

    return parts_later.later(briefing, finish, pause)


def _speakers_if_none(values: dict[str, Any], fields: Fields) -> None:
    if not values.get("participants") and fields.speaker_people:
        values["participants"] = tuple(unique_speakers(fields.speaker_people))
        note("participants", "the speakers of the topics, each listed once")


def date_from_name(path: str, fields: Fields) -> None:
    found = date_from_path(path)
    if found is not None:
        fields.values["date"] = found


def unique_speakers(people: list[Participant]) -> list[Participant]:
    """Each speaker once, in order of first appearance, with what any mention said of them."""
    out: dict[str, Participant] = {}
    for p in people:
        key = " ".join(p.name.casefold().split())
        first = out.get(key)
        if first is None:
            out[key] = p if p.role else replace(p, role="Speaker")
        elif not first.organisation and p.organisation:
            out[key] = replace(
                first, organisation=p.organisation, country=first.country or p.country
            )
    return list(out.values())
