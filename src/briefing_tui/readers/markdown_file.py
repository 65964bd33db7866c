"""A Markdown briefing file: optional YAML or TOML front matter, then a body whose headings,
labels and lists fill the panes.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from datetime import date
from pathlib import PurePath
from typing import Any

from yaml.nodes import MappingNode, Node

from briefing_tui.model import LoadResult, Pane, Problem, Severity
from briefing_tui.parts_later import PART_FIELDS, Deferral, Pause
from briefing_tui.readers.build import build, date_from_name, title_from_path
from briefing_tui.readers.dates import dateline, find_date
from briefing_tui.readers.decode import decode
from briefing_tui.readers.markdown_body import Body, read_body
from briefing_tui.readers.markdown_headings import first_title_line
from briefing_tui.readers.markdown_text import plain
from briefing_tui.readers.prose_blocks import blocks_of
from briefing_tui.readers.prose_rules import ProseFacts, read_prose
from briefing_tui.readers.trace import note
from briefing_tui.readers.yaml_file import yaml_root
from briefing_tui.readers.yaml_nodes import Fields
from briefing_tui.readers.yaml_schema import SchemaReader
from briefing_tui.readers.yamlsafe import YamlLimitError, plain_to_node
from briefing_tui.sanitize import clean

_CLOSERS = ("---", "...")


def split_front_matter(path: str, text: str) -> tuple[str | None, str, str, int, list[Problem]]:
    """(front matter, kind "yaml"/"toml", body, body's first line, problems).

    The opener must be exactly `---` (or `+++` for TOML) on line 1.  An unterminated block
    is not front matter: the whole text is shown as body, with a warning.
    """
    first, _, rest = text.partition("\n")
    opener = first.rstrip(" \t")
    if opener not in ("---", "+++"):
        return None, "", text, 1, []
    closers = ("+++",) if opener == "+++" else _CLOSERS
    # Line by line up to the closer: splitting a 7 MB body into lines to join them again
    # cost its first screen 30-50 ms.
    start = 0
    for i in itertools.count():
        end = rest.find("\n", start)
        line = rest[start:] if end == -1 else rest[start:end]
        if line.rstrip(" \t") in closers:
            front = rest[: max(start - 1, 0)]
            body = "" if end == -1 else rest[end + 1 :]
            return front, "toml" if opener == "+++" else "yaml", body, i + 3, []
        if end == -1:
            break
        start = end + 1
    warning = Problem(
        path,
        1,
        1,
        Severity.WARNING,
        f"front matter opened with {opener} on line 1 is never closed; "
        "the whole file is shown as text",
    )
    return None, "", text, 1, [warning]


def _front_fields(path: str, front: str, kind: str) -> tuple[Fields | None, list[Problem]]:
    reader = SchemaReader(path, line_offset=1)
    if kind == "toml":
        try:
            node: Node = plain_to_node(tomllib.loads(front))
        except tomllib.TOMLDecodeError as exc:
            return None, [
                Problem(
                    path,
                    None,
                    None,
                    Severity.WARNING,
                    f"TOML front matter could not be read ({clean(str(exc))}); it is shown as text",
                )
            ]
        except YamlLimitError as exc:
            return None, [Problem(path, None, None, Severity.ERROR, f"front matter {exc}")]
        assert isinstance(node, MappingNode)
        fields = reader.read(node)
        return fields, reader.problems
    root, problems, fatal = yaml_root(path, front, 1, "front matter")
    if root is None:
        if fatal:
            # Not a mapping, or not YAML: keep the reader going with the text as body.
            problems = [
                Problem(
                    p.path,
                    p.line,
                    p.column,
                    Severity.WARNING,
                    p.message + "; the front matter is shown as text",
                )
                for p in problems
            ]
        return None, problems
    fields = reader.read(root)
    return fields, reader.problems


# The body cut into blocks for the phrase rules: well past their PROSE_BUDGET of paragraphs.
PROSE_WINDOW = 64 * 1024


def _needs_facts(values: dict[str, Any], parsed: Body) -> bool | None:
    """Whether a pane would otherwise stay empty, so the phrase rules must run; None when
    only the items left for later (`Body.pending`) can tell."""
    pending = parsed.pending_panes()

    def has(key: str) -> bool | None:
        if values.get(key) or getattr(parsed, key):
            return True  # items left for later only add to these
        return None if Pane(key) in pending else False

    if has("topics") is False or has("outcomes") is False:
        return True
    people: bool | None = any(_not_author(p) for p in values.get("participants", ()))
    if not people:
        # Later items may merge with these (`_merge_people`), which can change a role.
        ready = Pane.PARTICIPANTS not in pending
        people = any(_not_author(p) for p in parsed.participants) if ready else None
    if people is None or has("topics") is None or has("outcomes") is None:
        return None
    return not people


def _changes_fields(facts: ProseFacts, values: dict[str, Any], parsed: Body) -> bool:
    """Whether the phrase rules' findings would fill in a field besides the items."""
    return bool(
        (facts.location and not values.get("location") and not parsed.location)
        or (facts.organisers and not values.get("organisers"))
        or (facts.date is not None and not values.get("date") and parsed.date is None)
    )


def _not_author(person: object) -> bool:
    return getattr(person, "role", "") != "Author"


def _prose_facts(body: str, body_line: int, values: dict[str, Any]) -> ProseFacts:
    """The phrase rules over the body, for an event report written as prose: only when a
    pane would otherwise stay empty (headings and keys always win over phrases)."""
    year = values["date"].year if isinstance(values.get("date"), date) else None
    if len(body) > PROSE_WINDOW:
        # The rules read only the first paragraphs (PROSE_BUDGET); cutting the text into
        # blocks past them would cost seconds on an 8 MB table and change nothing.
        # Cut at the end of a line: one long line costs little, a million short ones do.
        cut = body.find("\n", PROSE_WINDOW)
        body = body if cut == -1 else body[: cut + 1]
    return read_prose(blocks_of(body, body_line), year)


def _date_line(body: str) -> date | None:
    """A date standing alone near the top ("### [2017-01-23](...)", "12 March 2018")."""
    seen = 0
    for line in body.split("\n")[:40]:
        text = plain(line.strip().lstrip("#>*_ ").strip())
        if not text:
            continue
        seen += 1
        if seen > 6:
            break
        found = dateline(text)
        if found is not None:
            return found
    return None


def read_markdown(path: str, data: bytes, defer: Deferral | None = None) -> LoadResult:
    """`defer`: the pane items of a long document may be read later (see `parts_later`)."""
    text, problems = decode(path, data)
    if text is None:
        return LoadResult(path, None, tuple(problems))
    front, kind, body, body_line, found = split_front_matter(path, text)
    problems.extend(found)
    fields = Fields()
    if front is not None:
        parsed, found = _front_fields(path, front, kind)
        problems.extend(found)
        if parsed is None:
            fence = "+++" if kind == "toml" else "---"
            body, body_line = f"```\n{front}\n```\n\n{body}", 1
            if fence == "+++":
                body = body.replace("```\n", "```toml\n", 1)
        else:
            fields = parsed
    values = fields.values
    front_title = values.get("title")
    min_lines = defer.min_lines if defer is not None else None
    parsed_body = read_body(body, body_line, front_title, frozenset(values), min_lines)
    needs_facts = _needs_facts(values, parsed_body)
    if not front_title:
        # A daily note (`2024-01-15.md`) is best titled by its date, unless it has a heading.
        daily = re.fullmatch(r"\d{4}-\d{2}-\d{2}", PurePath(path).stem) is not None
        values["title"] = parsed_body.title or first_title_line(body, headings_only=daily)
        if values["title"]:
            note("title", "the first heading or text line of the body")
        else:
            values["title"] = title_from_path(path)
            note("title", "the file name (no title key, heading or text line was found)")
    facts = _prose_facts(body, body_line, values) if needs_facts is not False else None
    if needs_facts is None and facts is not None and _changes_fields(facts, values, parsed_body):
        # Only the items can tell whether the phrases fill in the place, dates or
        # organisers: read them now.
        parsed_body.finish()
        needs_facts = _needs_facts(values, parsed_body)
        facts = facts if needs_facts else None
    if parsed_body.tags:
        merged: dict[str, str] = {}
        for tag in (*values.get("tags", ()), *parsed_body.tags):
            merged.setdefault(tag.casefold(), tag)
        values["tags"] = tuple(merged.values())
    if parsed_body.location and not values.get("location"):
        values["location"] = parsed_body.location
    elif facts is not None and facts.location and not values.get("location"):
        values["location"] = facts.location
    if facts is not None and facts.organisers and not values.get("organisers"):
        values["organisers"] = tuple(facts.organisers)
    if not values.get("date"):
        if parsed_body.date is not None:
            values["date"] = parsed_body.date
        elif facts is not None and facts.date is not None:
            values["date"], values["end_date"] = facts.date, facts.end_date
            note("date", "the dates written in the text")
        elif (top := _date_line(body)) is not None:
            values["date"] = top
            note("date", "a line near the top that is only a date")
        elif (in_title := find_date(values["title"], numeric=False)) is not None:
            values["date"] = in_title[0]
        else:
            date_from_name(path, fields)
    overview = [values.get("overview", ""), *parsed_body.overview]
    values["overview"] = "\n\n".join(x for x in overview if x.strip())
    values["sections"] = tuple(parsed_body.sections)
    if not values.get("summary"):
        values["summary"] = first_paragraph(values["overview"])
    if parsed_body.pending:
        front_items = {key: values[key] for key in PART_FIELDS if key in values}

        def finish(pause: Pause | None) -> dict[str, Any]:
            parsed_body.finish(pause)
            # Whether a pane stays empty, which only the items could tell, is known now.
            needed = facts if _needs_facts(front_items, parsed_body) else None
            return _items(front_items, parsed_body, needed)

        pause = defer.pause if defer is not None else None
        briefing = build(path, "markdown", fields, problems, later=finish, pause=pause)
    else:
        values.update(_items(values, parsed_body, facts))
        briefing = build(path, "markdown", fields, problems)
    return LoadResult(path, briefing, briefing.problems)


def _items(values: dict[str, Any], parsed: Body, facts: ProseFacts | None) -> dict[str, Any]:
    """The pane items (`PART_FIELDS`): the front matter's, then the body's, then, for a
    pane still empty, what the phrase rules found."""
    items: dict[str, Any] = {}
    for key in ("participants", "topics", "outcomes"):
        found = tuple(values.get(key, ())) + tuple(getattr(parsed, key))
        # A page's authors are people, but they do not say who took part in the event.
        only_authors = key == "participants" and not any(_not_author(p) for p in found)
        if (not found or only_authors) and facts is not None and getattr(facts, key):
            found += tuple(getattr(facts, key))
            for what, how in facts.how:
                if what == key:
                    note(what, how)
        items[key] = found
        prose = "\n\n".join(getattr(parsed, f"{key}_text"))
        if prose or f"{key}_text" in values:
            items[f"{key}_text"] = prose or values[f"{key}_text"]
    return items


def first_paragraph(markdown: str, limit: int = 300) -> str:
    """The first prose paragraph as plain text: the list needs a summary when none is given."""
    for block in re.split(r"\n\s*\n", markdown):
        stripped = block.strip()
        if not stripped or stripped.startswith(("#", "```", "~~~", "|", "-", "*", ">", "<")):
            continue
        # Only the start can be shown; cutting first keeps hostile paragraphs cheap.
        one = " ".join(stripped[: limit * 8].split())
        one = re.sub(r"\[([^\[\]]{0,300})\]\([^()]{0,500}\)", r"\1", one)
        one = re.sub(r"(\*\*|__|\*|`)", "", one)
        return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"
    return ""
