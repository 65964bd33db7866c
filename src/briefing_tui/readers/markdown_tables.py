"""Pipe tables under a pane heading, read by their column headings.

Participants tables (Name | Organisation | Country), action tables (Action | Owner | Due |
Status) and programme tables (Time | Session | Speaker) are how minutes and write-ups record
who came, what is to be done and what was on.  A table whose columns say nothing the pane can
use is left in the prose, exactly as written.
"""

from __future__ import annotations

import re

from briefing_tui.model import Outcome, Participant, ParticipantGroup, Topic
from briefing_tui.readers.dates import find_date
from briefing_tui.readers.markdown_text import heading_key, plain
from briefing_tui.readers.vocabulary import PARTICIPANT_KEYS, normalise_kind, normalise_status

# A header separator row (`| --- | :--: |`).  Written so that no run of spaces can be split
# two ways: the obvious pattern took minutes on one long line of spaces.
_TABLE_SEP = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*(?::?-{2,}:?\s*)?)*$")
_EMPTY_CELLS = frozenset({"-", "–", "—", "n/a", "na", "none", "?"})

Table = tuple[list[str], list[list[str]], int]


def _split_row(line: str) -> list[str]:
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


def extract_tables(lines: list[str]) -> tuple[list[Table], list[str]]:
    """Pipe tables as (header, rows, index of header line), and the other lines in place."""
    tables: list[Table] = []
    if not any("|" in line for line in lines):
        return tables, list(lines)  # a list of 200,000 people is not walked line by line
    rest: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "|" in line and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]):
            header = _split_row(line)
            rows: list[list[str]] = []
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows.append(_split_row(lines[j]))
                j += 1
            tables.append((header, rows, i))
            # Blank lines stand in for the table, so later line numbers stay true.
            rest.extend([""] * (j - i))
            i = j
            continue
        rest.append(line)
        i += 1
    return tables, rest


_TABLE_COLUMNS = dict(PARTICIPANT_KEYS)
_TABLE_COLUMNS.update(
    {
        "participant": "name",
        "person": "name",
        "speaker": "name",
        "delegate": "name",
        "authority": "organisation",
        "body": "organisation",
        "unit": "organisation",
        "state": "country",
        "jurisdiction": "country",
        "nationality": "country",
        "member state": "country",
        "remarks": "notes",
        "comments": "notes",
        "comment": "notes",
        "contribution": "notes",
        "count": "count",
        "number": "count",
        "group": "group",
    }
)


def participant_column(heading: str) -> str:
    """The participant field a column holds: by name, else by a telling word in it
    ("Participating agencies" holds organisations, "Countries" countries)."""
    key = heading_key(heading)
    if key in _TABLE_COLUMNS:
        return _TABLE_COLUMNS[key]
    if re.search(r"agenc|authorit|organi[sz]ation|institution|\bbod(?:y|ies)\b", key):
        return "organisation"
    if re.search(r"countr|member state|jurisdiction", key):
        return "country"
    if re.search(r"\b(?:role|position|function)", key):
        return "role"
    if re.search(r"\bnames?\b", key):
        return "name"
    return ""


def _cell(text: str) -> str:
    cell = plain(text)
    return "" if cell.casefold() in _EMPTY_CELLS else cell


def participants_from_table(
    header: list[str], rows: list[list[str]], line: int
) -> list[Participant | ParticipantGroup]:
    columns = [participant_column(h) for h in header]
    out: list[Participant | ParticipantGroup] = []
    for r, row in enumerate(rows):
        values: dict[str, str] = {}
        leftovers: list[str] = []
        for c, raw in enumerate(row):
            cell = _cell(raw)
            target = columns[c] if c < len(columns) else ""
            if not cell:
                continue
            if target and target not in values:
                values[target] = cell
            else:
                label = header[c] if c < len(header) else ""
                leftovers.append(f"{label}: {cell}" if label else cell)
        if not values and not leftovers:
            continue
        notes = "; ".join(x for x in (values.get("notes", ""), *leftovers) if x)
        row_line = line + 2 + r
        if "group" in values:
            count = values.get("count", "").replace(",", "")
            out.append(
                ParticipantGroup(
                    values["group"], int(count) if count.isdigit() else None, notes, row_line
                )
            )
            continue
        if not values.get("name") and ";" in values.get("organisation", ""):
            # "BKA; Public Prosecutor's Office Frankfurt": one agency each.
            for org in (o.strip() for o in values["organisation"].split(";")):
                if org:
                    country = values.get("country", "")
                    out.append(Participant(org, "", org, country, notes, row_line))
            continue
        name = (
            values.get("name") or values.get("organisation") or (leftovers[0] if leftovers else "")
        )
        out.append(
            Participant(
                name,
                values.get("role", ""),
                values.get("organisation", ""),
                values.get("country", ""),
                notes,
                row_line,
            )
        )
    return out


def restore_tables(
    lines: list[str],
    rest: list[str],
    tables: list[Table],
    used: set[int],
) -> list[str]:
    """Put back, in place, the tables that were not turned into items."""
    out = list(rest)
    for _header, rows, index in tables:
        if index not in used:
            out[index : index + 2 + len(rows)] = lines[index : index + 2 + len(rows)]
    return out


