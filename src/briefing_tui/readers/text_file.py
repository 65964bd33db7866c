"""Plain-text and HTML press releases (`.txt`, `.html`, `.htm`) read into a Briefing.

The text is cut into blocks (HTML by the stdlib's `html.parser`, which never fetches
anything: `<link>`, `<img>` and scripts are ignored), the title is the page's `<h1>` or
`<title>` or the first text line, and a line that is only a date is when it was published.
Headings and lists are then read by the Markdown rules and sentences by the phrase rules
(`prose_rules`), so a release fills the panes the way a written-up briefing does.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TypeVar

from briefing_tui.model import LoadResult, Outcome, Participant, ParticipantGroup, Source, Topic
from briefing_tui.readers.build import build, date_from_name, title_from_path
from briefing_tui.readers.dates import dateline, find_date
from briefing_tui.readers.decode import decode
from briefing_tui.readers.html_blocks import html_blocks
from briefing_tui.readers.markdown_body import read_body
from briefing_tui.readers.markdown_text import heading_key
from briefing_tui.readers.prose_blocks import Block, blocks_of
from briefing_tui.readers.prose_rules import read_prose
from briefing_tui.readers.trace import note
from briefing_tui.readers.vocabulary import HEADINGS, LABELS
from briefing_tui.readers.yaml_nodes import Fields

_TAGS = re.compile(r"<[^<>]{0,200}>")
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")


def _letters(text: str) -> int:
    return sum(1 for ch in text[:200] if ch.isalpha())


def _plain_blocks(text: str) -> list[Block]:
    """A text file's blocks; a short line standing alone that names a pane is a heading."""
    out: list[Block] = []
    for block in blocks_of(text):
        clean = " ".join(_TAGS.sub(" ", block.text).split())
        if block.kind == "p" and len(clean) <= 60 and heading_key(clean) in HEADINGS:
            out.append(Block("h", clean, block.line))
        else:
            out.append(Block(block.kind, clean, block.line))
    return out


def _head(blocks: list[Block], title: str) -> tuple[str, int | None, date | None, int]:
    """(title, its line, published date, index of the first body block)."""
    published: date | None = None
    line: int | None = None
    start = 0
    for i, block in enumerate(blocks[:8]):
        when = dateline(block.text)
        if when is not None:
            published = published or when
            start = i + 1
            continue
        if _letters(block.text) < 3:
            start = i + 1
            continue
        if title or len(block.text) > 200 or block.kind == "li":
            break
        title, line, start = block.text, block.line, i + 1
    return title, line, published, start


_INLINE_LABEL = re.compile(r",\s+([^\W\d][\w /'-]{1,30}):\s+\S")


def _split_title_label(title: str) -> tuple[str, str]:
    """A title line that goes on into a label ("..., present: A, B") cut in two."""
    m = _INLINE_LABEL.search(title)
    if m is None or heading_key(m.group(1)) not in LABELS:
        return title, ""
    return title[: m.start()].strip(), title[m.start() + 1 :].strip()


def _as_markdown(blocks: list[Block]) -> tuple[str, list[int]]:
    """Blocks as a Markdown body for the heading and list rules, and each line's source line."""
    lines: list[str] = []
    where: list[int] = []
    for block in blocks:
        text = block.text.replace("\n", " ")
        if block.kind == "h":
            lines += [f"## {text}", ""]
        elif block.kind == "li":
            lines += [f"- {text}"]
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
                where.append(block.line)
            lines += [text, ""]
        where += [block.line] * (len(lines) - len(where))
    return "\n".join(lines), where


_Item = TypeVar("_Item", Participant | ParticipantGroup, Topic, Outcome)


_PARAGRAPH_MARK = re.compile(r"^§\s*\d{1,3}[.:]?\s+\S.{0,80}$")
_BULLET = re.compile(r"^([ \t]{0,8})[•·▪■●○–—][ \t]+")


