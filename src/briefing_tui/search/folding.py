"""The folding that makes Müller == muller, agreeing with SQLite's FTS5 tokenizer.

Search and find must agree with SQLite's FTS5 `unicode61` tokenizer, because the fallback
scan and the snippet highlighter decide in Python what FTS5 decided in C.  So every piece
of text is *folded* here first (compatibility decomposition, marks dropped, case folded, a
few letters that Unicode does not decompose spelt out), and both sides then see the same
tokens: runs of letters and digits.

Folding is done character by character so that a position in folded text always maps back
to the original character it came from; highlights are drawn on the original text, with
its diacritics, never on the folded copy.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Letters with a stroke or ligatures that NFKD leaves alone, but that a person typing on an
# English keyboard writes as plain letters (Łukasz -> lukasz, Ørsted -> orsted).
SPELT_OUT = {
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ƀ": "b",
    "ɨ": "i",
    "ʉ": "u",
}


# Letters Python counts as letters that SQLite's tokenizer (Unicode 6.1 tables) does not:
# New Tai Lue vowel signs and two Vedic signs, once marks.  Folding makes them separators.
_SQLITE_SEPARATORS = frozenset(
    [chr(c) for c in range(0x19B0, 0x19C1)] + ["\u19c8", "\u19c9", "\u1cf2", "\u1cf3"]
)


class _FoldTable(dict[int, str | None]):
    """`str.translate` table filled on first sight of each character (kept for the process).

    Marks are dropped; every other non-ASCII character that is not a token character
    becomes a space.  SQLite classifies characters by Unicode 6.1 and takes any character it does
    not know (an emoji added since, an unassigned code point) as part of a word, where
    Python sees a separator; turning them into spaces makes both see the same words.
    """

    def __missing__(self, codepoint: int) -> str | None:
        ch = chr(codepoint)
        category = unicodedata.category(ch)
        value: str | None
        if codepoint < 0x80:  # both tokenizers agree on ASCII: letters and digits only
            value = ch.lower()
        elif category == "Mn" or unicodedata.combining(ch):
            value = None
        elif ch in SPELT_OUT:
            value = SPELT_OUT[ch]
        elif ch.isalnum() and ch not in _SQLITE_SEPARATORS:
            value = ch
        else:
            value = " "
        self[codepoint] = value
        return value


_TABLE = _FoldTable()

# A token is a run of letters and digits (any script).  FTS5's unicode61 tokenizer also
# counts private-use characters, but folding turns those into spaces (as it does every
# other character that is not a letter or digit), so in folded text both agree.
TOKEN_CHARS = r"[^\W_]"
TOKEN_RE = re.compile(f"(?:{TOKEN_CHARS})+")


def fold_reference(text: str) -> str:
    """The definition of folding, applied to the whole text at once (slow on long text)."""
    # Decompose first (𝑨 -> A), fold case, decompose again (what folding produced), then
    # lower-case: case folding maps a few scripts (Cherokee) to upper case, and SQLite's
    # tokenizer lower-cases what it indexes, so this keeps the spelling of words the same.
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return unicodedata.normalize("NFKD", decomposed).lower().translate(_TABLE)


_RUNS: dict[str, bytes] = {}
_ERRORS = "briefing-search-fold"


def _fold_run(exc: UnicodeError) -> tuple[bytes, int]:
    """Codec error handler: the folded UTF-8 bytes of one run of non-ASCII characters."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    run = exc.object[exc.start : exc.end]
    folded = _RUNS.get(run)
    if folded is None:
        folded = fold_reference(run).encode("utf-8", "surrogatepass")
        if len(_RUNS) < 200_000:
            _RUNS[run] = folded
    return folded, exc.end


codecs.register_error(_ERRORS, _fold_run)


def fold(text: str) -> str:
    """Text with case and diacritics folded: `fold("Zoë Müller-Łukasz") == "zoe muller-lukasz"`.

    Same result as `fold_reference`.  Briefings are mostly ASCII, so the ASCII encoder
    (fast, in C) walks the text and hands each run of other characters (a name, a dash)
    to `_fold_run`, whose answers are cached; that halves the time to index a library.
    Folding works character by character, so `fold(a + b)` always equals
    `fold(a) + fold(b)`: that is what makes position mapping possible.
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return lowered.encode("ascii", _ERRORS).decode("utf-8", "surrogatepass")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each of its characters, the index of the original character."""

    original: str
    text: str
    origin: tuple[int, ...] | None  # None: one folded character per original (ASCII)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that folded `[start, end)` came from."""
        if self.origin is None:
            return start, end
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def fold_map(text: str) -> Folded:
    """`fold(text)` with its way back to the original positions.

    ASCII stretches map one to one and are copied whole; only non-ASCII characters are
    folded one by one (each may become zero, one or several characters).
    """
    if text.isascii():
        return Folded(text, text.lower(), None)
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _NON_ASCII_RUN.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()].lower())
            origin.extend(range(pos, m.start()))
        for i in range(m.start(), m.end()):
            f = _fold_char(text[i])
            if f:
                parts.append(f)
                origin.extend([i] * len(f))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:].lower())
        origin.extend(range(pos, len(text)))
    return Folded(text, "".join(parts), tuple(origin))


def tokens(text: str) -> list[str]:
    """The folded tokens of `text`, as FTS5 sees them."""
    return TOKEN_RE.findall(fold(text))


Fold = Callable[[str], str]


class _ShortFolds(dict[str, str]):
    """fold() memo: a hit is a dict lookup in C, with no Python call at all."""

    def __missing__(self, text: str) -> str:
        if len(self) >= 50_000:  # a memo, not a store: about 10 MB at most
            self.clear()
        folded = self[text] = fold(text)
        return folded


_SHORT = _ShortFolds()
# `fold` for the short strings a library repeats (names, roles, organisations, tags).
fold_short: Fold = _SHORT.__getitem__
