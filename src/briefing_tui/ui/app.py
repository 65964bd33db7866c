"""The briefing reader's Textual app: themes, styles, the palette's commands and `run`.

Everything the reader does happens on the main screen (ui/screens/main.py); the app only
sets the stage for it, as hike's and posting's apps do.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType, Keymap
from textual.content import Content
from textual.driver import Driver
from textual.screen import Screen

from briefing_tui.ui import command_table
from briefing_tui.ui.command_table import binding_ids
from briefing_tui.ui.providers.briefing_commands import BriefingCommands
from briefing_tui.ui.providers.search_commands import SearchCommands
from briefing_tui.ui.screens.main import MainScreen
from briefing_tui.ui.services.loader import Counter, Loader, make_loader
from briefing_tui.ui.services.quitting import exit_now_if_busy, leave, run_app
from briefing_tui.ui.services.ui_pulse import INPUT, noting_input, ui_pulse
from briefing_tui.ui.support.links import show_link
from briefing_tui.ui.support.themes import ThemedApp, default_theme, resolve_theme_name

# System palette entries that would write files (Screenshot) or duplicate our own commands.
_HIDDEN_SYSTEM_COMMANDS = frozenset({"Screenshot", "Keys", "Quit"})


class BriefingApp(ThemedApp):
    """Read a library of briefings, one at a time, in four panes (see `MainScreen`)."""

    # Layout and theme rules of the main screen.  The other screens' sheets live beside
    # them (their CSS_PATH), and are read here too: a sheet first read when its screen is
    # pushed makes Textual reparse every sheet and restyle every widget, 40-80 ms of the
    # UI thread on the first `/`, `i`, `o`, `t`, `g` or `f` (bench_long's probe).
    # Absolute, so subclasses defined elsewhere (tests, embedders) still find the styles.
    CSS_PATH = [  # noqa: RUF012 (Textual's own type for it is a list)
        Path(__file__).with_name("briefing.tcss"),
        Path(__file__).with_name("find.tcss"),
        Path(__file__).parent / "screens" / "search.tcss",
        Path(__file__).parent / "screens" / "library_views.tcss",
    ]
    TITLE = "briefing"
    COMMANDS: ClassVar[set[type[BriefingCommands]]] = {BriefingCommands}  # type: ignore[assignment]
    COMMANDS |= App.COMMANDS  # type: ignore[arg-type]
    COMMANDS |= {SearchCommands}  # type: ignore[arg-type]
    BINDINGS: ClassVar[list[BindingType]] = command_table.bindings()  # type: ignore[assignment]

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        loader: Loader | None = None,
        counter: Counter | None = None,
        state_dir: Path | None = None,
    ) -> None:
        """`state_dir` turns on reading state (read, changed, bookmarked); off by default."""
        super().__init__()
        self.main = MainScreen(paths, loader=loader, counter=counter, state_dir=state_dir)

    async def on_event(self, event: events.Event) -> None:
        # Background threads step aside while a key or a click is handled and drawn; they
        # cannot tell otherwise, and the loop paid for every turn they kept the GIL.
        # The driver's input thread already held them as the key was read (`noting_input`);
        # this covers input that comes another way (Pilot, a test's driver).
        if isinstance(event, INPUT):
            ui_pulse().hold()
        await super().on_event(event)

    def get_driver_class(self) -> type[Driver]:
        return noting_input(super().get_driver_class())

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def set_keymap(self, keymap: Keymap) -> None:
        super().set_keymap(keymap)
        self.main.keymap = dict(keymap)  # the palette shows the keys as remapped

    def action_help(self) -> None:
        """The keys of the screen that is up, whichever it is."""
        from briefing_tui.ui.screens.help import HelpScreen, collect_key_help

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(collect_key_help(self, self.screen)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Tab reaches the app even over dialogs and the palette, where it must keep its
        # usual meaning: pane switching is off while a modal screen is up.
        return not (action.endswith("step_pane") and self.screen.is_modal)

    def format_title(self, title: str, sub_title: str) -> Content:
        """Header text as plain Content: the sub-title is a document title."""
        if sub_title:
            return Content.assemble(title, (" — ", "dim"), (sub_title, "dim"))
        return Content(title)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in _HIDDEN_SYSTEM_COMMANDS:
                yield command

    # -- nothing leaves the machine, nothing is written ---------------------------------------

    def open_url(self, url: str, *, new_tab: bool = True) -> None:  # never opens: offline
        """Backstop: whatever asks Textual to open a URL only gets it shown."""
        show_link(self, url)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Disabled: the reader writes nothing, and documents must not trigger file writes."""
        self.notify("Screenshots are disabled.", markup=False)

    def deliver_screenshot(self, *args: object, **kwargs: object) -> None:
        self.notify("Screenshots are disabled.", markup=False)
        return None


def run(
    paths: list[Path],
    *,
    theme: str | None = None,
    cache_dir: Path | None = None,
    state_dir: Path | None = None,
    keymap: Mapping[str, str] | None = None,
    leave_at_end: bool = False,
) -> int:
    """Start the reader on `paths`; returns the process exit code.

    `cache_dir` turns on the optional parse cache, `state_dir` the reading state (read and
    bookmarked briefings); both are off by default, when nothing is written.  `keymap`
    maps binding ids (see `binding_ids()`) to the keys the user prefers.  With
    `leave_at_end` (the `briefing` command), the process ends when the reader does
    (`quitting.leave`), instead of returning.
    """
    app = BriefingApp(paths, loader=make_loader(cache_dir), state_dir=state_dir)
    if keymap:
        unknown = sorted(set(keymap) - binding_ids())
        if unknown:
            print(
                f"briefing: [keys] names no such action: {', '.join(unknown)}; "
                f"known: {', '.join(sorted(binding_ids()))}",
                file=sys.stderr,
            )
        app.set_keymap({k: v for k, v in keymap.items() if k not in unknown})
    theme = resolve_theme_name(theme) if theme is not None else default_theme(app.no_color)
    if theme is not None:
        if theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            print(f"briefing: unknown theme {theme!r}; choose one of: {names}", file=sys.stderr)
            return 2
        app.theme = theme
    result = run_app(app)
    code = app.return_code if app.return_code not in (None, 0) else int(result or 0)
    # The screen is gone: background threads (a search index of a huge briefing, say)
    # must not hold the process, and the terminal's prompt, for seconds more.
    if leave_at_end:
        leave(code or 0)
    exit_now_if_busy(code or 0)
    return code or 0
