"""A long document's items read after its first screen (`parts_later`) give exactly the
briefing that reading it whole gives: same fields, same problems, same exports."""

from __future__ import annotations

import ast
import pickle
import threading
import time
from pathlib import Path

import pytest

from briefing_tui.library import LoadJob
from briefing_tui.model import Briefing, Participant
from briefing_tui.parts_later import (
    PART_FIELDS,
    Deferral,
    LaterBriefing,
    finish_parts,
    later,
    parts_ready,
)
from briefing_tui.readers.documents import read_document
from briefing_tui.render.as_json import to_json
from briefing_tui.render.as_text import render_text

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    p
    for folder in ("tests/corpus", "tests/fixtures", "briefings")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in (".md", ".markdown")
)

ALWAYS = Deferral(min_lines=0)


def _markdown_in_tests() -> list[str]:
    """Every Markdown document written out in the Markdown reader's own tests."""
    found: list[str] = []
    for name in ("test_markdown_reader.py", "test_markdown_shapes.py", "test_reader_work.py"):
        tree = ast.parse((ROOT / "tests/core" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if text.count("\n") >= 2 and ("#" in text or "- " in text or ":" in text):
                    found.append(text)
    return found


# Shapes whose items interleave with what is read at once, or decide it.
CRAFTED = {
    "a person named by a label, then listed again with a role": (
        "---\ntitle: T\n---\nPresent: Ana Ruiz, Bo Li\n\n## Participants\n\n"
        "- Ana Ruiz, Author\n- Bo Li, Judge, Court, FR\n\n## Topics\n\n- One\n\n"
        "## Outcomes\n\n- Decision: go\n"
    ),
    "a person named by a label becomes an author by the list": (
        "---\ntitle: Report\ntopics: [Budget]\noutcomes: [write it]\n---\n"
        "Present: Ana Ruiz\n\nThe meeting was held in Lisbon, Portugal on "
        "3 March 2024, organised by Eurojust.\n\n## Participants\n\n- Ana Ruiz, Author\n"
    ),
    "authors only, with topics and outcomes": (
        "# Report\n\nAuthor: Jane Roe\n\n## Participants\n\n- Jane Roe, Author\n\n"
        "## Topics\n\n- Budget\n\n## Outcomes\n\n- Action: write it\n\n"
        "The meeting was held in Lisbon on 3 March 2024 with Eurojust and Europol.\n"
    ),
    "task boxes between outcome sections": (
        "# M\n\n## Outcomes\n\n- [ ] first owner: NL\n\n## Notes\n\n- [x] done here\n\n"
        "## Decisions\n\n- second\n\n## Background\n\n- [ ] another task\n"
    ),
    "numbered headings and a topics section": (
        "# M\n\n## 1. Opening\n\ntext\n\n## Topics\n\n### Budget\n\nSpeakers: A, B\n\n"
        "money\n\n## 2. Closing\n\nbye\n"
    ),
    "apologies": "# M\n\n## Participants\n\n- A, Judge\n\n## Apologies\n\n- B, Clerk\n",
    "front matter items and body items": (
        "---\ntitle: T\nparticipants:\n  - Kari Nordmann, Prosecutor, Økokrim, NO\n"
        "topics: [Front topic]\noutcomes:\n  - text: front outcome\n---\n"
        "## Participants\n\n- Kari Nordmann, Chief\n- Ola, Clerk\n\n## Topics\n\n- Body\n"
    ),
    "speakers and no participants": (
        "---\ntitle: T\ntopics:\n  - title: Budget\n    speakers: [Ana Ruiz, Bo Li]\n---\n"
        "## Outcomes\n\n- Decision: agreed\n\nSome prose after the list.\n"
    ),
    "prose only under pane headings": (
        "# M\n\n## Participants\n\nEveryone came.\n\n## Topics\n\nWe talked.\n\n"
        "## Outcomes\n\nNothing was decided.\n"
    ),
    "a participants table and a list": (
        "# M\n\n## Attendees\n\n| Name | Role | Country |\n|---|---|---|\n"
        "| Ana | Judge | PT |\n| Bo | Clerk | SE |\n\n- Cy, Prosecutor\n"
    ),
    "an event report with empty panes": (
        "# Conference on cybercrime\n\n## Participants\n\n- 60 delegates from 20 countries\n\n"
        "The conference took place in The Hague on 12-13 May 2023, organised by Eurojust.\n"
        "Speakers included Judge Ana Ruiz (Spain) and Prosecutor Bo Li (Sweden).\n"
    ),
}

DOCUMENTS = {**CRAFTED, **{f"test text {n}": t for n, t in enumerate(_markdown_in_tests())}}


def _compare(name: str, data: bytes) -> None:
    whole = read_document(name, data)
    deferred = read_document(name, data, ALWAYS)
    assert deferred.problems == whole.problems
    if whole.briefing is None:
        assert deferred.briefing is None
        return
    assert deferred.briefing is not None
    # The exports read every field; then the briefings compare equal, problems included.
    assert to_json(deferred.briefing) == to_json(whole.briefing)
    assert render_text(deferred.briefing) == render_text(whole.briefing)
    assert deferred.briefing == whole.briefing
    assert deferred.briefing.problems == whole.briefing.problems
    assert type(deferred.briefing) is Briefing


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_document_read_later_equals_it_read_whole(path: Path) -> None:
    _compare(str(path), path.read_bytes())


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_shape_read_later_equals_it_read_whole(name: str) -> None:
    _compare("note.md", DOCUMENTS[name].encode("utf-8"))


def test_the_corpus_has_documents_that_are_read_later() -> None:
    """The comparisons above are worth something only if some reads were deferred."""
    deferred = [
        p
        for p in FILES
        if not parts_ready(_briefing(read_document(str(p), p.read_bytes(), ALWAYS)))
    ]
    assert len(deferred) >= 5
    crafted = [
        n
        for n, t in CRAFTED.items()
        if not parts_ready(_briefing(read_document("n.md", t.encode(), ALWAYS)))
    ]
    assert len(crafted) >= 5


def _briefing(result: object) -> Briefing:
    briefing = getattr(result, "briefing", None)
    assert isinstance(briefing, Briefing)
    return briefing


def _long_minutes(people: int) -> bytes:
    lines = ["---\ntitle: Long minutes\ndate: 2025-03-04\n---\n", "Opening remarks.\n\n"]
    lines.append("## Participants\n\n")
    lines += [f"- P{n}, Prosecutor, Office {n % 7}, FR\n" for n in range(people)]
    return "".join(lines).encode()


def test_only_long_pane_sections_are_left_for_later() -> None:
    short = read_document("m.md", _long_minutes(1_000), Deferral())
    long = read_document("m.md", _long_minutes(3_000), Deferral())
    assert parts_ready(_briefing(short))
    assert not parts_ready(_briefing(long))
    assert parts_ready(_briefing(read_document("m.md", _long_minutes(3_000))))


def test_the_overview_needs_nothing_read_later() -> None:
    briefing = _briefing(read_document("m.md", _long_minutes(3_000), Deferral()))
    assert briefing.title == "Long minutes"
    assert briefing.overview == "Opening remarks."
    assert briefing.summary == "Opening remarks."
    assert briefing.date is not None and briefing.date.isoformat() == "2025-03-04"
    assert not parts_ready(briefing)
    assert len(briefing.participants) == 3_000
    assert parts_ready(briefing)
    assert type(briefing) is Briefing


@pytest.mark.parametrize("name", PART_FIELDS)
def test_any_item_field_may_be_read_first(name: str) -> None:
    """The long minutes have no prose under their headings: those fields keep the default."""
    data = _long_minutes(3_000)
    briefing = _briefing(read_document("m.md", data, Deferral()))
    assert not parts_ready(briefing)
    assert getattr(briefing, name) == getattr(_briefing(read_document("m.md", data)), name)


def test_items_are_read_once_whichever_threads_ask() -> None:
    paused = threading.Event()
    go_on = threading.Event()

    def pause() -> None:
        paused.set()
        go_on.wait(5)

    briefing = _briefing(read_document("m.md", _long_minutes(5_000), Deferral(pause=pause)))
    seen: list[object] = []
    threads = [
        threading.Thread(target=lambda: seen.append(briefing.participants)) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    assert paused.wait(5)  # one thread reads, paused by the reader's pause
    assert not parts_ready(briefing)
    go_on.set()
    for thread in threads:
        thread.join(5)
    assert len(seen) == 4 and all(people is seen[0] for people in seen)
    assert len(briefing.participants) == 5_000


def test_the_screen_waiting_for_the_items_is_not_kept_waiting_by_their_pauses() -> None:
    """The screen's (main) thread asks while a worker reads them paced: the worker stops
    stepping aside, or each step would last until its time ran out, the screen frozen."""
    first = threading.Event()
    go_on = threading.Event()
    calls: list[int] = []

    def pause() -> None:
        calls.append(1)
        first.set()
        go_on.wait(10)

    briefing = _briefing(read_document("m.md", _long_minutes(20_000), Deferral(pause=pause)))
    pending = briefing.__dict__["_pending"]
    worker = threading.Thread(target=lambda: briefing.participants)
    worker.start()
    assert first.wait(10)

    def release_once_the_screen_waits() -> None:
        deadline = time.monotonic() + 10
        while not pending.hurry and time.monotonic() < deadline:
            time.sleep(0.001)
        go_on.set()

    releaser = threading.Thread(target=release_once_the_screen_waits)
    releaser.start()
    assert len(briefing.participants) == 20_000  # this (main) thread waits for the worker
    worker.join(10)
    releaser.join(10)
    assert calls == [1]  # no pause once the screen was waiting


def test_a_deferred_briefing_pickles_as_a_plain_one() -> None:
    data = _long_minutes(3_000)
    briefing = _briefing(read_document("m.md", data, Deferral()))
    copy = pickle.loads(pickle.dumps(briefing))
    assert type(copy) is Briefing
    assert copy == _briefing(read_document("m.md", data))


def test_telling_briefings_apart_reads_no_items() -> None:
    one = _briefing(read_document("a.md", _long_minutes(3_000), Deferral()))
    other = _briefing(read_document("b.md", _long_minutes(3_000), Deferral()))
    assert one != other
    assert one != None  # noqa: E711 (Textual compares a reactive's old value so)
    # The open briefing opened again: the reactive compares it with itself.
    same = one
    assert one == same
    assert not one != same  # noqa: SIM202 (what the reactive asks)
    assert "items not read yet" in repr(one)
    assert not parts_ready(one) and not parts_ready(other)


def test_a_reader_bug_costs_the_items_and_says_so() -> None:
    def broken(pause: object) -> dict[str, object]:
        raise ValueError("boom")

    briefing = later(Briefing(path="x.md", title="X"), broken)
    assert isinstance(briefing, LaterBriefing)
    assert finish_parts(briefing).participants == ()
    assert briefing.topics_text == ""
    assert "internal error: ValueError: boom" in briefing.problems[-1].message


def test_the_reader_load_defers_and_paces_and_the_command_line_does_not(tmp_path: Path) -> None:
    (tmp_path / "long.md").write_bytes(_long_minutes(5_000))
    pauses: list[int] = []
    job = LoadJob([tmp_path], defer=Deferral())
    job.pace(lambda: pauses.append(1))
    (result,) = list(job)
    briefing = _briefing(result)
    assert not parts_ready(briefing)
    worker = threading.Thread(target=lambda: briefing.participants)  # as the reader does
    worker.start()
    worker.join(10)
    assert isinstance(briefing.participants[0], Participant)
    assert pauses  # the items were read with the reader's pause
    (plain,) = list(LoadJob([tmp_path]))
    assert parts_ready(_briefing(plain))
    assert _briefing(plain) == briefing


def test_a_cached_load_keeps_the_items_read_later(tmp_path: Path) -> None:
    from briefing_tui.cache import LoadCache

    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "long.md").write_bytes(_long_minutes(3_000))
    first = list(LoadJob([lib], cache=LoadCache.open(tmp_path / "c", [lib]), defer=Deferral()))
    again = list(LoadJob([lib], cache=LoadCache.open(tmp_path / "c", [lib]), defer=Deferral()))
    whole = _briefing(read_document(str(lib / "long.md"), _long_minutes(3_000)))
    assert len(_briefing(again[0]).participants) == 3_000
    assert _briefing(again[0]) == _briefing(first[0])
    assert _briefing(first[0]).participants == whole.participants
