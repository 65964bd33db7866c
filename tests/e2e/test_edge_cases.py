"""Awkward starts in a real terminal: nothing to read, only broken files, a shrinking window."""

from __future__ import annotations

from pathlib import Path

from terminal_driver import Terminal

from .test_reading import start_on_newest


def test_empty_folder_says_so(terminal: Terminal, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    terminal.start(empty)
    screen = terminal.wait_for("No briefings found.", "0 briefings")
    assert str(empty) in screen.replace("\n", "")  # the searched folder is named
    assert "Traceback" not in screen
    terminal.press("1", "2", "]", "[", "Tab")  # keys that need a briefing do nothing
    terminal.wait_for("No briefings found.")
    terminal.quit()


def test_only_broken_files_lists_problems(terminal: Terminal, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad-yaml.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (broken / "unterminated.yaml").write_text('title: "no end\n', encoding="utf-8")
    (broken / "not-a-mapping.yml").write_text("- just\n- a list\n", encoding="utf-8")
    terminal.start(broken)
    screen = terminal.wait_for("No briefings found.", "press ! to see them")
    assert "3 files had problems" in screen
    terminal.press("!")
    screen = terminal.wait_for("Problems:", "bad-yaml.yaml:", "unterminated.yaml:")
    assert "not-a-mapping.yml:" in screen
    assert "error" in screen
    terminal.press("Escape")
    terminal.wait_gone("Problems:")
    output = terminal.quit()
    assert "Traceback" not in output


def footer_last(screen: str, height: int) -> bool:
    """The footer sits on the last of `height` rows: the layout was redone for that size."""
    lines = screen.splitlines()
    return len(lines) == height and "q Quit" in lines[-1]


def test_resize_redraws(terminal: Terminal, samples: Path) -> None:
    start_on_newest(terminal, samples, width=120, height=40)
    terminal.press("2")
    terminal.wait_for("Daniel Okafor")
    terminal.resize(80, 24)
    assert terminal.size() == (80, 24)
    screen = terminal.wait_until(
        lambda s: "Daniel Okafor" in s and footer_last(s, 24), "a full redraw at 80x24"
    )
    assert all(len(line) <= 80 for line in screen.splitlines())
    assert "Traceback" not in screen
    terminal.press("4")
    terminal.wait_for("outcome")
    terminal.resize(120, 40)
    terminal.wait_until(lambda s: "outcome" in s and footer_last(s, 40), "a redraw at 120x40")
    terminal.quit()


def test_small_terminal_help_and_panes(terminal: Terminal, samples: Path) -> None:
    terminal.start(samples, width=80, height=24)
    terminal.wait_for("5 briefings")
    terminal.press("3")
    terminal.wait_for("topics")
    terminal.press("?")
    terminal.wait_for("Keys — escape closes")
    terminal.press("Escape")
    terminal.wait_gone("Keys — escape closes")
    terminal.quit()
