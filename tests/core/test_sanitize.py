"""Terminal controls and bidi overrides from documents are made visible, never passed on."""

from __future__ import annotations

from briefing_tui.readers.documents import read_yaml
from briefing_tui.sanitize import clean, normalise_newlines


def test_c0_del_and_c1_become_visible_and_keep_length() -> None:
    raw = "a\x00b\x1b[31mc\x7fd\x9be\tf\ng"
    out = clean(raw)
    assert len(out) == len(raw)
    assert out == "a␀b␛[31mc␡d\ufffde\tf\ng"


def test_bidi_overrides_are_visible_but_joiners_and_marks_stay() -> None:
    assert clean("a\u202eb\u2066c") == "a⬚b⬚c"
    kept = "مرحبا\u200f \u200d👩\u200d💻 \u200c x\u200e"
    assert clean(kept) == kept


def test_newlines_are_normalised() -> None:
    assert normalise_newlines("a\r\nb\rc") == "a\nb\nc"


def test_a_document_with_controls_and_bidi_loads_with_warnings() -> None:
    raw = "title: Safe\u202e txt\nlocation: \x1b]52;c;ZXZpbA==\x07 here\n".encode()
    result = read_yaml("x.yaml", raw)
    b = result.briefing
    assert b is not None
    assert "\x1b" not in b.location and "\x07" not in b.location
    assert "\u202e" not in b.title
    messages = " ".join(p.message for p in result.problems)
    assert "control characters" in messages
    assert "bidirectional control character (RLO)" in messages
    assert {p.line for p in result.problems} == {1, 2}


def test_toml_escapes_are_cleaned_too() -> None:
    from briefing_tui.readers.documents import read_markdown

    raw = b'+++\ntitle = "a\\u001b]0;x\\u0007b"\n"k\\u001bey" = "v"\n+++\n'
    b = read_markdown("t.md", raw).briefing
    assert b is not None
    assert b.title == "a␛]0;x␇b"
    assert b.extra == (("k␛ey", "v"),)
