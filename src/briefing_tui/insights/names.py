"""Forgiving keys for names, so one person or body is one entry however it was typed.

Briefings are written by many hands: "Alexander Seger", "SEGER, Alexander", "Tomás" and
"Tomas", "Public Prosecutor’s Office" with a curly apostrophe.  Each name is reduced to a
*key* that ignores what people vary without meaning to — case, diacritics, spacing,
punctuation, the order of "Surname, Given" — and two names are the same when their keys are.
Keys are for matching only; what is shown is always a spelling somebody actually wrote.

Keys are memoised: a library of 10,000 briefings repeats the same few thousand names, and
the index is rebuilt whenever the library reloads.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters Unicode does not decompose but people type as plain Latin (Łukasz -> lukasz):
# one table, shared with search, so a name matches the same way everywhere.
from briefing_tui.search.folding import SPELT_OUT

_APOSTROPHES = str.maketrans("", "", "'’ʼ`´")
_NOT_WORD = re.compile(r"[\W_]+")

# Courtesy titles and academic prefixes that come and go between documents.  Kept short on
# purpose: a word here is dropped from the front of every person's name before matching.
HONORIFICS = frozenset(
    {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame", "he", "hon", "judge"}
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII-ish words separated by single spaces: the common base of every key.

    Apostrophes are removed (O'Brien = OBrien), every other run of punctuation or space
    becomes one space, diacritics are dropped.
    """
    if text.isascii():
        base = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        base = "".join(SPELT_OUT.get(ch, ch) for ch in decomposed if not unicodedata.combining(ch))
    base = base.translate(_APOSTROPHES)
    return _NOT_WORD.sub(" ", base).strip()


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    """ "Seger, Alexander", "Dr. Alexander SEGER" and "Alexander Seger" give one key.

    One comma means "Surname, Given names" and is turned round; more commas are left alone
    (they are more likely "Name, Role" than an inverted name).  Leading honorifics go.
    """
    text = name.strip()
    if text.count(",") == 1:
        surname, given = (part.strip() for part in text.split(","))
        if surname and given:
            text = f"{given} {surname}"
    words = fold(text).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def organisation_key(name: str) -> str:
    """ "The Council of Europe" = "council of europe" = "Council  of Europe"."""
    key = fold(name)
    if key.startswith("the ") and len(key) > 4:
        key = key[4:]
    return key


def same_person(a: str, b: str) -> bool:
    return bool(a.strip()) and person_key(a) == person_key(b)


def same_organisation(a: str, b: str) -> bool:
    return bool(a.strip()) and organisation_key(a) == organisation_key(b)


def contains_words(haystack: str, needle: str) -> bool:
    """Whether the folded words of `needle` appear, in order and whole, in `haystack`.

    "DE" finds "DE desk" but not "Daniel"; "secretariat" finds "Project secretariat".
    """
    want = fold(needle)
    if not want:
        return False
    return f" {want} " in f" {fold(haystack)} "


def one_line(text: str) -> str:
    """Text for a single line of plain output: any run of whitespace becomes one space.

    Document strings are already free of terminal controls; this removes the newlines and
    tabs a multi-line YAML value may still hold, so one record stays on one line.
    """
    return " ".join(text.split())