def _text_as_markdown(text: str, first: int) -> tuple[str, list[int]]:
    """A text file as Markdown, line for line (so `Present:` lines and lists keep their
    shape and their line numbers): the head above `first` blanked, tags stripped, bullets
    made dashes, and a short line that names a pane made a heading."""
    lines = text.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines, 1):
        if n < first:
            out.append("")
            continue
        line = _BULLET.sub(r"\1- ", line)
        if line.startswith("§") and _PARAGRAPH_MARK.match(line):
            line = f"## {line.strip()}"  # "§1 Mötets öppnande": an agenda item of minutes
        if "<" in line:
            line = _TAGS.sub(" ", line)
        stripped = line.strip()
        if (
            stripped
            and len(stripped) <= 60
            and heading_key(stripped) in HEADINGS
            and (n == 1 or not lines[n - 2].strip())
        ):
            line = f"## {stripped.rstrip(':')}"
        out.append(line)
    return "\n".join(out), list(range(1, len(out) + 1))


def _relined(items: list[_Item], where: list[int]) -> list[_Item]:
    """Items read from the made-up Markdown, given the line of the source they came from."""
    out: list[_Item] = []
    for item in items:
        n = item.line
        if n is not None and 1 <= n <= len(where):
            item = replace(item, line=where[n - 1])
        out.append(item)
    return out


def read_text(path: str, data: bytes) -> LoadResult:
    text, problems = decode(path, data)
    if text is None:
        return LoadResult(path, None, tuple(problems))
    is_html = path.lower().endswith((".html", ".htm"))
    if is_html:
        page_title, blocks = html_blocks(text)
    else:
        page_title, blocks = "", _plain_blocks(text)
    title, title_line, published, start = _head(blocks, page_title)
    title, label_line = _split_title_label(title)
    body_blocks = blocks[start:]
    if is_html:
        markdown, where = _as_markdown(body_blocks)
    else:
        markdown, where = _text_as_markdown(text, blocks[start].line if start < len(blocks) else 0)
    if label_line and title_line and not is_html:
        # "Meeting 3/3/2025, present: A, B": the label after the title is a line of its own.
        lines = markdown.split("\n")
        lines[title_line - 1] = label_line
        markdown = "\n".join(lines)
    body = read_body(markdown, 1, title or None)
    facts = read_prose(body_blocks, published.year if published else None)
    fields = Fields()
    values = fields.values
    if title:
        values["title"] = title
        note(
            "title",
            "the <h1> or <title> of the page"
            if is_html
            else f"the first text line (line {title_line})",
        )
    else:
        values["title"] = title_from_path(path)
        note("title", "the file name (no title line was found)")
    if body.date is not None:
        values["date"] = body.date
        note("date", "a 'Date:' line")
    elif facts.date is not None:
        values["date"], values["end_date"] = facts.date, facts.end_date
    elif published is not None:
        values["date"] = published
        note("date", "the published date (no event date was found)")
    elif (in_title := find_date(values["title"])) is not None:
        values["date"] = in_title[0]  # "Overleg 3/3/2025": day first, as Europe writes it
        note("date", "the date written in the title")
    else:
        date_from_name(path, fields)
    if published is not None:
        values["source"] = Source(published=published)
        note("source.published", "a line that is only a date")
    values["location"] = body.location or facts.location
    values["organisers"] = tuple(facts.organisers)
    people = _relined(body.participants, where) or facts.participants
    topics = _relined(body.topics, where) or facts.topics
    outcomes = _relined(body.outcomes, where) or facts.outcomes
    values["participants"], values["topics"], values["outcomes"] = (
        tuple(people),
        tuple(topics),
        tuple(outcomes),
    )
    for what, how in facts.how:
        if what in ("participants", "topics", "outcomes") and getattr(body, what):
            continue  # the headings and lists filled this pane; the phrases were not used
        note(what, how)
    for what in ("participants", "topics", "outcomes"):
        if getattr(body, what):
            note(what, "the headings and lists of the text")
    paragraphs = [b.text for b in body_blocks if b.kind == "p"]
    values["overview"] = "\n\n".join(x for x in body.overview if x.strip())
    values["sections"] = tuple(body.sections)
    values["summary"] = _summary(paragraphs[0]) if paragraphs else ""
    for key in ("participants", "topics", "outcomes"):
        prose = "\n\n".join(getattr(body, f"{key}_text"))
        if prose:
            values[f"{key}_text"] = prose
    briefing = build(path, "html" if is_html else "text", fields, problems)
    return LoadResult(path, briefing, briefing.problems)


def _summary(text: str, limit: int = 300) -> str:
    """The list's one-line summary: a cut at a word, marked, never a word cut in half."""
    one = " ".join(text[: limit * 4].split())
    if len(one) <= limit:
        return one
    cut = one[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"
