"""Accessible themes, and the theme variables every briefing style is written against.

Readers work on shared workstations with whatever screen the room has, some with low vision,
some on monochrome or colour-blind-unfriendly displays. Two themes serve them:

- `briefing-high-contrast`: black, white and yellow only (errors a light red, always also
  spelt out in words); the focused widget has a thick yellow edge, so focus can be seen
  from across a room; the cursor is a dark underlined bar on which every colour reads.
- `briefing-monochrome`: greys only, whatever a renderable asks for. Markings become
  black-on-white banners (reverse video): their *text* carries the meaning, never a colour.

Colours in the rest of the UI are never literal: styles name theme variables (`$error`,
`$marking-red-background`, ...) so that every theme, including these two, restyles all of
it. `THEME_VARIABLE_DEFAULTS` gives the briefing variables their values in themes that do
not set them (Textual's own).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.style import Style as RichStyle
from rich.theme import Theme as RichTheme
from textual.app import App
from textual.filter import LineFilter, Monochrome
from textual.markup import parse_style
from textual.theme import Theme

from briefing_tui.ui.support.marking import MARKING_LEVELS, marking_theme_variables

HIGH_CONTRAST = "briefing-high-contrast"
MONOCHROME = "briefing-monochrome"

# Shorter names people type (and the settings file examples use).
THEME_ALIASES = {"high-contrast": HIGH_CONTRAST, "monochrome": MONOCHROME}

# Marking banners in the TLP 2.0 colours (insights.markings, through ui.marking); markings
# we do not recognise get a neutral grey that no one could take for a TLP colour.
THEME_VARIABLE_DEFAULTS: dict[str, str] = marking_theme_variables()

_BLACK, _WHITE, _YELLOW = "#000000", "#ffffff", "#ffff00"

HIGH_CONTRAST_THEME = Theme(
    name=HIGH_CONTRAST,
    primary=_YELLOW,
    secondary=_WHITE,
    accent=_YELLOW,
    warning=_YELLOW,
    error="#ff9090",
    success=_WHITE,
    foreground=_WHITE,
    background=_BLACK,
    surface=_BLACK,
    panel=_BLACK,
    boost=_BLACK,
    dark=True,
    text_alpha=1.0,
    variables={
        "text": _WHITE,
        "text-muted": _WHITE,
        "foreground-muted": _WHITE,
        "text-primary": _YELLOW,
        "text-accent": _YELLOW,
        "text-warning": _YELLOW,
        "text-error": "#ff9090",
        "text-success": _WHITE,
        "panel-lighten-1": _BLACK,
        "panel-lighten-2": _WHITE,
        "border": _YELLOW,
        "border-blurred": _WHITE,
        # A dark bar, underlined, rather than a yellow one: words in their own colour (a
        # yellow "open", a red "OVERDUE") would vanish on yellow, and stay readable on this.
        "block-cursor-foreground": _WHITE,
        "block-cursor-background": "#444444",
        "block-cursor-text-style": "bold underline",
        "block-cursor-blurred-foreground": _WHITE,
        "block-cursor-blurred-background": _BLACK,
        "block-cursor-blurred-text-style": "underline",
        "block-hover-background": _BLACK,
        "footer-background": _BLACK,
        "footer-foreground": _WHITE,
        "footer-key-foreground": _YELLOW,
        "footer-key-background": _BLACK,
        "footer-description-foreground": _WHITE,
        "footer-description-background": _BLACK,
        "footer-item-background": _BLACK,
        "scrollbar": _WHITE,
        "scrollbar-hover": _YELLOW,
        "scrollbar-active": _YELLOW,
        "scrollbar-background": _BLACK,
        "scrollbar-background-hover": _BLACK,
        "scrollbar-background-active": _BLACK,
        "scrollbar-corner-color": _BLACK,
        "input-selection-background": _YELLOW,
        "input-selection-foreground": _BLACK,
        "screen-selection-background": _YELLOW,
        "screen-selection-foreground": _BLACK,
        "link-color": _YELLOW,
        "link-background": _BLACK,
        "link-style": "bold underline",
        # The TLP 2.0 definition's own presentation: the colour as text on black.
        **marking_theme_variables(),
        "marking-other-background": _WHITE,
        "marking-other-foreground": _BLACK,
    },
)

_GREY_DARK, _GREY, _GREY_LIGHT, _GREY_TEXT = "#262626", "#5f5f5f", "#bcbcbc", "#e4e4e4"

MONOCHROME_THEME = Theme(
    name=MONOCHROME,
    primary=_GREY_LIGHT,
    secondary=_GREY,
    accent=_WHITE,
    warning=_GREY_LIGHT,
    error=_WHITE,
    success=_GREY_LIGHT,
    foreground=_GREY_TEXT,
    background=_BLACK,
    surface="#121212",
    panel=_GREY_DARK,
    boost="#1c1c1c",
    dark=True,
    variables={
        "text-muted": "#b0b0b0",
        "text-primary": _WHITE,
        "text-accent": _WHITE,
        "text-warning": _WHITE,
        "text-error": _WHITE,
        "text-success": _GREY_LIGHT,
        "border": _WHITE,
        "border-blurred": _GREY,
        # A mid-grey underlined bar for the cursor of the focused widget (text in any grey
        # stays readable on it), a dark grey one when it is not focused.
        "block-cursor-foreground": _WHITE,
        "block-cursor-background": "#585858",
        "block-cursor-text-style": "bold underline",
        "block-cursor-blurred-foreground": _WHITE,
        "block-cursor-blurred-background": "#3a3a3a",
        "block-cursor-blurred-text-style": "none",
        "footer-key-foreground": _WHITE,
        "input-selection-background": _GREY_LIGHT,
        "screen-selection-background": _GREY_LIGHT,
        "link-color": _WHITE,
        "link-style": "underline",
        **{f"marking-{level}-background": _WHITE for level in MARKING_LEVELS},
        **{f"marking-{level}-foreground": _BLACK for level in MARKING_LEVELS},
    },
)

THEMES = (HIGH_CONTRAST_THEME, MONOCHROME_THEME)
THEME_NAMES = frozenset(theme.name for theme in THEMES)


def resolve_theme_name(name: str) -> str:
    """The registered name for `name`, accepting the short aliases."""
    return THEME_ALIASES.get(name.strip(), name.strip())


def default_theme(no_color: bool) -> str | None:
    """The theme to use when the reader chose none: greys when NO_COLOR asks for no colour."""
    return MONOCHROME if no_color else None


def rich_style(app: App[object], style: str) -> RichStyle:
    """A Textual style string (`"bold $error"`) as a Rich style for Rich renderables.

    Content and CSS resolve `$variables` themselves; `rich.text.Text` cannot, so panes that
    build Rich renderables resolve them here and rebuild when the theme changes.
    """
    return parse_style(style, app.theme_variables).rich_style


# Rich draws document Markdown with its own colours (blue link addresses, cyan code, magenta
# headings), several of them unreadable on black; the accessible themes restyle them.
_PROSE_STYLES = {
    "markdown.code": "bold $text-accent",
    "markdown.code_block": "$text-accent",
    "markdown.block_quote": "italic $foreground",
    "markdown.list": "$foreground",
    "markdown.item.number": "$foreground",
    "markdown.h2": "bold underline $text-accent",
    "markdown.h3": "bold $text-accent",
    "markdown.h4": "italic $text-accent",
    "markdown.link": "bold $text-accent",
    "markdown.link_url": "underline $foreground",
    "markdown.table.border": "$foreground",
    "markdown.table.header": "bold $foreground",
    "markdown.kbd": "bold $text-accent",
}

# Greys only means greys only: whatever a renderable asks for, this filter makes it grey.
_MONOCHROME_FILTER = Monochrome()


class ThemedApp(App[int]):
    """An App that offers the accessible themes and keeps every colour inside the theme."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prose_theme_pushed = False
        for theme in THEMES:
            self.register_theme(theme)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **THEME_VARIABLE_DEFAULTS}

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        # NO_COLOR already brings Textual's own monochrome filter.
        if self.theme == MONOCHROME and not self.no_color:
            return [*filters, _MONOCHROME_FILTER]
        return filters

    def watch_theme(self, theme: str) -> None:
        self._restyle_prose(theme)

    def _restyle_prose(self, theme: str) -> None:
        if self._prose_theme_pushed:
            self.console.pop_theme()
            self._prose_theme_pushed = False
        if theme in THEME_NAMES:
            variables = {**self.get_theme_variable_defaults(), **self._variables_of(theme)}
            styles = {
                name: parse_style(style, variables).rich_style
                for name, style in _PROSE_STYLES.items()
            }
            self.console.push_theme(RichTheme(styles))
            self._prose_theme_pushed = True

    def _variables_of(self, name: str) -> dict[str, str]:
        theme = self.get_theme(name)
        if theme is None:
            return {}
        return {**theme.to_color_system().generate(), **theme.variables}
