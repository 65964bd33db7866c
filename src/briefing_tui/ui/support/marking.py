"""Handling markings (TLP and others) as banners whose colour tells the reader how to share.

What a marking *is* (TLP:AMBER written "tlp: amber", TLP:WHITE meaning TLP:CLEAR, a
classification, or something unknown) and the TLP colours themselves come from one place,
`briefing_tui.insights.markings`, shared with the command line and the exports; this module
only turns that into CSS classes, theme variables and styles.
"""

from __future__ import annotations

from textual.content import Content

from briefing_tui.insights.markings import TLP_BACKGROUND, TLP_COLOURS, marking_level

# Each TLP label's banner level; AMBER+STRICT shares AMBER's colour, as in TLP 2.0.
_TLP_LEVELS = {
    "TLP:RED": "red",
    "TLP:AMBER+STRICT": "amber",
    "TLP:AMBER": "amber",
    "TLP:GREEN": "green",
    "TLP:CLEAR": "clear",
}
MARKING_LEVELS = ("red", "amber", "green", "clear", "other")

# CSS classes, styled in briefing.tcss, so that colours follow the theme and not code.
MARKING_CLASSES = (*(f"marking--{level}" for level in MARKING_LEVELS), "marking--none")

# Markings we do not recognise as TLP get a neutral grey no one could take for a TLP colour.
OTHER_BACKGROUND = "#4a4a4a"
OTHER_FOREGROUND = "#ffffff"


def marking_theme_variables() -> dict[str, str]:
    """The banner colours as theme variables: FIRST TLP 2.0's own presentation, the label's
    colour on black, taken from insights.markings so that no other copy of them exists."""
    variables: dict[str, str] = {}
    for label, level in _TLP_LEVELS.items():
        variables[f"marking-{level}-background"] = TLP_BACKGROUND
        variables[f"marking-{level}-foreground"] = TLP_COLOURS[label]
    variables["marking-other-background"] = OTHER_BACKGROUND
    variables["marking-other-foreground"] = OTHER_FOREGROUND
    return variables


def marking_level_name(marking: str) -> str:
    """ "red", "amber", "green", "clear", "other" (marked, not TLP) or "none" (unmarked)."""
    level = marking_level(marking)
    if not level.rank:
        return "none"
    if level.tlp:
        return _TLP_LEVELS.get(level.canonical, "other")
    return "other"


def marking_class(marking: str) -> str:
    """The banner class for a marking; unknown markings get a neutral banner, never a colour
    that could be mistaken for a TLP level."""
    return f"marking--{marking_level_name(marking)}"


def marking_style(marking: str) -> str:
    """A style for the marking inside lists: a small banner in the theme's marking colours.

    Written with theme variables (see themes.py), so high-contrast and monochrome themes
    restyle it; only `Content`, which resolves variables, may use it.
    """
    level = marking_level_name(marking)
    if level == "none":
        return ""
    return f"bold $marking-{level}-foreground on $marking-{level}-background"


def marking_banner(marking: str) -> Content:
    """The banner text: the marking itself, as plain content (it comes from the document)."""
    return Content(f" {marking.strip()} ") if marking.strip() else Content("")
