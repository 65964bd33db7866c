"""The accessible themes: selectable by name, greys only where promised, focus always visible."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.filter import Monochrome
from textual.widgets import Static

from briefing_tui.ui import app as app_module
from briefing_tui.ui.app import BriefingApp
from briefing_tui.ui.support.themes import (
    HIGH_CONTRAST,
    MONOCHROME,
    default_theme,
    resolve_theme_name,
)

from .helpers import SIZE, app_with, make_briefing, rich_briefing, settle

THEMES = (HIGH_CONTRAST, MONOCHROME, "textual-dark", "textual-light")


def test_theme_names_and_aliases() -> None:
    assert HIGH_CONTRAST == "briefing-high-contrast"
    assert MONOCHROME == "briefing-monochrome"
    assert resolve_theme_name("high-contrast") == HIGH_CONTRAST
    assert resolve_theme_name(" monochrome ") == MONOCHROME
    assert resolve_theme_name("textual-dark") == "textual-dark"
    assert default_theme(no_color=True) == MONOCHROME
    assert default_theme(no_color=False) is None


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace App.run: record the theme `run()` chose instead of starting a terminal app."""
    themes: list[str] = []

    def fake_run(self: BriefingApp, **kwargs: Any) -> int:
        themes.append(self.theme)
        return 0

    monkeypatch.setattr(BriefingApp, "run", fake_run)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return themes


@pytest.mark.parametrize(
    ("asked", "chosen"), [(HIGH_CONTRAST, HIGH_CONTRAST), ("monochrome", MONOCHROME)]
)
def test_run_selects_themes_by_name(started: list[str], asked: str, chosen: str) -> None:
    assert app_module.run([Path("lib")], theme=asked) == 0
    assert started == [chosen]


def test_no_color_picks_monochrome_unless_a_theme_is_asked_for(
    started: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert app_module.run([Path("lib")]) == 0
    monkeypatch.setenv("NO_COLOR", "1")  # Textual removes it from the environment
    assert app_module.run([Path("lib")], theme=HIGH_CONTRAST) == 0
    assert started == [MONOCHROME, HIGH_CONTRAST]


def test_unknown_theme_is_a_usage_error(
    started: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert app_module.run([Path("lib")], theme="no-such-theme") == 2
    err = capsys.readouterr().err
    assert "unknown theme 'no-such-theme'" in err
    assert HIGH_CONTRAST in err and MONOCHROME in err
    assert started == []


# The screenshot's window frame (title text and the three window buttons), not the app.
FRAME_COLOURS = {"#c5c8c6", "#ff5f57", "#febc2e", "#28c840"}
COLOUR = re.compile(r"(?:fill|color)[:=]\s*\"?(#[0-9a-fA-F]{6})")


def _screenshot_colours(svg: str) -> set[str]:
    return {colour.lower() for colour in COLOUR.findall(svg)} - FRAME_COLOURS


def _is_grey(colour: str) -> bool:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return red == green == blue


async def test_monochrome_draws_greys_only() -> None:
    briefing = rich_briefing()  # TLP:AMBER, an overdue action, problems-free prose and links
    app = app_with([briefing])
    app.theme = MONOCHROME
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any(isinstance(f, Monochrome) for f in app.get_line_filters())
        screens = []
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await settle(pilot)
            screens.append(app.export_screenshot())
        colours = set().union(*(_screenshot_colours(svg) for svg in screens))
        assert colours, "the screenshot parser found no colours at all"
        assert all(_is_grey(c) for c in colours), sorted(c for c in colours if not _is_grey(c))


async def test_monochrome_markings_are_reverse_video_text() -> None:
    app = app_with([rich_briefing()])
    app.theme = MONOCHROME
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        banner = app.query_one("#marking-banner", Static)
        assert str(banner.render()).strip() == "TLP:AMBER"
        assert banner.styles.background == Color.parse("#ffffff")
        assert banner.styles.color == Color.parse("#000000")


async def test_high_contrast_colours() -> None:
    app = app_with([rich_briefing()])
    app.theme = HIGH_CONTRAST
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        variables = app.theme_variables
        assert variables["background"].lower() == "#000000"
        assert variables["foreground"].lower() == "#ffffff"
        assert "underline" in variables["block-cursor-text-style"]
        focused = app.focused
        assert focused is not None
        edge, colour = focused.styles.border_left
        assert edge == "thick"
        assert colour.r >= 250 and colour.g >= 250 and colour.b < 8  # yellow


@pytest.mark.parametrize("theme", THEMES)
async def test_focus_is_visible_in_every_theme(theme: str) -> None:
    """The focused widget's left edge differs from the unfocused look, in every part."""
    app = app_with([rich_briefing()])
    app.theme = theme
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("l", "1", "2", "3", "4"):
            await pilot.press(key)
            await settle(pilot)
            focused = app.focused
            assert focused is not None
            edge, colour = focused.styles.border_left
            assert edge, f"{focused!r} has no focus edge in {theme}"
            background = app.screen.styles.background
            assert colour.rgb != background.rgb, f"{focused!r} focus edge is invisible in {theme}"
            # Blurred, the same widget must look different.
            app.set_focus(None)
            await settle(pilot)
            assert focused.styles.border_left != (edge, colour)
            focused.focus()


@pytest.mark.parametrize("theme", THEMES)
async def test_every_theme_starts_on_an_empty_library(theme: str) -> None:
    app = app_with([])
    app.theme = theme
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "No briefings found." in str(app.query_one("#empty-message", Static).render())


async def test_switching_theme_while_reading_keeps_marks_in_words() -> None:
    overdue = make_briefing("lib/o.yaml", "Overdue", None, marking="TLP:RED")
    app = app_with([overdue])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for theme in (HIGH_CONTRAST, MONOCHROME, "textual-dark"):
            app.theme = theme
            await settle(pilot)
            banner = app.query_one("#marking-banner", Static)
            assert str(banner.render()).strip() == "TLP:RED"
            assert banner.styles.background != banner.styles.color
