"""Pure rendering helpers: marking banners, extra values, outcome facts."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_tui.model import Outcome
from briefing_tui.ui.support.marking import marking_class
from briefing_tui.ui.widgets.panes.outcomes import is_overdue


@pytest.mark.parametrize(
    ("marking", "css_class"),
    [
        ("TLP:RED", "marking--red"),
        ("tlp:amber", "marking--amber"),
        ("TLP:AMBER+STRICT", "marking--amber"),
        ("TLP: GREEN", "marking--green"),
        ("TLP:CLEAR", "marking--clear"),
        ("RESTRICTED", "marking--other"),
        ("", "marking--none"),
    ],
)
def test_marking_classes(marking: str, css_class: str) -> None:
    assert marking_class(marking) == css_class


def test_overdue_means_open_and_past_due() -> None:
    today = date(2024, 6, 1)
    assert is_overdue(Outcome("x", status="open", due=date(2024, 5, 31)), today)
    assert not is_overdue(Outcome("x", status="done", due=date(2024, 5, 31)), today)
    assert not is_overdue(Outcome("x", status="open", due=date(2024, 6, 1)), today)
    assert not is_overdue(Outcome("x", status="open"), today)
