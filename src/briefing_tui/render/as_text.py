"""Plain text for printers and screen readers: no escape codes, no box drawing, marked pages.

The marking stands on the first and the last line, so a printed copy cannot lose it at
either end.  Prose is kept as its Markdown source, which reads well as plain text.
"""

from __future__ import annotations

import re
import textwrap

from briefing_tui.model import Briefing, ParticipantGroup
from briefing_tui.render.common import (
    facts,
    format_extra,
    outcome_tags,
    participant_counts,
    participant_line,
)

WIDTH = 78


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "=" * len(title)]


_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])\s+")


def _blocks(text: str) -> list[list[str]]:
    """Paragraphs, list items, code and tables as separate blocks, for reflowing prose."""
    blocks: list[list[str]] = []
    current: list[str] = []
    fenced = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            if current:
                blocks.append(current)
            blocks.append(["\0" + line])
            current = []
            fenced = not fenced
            continue
        if fenced or stripped.startswith("|"):
            if current:
                blocks.append(current)
                current = []
            blocks.append(["\0" + line])
            continue
        if not stripped:
            if current:
                blocks.append(current)
                current = []
            blocks.append([])
            continue
        if _ITEM.match(line) or stripped.startswith("#"):
            if current:
                blocks.append(current)
            current = [line]
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _wrap(text: str, indent: str = "") -> list[str]:
    """Reflow Markdown prose to the page width, keeping lists, code and tables intact."""
    out: list[str] = []
    for block in _blocks(text):
        if not block:
            if out and out[-1] != "":
                out.append("")
            continue
        if block[0].startswith("\0"):
            out.append(indent + block[0][1:])
            continue
        m = _ITEM.match(block[0])
        hang = indent + (" " * len(m.group(0)) if m else "")
        first = indent + (m.group(1) if m else "")
        joined = " ".join(part.strip() for part in block)
        out.extend(
            textwrap.wrap(
                joined,
                WIDTH,
                initial_indent=first,
                subsequent_indent=hang,
                break_long_words=True,
                break_on_hyphens=False,
            )
            or [indent]
        )
    while out and out[-1] == "":
        out.pop()
    return out


def render_text(b: Briefing) -> str:
    lines: list[str] = []
    if b.marking:
        lines.append(f"[{b.marking}]")
    lines.extend(_wrap(b.title))
    lines.append("-" * min(WIDTH, max(len(b.title), 8)))
    for label, value in facts(b):
        lines.extend(_wrap(f"{label}: {value}"))

    if b.summary:
        lines.extend(_heading("Summary"))
        lines.extend(_wrap(b.summary))

    lines.extend(_heading("Overview"))
    if b.overview:
        lines.extend(_wrap(b.overview))
    for section in b.sections:
        lines.extend(["", section.title, "~" * min(WIDTH, len(section.title))])
        lines.extend(_wrap(section.body))
    if b.source is not None:
        lines.append("")
        src = b.source
        published = src.published.isoformat() if src.published else ""
        bits = [x for x in (src.publisher, published, src.reference, src.url) if x]
        lines.extend(_wrap("Source: " + ", ".join(bits)))
    if b.links:
        lines.extend(["", "Links:"])
        for link in b.links:
            shown = (
                f"{link.title} <{link.url}>" if link.url and link.url != link.title else link.title
            )
            lines.extend(_wrap(f"- {shown}", ""))
    if b.glossary:
        lines.extend(["", "Glossary:"])
        for term, expansion in b.glossary:
            lines.extend(_wrap(f"- {term}: {expansion}"))
    if b.extra:
        lines.extend(["", "Other details:"])
        for key, extra in b.extra:
            if isinstance(extra, dict | list) and extra:
                lines.append(f"- {key}:")
                lines.extend(format_extra(extra, 2))
            else:
                lines.extend(format_extra({key: extra}, 1))

    lines.extend(_heading("Participants"))
    lines.append(participant_counts(b))
    for p in b.participants:
        if isinstance(p, ParticipantGroup):
            count = f" ({p.count})" if p.count is not None else ""
            notes = f" — {p.notes}" if p.notes else ""
            lines.extend(_wrap(f"- Group: {p.group}{count}{notes}", ""))
        else:
            lines.extend(_wrap(f"- {participant_line(p)}", ""))
            if p.notes:
                lines.extend(_wrap(p.notes, "    "))
    if b.participants_text:
        lines.append("")
        lines.extend(_wrap(b.participants_text))

    lines.extend(_heading("Topics"))
    for n, topic in enumerate(b.topics, 1):
        lines.append("")
        lines.extend(_wrap(f"{n}. {topic.title}"))
        if topic.speakers:
            lines.extend(_wrap("Speakers: " + ", ".join(topic.speakers), "   "))
        if topic.summary:
            lines.extend(_wrap(topic.summary, "   "))
    if b.topics_text:
        lines.append("")
        lines.extend(_wrap(b.topics_text))

    lines.extend(_heading("Outcomes"))
    for n, outcome in enumerate(b.outcomes, 1):
        tags = outcome_tags(outcome)
        lines.extend(_wrap(f"{n}. {outcome.text}" + (f" [{tags}]" if tags else "")))
    if b.outcomes_text:
        lines.append("")
        lines.extend(_wrap(b.outcomes_text))

    if b.problems:
        lines.extend(_heading("Problems"))
        lines.extend(str(p) for p in b.problems)
    if b.marking:
        lines.extend(["", f"[{b.marking}]"])
    return "\n".join(lines).rstrip() + "\n"
