"""The footer is rebuilt only when the keys it shows change (bench_long: pane keys spent
most of their UI time rebuilding a footer into what it already showed)."""

from __future__ import annotations

from itertools import pairwise

from textual.widgets._footer import FooterKey

from briefing_tui.ui.widgets.steady_footer import SteadyFooter
from waiting import wait_until

from .helpers import SIZE, app_with, rich_briefing, settle


def _shown(app: object) -> tuple[str, ...]:
    """The descriptions of the keys the screen's bindings call for, in footer order."""
    screen = app.screen  # type: ignore[attr-defined]
    return tuple(
        binding.description
        for (_, binding, _, _) in screen.active_bindings.values()
        if binding.show
    )


def _keys(app: object) -> list[FooterKey]:
    footer = app.screen.query_one(SteadyFooter)  # type: ignore[attr-defined]
    return list(footer.query(FooterKey))


def _labels(app: object) -> tuple[str, ...]:
    """What the footer shows, but the command palette's key it always adds at the right."""
    return tuple(k.description for k in _keys(app) if not k.has_class("-command-palette"))


async def test_moving_between_panes_rebuilds_the_footer_only_when_its_keys_change() -> None:
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        states = []
        for key in ["2", "3", "4", "1", "2", "tab", "1"]:
            await pilot.press(key)
            await settle(pilot)
            await wait_until(
                pilot,
                lambda: _labels(app) == _shown(app),
                f"the footer to show the keys of the pane after {key!r}",
            )
            states.append((_shown(app), [id(k) for k in _keys(app)], list(_keys(app))))
        same = changed = 0
        for (shown_a, ids_a, _), (shown_b, ids_b, _) in pairwise(states):
            if shown_a == shown_b:
                assert ids_a == ids_b, "the footer was rebuilt into the keys it already showed"
                same += 1
            else:
                changed += 1
        # The walk moves both between panes with the same keys and between different ones.
        assert same and changed


async def test_keys_that_stay_are_kept_when_a_pane_adds_or_drops_one() -> None:
    """Participants adds Sort: the other keys stay the same widgets, in the same places."""
    app = app_with([rich_briefing()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: _labels(app) == _shown(app), "the first footer")
        seen: list[tuple[tuple[str, ...], dict[str, int]]] = [
            (_labels(app), {k.description: id(k) for k in _keys(app)})
        ]
        for key in ["2", "1", "2", "1"]:
            await pilot.press(key)
            await settle(pilot)
            await wait_until(
                pilot,
                lambda: _labels(app) == _shown(app),
                f"the footer to show the keys of the pane after {key!r}",
            )
            seen.append((_labels(app), {k.description: id(k) for k in _keys(app)}))
        for (labels_a, ids_a), (labels_b, ids_b) in pairwise(seen):
            assert labels_a != labels_b, "each step changes the keys shown"
            kept = set(labels_a) & set(labels_b)
            assert kept and all(ids_a[d] == ids_b[d] for d in kept), "kept keys were rebuilt"
        # In the order Footer would compose them (the waits above), side by side on the
        # footer's line, bound to its compact flag, the palette's key still at the right.
        footer = app.screen.query_one(SteadyFooter)
        keys = [k for k in _keys(app) if not k.has_class("-command-palette")]
        for left, right in pairwise(keys):
            assert left.region.right <= right.region.x and left.region.y == right.region.y
        assert all(k.compact == footer.compact for k in keys)
        assert _keys(app)[-1].has_class("-command-palette")
