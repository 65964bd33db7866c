"""Library search and find-in-briefing: the engine only, shared by the reader and `briefing search`.

Never imports textual.  See index.SearchIndex for the library index, query.parse_query for
the language, find.find_in_briefing for ctrl+f, and text.fold for the folding both use.
"""

from briefing_tui.search.fields import pane_texts
from briefing_tui.search.find import FindMatch, count_by_pane, find_in_briefing, find_spans
from briefing_tui.search.folding import fold
from briefing_tui.search.index import FALLBACK_NOTICE, Hit, ScanIndex, SearchIndex
from briefing_tui.search.query import DateRange, Phrase, Query, Scope, parse_query
from briefing_tui.search.snippet import highlight_spans

__all__ = [
    "FALLBACK_NOTICE",
    "DateRange",
    "FindMatch",
    "Hit",
    "Phrase",
    "Query",
    "ScanIndex",
    "Scope",
    "SearchIndex",
    "count_by_pane",
    "find_in_briefing",
    "find_spans",
    "fold",
    "highlight_spans",
    "pane_texts",
    "parse_query",
]
