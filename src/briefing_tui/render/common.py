"""Small phrasings shared by every view, so the TUI, `show` and exports say the same thing."""

from __future__ import annotations

from briefing_tui.model import Briefing, ExtraValue, Outcome, Participant


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def participant_counts(b: Briefing) -> str:
    """ "12 named participants, 3 groups" — what the Participants pane says first."""
    people, groups = len(b.people), len(b.groups)
    parts = [plural(people, "named participant")]
    if groups:
        parts.append(plural(groups, "group"))
    return ", ".join(parts)


def participant_line(p: Participant) -> str:
    """ "Name — role, organisation (country)" with empty parts left out."""
    detail = ", ".join(x for x in (p.role, p.organisation) if x)
    line = f"{p.name} — {detail}" if detail else p.name
    if p.country:
        line += f" ({p.country})"
    return line


def outcome_tags(o: Outcome) -> str:
    """ "decision, open, owner: Eurojust, due 2026-01-31" — the facts beside an outcome."""
    bits = [x for x in (o.kind, o.status) if x]
    if o.owner:
        bits.append(f"owner: {o.owner}")
    if o.due:
        bits.append(f"due {o.due.isoformat()}")
    return ", ".join(bits)


def facts(b: Briefing, *, with_file: bool = True) -> list[tuple[str, str]]:
    """The labelled facts under a briefing's title, empty ones left out, in reading order."""
    rows = [
        ("Date", b.date_range()),
        ("Location", b.location),
        ("Organisers", "; ".join(b.organisers)),
        ("Marking", b.marking),
        ("Tags", ", ".join(b.tags)),
    ]
    if with_file:
        rows.append(("File", b.path))
    return [(label, value) for label, value in rows if value]


def format_extra(value: ExtraValue, indent: int = 0, *, reader: bool = False) -> list[str]:
    """Nested unknown values as indented lines, readable without knowing YAML.

    `reader` is the phrasing of the reader's Overview, written for a person rather than a
    file: yes/no, a dash for nothing, "(empty)" for an empty mapping, and a nested list item
    starting on its dash's line.  Exports and search text keep the plain form.
    """
    pad = "  " * indent
    show = reader_scalar if reader else scalar
    if isinstance(value, dict):
        lines: list[str] = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(format_extra(item, indent + 1, reader=reader))
            else:
                lines.append(f"{pad}{key}: {show(item)}")
        return lines or ([f"{pad}(empty)"] if reader else [])
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict | list) and item:
                nested = format_extra(item, indent + 1, reader=reader)
                if reader:
                    lines.append(f"{pad}- {nested[0].lstrip()}")
                    lines.extend(nested[1:])
                else:
                    lines.append(f"{pad}-")
                    lines.extend(nested)
            else:
                lines.append(f"{pad}- {show(item)}")
        return lines or ([f"{pad}(empty)"] if reader else [])
    return [f"{pad}{show(value)}"]


def reader_scalar(value: ExtraValue) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return "(empty)"
    return str(value)


def scalar(value: ExtraValue) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, dict | list):
        return "(empty)" if not value else str(value)
    return str(value)
