"""`briefing check --explain FILE`: which key, heading or phrase filled each field."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.cli import main

SEED = Path(__file__).parents[1] / "corpus" / "eurojust-2018-03-joint-conference-cybercrime.txt"


def test_explain_names_the_phrases_of_a_press_release(capsys) -> None:
    assert main(["check", "--explain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "read as plain text" in out
    assert "title: Joint conference on judicial cooperation in cybercrime matters" in out
    assert "Topics: 7  <- phrase 'Topics discussed included'" in out
    assert "Outcomes: 3  <- the list after 'through:'" in out
    assert "published: 2018-03-12  <- a line that is only a date" in out


def test_explain_markdown_headings_empty_panes_and_unread(tmp_path: Path, capsys) -> None:
    f = tmp_path / "m.md"
    f.write_text("---\ntitle: M\nreviewer: X\n---\n## Attendees\n\n- Ana Ruiz\n\n## Misc\n\nx\n")
    assert main(["check", "--explain", str(f)]) == 0
    out = capsys.readouterr().out
    assert "title: M  <- key 'title:' (line 2)" in out
    assert "Participants: 1 named, 0 groups  <- heading 'Attendees' (line 5)" in out
    assert "Topics: No Topics listed: no Agenda or Topics heading" in out
    assert "key 'reviewer:' (line 3), shown under Other details" in out
    assert "heading 'Misc' (line 9) names no pane" in out


def test_explain_a_file_that_cannot_be_read(tmp_path: Path, capsys) -> None:
    f = tmp_path / "bad.yaml"
    f.write_bytes(b"title: [\n")
    assert main(["check", "--explain", str(f)]) == 1
    assert "not read" in capsys.readouterr().out
