"""Acronyms marked where they occur in plain text, with their expansions a key or hover away.

A briefing's own glossary merged with the library's `glossary.yaml` (see insights.glossary)
decides what is an acronym.  Rich Markdown prose cannot be restyled word by word, so the
marks go on the plain-text widgets (summary, topic list and titles, outcomes); `g` lists
every term, and hovering a marked widget shows the expansions of the acronyms it holds.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

from textual.content import Content

from briefing_tui.insights.glossary import (
    AcronymMatcher,
    GlossaryEntry,
    LibraryGlossary,
    merge_glossary,
)
from briefing_tui.model import Briefing

# Underlined, as a browser marks an <abbr>: visible in every theme, monochrome included.
ACRONYM_STYLE = "underline"


# Briefings hold unhashable extra values, so merged glossaries are remembered by identity;
# the entry keeps the briefing and glossary alive, so an id is never reused while cached.
_MERGED: OrderedDict[
    tuple[int, int], tuple[Briefing, LibraryGlossary | None, tuple[GlossaryEntry, ...]]
] = OrderedDict()
_MERGED_SIZE = 64


def glossary_for(library: LibraryGlossary | None, briefing: Briefing) -> tuple[GlossaryEntry, ...]:
    """The briefing's glossary with the library's terms filled in (the briefing's win)."""
    key = (id(briefing), id(library))
    cached = _MERGED.get(key)
    if cached is not None and cached[0] is briefing and cached[1] is library:
        _MERGED.move_to_end(key)
        return cached[2]
    entries = merge_glossary(briefing, library)
    _MERGED[key] = (briefing, library, entries)
    if len(_MERGED) > _MERGED_SIZE:
        _MERGED.popitem(last=False)
    return entries


@lru_cache(maxsize=64)
def _matcher(terms: frozenset[str]) -> AcronymMatcher:
    return AcronymMatcher(terms)


def matcher_for(library: LibraryGlossary | None, briefing: Briefing) -> AcronymMatcher:
    """One matcher per set of terms, shared by every pane that marks this briefing."""
    entries = glossary_for(library, briefing)
    return _matcher(frozenset(e.term for e in entries if e.expansion))


def mark_acronyms(
    text: str, matcher: AcronymMatcher, base: Content | None = None, style: str = ACRONYM_STYLE
) -> Content:
    """`text` as plain Content (never markup) with each glossary term underlined."""
    content = base if base is not None else Content(text)
    for hit in matcher.find(text):
        content = content.stylize(style, hit.start, hit.end)
    return content


def expansions(
    texts: Sequence[str], library: LibraryGlossary | None, briefing: Briefing
) -> Content | None:
    """ "TERM — expansion" lines for the terms used in `texts`, for a tooltip; None if none."""
    matcher = matcher_for(library, briefing)
    used: dict[str, None] = {}
    for text in texts:
        for hit in matcher.find(text):
            used.setdefault(hit.term)
    if not used:
        return None
    meaning = {e.term: e.expansion for e in glossary_for(library, briefing)}
    lines = [
        Content.assemble((term, "bold"), " — ", meaning.get(term, ""))
        for term in sorted(used, key=str.casefold)
    ]
    return Content("\n").join(lines)
