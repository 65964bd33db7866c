"""Make untrusted text safe to put on a terminal, once, at load time.

Textual writes strings to the terminal as they are, so an ESC, OSC or C1 byte inside a
briefing could retitle the window, write the clipboard (OSC 52) or forge hyperlinks.  Rather
than trusting every view to remember, the loader passes every string and file name through
here, and the model only ever holds the result.  Each replacement is exactly one character,
so line and column positions reported by the YAML parser stay true.
"""

from __future__ import annotations

import re

# C0 controls (except tab and newline) become the Unicode "control pictures" (␀, ␛, ...),
# DEL becomes ␡, and C1 controls become the replacement character: visible, harmless, and
# still hinting that something odd was there.
_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE[0x7F] = "\u2421"
_TABLE.update(dict.fromkeys(range(128, 160), "�"))

# Bidirectional overrides and isolates reorder what a reader sees ("Trojan Source",
# CVE-2021-42574).  LRM/RLM and ZWJ/ZWNJ are kept: Arabic, Hebrew and emoji need them.
BIDI_CONTROLS = {
    "\u061c": "ALM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
# Shown as a single visible character so positions do not shift: a dotted square.
BIDI_SYMBOL = "\u2b1a"
_BIDI_TABLE = {ord(ch): BIDI_SYMBOL for ch in BIDI_CONTROLS}
# Invisible format characters: the line and paragraph separators (a terminal may break the
# line there), the zero-width space and no-break space (U+FEFF), and the tag characters
# (U+E0000-E007F), which can spell out a hidden text that no font draws.  Each becomes the
# same dotted square, one character for one.
INVISIBLE = "\u2028\u2029\u200b\ufeff" + "".join(map(chr, range(0xE0000, 0xE0080)))
_INVISIBLE_TABLE = {ord(ch): BIDI_SYMBOL for ch in INVISIBLE}
_FULL_TABLE = {**_TABLE, **_BIDI_TABLE, **_INVISIBLE_TABLE}

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029\u200b\ufeff\U000e0000-\U000e007f]"
)
_BIDI = re.compile("[\u061c\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Return `text` with every terminal control and bidi control made visible."""
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_FULL_TABLE)


def has_unsafe(text: str) -> bool:
    """Whether `text` holds anything `clean` would change."""
    return _UNSAFE.search(text) is not None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so a CR can never move the cursor back over text."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def first_bidi(text: str) -> tuple[int, str] | None:
    """(offset, name) of the first bidi control in `text`, for a precise warning."""
    m = _BIDI.search(text)
    if m is None:
        return None
    return m.start(), BIDI_CONTROLS[m.group()]


def first_control(text: str) -> int | None:
    """Offset of the first terminal control character (not bidi) in `text`."""
    for m in _UNSAFE.finditer(text):
        if m.group() not in BIDI_CONTROLS:
            return m.start()
    return None


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset, for problems found outside the parser."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def escape_surrogates(text: str) -> str:
    """`text` with each undecodable byte of a file name (a lone surrogate, as os.fsdecode
    makes it) written as `\\xNN`, so it can be encoded, printed and written anywhere."""
    if text.isascii():
        return text
    return _SURROGATE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def raw_bytes_hex(text: str) -> str | None:
    """The file name's bytes as hex when it holds undecodable bytes, else None."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return None
    return text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "surrogatepass").hex()


def _only_escapes(text: str) -> bool:
    return all(0xDC80 <= ord(ch) <= 0xDCFF for ch in _SURROGATE.findall(text))


def clean_path(path: str) -> str:
    """File names are untrusted too: a name can hold ESC just as well as a title can."""
    return clean(normalise_newlines(path).replace("\n", "\u2424"))
