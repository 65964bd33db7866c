"""NO_COLOR in a real terminal: greys only reach the screen, and markings keep their words."""

from __future__ import annotations

import re
from pathlib import Path

from terminal_driver import Terminal

SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colours(screen: str) -> set[tuple[int, ...]]:
    """Every colour the screen asks for: (n,) for 256-colour codes, (r, g, b) for truecolour."""
    found: set[tuple[int, ...]] = set()
    for params in SGR.findall(screen):
        codes = [int(code) for code in params.split(";") if code]
        index = 0
        while index < len(codes):
            code = codes[index]
            if code in (38, 48) and index + 1 < len(codes):
                if codes[index + 1] == 5:
                    found.add((codes[index + 2],))
                    index += 3
                    continue
                if codes[index + 1] == 2:
                    found.add(tuple(codes[index + 2 : index + 5]))
                    index += 5
                    continue
            if 30 <= code <= 37 or 90 <= code <= 97:
                found.add((code - 30 if code < 90 else code - 82,))
            if 40 <= code <= 47 or 100 <= code <= 107:
                found.add((code - 40 if code < 100 else code - 92,))
            index += 1
    return found


def is_grey(colour: tuple[int, ...]) -> bool:
    if len(colour) == 3:
        return colour[0] == colour[1] == colour[2]
    (number,) = colour
    if number in (0, 7, 8, 15) or number >= 232:
        return True
    if 16 <= number <= 231:
        cube = number - 16
        return cube // 36 == (cube // 6) % 6 == cube % 6
    return False


def test_no_color_shows_greys_only_and_marking_words(terminal: Terminal, samples: Path) -> None:
    terminal.start(samples, env={"NO_COLOR": "1"})
    terminal.wait_for("5 briefings")
    terminal.press("Home")
    terminal.wait_for("TLP:AMBER+STRICT", "RESTRICTED", "TLP:GREEN", "TLP:CLEAR")
    for key, text in (("1", "Glossary"), ("4", "4 outcomes"), ("2", "Daniel Okafor")):
        terminal.press(key)
        terminal.wait_for(text, "TLP:AMBER+STRICT")
        used = colours(terminal.screen_with_attributes())
        assert used, "no colours captured at all: is tmux passing them?"
        assert all(is_grey(c) for c in used), sorted(c for c in used if not is_grey(c))
    terminal.quit()
