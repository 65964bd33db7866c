"""The cache holds data only: results round-trip exactly, anything else is refused (issue 12)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

from briefing_tui.cache import LoadCache
from briefing_tui.cache_codec import decode_result, encode_result
from briefing_tui.library import load_library
from briefing_tui.model import (
    Briefing,
    Link,
    LoadResult,
    Outcome,
    Participant,
    ParticipantGroup,
    Problem,
    Section,
    Severity,
    Source,
    Topic,
)


def _full() -> LoadResult:
    problem = Problem("a.yaml", 3, 1, Severity.WARNING, "odd")
    briefing = Briefing(
        path="a/\udcff.yaml",
        title="T",
        format="markdown",
        date=dt.date(2024, 1, 2),
        end_date=dt.date(2024, 1, 3),
        location="The Hague",
        organisers=("Eurojust",),
        marking="RESTRICTED",
        tags=("x", "y"),
        summary="s",
        overview="o",
        participants=(Participant("N", "r", "o", "c", "n", 4), ParticipantGroup("G", 3, "n", 5)),
        topics=(Topic("t", "s", ("a",), 6),),
        outcomes=(Outcome("x", "action", "me", dt.date(2024, 2, 1), "open", 7),),
        links=(Link("l", "https://e.example"),),
        glossary=(("MLA", "mutual legal assistance"),),
        source=Source("p", dt.date(2024, 1, 1), "u", "r"),
        participants_text="pt",
        topics_text="tt",
        outcomes_text="ot",
        sections=(Section("S", "b", 8),),
        extra=(("k", {"a": [1, 2.5, True, None, "v"]}),),
        problems=(problem,),
    )
    return LoadResult("a.yaml", briefing, (problem,))


def test_every_field_round_trips() -> None:
    result = _full()
    assert result.briefing is not None
    unset = [
        f.name
        for f in dataclasses.fields(Briefing)
        if getattr(result.briefing, f.name) == f.default
    ]
    assert unset == [], "the example must set every field, so a new field is noticed"
    back = decode_result(json.loads(json.dumps(encode_result(result))))
    assert back == result
    assert back.briefing is not None and back.briefing.problems == result.briefing.problems


def test_text_holding_the_separator_round_trips_unpacked() -> None:
    odd = Briefing(
        "odd.yaml",
        "Odd",
        tags=("a\x1fb", ""),
        participants=(Participant("N\x1fM", notes="x"), ParticipantGroup("", None)),
        outcomes=(Outcome("do\x1fit", due=None),),
        glossary=(("K", "a\x1fb"),),
        extra=(("k", "v\x1fw"),),
    )
    result = LoadResult("odd.yaml", odd)
    assert decode_result(json.loads(json.dumps(encode_result(result)))) == result


@pytest.mark.parametrize(
    "mangle",
    [
        lambda v: v[:2],
        lambda v: [v[0], v[1][:-1], v[2]],
        lambda v: [v[0], [*v[1][:3], "not a date", *v[1][4:]], v[2]],
        lambda v: [v[0], v[1], [[*v[2][0][:3], "fatal", v[2][0][4]]]],
        lambda v: [v[0], [*v[1][:11], [["X", "n"]], *v[1][12:]], v[2]],
        lambda v: [v[0], [*v[1][:6], 5, *v[1][7:]], v[2]],
        lambda v: [v[0], [*v[1][:21], [["k", {"py/object": set()}]], *v[1][22:]], v[2]],
    ],
)
def test_anything_the_encoder_could_not_make_is_refused(mangle: object) -> None:
    value = json.loads(json.dumps(encode_result(_full())))
    try:
        bad = mangle(value)  # type: ignore[operator]
    except TypeError:
        pytest.skip("mangler does not apply")
    with pytest.raises(ValueError, match="cache holds"):
        decode_result(bad)


def test_a_planted_pickle_is_never_unpickled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.yaml").write_text("title: A\n")
    cache = LoadCache.open(tmp_path / "cache", [lib])
    load_library([lib], cache=cache)

    class Boom:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("pickle ran",))

    cache.file.write_bytes(pickle.dumps(Boom()))
    cache.file.chmod(0o600)
    ran: list[object] = []
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: ran.append(a))
    monkeypatch.setattr(pickle, "load", lambda *a, **k: ran.append(a))
    again = LoadCache.open(tmp_path / "cache", [lib])
    library = load_library([lib], cache=again)
    assert ran == []
    assert [b.title for b in library.briefings] == ["A"]
    assert any("unreadable" in note for note in again.notes)
    assert not cache.file.read_bytes().startswith(b"\x80"), "rebuilt as data"
