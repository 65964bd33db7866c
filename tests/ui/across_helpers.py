"""A small library for the views across it (who, outcomes, timeline, filters, glossary)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from textual.content import Content
from textual.widgets import OptionList

from briefing_tui.model import Briefing, Outcome, Participant, ParticipantGroup

from .helpers import make_briefing, rich_briefing

TODAY = date(2025, 1, 1)


def middle() -> Briefing:
    """Anna Berg again (written "Berg, Anna"), after a group row; marked TLP:RED."""
    return make_briefing(
        "lib/2022-mid.yaml",
        "Middle workshop",
        date(2022, 6, 1),
        marking="TLP:RED",
        location="Eurojust, The Hague, Netherlands",
        organisers=("Eurojust",),
        tags=("cybercrime", "training"),
        participants=(
            ParticipantGroup("Observers", 4),
            Participant("Berg, Anna", "Speaker", "Ministry C", "Sweden"),
            Participant("Piet Jansen", "Host", "Eurojust", "NL"),
        ),
        outcomes=(
            Outcome("Report back on MLA requests", "action", "NL desk", date(2030, 1, 1), "open"),
        ),
        glossary=(("MLA", "Mutual legal assistance"),),
    )


def old() -> Briefing:
    return make_briefing(
        "lib/2020-old.yaml",
        "Old meeting",
        date(2020, 1, 10),
        marking="RESTRICTED",
        tags=("fraud",),
        participants=(Participant("Marc Dupont", "Chair", "Agency A", "FR"),),
        outcomes=(Outcome("Old action", "action", "FR", date(2020, 3, 1), "open"),),
    )


def undated() -> Briefing:
    return make_briefing("lib/undated.yaml", "Undated note", None)


def across_library() -> list[Briefing]:
    """Newest first in the list: rich (2024, AMBER), middle (2022, RED), old (2020,
    RESTRICTED), undated (unmarked)."""
    return [old(), rich_briefing(), undated(), middle()]


def replace(briefing: Briefing, **fields: Any) -> Briefing:
    return dataclasses.replace(briefing, **fields)


def prompts(widget: OptionList) -> list[str]:
    """Every option's text, as plain strings."""
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def entries(library: Any) -> list[str]:
    """What each entry of the library list shows, as plain strings, in list order."""
    return [str(library.prompt(b)) for b in library.listed]


def styled(content: object, style: str) -> list[str]:
    """The pieces of a Content carrying `style`."""
    assert isinstance(content, Content)
    text = str(content)
    return [text[span.start : span.end] for span in content.spans if style in str(span.style)]
