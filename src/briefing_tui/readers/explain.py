"""Say how a document was read: what filled each field and pane, what was left unread, and
why a pane is empty with what would fill it.

Practitioners open documents written for other tools; when a pane stays empty they need to
know whether the reader missed something or the document does not say it, and what to
write to make it say it.  The empty-pane line is computed from the briefing alone (its
format), so the reader can show it without reading the file again.
"""

from __future__ import annotations

from briefing_tui.model import Briefing, Pane, Participant
from briefing_tui.readers.trace import tracing

_FORMAT_NAMES = {
    "yaml": "YAML",
    "markdown": "Markdown",
    "text": "plain text (press-release phrase rules)",
    "html": "HTML (press-release phrase rules; navigation left out)",
}

# What would fill each pane, by the document's format.
_WOULD_FILL: dict[tuple[str, Pane], str] = {
    ("yaml", Pane.PARTICIPANTS): "a `participants:`, `speakers:`, `attendees:` or `author:` key",
    ("yaml", Pane.TOPICS): "a `topics:`, `sessions:`, `talks:`, `agenda:` or `items:` key",
    ("yaml", Pane.OUTCOMES): "an `outcomes:`, `decisions:`, `action_items:` or `next_steps:` key",
    ("markdown", Pane.PARTICIPANTS): "a Participants heading, list or `participants:` key",
    ("markdown", Pane.TOPICS): "an Agenda or Topics heading, numbered agenda items or a "
    "`topics:` key",
    ("markdown", Pane.OUTCOMES): "an Outcomes, Decisions or Action items heading, a task "
    "list or an `outcomes:` key",
    ("text", Pane.PARTICIPANTS): "an 'opened by NAME, ROLE', 'participants from N "
    "countries' or 'speakers were ...' phrase, or a Participants heading",
    ("text", Pane.TOPICS): "a 'Topics discussed included ...' or 'focused on ...' phrase, "
    "or an Agenda heading",
    ("text", Pane.OUTCOMES): "a list after 'through:', 'agreed', 'concluded' or 'resulted "
    "in', or an Outcomes heading",
}


def empty_pane_reason(briefing: Briefing, pane: Pane) -> str:
    """One line for an empty pane: what the reader looked for and did not find."""
    fmt = "text" if briefing.format == "html" else briefing.format
    if pane is Pane.OVERVIEW:
        return "No text outside the other panes was found."
    wanted = _WOULD_FILL.get((fmt, pane)) or _WOULD_FILL[("markdown", pane)]
    return f"No {pane.label} listed: no {wanted.removeprefix('a ').removeprefix('an ')} was found."


def _count(briefing: Briefing, pane: Pane) -> str:
    if pane is Pane.PARTICIPANTS:
        named = sum(isinstance(p, Participant) for p in briefing.participants)
        groups = len(briefing.participants) - named
        return f"{named} named, {groups} group{'s' if groups != 1 else ''}"
    return str(len(briefing.topics if pane is Pane.TOPICS else briefing.outcomes))


def explain(path: str, data: bytes) -> list[str]:
    """The lines `briefing check --explain` prints for one file."""
    # Imported here: the panes ask `empty_pane_reason` and the reader's first screen must
    # not wait for every format reader and its patterns to load.
    from briefing_tui.readers.documents import read_document

    with tracing() as notes:
        result = read_document(path, data)
    b = result.briefing
    if b is None:
        return [f"{path}: not read", *(f"  {p}" for p in result.problems)]
    how: dict[str, list[str]] = {}
    for what, text in notes:
        if text not in how.setdefault(what, []):
            how[what].append(text)
    out = [f"{path}: read as {_FORMAT_NAMES.get(b.format, b.format)}"]

    def field(name: str, value: str, key: str) -> None:
        if value:
            source = "; ".join(how.get(key, [])[:3]) or "the document"
            out.append(f"  {name}: {value}  <- {source}")
        else:
            out.append(f"  {name}: (none)")

    field("title", b.title, "title")
    field("date", b.date_range(), "date")
    published = b.source.published.isoformat() if b.source and b.source.published else ""
    if "source.published" not in how:
        how["source.published"] = how.get("source", [])
    field("published", published, "source.published")
    field("location", b.location, "location")
    field("organisers", "; ".join(b.organisers), "organisers")
    for pane in (Pane.PARTICIPANTS, Pane.TOPICS, Pane.OUTCOMES):
        items = getattr(b, pane.value)
        if items:
            source = "; ".join(how.get(pane.value, [])[:4]) or "the document"
            out.append(f"  {pane.label}: {_count(b, pane)}  <- {source}")
        else:
            out.append(f"  {pane.label}: {empty_pane_reason(b, pane)}")
    unread = how.get("unread", [])
    unread += [f"key '{k}:' shown under Other details" for k, _ in b.extra if not unread]
    for pane in (Pane.PARTICIPANTS, Pane.TOPICS, Pane.OUTCOMES):
        if getattr(b, f"{pane.value}_text").strip():
            unread.append(f"prose under the {pane.label} heading, shown as written")
    out.append("  left unread: " + ("; ".join(dict.fromkeys(unread)) if unread else "nothing"))
    out += [f"  {p}" for p in result.problems]
    return out
