"""Long documents in a real terminal: the reader shows them at once, pages through them while
the rest is laid out, finds text far down, and quits promptly."""

from __future__ import annotations

from pathlib import Path

from terminal_driver import Terminal

HEADINGS = 20_000


def long_document(folder: Path) -> Path:
    body = "".join(f"## H{n}\n\nNote {n} of the list kept.\n\n" for n in range(1, HEADINGS + 1))
    path = folder / "long.md"
    path.write_text(f"---\ntitle: Many headings\n---\n\n{body}", encoding="utf-8")
    return path


def test_a_long_document_reads_pages_finds_and_quits(terminal: Terminal, tmp_path: Path) -> None:
    terminal.start(long_document(tmp_path))
    terminal.wait_for("Note 1 of the list kept.", timeout=30)
    terminal.press("Enter")  # into the text; focus moves there once the key is handled

    def paged_on(screen: str) -> bool:
        if "Note 1 of the list kept." not in screen:
            return True
        terminal.press("PageDown")  # until the text has the focus and pages
        return False

    terminal.wait_until(paged_on, "paging through the text while it is laid out")
    terminal.press("C-f")
    terminal.wait_for("text in this briefing")  # the find box, before typing into it
    terminal.type(f"Note {HEADINGS - 1} of")
    # The heading above the match is in the text, not in the find bar's context line: the
    # reveal waited for the layout to get that far, and scrolled there.
    terminal.wait_for(f"H{HEADINGS - 1}", timeout=60)
    terminal.press("Escape")
    terminal.wait_gone("text in this briefing")
    output = terminal.quit()
    assert "Traceback" not in output


def long_minutes(folder: Path, people: int) -> Path:
    lines = ["---\ntitle: Long minutes\n---\n\nOpening remarks of a long meeting.\n\n"]
    lines.append("## Participants\n\n")
    lines += [f"- Person {n:05d}, Prosecutor, Office {n % 97}, FR\n" for n in range(people)]
    path = folder / "minutes.md"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_long_minutes_show_their_overview_then_every_participant(
    terminal: Terminal, tmp_path: Path
) -> None:
    """The participants of long minutes are read after the first screen (`parts_later`):
    the pane turned to at once says it is reading them, or already lists them all."""
    terminal.start(long_minutes(tmp_path, 30_000))
    terminal.wait_for("Opening remarks of a long meeting.", timeout=30)
    terminal.press("2")
    terminal.wait_for("30000 named participants, 0 groups", timeout=60)
    terminal.wait_for("Person 00000", "Person 00001")
    terminal.press("S")  # names descending, the cursor staying on its row
    terminal.wait_for("sorted by name (descending")
    terminal.press("Home")
    terminal.wait_for("Person 29999", "Person 29998")
    output = terminal.quit()
    assert "Traceback" not in output


def test_find_typed_at_once_in_long_minutes_finds_a_participant(
    terminal: Terminal, tmp_path: Path
) -> None:
    """Find typed before the participants are read waits for them (in a worker, saying
    "Reading…" meanwhile) and then finds in them: the query typed is not lost."""
    terminal.start(long_minutes(tmp_path, 30_000))
    terminal.wait_for("Opening remarks of a long meeting.", timeout=30)
    terminal.press("C-f")
    terminal.wait_for("text in this briefing")
    terminal.type("Person 29998")
    terminal.wait_for("1/1  · Participants", timeout=60)
    terminal.wait_for("Person 29998 — Prosecutor, Office 25")  # the context, under the box
    terminal.press("Escape")
    terminal.wait_gone("Person 29998 — Prosecutor")
    output = terminal.quit()
    assert "Traceback" not in output
