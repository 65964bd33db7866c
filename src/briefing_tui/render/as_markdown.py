"""A briefing as one Markdown document: for handover to people who use other tools.

Written so that `briefing` itself reads it back into the same panes (the headings are the
pane names and participants form a table).
"""

from __future__ import annotations

from briefing_tui.model import Briefing, Participant, ParticipantGroup
from briefing_tui.render.common import facts, format_extra, outcome_tags, participant_counts


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(b: Briefing) -> str:
    out: list[str] = []
    if b.marking:
        out += [f"**{b.marking}**", ""]
    out += [f"# {b.title}", ""]
    out += [f"- **{label}:** {value}" for label, value in facts(b, with_file=False)]
    out.append("")
    out += ["## Overview", ""]
    if b.summary:
        out += [f"*{b.summary}*", ""]
    if b.overview:
        out += [b.overview, ""]
    for section in b.sections:
        out += [f"### {section.title}", "", section.body, ""]
    if b.source is not None:
        src = b.source
        published = src.published.isoformat() if src.published else ""
        out += [
            "Source: "
            + ", ".join(x for x in (src.publisher, published, src.reference, src.url) if x),
            "",
        ]
    if b.links:
        out += ["### Links", ""]
        out += [f"- {lk.title}: `{lk.url}`" if lk.url else f"- {lk.title}" for lk in b.links]
        out.append("")
    if b.glossary:
        out += ["### Glossary", ""]
        out += [f"- **{term}**: {expansion}" for term, expansion in b.glossary]
        out.append("")
    if b.extra:
        out += ["### Other details", "", "```"]
        for key, value in b.extra:
            out += format_extra({key: value})
        out += ["```", ""]

    out += ["## Participants", "", participant_counts(b), ""]
    people = [p for p in b.participants if isinstance(p, Participant)]
    if people:
        out += ["| Name | Role | Organisation | Country |", "| --- | --- | --- | --- |"]
        out += [
            f"| {_cell(p.name)} | {_cell(p.role)} | {_cell(p.organisation)} | {_cell(p.country)} |"
            for p in people
        ]
        out.append("")
    for g in b.participants:
        if isinstance(g, ParticipantGroup):
            count = f" ({g.count})" if g.count is not None else ""
            out.append(f"- {g.group}{count}" + (f" — {g.notes}" if g.notes else ""))
    if b.participants_text:
        out += ["", b.participants_text]
    out.append("")

    out += ["## Topics", ""]
    for topic in b.topics:
        out += [f"### {topic.title}", ""]
        if topic.speakers:
            out += ["Speakers: " + ", ".join(topic.speakers), ""]
        if topic.summary:
            out += [topic.summary, ""]
    if b.topics_text:
        out += [b.topics_text, ""]

    out += ["## Outcomes", ""]
    for o in b.outcomes:
        box = "[x] " if o.status == "done" else "[ ] " if o.status == "open" else ""
        tags = outcome_tags(o)
        out.append(f"- {box}{o.text}" + (f" ({tags})" if tags else ""))
    if b.outcomes_text:
        out += ["", b.outcomes_text]
    if b.marking:
        out += ["", f"**{b.marking}**"]
    return "\n".join(out).rstrip() + "\n"
