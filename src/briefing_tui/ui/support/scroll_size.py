"""Growing a line-drawn view's virtual size without laying the whole screen out."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Give `view` a new virtual size, with a layout pass only when one can change anything.

    `virtual_size` is a layout reactive: each change lays the whole screen out.  While a
    10,000-briefing library streams in, the list grows at each rebuild, ~50 times, each a
    full layout.  When the view already scrolls and still will, at the same width, nothing
    moves: only its scrollbar and its lines need drawing again.
    """
    old, height = view.virtual_size, view.size.height
    if size == old:
        return
    if size.width == old.width and min(old.height, size.height) > height > 0:
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)  # what a layout pass would do for the scrollbar
        view.refresh()
    else:
        view.virtual_size = size
