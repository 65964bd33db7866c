"""A hostile document in a real terminal: markup and escape sequences stay text, clicks do nothing.

The Pilot tests check the widgets; this checks what a terminal really receives, including
what an ESC byte in a document would do if it ever reached the screen unescaped.
"""

from __future__ import annotations

from pathlib import Path

from terminal_driver import Terminal

# Double-quoted YAML: "\e" is an ESC byte, "\a" a bell; both must arrive as visible symbols.
HOSTILE = r"""title: "[@click=app.quit]Click to quit[/] [bold]x[/bold]"
date: 2024-01-01
marking: "[/]"
location: "\e]0;pwned\a\e[2J\e[31mRed"
summary: "[@click=app.quit]Quit[/] [/] [link=https://example.org]site[/link]"
participants:
  - name: "[@click=app.quit]Eve[/]"
    role: "\e[5mBlink"
topics:
  - title: "[/][@click=app.screenshot()]Shot[/]"
outcomes:
  - text: "[@click=app.quit]Done[/]"
    status: open
links:
  - title: "[@click=app.quit]Link[/]"
    url: "javascript:alert(1)"
"""


def test_hostile_document_shows_as_text_and_never_quits(terminal: Terminal, tmp_path: Path) -> None:
    library = tmp_path / "hostile"
    library.mkdir()
    (library / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    terminal.start(library)
    terminal.wait_until(
        lambda s: all(
            text in s.replace("\n", " ")
            for text in (
                "1 briefing",
                "[@click=app.quit]Click to quit[/] [bold]x[/bold]",
                "␛]0;pwned␇␛[2J␛[31mRed",  # the ESC bytes are shown, not obeyed
                "[@click=app.quit]Quit[/] [/]",
            )
        ),
        "the hostile briefing, as text",
    )
    assert terminal.pane("pane_title") != "pwned"

    # Click every hostile text we can see, in each pane, and press enter on them. No
    # escape in between: a busy app could read it with the next key as alt+key.
    for pane, text in (
        ("1", "Click to quit"),
        ("1", "[@click=app.quit]Link[/]"),
        ("2", "[@click=app.quit]Eve[/]"),
        ("3", "Shot[/]"),
        ("4", "[@click=app.quit]Done[/]"),
    ):
        terminal.press(pane)
        terminal.wait_for(text)
        x, y = terminal.find(text)
        for offset in (0, 1, 10, len(text) - 1):
            terminal.click(x + offset, y)
        terminal.press("Enter")
        # A quit would kill the pane; a still-live pane that still shows the text did not.
        terminal.wait_for(text)
        assert terminal.alive, f"clicking {text!r} in pane {pane} quit the reader"

    output = terminal.quit()
    assert "Traceback" not in output
