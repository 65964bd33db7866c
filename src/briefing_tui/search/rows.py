"""One index row per briefing: the columns both engines hold, folded, and how much each counts.

Keeping the row in one place is what makes the fallback scan give the same answers as
FTS5: both index exactly these strings, and both see them through the same tokenizer.
"""

from __future__ import annotations

from briefing_tui.model import Briefing
from briefing_tui.search.fields import Pause, index_columns
from briefing_tui.search.folding import fold, fold_short

# Column order of the FTS5 table.  `title` and `names` (people's names) repeat text that is
# also in a pane, so that a title or a name weighs more; the f_* columns exist for the
# filters and weigh nothing (their text is in the panes too).  The filters read:
# participant: names, f_role, f_porg; org: f_porg, f_organisers; country: f_country;
# tag: f_tag; marking: f_marking.  (A body listed without a name has its organisation as
# its name, so it is found by name, not repeated in f_porg.)
COLUMNS = (
    "title",
    "names",
    "overview",
    "participants",
    "topics",
    "outcomes",
    "f_role",
    "f_porg",
    "f_organisers",
    "f_country",
    "f_tag",
    "f_marking",
)
NAMES = COLUMNS.index("names")
WEIGHTS = (10.0, 5.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)


def row_values(b: Briefing, pause: Pause | None = None) -> tuple[str, ...]:
    """The folded text of each column, in COLUMNS order (calling `pause` as it goes)."""
    return index_columns(b, fold_short, fold, pause)
