"""What following a link does in a reader that never goes online: it shows the address.

Documents are untrusted, so the address is shown as plain text (never markup), and
nothing is opened and no connection is made.
"""

from __future__ import annotations

from typing import Any

from textual.app import App


def show_link(app: App[Any], url: str) -> None:
    """Tell the reader where a link points; the reader never opens anything itself."""
    app.notify(url, title="Link (not opened)", markup=False, timeout=8)
