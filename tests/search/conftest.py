"""Fixtures for search tests: the sample library, a hand-made library with diacritics, and a
small generated library (from benchmarks/generate_library.py) for engine parity."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from briefing_tui.library import load_library
from briefing_tui.model import Briefing, Outcome, Participant, ParticipantGroup, Topic
from briefing_tui.search import ScanIndex, SearchIndex

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "briefings"
SEED_NAME = "2018-03-eurojust-coe-joint-conference-cybercrime.yaml"


def sample_briefings() -> list[Briefing]:
    return load_library([SAMPLES]).briefings


def hand_made() -> list[Briefing]:
    """Small briefings whose every word is known, for exact assertions."""
    return [
        Briefing(
            path="a.yaml",
            title="Workshop on cross-border evidence",
            date=date(2018, 3, 7),
            end_date=date(2018, 3, 8),
            location="Kraków, Poland",
            organisers=("Example Training Network",),
            marking="TLP:GREEN",
            tags=("electronic evidence", "training"),
            summary="Practitioners met to compare **preservation** requests.",
            participants=(
                Participant("Jürgen Müller", "Prosecutor", "Federal Prosecutor", "DE"),
                Participant("Zoë Łukasz", "Judge", "Supreme Court", "PL", notes="Chaired."),
                ParticipantGroup("Trainees from twelve countries", 36),
            ),
            topics=(
                Topic("Preservation first", "Why *preservation* comes first.", ("Zoë Łukasz",)),
            ),
            outcomes=(Outcome("Circulate the templates.", "action", "Secretariat", None, "open"),),
        ),
        Briefing(
            path="b.yaml",
            title="Coordination meeting on a ransomware case",
            date=date(2021, 11, 16),
            marking="TLP:AMBER",
            tags=("ransomware", "cryptocurrency"),
            summary="Investigators from Straße-Land and Norway met in The Hague.",
            participants=(
                Participant("Ingrid Haugen", "Liaison Prosecutor", "Eurojust", "NO"),
                Participant(
                    "Pieter van Dam", "Public Prosecutor", "Public Prosecution Service", "NL"
                ),
            ),
            topics=(
                Topic("Tracing ransom payments", "Analysts followed payments to an exchange."),
            ),
            outcomes=(
                Outcome(
                    "Freeze request to the exchange.",
                    "action",
                    "DE desk",
                    date(2021, 11, 24),
                    "done",
                ),
            ),
        ),
        Briefing(
            path="c.md",
            format="markdown",
            title="Plenary debrief",
            date=date(2025, 11, 25),
            marking="RESTRICTED",
            tags=("Budapest Convention",),
            overview="The plenary discussed the **Budapest Convention** and its protocol.",
            participants=(Participant("Erik Solberg", "Delegate", "Police", "NO"),),
            outcomes_text="Ransomware was mentioned only in passing.",
        ),
        Briefing(path="d.yaml", title="Undated note about ransomware"),
    ]


def load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "generate_library", ROOT / "benchmarks" / "generate_library.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Briefing]:
    out = tmp_path_factory.mktemp("generated")
    load_generator().write_library(out, 120, 7)
    library = load_library([out])
    assert not library.problems
    return library.briefings


@pytest.fixture(scope="session")
def samples_index() -> SearchIndex:
    index = SearchIndex()
    index.add(sample_briefings())
    return index


@pytest.fixture(scope="session")
def hand_index() -> SearchIndex:
    index = SearchIndex()
    index.add(hand_made())
    return index


@pytest.fixture(scope="session")
def hand_scan() -> ScanIndex:
    index = ScanIndex()
    index.add(hand_made())
    return index
