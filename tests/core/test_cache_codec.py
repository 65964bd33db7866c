"""The cache holds data only: results round-trip exactly, anything else is refused (issue 12)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.cache import LoadCache
from briefing_tui.cache_codec import decode_result, encode_result
from briefing_tui.cache_lazy import LAZY_FIELDS, LazyBriefing
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
        lambda v: [v[0], [*v[1][:6], 5, *v[1][7:]], v[2]],
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


# Damage in the items decoded on first use (participants, topics, extra, ...).
def _items(index: int, value: object) -> object:
    """A mangler of the briefing's items (kept as one JSON text): item `index` set to `value`."""

    def mangle(v: list[Any]) -> list[Any]:
        items = json.loads(v[1][16])
        items[index] = value
        return [v[0], [*v[1][:16], json.dumps(items)], v[2]]

    return mangle


DAMAGED_ITEMS = [
    _items(0, [["X", "n"]]),
    _items(0, ["P\x1fonly three\x1fparts"]),
    _items(1, [["t", "s", ["a"], "six"]]),
    _items(6, [["k", {"py/object": {"set": []}}], 5]),
    _items(6, "not a list"),
    lambda v: [v[0], [*v[1][:16], "[[" * 100_000], v[2]],
    lambda v: [v[0], [*v[1][:16], '{"not": "a list"}'], v[2]],
]


@pytest.mark.parametrize("mangle", DAMAGED_ITEMS)
def test_damaged_items_are_never_trusted_but_read_afresh(mangle: object) -> None:
    value = json.loads(json.dumps(encode_result(_full())))
    bad = mangle(value)  # type: ignore[operator]
    alone = decode_result(bad).briefing
    assert alone is not None and alone.title == "T"
    # Without a way to read the file again, the damaged items show as none at all.
    assert (alone.participants, alone.topics, alone.extra) == ((), (), ())
    fresh = _full().briefing
    assert fresh is not None
    reread = decode_result(mangle(json.loads(json.dumps(encode_result(_full())))), lambda: fresh)  # type: ignore[operator]
    assert reread.briefing == fresh
    assert reread.briefing is not None and reread.briefing.participants == fresh.participants


def test_what_the_list_reads_before_decoding_equals_the_full_record() -> None:
    """The list, its sort and its filters read a cached briefing before its items are
    decoded: every such field must equal the full record's, and decoding must then give
    exactly the record that was saved, as a plain Briefing."""
    original = _full().briefing
    assert original is not None
    lazy = decode_result(json.loads(json.dumps(encode_result(_full())))).briefing
    assert isinstance(lazy, LazyBriefing)
    head = [f.name for f in dataclasses.fields(Briefing) if f.name not in LAZY_FIELDS]
    for name in head:
        assert getattr(lazy, name) == getattr(original, name), name
    assert set(LAZY_FIELDS) & lazy.__dict__.keys() == set(), "nothing decoded yet"
    assert lazy.sort_key() == original.sort_key()
    assert lazy.date_range() == original.date_range()
    assert type(lazy) is LazyBriefing
    assert lazy.participants == original.participants  # the first use decodes all items
    assert type(lazy) is Briefing
    for f in dataclasses.fields(Briefing):
        assert getattr(lazy, f.name) == getattr(original, f.name), f.name
    assert lazy == original


def test_a_lazy_briefing_compares_copies_and_pickles_as_a_briefing() -> None:
    original = _full().briefing
    assert original is not None

    def lazy() -> Briefing:
        made = decode_result(json.loads(json.dumps(encode_result(_full())))).briefing
        assert made is not None and type(made) is LazyBriefing
        return made

    assert lazy() == original and original == lazy() and lazy() == lazy()
    crossed = pickle.loads(pickle.dumps(lazy()))  # as results cross to worker processes
    assert type(crossed) is Briefing and crossed == original
    changed = dataclasses.replace(lazy(), title="U")
    assert type(changed) is Briefing and changed.outcomes == original.outcomes
    assert encode_result(LoadResult("a.yaml", lazy()))[1] == encode_result(_full())[1]
    saved_again = lazy()
    encode_result(LoadResult("a.yaml", saved_again))
    assert type(saved_again) is LazyBriefing, "saving a cached briefing again does not decode it"


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
