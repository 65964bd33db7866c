"""How long the library-wide views take on a large library.

    python benchmarks/bench_insights.py [--count 10000] [--library PATH] [--runs 5]

By default 10,000 made-up briefings are built in memory (no disk, so only the insights code
is timed); with --library a real folder is loaded first (for example one written by
benchmarks/generate_library.py) and the timings are taken on what it holds.

"cold" is the first run with the name caches empty, right after the library was built, which
is what the reader pays after loading a library; "warm" is the best of the later runs.  Much
of the difference is Python's garbage collector walking the freshly loaded library; with
--freeze the benchmark calls gc.freeze() after loading, as an app can, to show the effect.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from briefing_tui.insights.acronyms import undefined_acronyms
from briefing_tui.insights.countries import country_code
from briefing_tui.insights.dates import DateRange
from briefing_tui.insights.entities import EntityKind, build_entity_index
from briefing_tui.insights.filters import BriefingFilter, filter_briefings
from briefing_tui.insights.names import fold, organisation_key, person_key
from briefing_tui.insights.outcomes import OutcomeFilter, collect_outcomes, filter_outcomes
from briefing_tui.insights.timeline import timeline
from briefing_tui.model import Briefing, Outcome, Participant, ParticipantGroup, Topic

_FIRST = (
    "Anna Zoë Łukasz Jürgen François Søren Åsa Ioana Ştefan Oğuz Mária José Inês Björn "
    "Élodie Jiří Małgorzata Nikolaos Pieter Kari Ingrid Lena Marta Lucas Daniel Maria Jonas "
    "Erik Sofia Giulia Matteo Andrés Lucía Aoife Siobhán Tomás Eleni Gábor Mihai Vesna Ana "
    "Petra Jānis Kadri Pekka Þóra Emeka Ngozi Kwame Fatou Hiroshi Arjun Priya Carlos Olivia "
    "James Ahmed"
)
FIRST = _FIRST.split()
_LAST = (
    "Müller Schröder Dvořák Nowak Kowalski Wiśniewska Hansen Ørsted Sørensen Lindqvist "
    "Popescu Ionescu Kovačević Horvat Novak Petrović Nagy Szabó García Fernández Gonçalves "
    "Rossi Dubois Lefèvre Janssens Murphy Papadopoulos Georgiou Çelik Yılmaz Tamm Bērziņš "
    "Virtanen Okafor Mensah Diallo Nkosi Tanaka Chen Patel Kim Silva Santos Haugen Berg "
    "Solberg Vogt Nordby Seger"
)
LAST = _LAST.split()
ORGS = (
    "Eurojust",
    "Europol",
    "European Cybercrime Centre (EC3)",
    "Council of Europe",
    "the Council of Europe",
    "UNODC",
    "INTERPOL",
    "European Judicial Network",
    "Federal Criminal Police Office",
    "National Crime Agency",
    "Public Prosecution Service",
    "Prosecutor General's Office",
    "Prosecutor General’s Office",
    "Ministry of Justice",
    "Ministry of the Interior",
    "National Police, High Tech Crime Unit",
    "Guardia Civil",
    "Police Judiciaire Fédérale",
    "Financial Intelligence Unit",
    "Asset Recovery Office",
    "Supreme Court",
    "Example Cloud Services Ltd",
)
_COUNTRIES = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO IS "
    "CH UK US CA UA MD GE AM RS ME MK AL BA TR MA TN SN GH NG KE ZA PH LK JP KR BR AR CO"
)
COUNTRIES = [
    *_COUNTRIES.split(),
    "Norway",
    "The Netherlands",
    "Czech Republic",
    "Czechia",
    "NOR",
    "Deutschland",
]
ROLES = ("Public Prosecutor", "Judge", "Liaison Prosecutor", "Analyst", "Head of Unit", "Chair")
MARKINGS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED", "RESTRICTED")
TAGS = ("cybercrime", "electronic evidence", "ransomware", "JIT", "training", "GLACY+", "fraud")
OWNERS = ("NO", "DE desk", "Project secretariat", "Eurojust", "Council of Europe")


def make_library(count: int, seed: int = 1) -> list[Briefing]:
    """`count` briefings like the generator's: ~12 participants and ~6 outcomes each."""
    rnd = random.Random(seed)
    start = dt.date(2015, 1, 1)
    out: list[Briefing] = []
    for n in range(count):
        day = start + dt.timedelta(days=rnd.randrange(4000)) if rnd.random() > 0.03 else None
        people: list[Participant | ParticipantGroup] = []
        for i in range(rnd.randint(6, 18)):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            name = f"{last}, {first}" if rnd.random() < 0.1 else f"{first} {last}"
            if rnd.random() < 0.05:
                name = name.upper()
            people.append(
                Participant(
                    name,
                    rnd.choice(ROLES),
                    rnd.choice(ORGS),
                    rnd.choice(COUNTRIES),
                    line=10 + i,
                )
            )
        people.append(ParticipantGroup("Delegates from 20 countries", 40))
        outcomes = tuple(
            Outcome(
                f"Outcome {k} of briefing {n}: send the EIO to the JIT partners.",
                rnd.choice(("finding", "decision", "action", "recommendation")),
                rnd.choice(OWNERS),
                start + dt.timedelta(days=rnd.randrange(4400)) if rnd.random() < 0.6 else None,
                rnd.choice(("open", "done", "")),
                line=60 + k,
            )
            for k in range(rnd.randint(2, 10))
        )
        out.append(
            Briefing(
                path=f"lib/{n:05d}.yaml",
                title=f"Coordination meeting {n} on a MLA case",
                date=day,
                end_date=day + dt.timedelta(days=1) if day and rnd.random() < 0.3 else None,
                location=rnd.choice(("The Hague, Netherlands", "Strasbourg, France", "Online")),
                organisers=(rnd.choice(ORGS),),
                marking=rnd.choice(MARKINGS),
                tags=tuple(rnd.sample(TAGS, 3)),
                summary="Practitioners discussed MLA, JIT and EIO requests under the T-CY rules.",
                overview="Long prose about the NL, DE and NO cases and the EPOC-PR. " * 10,
                participants=tuple(people),
                topics=tuple(
                    Topic(f"Topic {t}", "About GLACY+ and C-PROC.", line=40 + t) for t in range(5)
                ),
                outcomes=outcomes,
                glossary=(("MLA", "Mutual legal assistance"), ("JIT", "Joint investigation team")),
            )
        )
    out.sort(key=Briefing.sort_key)
    return out


