"""From a file's bytes to text the readers can trust: UTF-8 only, BOM dropped, newlines
normalised, terminal and bidirectional controls made visible, each with a Problem saying so.
"""

from __future__ import annotations

from briefing_tui.model import Problem, Severity
from briefing_tui.sanitize import (
    clean,
    first_bidi,
    first_control,
    has_unsafe,
    line_col,
    normalise_newlines,
)

_BOM = b"\xef\xbb\xbf"
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (BOM dropped, newlines normalised, controls made visible), or why not."""
    problems: list[Problem] = []
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom):
            return None, [
                Problem(
                    path,
                    1,
                    1,
                    Severity.ERROR,
                    f"is {name} encoded (byte order mark at byte offset 0), not valid UTF-8; "
                    "save the file as UTF-8",
                )
            ]
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, [
            Problem(
                path,
                None,
                None,
                Severity.ERROR,
                f"contains a NUL byte at byte offset {nul}: binary, not a briefing",
            )
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(
                path,
                line,
                None,
                Severity.ERROR,
                f"not valid UTF-8 at byte offset {exc.start} ({exc.reason}); "
                "save the file as UTF-8",
            )
        ]
    text = normalise_newlines(text)
    if not has_unsafe(text):  # the common case: one scan and done
        return text, problems
    control = first_control(text)
    if control is not None:
        line, col = line_col(text, control)
        problems.append(
            Problem(
                path,
                line,
                col,
                Severity.WARNING,
                "contains terminal control characters; they are shown as symbols",
            )
        )
    bidi = first_bidi(text)
    if bidi is not None:
        line, col = line_col(text, bidi[0])
        problems.append(
            Problem(
                path,
                line,
                col,
                Severity.WARNING,
                f"contains a bidirectional control character ({bidi[1]}) that can make "
                "text read differently from how it is stored; shown as ⬚",
            )
        )
    return clean(text), problems
