"""The long documents bench_long opens: issue 13's cases, written on demand.

Each builder returns the whole document as text; the marker is what shows on screen once
its first screen is up.  The first case is the control, a small document whose layout is
done about 0.1 s after it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

WORDS = [
    *("evidence", "request", "prosecutor", "liaison", "warrant", "custody", "channel"),
    *("platform", "subscriber", "data", "preservation", "order", "judicial", "authority"),
    *("cooperation", "protocol", "seizure", "freezing", "assets"),
]


@dataclass(frozen=True)
class Case:
    name: str
    describe: str
    build: Callable[[], str]
    marker: str  # text on screen once the Overview shows the document's first words
    first_target: float
    rss_target: float
    pane: str = "1"  # the pane whose text or table is paged through for the stall figure
    pane_marker: str = ""  # text on screen once that pane shows its text (first screen then)


def _front(title: str) -> str:
    return f"---\ntitle: {title}\ndate: 2025-03-04\nmarking: TLP:GREEN\n---\n\n"


def _sentence(n: int, words: int = 12) -> str:
    picked = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(words)]
    return " ".join(picked).capitalize() + "."


def sections_400() -> str:
    parts = [_front("Four hundred sections")]
    n = 0
    while sum(map(len, parts)) < 350_000:
        n += 1
        lead = "Opening remarks kickoff. " if n == 1 else ""
        body = " ".join(_sentence(n * 31 + i) for i in range(6))
        parts.append(
            f"## Session {n}: cooperation item\n\n{lead}{body}\n\n"
            f"- {_sentence(n)}\n  - {_sentence(n + 1)}\n  - {_sentence(n + 2)}\n"
            f"- {_sentence(n + 3)}\n\n"
            "| Country | Requests | Notes |\n| --- | ---: | --- |\n"
            f"| FR | {n} | {_sentence(n, 4)} |\n| DE | {n + 1} | {_sentence(n + 1, 4)} |\n"
            f"| NL | {n + 2} | {_sentence(n + 2, 4)} |\n\n"
        )
    return "".join(parts)


def headings(count: int) -> Callable[[], str]:
    def build() -> str:
        body = "".join(f"## H{n}\n\nNote {n} of the list kept.\n\n" for n in range(1, count + 1))
        return _front(f"{count} headings") + body

    return build


def participant_items() -> str:
    lines = [_front("Two hundred thousand participants"), "## Background\n\n"]
    lines.append("Opening remarks kickoff of a very large meeting.\n\n## Participants\n\n")
    lines += [f"- P{n}, Prosecutor, Office {n % 97}, FR\n" for n in range(200_000)]
    return "".join(lines)


def code_block(language: str, size: int) -> Callable[[], str]:
    def build() -> str:
        if language == "html":
            line = '<div class="row"><span id="c{n}">cell {n}</span><a href="#x">link</a></div>\n'
        else:
            line = "def handler_{n}(value: int) -> int:\n    return value * {n} + len('text')\n"
        out = [_front(f"A 2 MB {language} block"), "## Annex\n\n", f"```{language}\n"]
        out.append("kickoff_first_line = 1\n" if language == "python" else "<!-- kickoff -->\n")
        total, n = 0, 0
        while total < size:
            chunk = line.format(n=n)
            out.append(chunk)
            total += len(chunk)
            n += 1
        out.append("```\n")
        return "".join(out)

    return build


def long_paragraph() -> str:
    words = ["Opening", "remarks", "kickoff"]
    words += [WORDS[(n * 7) % len(WORDS)] for n in range(700_000 - 3)]
    return _front("One paragraph of 700,000 words") + "## Notes\n\n" + " ".join(words) + ".\n"


def pane_prose(heading: str, lead: str) -> Callable[[], str]:
    """A short Overview, then a pane heading over 12,000 lines of prose (no list items, so
    all of it is the pane's text): 400 paragraphs of 30 lines, about 1.1 MB."""

    def build() -> str:
        out = [_front(f"Long {heading.lower()} text"), "## Background\n\n"]
        out.append("Opening remarks kickoff of a long meeting.\n\n")
        out.append(f"## {heading}\n\n{lead} first line of the text.\n\n")
        for n in range(400):
            out.append("\n".join(_sentence(n * 30 + i, 14) for i in range(30)) + "\n\n")
        return "".join(out)

    return build


def topic_paragraph() -> str:
    """One paragraph of 700,000 words as the notes on the topics (Rich wraps a paragraph
    whole before it yields a line: 18 s in one call that cannot be stopped)."""
    words = ["Topics", "kickoff", "paragraph"]
    words += [WORDS[(n * 7) % len(WORDS)] for n in range(700_000 - 3)]
    body = "## Background\n\nOpening remarks kickoff of a long meeting.\n\n## Topics\n\n"
    return _front("A topics text of 700,000 words") + body + " ".join(words) + ".\n"


def small() -> str:
    return headings(400)()


CONTROL = "control"

CASES = (
    Case(CONTROL, "control: 20 KB, 400 headings", small, "Note 1 of the list", 1.0, 200),
    Case("sections", "350 KB, 400 sections", sections_400, "Opening remarks kickoff", 1.0, 400),
    Case("h10k", "10,000 headings", headings(10_000), "Note 1 of the list", 1.0, 200),
    Case("h100k", "100,000 headings", headings(100_000), "Note 1 of the list", 1.5, 400),
    Case(
        "items", "200,000 list items", participant_items, "Opening remarks kickoff", 1.5, 400, "2"
    ),
    Case("html", "2 MB ```html block", code_block("html", 2_000_000), "<!-- kickoff -->", 1.5, 400),
    Case("words", "700,000-word paragraph", long_paragraph, "Opening remarks kickoff", 1.5, 400),
    Case(
        "python",
        "2 MB ```python block",
        code_block("python", 2_000_000),
        "kickoff_first_line",
        1.5,
        400,
    ),
    Case(
        "topics",
        "12,000-line topics text",
        pane_prose("Topics", "Topics kickoff"),
        "Opening remarks kickoff",
        1.5,
        400,
        "3",
        "Topics kickoff first line",
    ),
    Case(
        "outcomes",
        "12,000-line outcomes text",
        pane_prose("Outcomes", "Outcomes kickoff"),
        "Opening remarks kickoff",
        1.5,
        400,
        "4",
        "Outcomes kickoff first line",
    ),
    Case(
        "topicwords",
        "700,000-word topics text",
        topic_paragraph,
        "Opening remarks kickoff",
        1.5,
        400,
        "3",
        "Topics kickoff paragraph",
    ),
)