def clear_caches() -> None:
    for cached in (fold, person_key, organisation_key, country_code):
        cached.cache_clear()


def timed(label: str, fn: Callable[[], object], runs: int, cold: bool = True) -> object:
    if cold:
        clear_caches()
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    best = first
    for _ in range(runs - 1):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    print(f"{label:<48} cold {first * 1000:8.1f} ms   warm {best * 1000:8.1f} ms")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--library", type=Path, help="load this folder instead")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--freeze", action="store_true", help="gc.freeze() the loaded library before timing"
    )
    args = parser.parse_args(argv)

    if args.library:
        from briefing_tui.library import load_library

        t0 = time.perf_counter()
        briefings = load_library([args.library]).briefings
        print(f"loaded {len(briefings):,} briefings in {time.perf_counter() - t0:.1f} s")
    else:
        t0 = time.perf_counter()
        briefings = make_library(args.count)
        print(f"built {len(briefings):,} briefings in memory in {time.perf_counter() - t0:.1f} s")
    if args.freeze:
        gc.collect()
        gc.freeze()
        print("gc.freeze() after loading")
    participants = sum(len(b.participants) for b in briefings)
    outcomes = sum(len(b.outcomes) for b in briefings)
    print(f"{participants:,} participants, {outcomes:,} outcomes\n")

    today = dt.date(2026, 3, 10)
    timed("build_entity_index", lambda: build_entity_index(briefings), args.runs)
    idx = build_entity_index(briefings)
    print(
        f"  -> {len(idx.of_kind(EntityKind.PERSON)):,} people, "
        f"{len(idx.of_kind(EntityKind.ORGANISATION)):,} organisations, "
        f"{len(idx.of_kind(EntityKind.COUNTRY)):,} countries"
    )
    top = idx.entities[0]
    timed(
        f"mentions of the top entity ({top.mention_count:,})",
        lambda: idx.mentions(top),
        args.runs,
        cold=False,
    )
    timed("index.search('nor')", lambda: idx.search("nor"), args.runs, cold=False)
    rows = collect_outcomes(briefings, today)
    timed("collect_outcomes", lambda: collect_outcomes(briefings, today), args.runs)
    print(f"  -> {len(rows):,} rows, {sum(r.overdue for r in rows):,} overdue")
    flt = OutcomeFilter(statuses=("open",), owner="Norway")
    timed("filter_outcomes (open, owner Norway)", lambda: filter_outcomes(rows, flt), args.runs)
    timed("timeline (all)", lambda: timeline(briefings), args.runs)
    timed(
        "timeline (2018-2019)",
        lambda: timeline(briefings, DateRange.parse("2018", "2019")),
        args.runs,
    )
    bflt = BriefingFilter(countries=("Norway",), tags=("ransomware",), max_marking="TLP:AMBER")
    timed(
        "filter_briefings (country, tag, marking)",
        lambda: filter_briefings(briefings, bflt),
        args.runs,
    )
    timed(
        "undefined_acronyms over the library",
        lambda: [undefined_acronyms(b) for b in briefings],
        max(1, args.runs // 2),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
