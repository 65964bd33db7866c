"""The YAML keys briefings and other tools use, and what each is read as.

The format's own keys come first; then the names other tools give the same things (a
conference site's `talks:`, a minutes template's `action_items:`), so a file written for
another tool still fills the panes.  Only names live here; `yaml_schema` does the reading.
"""

from __future__ import annotations

from briefing_tui.readers.vocabulary import APOLOGIES_NOTE, LabelKind

KNOWN_KEYS = (
    "title",
    "date",
    "end_date",
    "location",
    "organisers",
    "marking",
    "tags",
    "summary",
    "overview",
    "participants",
    "topics",
    "outcomes",
    "links",
    "glossary",
    "source",
)
# Spellings people will use anyway; read as the canonical key.
KEY_SYNONYMS = {"organizers": "organisers", "enddate": "end_date", "end-date": "end_date"}
# Keys other tools use for the date, tried in order when `date` is absent (kept in extra too):
# first those naming when the event began, then mappings holding its start and end, and only
# then the dates a page or note was published, created or changed.
START_FALLBACKS = (
    "start_date",
    "start",
    "begin",
    "starts",
    "from",
    "date_start",
    "event_date",
    "date_filed",
    "filed",
    "filing_date",
    "meeting_date",
    "date_of_meeting",
    "hearing_date",
    "decision_date",
    "date_of_decision",
    "judgment_date",
    "conference_date",
)
END_FALLBACKS = ("end", "ends", "until", "date_end")
NESTED_DATES = ("timeframe", "dates", "period", "when", "event", "conference", "meeting")
PUBLISHED_FALLBACKS = (
    "published",
    "publishdate",
    "publish_date",
    "pubdate",
    "date_published",
    "created",
    "date_created",
    "created_at",
    "creation_date",
    "updated",
    "lastmod",
    "last_modified",
    "modified",
    "date_modified",
    "collection_date",
    "date_collected",
    "retrieved",
    "accessed",
)
# Of the above, the keys that say when a page was published: kept as the source's date too.
PUBLISHED_KEYS = ("published", "publishdate", "publish_date", "pubdate", "date_published")
NESTED_START = ("start", "start_date", "begin", "from", "date", "first_day")
NESTED_END = ("end", "end_date", "until", "to", "last_day")
NESTED_TITLE = ("title", "name")
NESTED_LOCATION = ("location", "venue", "place", "city")

