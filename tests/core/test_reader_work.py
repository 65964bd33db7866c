"""Big bodies cost bounded work in the readers, counted in calls rather than timed (issue 13).

Each test counts how often an expensive step runs on a large input: the timings themselves
are in benchmarks/bench_read.py and bench_hostile.py, where a busy machine cannot fail CI.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefing_tui.readers import (
    markdown_body,
    markdown_headings,
    markdown_labels,
    markdown_sections,
    prose_rules,
)
from briefing_tui.readers.documents import read_document
from briefing_tui.readers.markdown_headings import split_sections
from briefing_tui.readers.markdown_labels import extract_labelled


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    calls = [0]
    real: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_long_table_is_read_for_labels_in_its_first_rows_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counting(monkeypatch, markdown_labels, "_row_label")
    body = "| Attendees | Ana Ruiz |\n| x | y |\n" + "| x | y |\n" * 100_000 + "\nPresent: Bo\n"
    _, found = extract_labelled(body, 1)
    assert calls[0] <= markdown_labels._TABLE_LABEL_ROWS
    # The label row at the top still counts, and so does a label line after the table.
    assert [(f.label, f.inline) for f in found] == [("Attendees", "Ana Ruiz"), ("Present", "Bo")]


def test_a_second_table_gets_its_own_first_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "| x | y |\n" * 500
    body = f"{rows}\n| Absent | Bo |\n{rows}"
    _, found = extract_labelled(body, 1)
    assert [(f.label, f.inline, f.line) for f in found] == [("Absent", "Bo", 502)]


def test_sections_keep_every_line_when_prose_moves_over_in_bulk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counting(monkeypatch, markdown_headings, "_heading_at")
    prose = "Plain words of a long report, line after line.\n" * 50_000
    body = f"{prose}## Participants\n\n- Ana Ruiz\n\n{prose}## Outcomes\n\n{prose}"
    sections = split_sections(body, 1)
    # The two headings are read by the search that finds them, and `- Ana Ruiz` cannot
    # underline: no line is looked at on its own.
    assert calls[0] == 0
    assert [(s.title, s.line) for s in sections[1:]] == [
        ("Participants", 50_001),
        ("Outcomes", 100_005),
    ]
    assert sum(len(s.lines) for s in sections) + 2 == body.count("\n") + 1


def test_phrase_rules_stop_after_their_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, prose_rules, "participants_in")
    first = "On 7 and 8 March 2018, participants from 60 countries met at Eurojust in The Hague."
    filler = " ".join(["Evidence was exchanged between the liaison officers."] * 10)
    body = "# Report\n\n" + first + "\n\n" + f"{filler}\n\n" * 5_000
    briefing = read_document("report.md", body.encode()).briefing
    assert briefing is not None
    paragraph = len(filler)
    assert calls[0] <= prose_rules.PROSE_BUDGET // paragraph + 2
    # What the first paragraph says is still read.
    assert str(briefing.date) == "2018-03-07"
    assert briefing.location.startswith("Eurojust")


def test_a_long_single_line_still_gets_the_phrase_rules() -> None:
    line = "On 7 and 8 March 2018, experts met at Eurojust. " + "word " * 200_000
    briefing = read_document("one-line.md", f"# One line\n\n{line}\n".encode()).briefing
    assert briefing is not None
    assert str(briefing.date) == "2018-03-07"


def test_a_long_list_is_moved_over_without_looking_at_each_item(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counting(monkeypatch, markdown_headings, "_heading_at")
    items = "".join(f"- P{n}, Prosecutor, Office {n}, FR\n* Q{n}\n" for n in range(10_000))
    body = f"## Participants\n\n{items}\nAnnex\n--\n\nText.\n\nMore\n==\n"
    sections = split_sections(body, 1)
    assert calls[0] == 2  # the two setext underlines, not the 20,000 items (nor `## ...`)
    assert [(s.level, s.title, s.line) for s in sections[1:]] == [
        (2, "Participants", 1),
        (2, "Annex", 20_004),
        (1, "More", 20_009),
    ]
    assert len(sections[1].lines) == 20_002


def test_list_items_are_not_each_checked_for_a_fence(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, markdown_sections, "fence_after")
    lines = [f"- P{n}, Prosecutor" for n in range(10_000)] + ["```", "- in code", "```", "- Bo"]
    items, rest = markdown_sections.extract_items(lines, 1)
    assert calls[0] == 2  # the two fence lines only
    assert [i.text for i in items[-2:]] == ["P9999, Prosecutor", "Bo"]
    assert rest == ["```", "- in code", "```"]


def test_each_heading_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, markdown_body, "pane_for")
    body = "".join(f"## H{n}\n\nNote {n}.\n\n" for n in range(5_000))
    out = markdown_body.read_body(body, 1, "Title")
    assert calls[0] == 5_000  # more headings than pane_for's cache holds, each asked once
    assert len(out.sections) == 5_000


@pytest.mark.parametrize(
    "line",
    [
        "## Title",
        "# Title",
        "## Title ##",
        "##  Two spaces",
        "## Trailing  ",
        "## Title\u00a0",
        "## a # b",
        "## x\r",
        "### Deep",
        "#### Attendees",
        "##NoSpace",
        "##",
        "  ## Indented",
        "## Participants (12)",
    ],
)
def test_headings_found_by_the_search_equal_those_read_line_by_line(line: str) -> None:
    """`split_sections` reads "## Title" in its search over the body; every other heading
    line goes through `_heading_at`.  Both must say the same of the same line."""
    body = f"Intro\n\n{line}\n\nText\n"
    lines = body.split("\n")
    said = markdown_headings._heading_at(lines, 2, line.lstrip(" ")[:1], 0)
    sections = split_sections(body, 1)
    found = [(s.level, s.title, s.line - 1) for s in sections[1:]]
    assert found == ([] if said is None else [said])
    assert "\n".join(line for s in sections for line in s.lines).count("Text") == 1
