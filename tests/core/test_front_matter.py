"""Front matter is found by scanning to its closing line, exactly as splitting every line
of the text into a list would find it."""

from __future__ import annotations

import random

from briefing_tui.readers.markdown_file import split_front_matter


def _by_lines(text: str) -> tuple[str | None, str, str, int] | None:
    """The plain reading: every line in a list, the first closer after the opener."""
    first, _, rest = text.partition("\n")
    opener = first.rstrip(" \t")
    if opener not in ("---", "+++"):
        return None, "", text, 1
    closers = ("+++",) if opener == "+++" else ("---", "...")
    lines = rest.split("\n")
    for i, line in enumerate(lines):
        if line.rstrip(" \t") in closers:
            kind = "toml" if opener == "+++" else "yaml"
            return "\n".join(lines[:i]), kind, "\n".join(lines[i + 1 :]), i + 3
    return None  # unterminated: the whole text is the body, with a warning


def test_the_scan_finds_what_splitting_into_lines_finds() -> None:
    rng = random.Random(13)
    pieces = ["---", "+++", "...", "--- ", "\t...", "title: T", "", " ", "a = 1", "body"]
    texts = ["---\n---", "---\n---\n", "---", "---\n", "+++\na=1\n+++", "---\r\na\r\n---\r\nb"]
    texts += ["\n".join(rng.choices(pieces, k=rng.randint(0, 7))) for _ in range(3000)]
    for text in texts:
        front, kind, body, line, problems = split_front_matter("p.md", text)
        expected = _by_lines(text)
        if expected is None:
            assert (front, kind, body, line) == (None, "", text, 1) and problems, text
        else:
            assert (front, kind, body, line) == expected and not problems, repr(text)
