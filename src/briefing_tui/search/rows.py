"""One index row per briefing: the columns both engines hold, folded, and how much each counts.

Keeping the row in one place is what makes the fallback scan give the same answers as
FTS5: both index exactly these strings, and both see them through the same tokenizer.
"""

from __future__ import annotations

from briefing_tui.model import Briefing
from briefing_tui.search.text import fold, index_columns

# Column order of the FTS5 table.  `title` and `names` repeat text that is also in a pane,
# so that a title or a participant's name weighs more; the f_* columns exist for filters
# only and weigh nothing (their text is in the panes too).
COLUMNS = (
    "title",
    "names",
    "overview",
    "participants",
    "topics",
    "outcomes",
    "f_participant",
    "f_org",
    "f_country",
    "f_tag",
    "f_marking",
)
WEIGHTS = (10.0, 5.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0)


def row_values(b: Briefing) -> tuple[str, ...]:
    """The folded text of each column, in COLUMNS order.

    Folded in one call (columns joined by NUL, which sanitised text never holds) because
    per-call overhead is a good part of the cost over a whole library.
    """
    raw = index_columns(b)
    folded = fold("\x00".join(raw)).split("\x00")
    if len(folded) != len(COLUMNS):  # a hand-made briefing with a NUL in it
        return tuple(fold(c) for c in raw)
    return tuple(folded)
