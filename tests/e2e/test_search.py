"""Library search in a real terminal: `/`, type, Enter, and the hit is on screen."""

from __future__ import annotations

from pathlib import Path

from terminal_driver import Terminal


def test_slash_seger_enter_opens_the_seed_on_participants(
    terminal: Terminal, samples: Path
) -> None:
    terminal.start(samples)
    terminal.wait_for("5 briefings")
    terminal.press("/")
    terminal.wait_for("Search the library")
    terminal.type("seger")
    screen = terminal.wait_for("1 briefing", "Alexander Seger")
    assert "Participants" in screen
    terminal.press("Enter")
    screen = terminal.wait_for("2 named participants", "Alexander Seger", "Ladislav Hamran")
    assert "Search the library" not in screen
    assert "Joint conference on judicial cooperation in cybercrime matters" in screen
    terminal.quit()
