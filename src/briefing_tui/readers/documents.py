"""From a file's bytes to a Briefing and its problems, chosen by the file's suffix.

Everything here works on bytes already read (the library does the careful file access), so
it is easy to test and to run in worker processes.  Nothing raises for bad content: the
result is a briefing with whatever was usable, and problems saying what was not.
"""

from __future__ import annotations

from briefing_tui.model import LoadResult
from briefing_tui.parts_later import Deferral
from briefing_tui.readers.build import title_from_path
from briefing_tui.readers.decode import decode
from briefing_tui.readers.markdown_file import first_paragraph, read_markdown, split_front_matter
from briefing_tui.readers.text_file import read_text
from briefing_tui.readers.yaml_file import read_yaml

MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".txt", ".html", ".htm")
# Every suffix the library opens as a briefing.
BRIEFING_SUFFIXES = YAML_SUFFIXES + MARKDOWN_SUFFIXES + TEXT_SUFFIXES

__all__ = [
    "BRIEFING_SUFFIXES",
    "decode",
    "first_paragraph",
    "read_document",
    "read_markdown",
    "read_text",
    "read_yaml",
    "split_front_matter",
    "title_from_path",
]


def read_document(path: str, data: bytes, defer: Deferral | None = None) -> LoadResult:
    """Dispatch on the file name; `path` is the display path (already sanitised).

    With `defer`, a long Markdown document's pane items may be read later, when first
    used (see `parts_later`).
    """
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return read_markdown(path, data, defer)
    if lower.endswith(TEXT_SUFFIXES):
        return read_text(path, data)
    return read_yaml(path, data)
