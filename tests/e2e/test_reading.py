"""Reading the sample library in a real terminal: list, panes, briefings, help, problems, quit."""

from __future__ import annotations

from pathlib import Path

from terminal_driver import Terminal

SEED_TITLE = "Joint conference on judicial cooperation in cybercrime matters"
NEWEST_TITLE = "Example: Planning call for a regional workshop"


def start_on_newest(terminal: Terminal, samples: Path, **size: int) -> None:
    """Start on the samples and go to the top of the list, the newest briefing.

    Home makes the start independent of which entry the list highlighted while the files
    were still arriving.
    """
    terminal.start(samples, **size)
    terminal.wait_for("5 briefings")
    terminal.press("Home")
    terminal.wait_for(NEWEST_TITLE, "2026-02-10 · Video conference")


def open_seed(terminal: Terminal, samples: Path) -> None:
    """Step down from the newest briefing to the seed, the oldest (so last) one."""
    start_on_newest(terminal, samples)
    terminal.press("]", "]", "]", "]")
    terminal.wait_for("Two days at Eurojust in The Hague")


def test_starts_on_the_samples_with_the_list_and_overview(
    terminal: Terminal, samples: Path
) -> None:
    open_seed(terminal, samples)
    screen = terminal.wait_for("1 Overview", "2 Participants", "3 Topics", "4 Outcomes")
    assert "TLP:CLEAR" in screen
    assert "2018-03-07 – 2018-03-08" in screen
    assert "Eurojust, The Hague, Netherlands" in screen
    # The list still shows the other briefings beside the open one.
    assert "Example: Training workshop" in screen
    assert "Glossary" in screen
    terminal.quit()


def test_number_keys_switch_panes(terminal: Terminal, samples: Path) -> None:
    open_seed(terminal, samples)
    terminal.press("2")
    screen = terminal.wait_for("Alexander Seger", "Ladislav Hamran")
    assert "Head of the Cybercrime Division" in screen
    assert "Eurojust National Members" in screen
    terminal.press("3")
    screen = terminal.wait_for("7 topics", "Eurojust's mission, objectives")
    assert "5. Cooperation with the" in screen
    assert "7. The way forward" in screen
    terminal.press("4")
    screen = terminal.wait_for("3 outcomes", "A better understanding of Eurojust's role and tools.")
    assert "FINDING" in screen
    terminal.press("1")
    terminal.wait_for("Two days at Eurojust in The Hague")
    terminal.quit()


def test_brackets_move_between_briefings(terminal: Terminal, samples: Path) -> None:
    start_on_newest(terminal, samples)
    terminal.press("]")
    terminal.wait_for("2025-11-25 – 2025-11-27 ·")
    terminal.press("]")
    terminal.wait_for("2023-06-20 – 2023-06-22 ·")
    terminal.press("[")
    terminal.wait_for("2025-11-25 – 2025-11-27 ·")
    terminal.press("[", "[")  # the second one stays on the first briefing
    terminal.wait_for("2026-02-10 · Video conference")
    terminal.quit()


def test_help_opens_and_escape_closes_it(terminal: Terminal, samples: Path) -> None:
    terminal.start(samples)
    terminal.wait_for("5 briefings")
    terminal.press("?")
    screen = terminal.wait_for("Keys — escape closes")
    for line in ("Quit", "Help", "Problems", "Library"):  # the first rows: app-wide keys
        assert line in screen, line
    terminal.press("Escape")
    terminal.wait_gone("Keys — escape closes")
    assert terminal.alive
    terminal.quit()


def test_problems_screen_on_a_clean_library(terminal: Terminal, samples: Path) -> None:
    terminal.start(samples)
    terminal.wait_for("5 briefings")
    terminal.press("!")
    terminal.wait_for("No problems found.")
    terminal.press("Escape")
    terminal.wait_gone("No problems found.")
    terminal.quit()


def test_q_quits_with_status_zero(terminal: Terminal, samples: Path) -> None:
    terminal.start(samples)
    terminal.wait_for("5 briefings")
    output = terminal.quit()
    # The alternate screen is gone: what remains is the shell's screen, not the reader.
    assert "5 briefings" not in terminal.screen()
    assert "Traceback" not in output
