"""The phrasings every view shares: nested extra values, the facts under a title."""

from __future__ import annotations

from datetime import date

from briefing_tui.model import Briefing
from briefing_tui.render.common import facts, format_extra


def test_nested_extra_values_read_like_an_outline() -> None:
    value = {"venue": "Hall A", "rooms": [1, 2], "contacts": [{"name": "X", "phone": None}]}
    assert format_extra(value, reader=True) == [
        "venue: Hall A",
        "rooms:",
        "  - 1",
        "  - 2",
        "contacts:",
        "  - name: X",
        "    phone: —",
    ]
    assert format_extra([], reader=True) == ["(empty)"]
    assert format_extra(True, reader=True) == ["yes"]
    assert format_extra([]) == []


def test_the_plain_form_keeps_nested_list_items_under_their_dash() -> None:
    value = {"contacts": [{"name": "X", "phone": None}], "ok": True}
    assert format_extra(value) == [
        "contacts:",
        "  -",
        "    name: X",
        "    phone: (empty)",
        "ok: True",
    ]


def test_facts_leave_out_what_is_empty_and_the_file_on_request() -> None:
    b = Briefing(path="lib/a.yaml", title="A", date=date(2024, 5, 2), tags=("x", "y"))
    assert facts(b) == [("Date", "2024-05-02"), ("Tags", "x, y"), ("File", "lib/a.yaml")]
    assert ("File", "lib/a.yaml") not in facts(b, with_file=False)
