"""Handling markings (TLP and others) as banners whose colour tells the reader how to share."""

from __future__ import annotations

from textual.content import Content

# CSS classes, styled in briefing.tcss, so that colours follow the theme file and not code.
_TLP_CLASSES = {
    "TLP:RED": "marking--red",
    "TLP:AMBER": "marking--amber",
    "TLP:AMBER+STRICT": "marking--amber",
    "TLP:GREEN": "marking--green",
    "TLP:CLEAR": "marking--clear",
    "TLP:WHITE": "marking--clear",  # TLP 1.0 name for what 2.0 calls CLEAR.
}

MARKING_CLASSES = (*sorted(set(_TLP_CLASSES.values())), "marking--other", "marking--none")


def marking_class(marking: str) -> str:
    """The banner class for a marking; unknown markings get a neutral banner, never a colour
    that could be mistaken for a TLP level."""
    if not marking.strip():
        return "marking--none"
    key = "".join(marking.split()).upper()
    return _TLP_CLASSES.get(key, "marking--other")


def marking_style(marking: str) -> str:
    """A style for the marking inside lists: a small banner in the theme's marking colours.

    Written with theme variables (see themes.py), so high-contrast and monochrome themes
    restyle it; only `Content`, which resolves variables, may use it.
    """
    css_class = marking_class(marking)
    if css_class == "marking--none":
        return ""
    level = css_class.removeprefix("marking--")
    return f"bold $marking-{level}-foreground on $marking-{level}-background"


def marking_banner(marking: str) -> Content:
    """The banner text: the marking itself, as plain content (it comes from the document)."""
    return Content(f" {marking.strip()} ") if marking.strip() else Content("")
