"""The Overview's parts are made as the layout reaches them, not all when a briefing opens.

Regression (issue 13): opening a briefing of 100,000 sections made its 200,000 parts on
the UI thread first, 0.2 s before the first line could be drawn.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefing_tui.model import Section
from briefing_tui.ui.widgets.panes.overview import OverviewParts
from briefing_tui.ui.widgets.reading_layout import Part
from briefing_tui.ui.widgets.reading_view import ReadingText

from .helpers import SIZE, app_with, make_briefing
from .layout_hold import Held, release
from .search_helpers import loaded, search_for, until

SECTIONS = 20_000


def _sections(count: int) -> tuple[Section, ...]:
    return tuple(Section(f"Heading {n}", f"Note {n} of the list kept.") for n in range(count))


def test_the_parts_are_the_overview_then_each_section_under_its_title() -> None:
    sections = (*_sections(2), Section("", "Untitled body."))
    briefing = make_briefing("lib/a.md", "A", None, overview="Prose.", sections=sections)
    parts = OverviewParts(briefing)
    expected = [
        Part(("overview-title",), "Overview", heading=True),
        Part(("overview",), "Prose."),
        Part(("section-title", 0), "Heading 0", heading=True),
        Part(("section", 0), "Note 0 of the list kept."),
        Part(("section-title", 1), "Heading 1", heading=True),
        Part(("section", 1), "Note 1 of the list kept."),
        Part(("section-title", 2), "(untitled section)", heading=True),
        Part(("section", 2), "Untitled body."),
    ]
    assert list(parts) == expected
    assert len(parts) == len(expected)
    assert parts[-1] == expected[-1] and parts[2:4] == expected[2:4]
    with pytest.raises(IndexError):
        parts[len(expected)]
    for index, part in enumerate(expected):
        assert parts.index_of(part.key) == index
    for key in [("section", 3), ("section", -1), ("section-title", "0"), ("other",), ()]:
        assert parts.index_of(key) is None


def test_without_overview_text_the_sections_come_first() -> None:
    briefing = make_briefing("lib/a.md", "A", None, overview=" \n", sections=_sections(1))
    parts = OverviewParts(briefing)
    assert [p.key for p in parts] == [("section-title", 0), ("section", 0)]
    assert parts.index_of(("overview",)) is None
    assert parts.index_of(("section", 0)) == 1


async def test_a_long_overview_makes_only_the_parts_its_first_screen_needs(
    held: Held, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[int] = []
    part = OverviewParts.part

    def counting(self: OverviewParts, index: int) -> Part:
        made.append(index)
        return part(self, index)

    monkeypatch.setattr(OverviewParts, "part", counting)
    briefing = make_briefing(
        "lib/long.md",
        "Twenty thousand sections",
        date(2024, 1, 1),
        overview="Opening words.",
        sections=(*_sections(SECTIONS - 1), Section("Last", "The final zanzibar quokka.")),
    )
    app = app_with([briefing])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: held, "the first screen, the rest held back")
        reading = app.query_one(ReadingText)
        assert "Opening words." in "\n".join(reading.text_lines())
        assert len(reading.parts) == 2 + 2 * SECTIONS
        # The parts the short-text check reads (SYNC_CHARS) and a screenful, not 40,000.
        assert len(made) < 2_000
        # A search hit in the last section is found without making the parts before it,
        # and shown once the layout gets there.
        screen = await search_for(pilot, "quokka")
        assert [h.path for h in screen.hits] == ["lib/long.md"]
        made.clear()
        await pilot.press("enter")
        await until(pilot, lambda: held, "the layout to be held")
        assert len(made) < 2_000

        def last_in_view() -> bool:
            release(held)  # and any layout begun again at another width
            if not reading.laid_out:
                return False  # (drawing every line at each look would hold the layout up)
            lines = reading.text_lines()
            row = next((n for n, text in enumerate(lines) if "quokka" in text), None)
            scroll = reading.parent
            if row is None or scroll is None:
                return False
            top = reading.virtual_region.y + row - scroll.scroll_offset.y
            return 0 <= top < scroll.size.height

        await until(pilot, last_in_view, "the hit in the last section in view")
