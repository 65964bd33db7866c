"""The hostile corpus: one file per threat of issue 5, written at test time.

Generated rather than committed because several cases (FIFOs, symlinks, NUL bytes, invalid
UTF-8, control characters in file names) cannot live in git or would be mangled by editors.
Each entry says what a reader must report for it; None means "loads without an error".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    content: bytes
    expect: str | None  # a fragment of the problem message, or None for "loads cleanly"


BILLION_LAUGHS = (
    b'title: lol\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + b"".join(
        f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n".encode()
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
)

CASES = [
    Case(
        "markup.yaml",
        b'title: "[@click=app.quit]Quit[/] [/] x [/ y [b]bold"\n'
        b'participants:\n  - name: "[@click=app.screenshot()]x"\n    role: "[red]r[/red]"\n'
        b'topics: ["[link=https://evil.example]t[/link]"]\n',
        None,
    ),
    Case(
        "ansi.yaml",
        b'title: "\\e[2J\\e]0;pwned\\a\\e]52;c;ZXZpbA==\\a"\nlocation: "\\x9b31m\\x00\\x7f"\n',
        None,
    ),
    Case(
        "raw-controls.md",
        b"# Raw \x1b[31mred\x1b[0m title\n\nBody \x07 with bell\x08.\n",
        "control characters",
    ),
    Case(
        "bidi.yaml",
        'title: "access \u202e\u2066 level"\nsummary: "كلمة\u200f \u200d"\n'.encode(),
        "bidirectional",
    ),
    Case(
        "python-tag.yaml",
        b"title: t\nx: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
        "is not allowed",
    ),
    Case("billion-laughs.yaml", BILLION_LAUGHS, "alias expansion limit"),
    Case("deep.yaml", b"title: t\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested"),
    Case("duplicate.yaml", b"title: a\ntitle: b\n", "duplicate key 'title'"),
    Case(
        "merge.yaml", b"title: t\nbase: &b {role: r}\nparticipants:\n  - {<<: *b, name: n}\n", None
    ),
    Case("multi.yaml", b"title: a\n---\ntitle: b\n", "more than one YAML document"),
    Case("scalar.yaml", b"just a string\n", "must be a mapping"),
    Case("list.yaml", b"- a\n- b\n", "must be a mapping"),
    Case("empty.yaml", b"", "empty"),
    Case("bad-date.yaml", b"title: t\ndate: 2024-02-30\n", "not a real date"),
    Case("quirks.yaml", b"title: NO\nlocation: ON\nx: 012\ny: 1:30\nz: 1.10\n", None),
    Case("utf16.yaml", "title: t\n".encode("utf-16"), "not valid UTF-8"),
    Case("latin1.md", "# Caf\xe9\n".encode("latin-1"), "not valid UTF-8"),
    Case("nul.yaml", b"title: t\x00\n", "NUL byte"),
    Case("binary.md", bytes(range(256)) * 4, "NUL byte"),
    Case("bom.yaml", b"\xef\xbb\xbftitle: BOM\n", None),
    Case("crlf.md", b"---\r\ntitle: CRLF\r\n---\r\n## Outcomes\r\n- done\r\n", None),
    Case("long-line.md", b"# Long\n\n" + b"word " * 400_000 + b"\n", None),
    Case("deep-quote.md", b"# Deep\n\n" + b">" * 20_000 + b" x\n", None),
    Case("deep-list.md", b"# Deep\n\n" + b"".join(b"  " * i + b"- x\n" for i in range(1500)), None),
    Case("unclosed-front.md", b"---\ntitle: x\n# Heading\n", "never closed"),
    Case("list-front.md", b"---\n- a\n---\n# H\n", "must be a mapping"),
    Case("toml-front.md", b'+++\ntitle = "Toml"\n+++\nBody\n', None),
    Case("bad-toml.md", b"+++\ntitle = \n+++\nBody\n", "TOML front matter"),
    Case("leading-space-front.md", b" ---\ntitle: x\n---\n", None),
    Case("wrong-types.yaml", b"title: [a]\nparticipants: 3\ntopics: {a: b}\n", "expected"),
    Case(
        "html.md",
        b"# HTML in Markdown\n\nSeen <span>inline tag</span> and <!-- a hidden comment -->"
        b" here.\n\n<div>\nblock that Rich dropped\n</div>\n\n<!-- a whole comment\n"
        b"over two lines -->\n\n## Outcomes\n\n- decided <b>bold</b> thing\n",
        None,
    ),
    Case("huge.yaml", b"title: big\nx: '" + b"a" * (9 * 1024 * 1024) + b"'\n", "limit"),
]


def build(root: Path, make_special: bool = True) -> dict[str, Case]:
    """Write every case under `root`; also a FIFO and links that must not be followed."""
    root.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        (root / case.name).write_bytes(case.content)
    evil_name = root / "name-\x1b]0;title\x07.yaml"
    evil_name.write_bytes(b"title: [\n")
    if make_special:
        os.mkfifo(root / "fifo.yaml")
        (root / "passwd.yaml").symlink_to("/etc/passwd")
        (root / "etc").symlink_to("/etc")
    return {case.name: case for case in CASES}


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under `root` with size and mtime: proof that nothing was written."""
    out: dict[str, tuple[int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            out[os.path.join(dirpath, name)] = (st.st_size, st.st_mtime_ns)
    return out


Writer = Callable[[str, bytes], Path]