_OUTCOME_COLUMNS = {
    **dict.fromkeys(
        (
            "action",
            "actions",
            "action item",
            "action point",
            "task",
            "item",
            "decision",
            "outcome",
            "finding",
            "recommendation",
            "description",
            "what",
            "text",
        ),
        "text",
    ),
    **dict.fromkeys(
        (
            "owner",
            "action owner",
            "who",
            "responsible",
            "assignee",
            "assigned to",
            "lead",
            "by whom",
        ),
        "owner",
    ),
    **dict.fromkeys(("due", "deadline", "due date", "by", "date", "when", "target date"), "due"),
    **dict.fromkeys(("status", "state", "done"), "status"),
    **dict.fromkeys(("kind", "type"), "kind"),
    **dict.fromkeys(("", "no", "nr", "n"), "skip"),
    # The same columns in the languages minutes are kept in.
    **dict.fromkeys(
        [
            "décision",
            "action à mener",
            "tâche",
            "entscheidung",
            "beschluss",
            "aufgabe",
            "maßnahme",
            "decisión",
            "acuerdo",
            "tarea",
            "tarefa",
            "ação",
            "decisão",
            "acción",
            "decisione",
            "azione",
            "compito",
            "besluit",
            "actie",
            "taak",
            "beslut",
            "åtgärd",
            "uppgift",
            "decyzja",
            "zadanie",
            "决策内容",
            "决定",
            "决议",
            "行动",
            "任务",
            "决定事项",
            "アクション",
            "タスク",
            "決定事項",
            "조치",
            "결정 사항",
            "할 일",
        ],
        "text",
    ),
    **dict.fromkeys(
        [
            "responsable",
            "responsável",
            "verantwortlich",
            "verantwortliche",
            "responsabile",
            "verantwoordelijke",
            "ansvarig",
            "odpowiedzialny",
            "负责人",
            "担当者",
            "담당자",
        ],
        "owner",
    ),
    **dict.fromkeys(
        [
            "échéance",
            "prazo",
            "frist",
            "termin",
            "plazo",
            "fecha límite",
            "scadenza",
            "termijn",
            "deadline datum",
            "截止日期",
            "截止",
            "期限",
            "기한",
            "마감",
        ],
        "due",
    ),
    **dict.fromkeys(["statut", "estado", "stato", "状态", "ステータス", "상태"], "status"),
}


def outcomes_from_table(
    header: list[str], rows: list[list[str]], line: int, default_kind: str
) -> list[Outcome] | None:
    """An action table (Action | Owner | Due | Status) as outcomes; None if it is not one."""
    columns = [_OUTCOME_COLUMNS.get(heading_key(h), "") for h in header]
    if "text" not in columns:
        return None
    out: list[Outcome] = []
    for r, row in enumerate(rows):
        values: dict[str, str] = {}
        leftovers: list[str] = []
        for c, raw in enumerate(row):
            cell = _cell(raw)
            target = columns[c] if c < len(columns) else ""
            if not cell or target == "skip":
                continue
            if target and target not in values:
                values[target] = cell
            else:
                label = header[c] if c < len(header) else ""
                leftovers.append(f"{label}: {cell}" if label else cell)
        text = values.get("text", "")
        if not text:
            continue
        if leftovers:
            text = f"{text} ({'; '.join(leftovers)})"
        found = find_date(values.get("due", ""))
        status = normalise_status(values.get("status", ""))
        if status in ("x", "yes", "true", "✓", "✔"):
            status = "done"
        kind = normalise_kind(values.get("kind", "")) or default_kind
        out.append(
            Outcome(
                text,
                kind,
                values.get("owner", ""),
                found[0] if found else None,
                status,
                line + 2 + r,
            )
        )
    return out


_TOPIC_COLUMNS = {
    **dict.fromkeys(
        (
            "title",
            "session",
            "topic",
            "item",
            "agenda item",
            "subject",
            "talk",
            "presentation",
        ),
        "title",
    ),
    **dict.fromkeys(
        (
            "speaker",
            "speakers",
            "presenter",
            "presenters",
            "by",
            "moderator",
            "chair",
            "panel",
        ),
        "speakers",
    ),
    **dict.fromkeys(
        ("time", "day", "date", "start", "end", "slot", "room", "venue", "location"), "when"
    ),
    **dict.fromkeys(("summary", "description", "abstract", "notes", "details"), "summary"),
    **dict.fromkeys(("", "no", "nr", "n"), "skip"),
}


def topics_from_table(header: list[str], rows: list[list[str]], line: int) -> list[Topic] | None:
    """A programme table (Time | Session | Speaker) as topics; None if it is not one."""
    columns = [_TOPIC_COLUMNS.get(heading_key(h), "") for h in header]
    if "title" not in columns:
        return None
    out: list[Topic] = []
    for r, row in enumerate(rows):
        title, summary, speakers = "", [], []
        when: list[str] = []
        for c, raw in enumerate(row):
            cell = _cell(raw)
            target = columns[c] if c < len(columns) else ""
            if not cell or target == "skip":
                continue
            if target == "title" and not title:
                title = cell
            elif target == "speakers":
                speakers += [x.strip() for x in re.split(r",|;| and ", cell) if x.strip()]
            elif target == "when":
                when.append(cell)
            elif target == "summary":
                summary.append(cell)
            else:
                label = header[c] if c < len(header) else ""
                summary.append(f"{label}: {cell}" if label else cell)
        if title:
            text = "\n\n".join(x for x in (" · ".join(when), *summary) if x)
            out.append(Topic(title, text, tuple(speakers), line + 2 + r))
    return out
