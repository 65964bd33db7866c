"""JSON that carries every field of the format, so scripts lose nothing the reader shows."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from briefing_tui.model import Briefing, Participant, ParticipantGroup, Problem
from briefing_tui.sanitize import escape_surrogates, raw_bytes_hex


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def path_fields(key: str, path: str) -> dict[str, Any]:
    """A file name for JSON: undecodable bytes written as `\\xNN` text (a lone surrogate is
    not valid JSON text for most readers), and the name's raw bytes, as hex, under
    `KEY_bytes` when there were any."""
    fields: dict[str, Any] = {key: escape_surrogates(path)}
    raw = raw_bytes_hex(path)
    if raw is not None:
        fields[f"{key}_bytes"] = raw
    return fields


def problem_dict(p: Problem) -> dict[str, Any]:
    return {
        **path_fields("path", p.path),
        "line": p.line,
        "column": p.column,
        "severity": p.severity.value,
        "message": p.message,
    }


def _participant(p: Participant | ParticipantGroup) -> dict[str, Any]:
    if isinstance(p, ParticipantGroup):
        return {"group": p.group, "count": p.count, "notes": p.notes, "line": p.line}
    return {
        "name": p.name,
        "role": p.role,
        "organisation": p.organisation,
        "country": p.country,
        "notes": p.notes,
        "line": p.line,
    }


def briefing_dict(b: Briefing) -> dict[str, Any]:
    source = None
    if b.source is not None:
        source = {
            "publisher": b.source.publisher,
            "published": _iso(b.source.published),
            "url": b.source.url,
            "reference": b.source.reference,
        }
    return {
        **path_fields("source_path", b.path),
        "format": b.format,
        "title": b.title,
        "date": _iso(b.date),
        "end_date": _iso(b.end_date),
        "location": b.location,
        "organisers": list(b.organisers),
        "marking": b.marking,
        "tags": list(b.tags),
        "summary": b.summary,
        "overview": b.overview,
        "participants": [_participant(p) for p in b.participants],
        "participants_text": b.participants_text,
        "topics": [
            {"title": t.title, "summary": t.summary, "speakers": list(t.speakers), "line": t.line}
            for t in b.topics
        ],
        "topics_text": b.topics_text,
        "outcomes": [
            {
                "text": o.text,
                "kind": o.kind,
                "owner": o.owner,
                "due": _iso(o.due),
                "status": o.status,
                "line": o.line,
            }
            for o in b.outcomes
        ],
        "outcomes_text": b.outcomes_text,
        "links": [{"title": lk.title, "url": lk.url} for lk in b.links],
        "glossary": dict(b.glossary),
        "source": source,
        "sections": [{"title": s.title, "body": s.body, "line": s.line} for s in b.sections],
        "extra": dict(b.extra),
        "problems": [problem_dict(p) for p in b.problems],
    }


def to_json(b: Briefing) -> str:
    # ensure_ascii keeps the output free of raw bidi or control characters as well.
    return json.dumps(briefing_dict(b), indent=2, ensure_ascii=True)
