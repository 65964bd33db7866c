"""What a briefing says, as searchable text per pane: the fields a reader sees, the index columns.

Two views of the same briefing that must find the same words: `fields` (what each pane
shows, Markdown markup removed, one paragraph per field) locates a hit for highlighting,
and `index_columns` (raw, fast, one string per column) feeds the index while a library
loads.  Both are folded with `search.folding` before any comparison.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from briefing_tui.model import Briefing, ExtraValue, Outcome, Pane, Participant, ParticipantGroup
from briefing_tui.pacing import slices
from briefing_tui.render.common import format_extra, outcome_tags, participant_line
from briefing_tui.search.folding import Fold

# --- Markdown, lightly --------------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_MD_CODE = re.compile(r"`+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_BLOCK = re.compile(
    r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+(?:\[[ xX]\]\s+)?)"
)
_MD_RULE = re.compile(
    r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$"
)
_MD_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
_MD_HEADING_END = re.compile(r"\s+#+\s*$")


def plain_inline(text: str) -> str:
    """One line of Markdown without its markup: what a reader sees of it."""
    if not any(c in text for c in "*_`[\\"):
        return text
    text = _MD_LINK.sub(lambda m: f"{m[1]} ({m[2]})" if m[1] and m[2] else (m[1] or m[2]), text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM.sub(lambda m: m[1] or m[2] or "", text)
    text = _MD_CODE.sub("", text)
    return _MD_ESCAPE.sub(r"\1", text)


@lru_cache(maxsize=4096)
def plain_blocks(markdown: str) -> tuple[str, ...]:
    """Markdown as readable blocks: one per paragraph, list item, heading or table row.

    Only markup is removed; words stay in order, so a phrase found in the raw text is
    still found in these blocks.  Remembered for the last few thousand texts, because the
    same briefings' prose is quoted again at each keystroke.
    """
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = " ".join(" ".join(current).split())
            if joined:
                blocks.append(plain_inline(joined))
            current.clear()

    for raw in markdown.split("\n"):
        line = raw.strip()
        if not line or _MD_FENCE.match(raw) or _MD_RULE.match(raw):
            flush()
            continue
        marker = _MD_BLOCK.match(raw)
        if line.startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            current.append(" · ".join(c for c in cells if c))
            flush()
            continue
        if marker:
            flush()
            line = raw[marker.end() :].strip()
            if marker.group(0).lstrip().startswith("#"):
                line = _MD_HEADING_END.sub("", line)
        current.append(line)
    flush()
    return tuple(blocks)


# --- What each pane says -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Field:
    """One piece of text a pane shows, with where it sits.

    `item` is the index of the participant, topic or outcome in the briefing's tuple (or of
    the organiser, tag, section, link, glossary entry or extra key on Overview); None for
    pane-level text.  `text` is what a reader sees: Markdown fields have their markup
    removed and their paragraphs as separate fields (`part` counts them).
    """

    pane: Pane
    key: str
    item: int | None
    text: str
    part: int = 0


def _extra_text(value: ExtraValue) -> str:
    # Worded as the Overview shows it (yes/no, a dash), so a search for what is on screen
    # finds it, and a hit's text can be found again in the pane it opens.
    return " ".join(line.strip() for line in format_extra(value, reader=True))


def _source_text(b: Briefing) -> str:
    src = b.source
    if src is None:
        return ""
    published = src.published.isoformat() if src.published else ""
    return ", ".join([x for x in (src.publisher, published, src.reference, src.url) if x])


class Part(NamedTuple):
    """One piece of a pane as the model holds it: a short value, or Markdown prose.

    A NamedTuple rather than a frozen dataclass: dozens are made for every hit shown, and
    a frozen dataclass takes several times longer to create.
    """

    key: str
    item: int | None
    text: str
    prose: bool = False


def overview_parts(b: Briefing) -> list[Part]:
    out = [Part("title", None, b.title)]
    for key, value in (("date", b.date_range()), ("location", b.location), ("marking", b.marking)):
        if value:
            out.append(Part(key, None, value))
    out += [Part("organiser", i, v) for i, v in enumerate(b.organisers) if v]
    out += [Part("tag", i, v) for i, v in enumerate(b.tags) if v]
    if b.summary:
        out.append(Part("summary", None, b.summary, True))
    if b.overview:
        out.append(Part("overview", None, b.overview, True))
    for i, section in enumerate(b.sections):
        if section.title:
            out.append(Part("section", i, section.title))
        if section.body:
            out.append(Part("section", i, section.body, True))
    for i, (acronym, expansion) in enumerate(b.glossary):
        out.append(Part("glossary", i, f"{acronym} — {expansion}" if expansion else acronym))
    for i, link in enumerate(b.links):
        text = link.title if link.url in ("", link.title) else f"{link.title} ({link.url})"
        out.append(Part("link", i, text))
    source = _source_text(b)
    if source:
        out.append(Part("source", None, source))
    for i, (name, extra) in enumerate(b.extra):
        out.append(Part("extra", i, f"{name}: {_extra_text(extra)}"))
    return out


def _participant_text(p: Participant) -> str:
    shown = p if p.organisation != p.name else Participant(p.name, p.role, "", p.country)
    line = participant_line(shown)
    return f"{line}. {p.notes}" if p.notes else line


def _group_text(g: ParticipantGroup) -> str:
    text = g.group if g.count is None else f"{g.group} ({g.count})"
    return f"{text}. {g.notes}" if g.notes else text


def participant_parts(b: Briefing) -> list[Part]:
    out = [
        Part("participant", i, _participant_text(p))
        if isinstance(p, Participant)
        else Part("group", i, _group_text(p))
        for i, p in enumerate(b.participants)
    ]
    if b.participants_text:
        out.append(Part("text", None, b.participants_text, True))
    return out


def topic_parts(b: Briefing) -> list[Part]:
    out: list[Part] = []
    for i, t in enumerate(b.topics):
        out.append(Part("topic", i, t.title))
        if t.summary:
            out.append(Part("summary", i, t.summary, True))
        if t.speakers:
            out.append(Part("speakers", i, ", ".join(t.speakers)))
    if b.topics_text:
        out.append(Part("text", None, b.topics_text, True))
    return out


def _outcome_text(o: Outcome) -> str:
    facts = outcome_tags(o)
    return f"{o.text} ({facts})" if facts else o.text


def outcome_parts(b: Briefing) -> list[Part]:
    out = [Part("outcome", i, _outcome_text(o)) for i, o in enumerate(b.outcomes)]
    if b.outcomes_text:
        out.append(Part("text", None, b.outcomes_text, True))
    return out


PANES = (Pane.OVERVIEW, Pane.PARTICIPANTS, Pane.TOPICS, Pane.OUTCOMES)
_PARTS = {
    Pane.OVERVIEW: overview_parts,
    Pane.PARTICIPANTS: participant_parts,
    Pane.TOPICS: topic_parts,
    Pane.OUTCOMES: outcome_parts,
}


def pane_parts(b: Briefing, pane: Pane) -> list[Part]:
    """The pieces of text `pane` shows of `b`, in reading order (empty ones left out).

    Their tokens, joined, are the tokens of the indexed pane text (`pane_texts`), so what
    the index matched can be found in them.
    """
    return [p for p in _PARTS[pane](b) if p.text]


def part_fields(pane: Pane, part: Part) -> Iterator[Field]:
    """A part as a reader sees it: prose split into blocks, markup removed."""
    if part.prose:
        for n, text in enumerate(plain_blocks(part.text)):
            yield Field(pane, part.key, part.item, text, n)
    else:
        yield Field(pane, part.key, part.item, part.text)


def iter_pane_fields(b: Briefing, pane: Pane) -> Iterator[Field]:
    """What `pane` shows of `b`, field by field in reading order, markup removed (lazily)."""
    for part in pane_parts(b, pane):
        yield from part_fields(pane, part)


def pane_fields(b: Briefing, pane: Pane) -> list[Field]:
    return list(iter_pane_fields(b, pane))


def fields(b: Briefing) -> list[Field]:
    """Every field of every pane, panes in their order."""
    return [f for pane in PANES for f in iter_pane_fields(b, pane)]


# --- The indexed text: fast, raw, one string per column ------------------------------------
#
# Built from the model's strings (Markdown markup included) because it runs for every
# briefing of the library while it loads.  Markup characters and the ASCII separators
# used here are separators to the tokenizer, so the tokens, and therefore what matches,
# are the same as in the fields a reader sees.


# Called now and then by a long build, to let the screen run (see `pacing`).
Pause = Callable[[], None]


def _same(text: str) -> str:
    return text


def _join(parts: list[str]) -> str:
    return "\n".join([p for p in parts if p])


def overview_text(
    b: Briefing, short: Fold = _same, long: Fold = _same, pause: Pause | None = None
) -> str:
    parts = [
        long(b.title),
        short(b.date_range()),
        short(b.location),
        short(b.marking),
        *map(short, b.organisers),
        *map(short, b.tags),
        long(b.summary),
        long(b.overview),
    ]
    for run in slices(b.sections, pause):
        for sec in run:
            parts += (short(sec.title), long(sec.body))
    parts += [f"{short(a)}, {short(e)}" for a, e in b.glossary]
    parts += [
        long(link.title if link.url in ("", link.title) else f"{link.title} {link.url}")
        for link in b.links
    ]
    parts.append(long(_source_text(b)))
    parts += [long(f"{k}: {_extra_text(v)}") for k, v in b.extra]
    return _join(parts)


def participants_text(
    b: Briefing, short: Fold = _same, long: Fold = _same, pause: Pause | None = None
) -> str:
    parts: list[str] = []
    for run in slices(b.participants, pause):
        for p in run:
            if isinstance(p, Participant):
                org = p.organisation if p.organisation != p.name else ""
                bits = (p.name, p.role, org, p.country, p.notes)
                parts.append(", ".join([short(x) for x in bits if x]))
            else:
                parts.append(short(_group_text(p)))
    parts.append(long(b.participants_text))
    return _join(parts)


def topics_text(
    b: Briefing, short: Fold = _same, long: Fold = _same, pause: Pause | None = None
) -> str:
    parts: list[str] = []
    for run in slices(b.topics, pause):
        for t in run:
            parts += (short(t.title), long(t.summary), ", ".join([short(x) for x in t.speakers]))
    parts.append(long(b.topics_text))
    return _join(parts)


def outcomes_text(
    b: Briefing, short: Fold = _same, long: Fold = _same, pause: Pause | None = None
) -> str:
    parts: list[str] = []
    for run in slices(b.outcomes, pause):
        for o in run:
            facts = outcome_tags(o)
            parts.append(f"{long(o.text)} ({short(facts)})" if facts else long(o.text))
    parts.append(long(b.outcomes_text))
    return _join(parts)


_PANE_TEXT = {
    Pane.OVERVIEW: overview_text,
    Pane.PARTICIPANTS: participants_text,
    Pane.TOPICS: topics_text,
    Pane.OUTCOMES: outcomes_text,
}


def pane_texts(b: Briefing) -> dict[Pane, str]:
    """The searchable text of each pane, exactly as indexed (before folding)."""
    return {pane: _PANE_TEXT[pane](b) for pane in PANES}


def participant_names(b: Briefing, short: Fold = _same) -> str:
    """Names of the people (not groups, whose names are descriptions): they rank higher."""
    return "\n".join([short(p.name) for p in b.people])


def index_columns(
    b: Briefing, short: Fold = _same, long: Fold = _same, pause: Pause | None = None
) -> tuple[str, ...]:
    """The text of each index column, in `search.rows.COLUMNS` order.

    With `short=fold_short, long=fold` every piece is folded before it is joined, which
    gives the same text as folding the joined columns (folding works per character and
    the separators are ASCII) in about half the time.

    `pause` is called every few thousand items (`pacing.slices`): one briefing of 200,000
    participants took 0.4 s to fold in one go, and keys waited for the GIL meanwhile.
    """
    people = [p for run in slices(b.participants, pause) for p in run if isinstance(p, Participant)]
    return (
        long(b.title),
        "\n".join([short(p.name) for run in slices(people, pause) for p in run]),
        overview_text(b, short, long, pause),
        participants_text(b, short, long, pause),
        topics_text(b, short, long, pause),
        outcomes_text(b, short, long, pause),
        _join([short(p.role) for run in slices(people, pause) for p in run]),
        _join(
            [
                short(p.organisation)
                for run in slices(people, pause)
                for p in run
                if p.organisation != p.name
            ]
        ),
        "\n".join(map(short, b.organisers)),
        _join([short(p.country) for run in slices(people, pause) for p in run]),
        "\n".join(map(short, b.tags)),
        short(b.marking),
    )
