"""How restrictive a handling marking is, and the TLP colours every view shares.

Ranking matters when briefings are combined (an export of several, a list filtered to
"what may I forward?"): the combination must carry the *most* restrictive marking.  The
scale, from least to most restrictive:

====  ==========================================================================
rank  markings
====  ==========================================================================
0     none (unmarked)
10    TLP:CLEAR, TLP:WHITE (TLP 1.0's name for it), PUBLIC, UNCLASSIFIED
20    TLP:GREEN, OFFICIAL
30    TLP:AMBER; LIMITE, INTERNAL, SENSITIVE, OFFICIAL-SENSITIVE, FOR OFFICIAL USE
      ONLY — limited distribution inside organisations, like AMBER
35    TLP:AMBER+STRICT
40    TLP:RED
45    any other marking we do not recognise
50    RESTRICTED, EU RESTRICTED, RESTREINT UE
60    CONFIDENTIAL, EU CONFIDENTIAL, CONFIDENTIEL UE
70    SECRET, EU SECRET, SECRET UE
80    TOP SECRET, EU TOP SECRET, TRÈS SECRET UE
====  ==========================================================================

Why classifications outrank every TLP label: TLP is a sharing convention between
practitioners, while RESTRICTED and above are security classifications with legal handling
rules; a document carrying one is at least as constrained as TLP:RED.  Why unknown
markings sit just above TLP:RED: somebody thought the text needed a marking we cannot
read, so when in doubt the combination must not be labelled as shareable — but a real
classification still outranks a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing_tui.insights.names import fold

# The FIRST TLP 2.0 colours: text in these colours on a black background.
TLP_BACKGROUND = "#000000"
TLP_COLOURS: dict[str, str] = {
    "TLP:RED": "#FF2B2B",
    "TLP:AMBER+STRICT": "#FFC000",
    "TLP:AMBER": "#FFC000",
    "TLP:GREEN": "#33FF00",
    "TLP:CLEAR": "#FFFFFF",
}

UNMARKED = 0
UNKNOWN = 45

_TLP = re.compile(r"\bTLP\s*[:\-_ ]?\s*(RED|AMBER\s*\+\s*STRICT|AMBER|GREEN|CLEAR|WHITE)\b")
_TLP_RANKS = {"CLEAR": 10, "WHITE": 10, "GREEN": 20, "AMBER": 30, "AMBER+STRICT": 35, "RED": 40}

# Checked in order: the first phrase found in the folded marking decides.  Longer phrases
# come first so "top secret" is not read as "secret" and "unclassified" not as anything else.
_WORDS: tuple[tuple[str, int, str], ...] = (
    ("top secret", 80, "TOP SECRET"),
    ("tres secret", 80, "TOP SECRET"),
    ("unclassified", 10, "UNCLASSIFIED"),
    ("not classified", 10, "UNCLASSIFIED"),
    ("secret", 70, "SECRET"),
    ("confidential", 60, "CONFIDENTIAL"),
    ("confidentiel", 60, "CONFIDENTIAL"),
    ("restricted", 50, "RESTRICTED"),
    ("restreint", 50, "RESTRICTED"),
    ("official sensitive", 30, "OFFICIAL-SENSITIVE"),
    ("for official use only", 30, "FOR OFFICIAL USE ONLY"),
    ("fouo", 30, "FOR OFFICIAL USE ONLY"),
    ("limite", 30, "LIMITE"),
    ("internal", 30, "INTERNAL"),
    ("sensitive", 30, "SENSITIVE"),
    ("official", 20, "OFFICIAL"),
    ("public", 10, "PUBLIC"),
)


@dataclass(frozen=True, slots=True)
class MarkingLevel:
    """Where a marking sits: its rank, a canonical spelling, and whether it is TLP."""

    rank: int
    canonical: str
    tlp: bool = False

    @property
    def colour(self) -> str | None:
        """The TLP foreground colour (on :data:`TLP_BACKGROUND`), or None for other markings."""
        return TLP_COLOURS.get(self.canonical) if self.tlp else None


@lru_cache(maxsize=1024)
def marking_level(marking: str) -> MarkingLevel:
    """Read a marking as written ("tlp:amber", "TLP: AMBER + STRICT", "EU RESTRICTED")."""
    text = " ".join(marking.split())
    if not text:
        return MarkingLevel(UNMARKED, "")
    m = _TLP.search(text.upper())
    if m is not None:
        colour = re.sub(r"\s+", "", m.group(1))
        canonical = "TLP:CLEAR" if colour == "WHITE" else f"TLP:{colour}"
        return MarkingLevel(_TLP_RANKS[colour], canonical, tlp=True)
    folded = f" {fold(text)} "
    for phrase, rank, canonical in _WORDS:
        if f" {phrase} " in folded:
            return MarkingLevel(rank, canonical)
    return MarkingLevel(UNKNOWN, text.upper())


def marking_rank(marking: str) -> int:
    """Higher is more restrictive; 0 is unmarked.  See the module docstring for the scale."""
    return marking_level(marking).rank


def normalise_marking(marking: str) -> str:
    """The canonical spelling, so "tlp: amber" and "TLP:AMBER" compare equal."""
    return marking_level(marking).canonical


def marking_colour(marking: str) -> str | None:
    """The TLP foreground colour as hex, or None when the marking is not a TLP label."""
    return marking_level(marking).colour


def most_restrictive(markings: Iterable[str]) -> str:
    """The most restrictive of `markings`, as written; ``""`` when none is marked.

    Ties keep the first one given, so the result is always one of the inputs.
    """
    best = ""
    best_rank = UNMARKED
    for marking in markings:
        rank = marking_rank(marking)
        if rank > best_rank:
            best, best_rank = marking, rank
    return best.strip()


def by_restrictiveness(markings: Iterable[str], *, descending: bool = True) -> list[str]:
    """Markings sorted most restrictive first (or least first); equal ranks keep their order."""
    return sorted(markings, key=marking_rank, reverse=descending)


def at_most(marking: str, ceiling: str) -> bool:
    """Whether `marking` is no more restrictive than `ceiling` ("may this go to AMBER readers?")."""
    return marking_rank(marking) <= marking_rank(ceiling)
