"""Plain text for printers and screen readers: no escape codes, no box drawing, marked pages.

The marking stands on the first and the last line, so a printed copy cannot lose it at
either end.  Prose is kept as its Markdown source, which reads well as plain text.
"""

from __future__ import annotations

import textwrap

from briefing_tui.model import Briefing
from briefing_tui.render.common import (
    format_extra,
    outcome_tags,
    participant_counts,
    participant_line,
)

WIDTH = 78


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "=" * len(title)]


def _wrap(text: str, indent: str = "") -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        if not para.strip():
            out.append("")
            continue
        out.extend(
            textwrap.wrap(para, WIDTH, initial_indent=indent, subsequent_indent=indent,
                          break_long_words=True, break_on_hyphens=False, replace_whitespace=False)
            or [indent]
        )
    return out


def render_text(b: Briefing) -> str:
    lines: list[str] = []
    if b.marking:
        lines.append(f"[{b.marking}]")
    lines.extend(_wrap(b.title))
    lines.append("-" * min(WIDTH, max(len(b.title), 8)))
    facts = [
        ("Date", b.date_range()),
        ("Location", b.location),
        ("Organisers", "; ".join(b.organisers)),
        ("Marking", b.marking),
        ("Tags", ", ".join(b.tags)),
        ("File", b.path),
    ]
    for label, value in facts:
        if value:
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
            shown = f"{link.title} <{link.url}>" if link.url and link.url != link.title else link.title
            lines.extend(_wrap(f"- {shown}", ""))
    if b.glossary:
        lines.extend(["", "Glossary:"])
        for term, expansion in b.glossary:
            lines.extend(_wrap(f"- {term}: {expansion}"))
    if b.extra:
        lines.extend(["", "Other details:"])
        for key, value in b.extra:
            if isinstance(value, dict | list) and value:
                lines.append(f"- {key}:")
                lines.extend(format_extra(value, 2))
            else:
                lines.extend(format_extra({key: value}, 1))

    lines.extend(_heading("Participants"))
    lines.append(participant_counts(b))
    for p in b.participants:
        if hasattr(p, "group"):
            count = f" ({p.count})" if getattr(p, "count", None) is not None else ""
            notes = f" — {p.notes}" if p.notes else ""
            lines.extend(_wrap(f"- Group: {p.group}{count}{notes}", ""))
        else:
            lines.extend(_wrap(f"- {participant_line(p)}", ""))  # type: ignore[arg-type]
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
