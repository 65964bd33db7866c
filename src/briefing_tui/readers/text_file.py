"""placeholder"""

from __future__ import annotations

from briefing_tui.model import LoadResult


def read_text(path: str, data: bytes) -> LoadResult:
    raise NotImplementedError
