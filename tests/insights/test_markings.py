"""Markings ranked by how restrictive they are, and the TLP colours views share."""

from __future__ import annotations

import pytest

from briefing_tui.insights.markings import (
    TLP_BACKGROUND,
    TLP_COLOURS,
    at_most,
    by_restrictiveness,
    marking_colour,
    marking_level,
    marking_rank,
    most_restrictive,
    normalise_marking,
)

TLP_ORDER = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"]


def test_tlp_levels_rank_in_order() -> None:
    ranks = [marking_rank(m) for m in TLP_ORDER]
    assert ranks == sorted(ranks)
    assert len(set(ranks)) == 5
    assert marking_rank("") == 0 < marking_rank("TLP:CLEAR")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("tlp:amber", "TLP:AMBER"),
        ("TLP: AMBER + STRICT", "TLP:AMBER+STRICT"),
        ("TLP:WHITE", "TLP:CLEAR"),
        ("TLP-RED", "TLP:RED"),
        ("  TLP:GREEN  ", "TLP:GREEN"),
        ("EU RESTRICTED", "RESTRICTED"),
        ("RESTREINT UE/EU RESTRICTED", "RESTRICTED"),
        ("Confidential", "CONFIDENTIAL"),
        ("TRÈS SECRET UE", "TOP SECRET"),
        ("UNCLASSIFIED", "UNCLASSIFIED"),
        ("", ""),
    ],
)
def test_markings_are_read_as_written(written: str, canonical: str) -> None:
    assert normalise_marking(written) == canonical


def test_classifications_outrank_tlp_and_unknown_sits_between() -> None:
    assert marking_rank("RESTRICTED") > marking_rank("TLP:RED")
    assert (
        marking_rank("RESTRICTED")
        < marking_rank("CONFIDENTIAL")
        < marking_rank("SECRET")
        < marking_rank("TOP SECRET")
    )
    assert marking_rank("EU RESTRICTED") == marking_rank("RESTRICTED")
    assert marking_rank("UNCLASSIFIED") == marking_rank("TLP:CLEAR")
    assert marking_rank("LIMITE") == marking_rank("TLP:AMBER")
    unknown = marking_rank("EYES ONLY PROJECT X")
    assert marking_rank("TLP:RED") < unknown < marking_rank("RESTRICTED")
    assert marking_level("TLP:REDACTED").tlp is False


def test_most_restrictive() -> None:
    assert most_restrictive(["TLP:GREEN", "TLP:RED", "TLP:AMBER"]) == "TLP:RED"
    assert most_restrictive(["TLP:AMBER+STRICT", "tlp:amber"]) == "TLP:AMBER+STRICT"
    assert most_restrictive(["TLP:RED", "RESTRICTED"]) == "RESTRICTED"
    assert most_restrictive(["", "TLP:CLEAR"]) == "TLP:CLEAR"
    assert most_restrictive([]) == ""
    assert most_restrictive(["", "  "]) == ""
    # Ties keep the first given, as written.
    assert most_restrictive(["tlp:amber", "TLP:AMBER"]) == "tlp:amber"


def test_sorting_and_ceiling() -> None:
    shuffled = ["TLP:AMBER", "TLP:CLEAR", "TLP:RED", "TLP:GREEN", "TLP:AMBER+STRICT"]
    assert by_restrictiveness(shuffled) == TLP_ORDER[::-1]
    assert by_restrictiveness(shuffled, descending=False) == TLP_ORDER
    assert at_most("TLP:GREEN", "TLP:AMBER")
    assert not at_most("TLP:RED", "TLP:AMBER")


def test_tlp_colours() -> None:
    assert TLP_BACKGROUND == "#000000"
    assert TLP_COLOURS["TLP:RED"] == "#FF2B2B"
    assert TLP_COLOURS["TLP:AMBER"] == "#FFC000"
    assert TLP_COLOURS["TLP:GREEN"] == "#33FF00"
    assert TLP_COLOURS["TLP:CLEAR"] == "#FFFFFF"
    assert marking_colour("tlp:amber+strict") == "#FFC000"
    assert marking_colour("TLP:WHITE") == "#FFFFFF"
    assert marking_colour("RESTRICTED") is None
    assert marking_colour("") is None
