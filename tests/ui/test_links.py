"""A click on a link shows its URL and opens nothing."""

from __future__ import annotations

import webbrowser
from typing import Any

import pytest

from briefing_tui.ui.widgets.panes.overview import LinkList

from .helpers import SIZE, app_with, rich_briefing, settle


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> bool:
        calls.append(args)
        raise AssertionError("the reader must never open a browser")

    for name in ("open", "open_new", "open_new_tab"):
        monkeypatch.setattr(webbrowser, name, refuse)
    return calls


async def test_clicking_a_link_shows_its_url(no_browser: list[Any]) -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        links = app.query_one(LinkList)
        assert await pilot.click(LinkList, offset=(4, 0))
        await settle(pilot)
        assert [m.link.url for m in app.received(LinkList.LinkActivated)] == [
            "https://example.org/press"
        ]
        messages = [n.message for n in app.notifications()]
        assert messages == ["https://example.org/press"]
        assert all(not n.markup for n in app.notifications())
        assert links.links[0].title == "Press release"
        assert app.is_running
    assert no_browser == []


async def test_open_url_only_shows_the_url(no_browser: list[Any]) -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_url("https://example.org/[b]x[/]")
        await settle(pilot)
        assert [n.message for n in app.notifications()] == ["https://example.org/[b]x[/]"]
    assert no_browser == []


async def test_clicking_prose_opens_nothing(no_browser: list[Any]) -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#overview-text", offset=(30, 1))  # the prose under its heading
        await settle(pilot)
        assert app.notifications() == []
        assert app.is_running
    assert no_browser == []