# Keys other tools use for a text key, read as that key when it is absent; only the first
# present is used, and only when it holds text (otherwise it stays under Other details).
TEXT_ALIASES: dict[str, tuple[str, ...]] = {
    "title": (
        "name",
        "event",
        "event_name",
        "event_title",
        "conference",
        "conference_name",
        "meeting",
        "meeting_title",
        "case_name",
        "caption",
        "headline",
        "heading",
        "subject",
        "label",
    ),
    "summary": ("description", "abstract", "excerpt", "synopsis", "tldr", "teaser"),
    "location": ("venue", "place", "city", "where"),
    "marking": ("classification", "tlp", "handling"),
    "overview": ("about",),
}
# Keys other tools use for list keys: every one present (as a list) is read and merged with
# the key itself in document order, and its items take the defaults given.
_P, _T, _O = "participants", "topics", "outcomes"
LIST_ALIASES: dict[str, LabelKind] = {
    "attendees": LabelKind(_P),
    "delegates": LabelKind(_P),
    "delegations": LabelKind(_P),
    "present": LabelKind(_P),
    "people": LabelKind(_P),
    "author": LabelKind(_P, role="Author"),
    "authors": LabelKind(_P, role="Author"),
    "presenters": LabelKind(_P, role="Presenter"),
    "participants_list": LabelKind(_P),
    "speakers": LabelKind(_P, role="Speaker"),
    "panelists": LabelKind(_P, role="Panellist"),
    "panellists": LabelKind(_P, role="Panellist"),
    "moderators": LabelKind(_P, role="Moderator"),
    "chairs": LabelKind(_P, role="Chair"),
    "observers": LabelKind(_P, role="Observer"),
    "apologies": LabelKind(_P, notes=APOLOGIES_NOTE),
    "absent": LabelKind(_P, notes=APOLOGIES_NOTE),
    "sessions": LabelKind(_T),
    "items": LabelKind(_T),
    "schedule": LabelKind(_T),
    "agenda": LabelKind(_T),
    "programme": LabelKind(_T),
    "program": LabelKind(_T),
    "talks": LabelKind(_T),
    "presentations": LabelKind(_T),
    "workshops": LabelKind(_T),
    "panels": LabelKind(_T),
    "actions": LabelKind(_O, kind="action"),
    "action_items": LabelKind(_O, kind="action"),
    "action_points": LabelKind(_O, kind="action"),
    "tasks": LabelKind(_O, kind="action"),
    "todo": LabelKind(_O, kind="action"),
    "todos": LabelKind(_O, kind="action"),
    "next_steps": LabelKind(_O, kind="action"),
    "follow_up": LabelKind(_O, kind="action"),
    "follow_ups": LabelKind(_O, kind="action"),
    "decisions": LabelKind(_O, kind="decision"),
    "resolutions": LabelKind(_O, kind="decision"),
    "conclusions": LabelKind(_O, kind="finding"),
    "findings": LabelKind(_O, kind="finding"),
    "key_findings": LabelKind(_O, kind="finding"),
    "results": LabelKind(_O, kind="finding"),
    "takeaways": LabelKind(_O, kind="finding"),
    "key_takeaways": LabelKind(_O, kind="finding"),
    "lessons_learned": LabelKind(_O, kind="finding"),
    "recommendations": LabelKind(_O, kind="recommendation"),
    "organiser": LabelKind("organisers"),
    "organizer": LabelKind("organisers"),
    "organised_by": LabelKind("organisers"),
    "organized_by": LabelKind("organisers"),
    "host": LabelKind("organisers"),
    "hosts": LabelKind("organisers"),
    "hosted_by": LabelKind("organisers"),
    "categories": LabelKind("tags"),
    "category": LabelKind("tags"),
    "keywords": LabelKind("tags"),
    "references": LabelKind("links"),
    "resources": LabelKind("links"),
    "see_also": LabelKind("links"),
}
# Inside a topic mapping: the first of these present is the title, the summary; all speaker
# keys are merged; time and place come first in the summary, as a programme shows them.
TOPIC_TITLE_KEYS = ("title", "name", "session", "talk", "topic", "subject", "item")
TOPIC_SUMMARY_KEYS = ("summary", "abstract", "description", "details")
TOPIC_SPEAKER_KEYS = (
    "speakers",
    "speaker",
    "presenters",
    "presenter",
    "panelists",
    "panellists",
    "panel",
    "moderator",
    "moderators",
    "chair",
)
TOPIC_WHEN_KEYS = (
    "day",
    "date",
    "schedule_time",
    "time",
    "start",
    "start_time",
    "time_start",
    "end",
    "end_time",
    "time_end",
    "slot",
    "room",
    "track",
    "venue",
)
# A mapping holding one of these lists (and no title) is a day of a programme.
NESTED_TOPIC_LISTS = ("sessions", "talks", "slots", "items", "schedule", "programme", "agenda")
# Inside an outcome mapping.
OUTCOME_TEXT_KEYS = (
    "text",
    "action",
    "task",
    "decision",
    "finding",
    "recommendation",
    "conclusion",
    "outcome",
    "description",
    "title",
    "item",
    "summary",
    "what",
)
TEXT_KEY_KINDS = {
    "action": "action",
    "task": "action",
    "decision": "decision",
    "finding": "finding",
    "conclusion": "finding",
    "recommendation": "recommendation",
}
OUTCOME_OWNER_KEYS = (
    "owner",
    "owners",
    "assignee",
    "assignees",
    "assigned_to",
    "assigned to",
    "responsible",
    "who",
    "lead",
)
OUTCOME_DUE_KEYS = ("due", "deadline", "due_date", "due date", "due_by", "by", "until")
OUTCOME_DONE_KEYS = ("done", "completed", "complete", "closed")
TRUE_WORDS = frozenset({"true", "yes", "y", "on", "x", "done", "1"})

HEAD_KEYS = ("head", "head of delegation", "head_of_delegation")
