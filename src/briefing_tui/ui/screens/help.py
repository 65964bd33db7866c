"""The `?` screen: every key of the screen it was opened over, generated from the bindings
themselves so the help can never drift from what the keys really do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import DataTable, Static


@dataclass(frozen=True, slots=True)
class KeyHelp:
    where: str
    keys: str
    description: str


def _where(node: DOMNode) -> str:
    if isinstance(node, Screen) and node.is_modal:
        return "This screen"
    if isinstance(node, App | Screen):
        return "Everywhere"
    return str(getattr(node, "HELP_NAME", "") or type(node).__name__)


def collect_key_help(app: App[Any], screen: Screen[Any]) -> list[KeyHelp]:
    """Bindings of the app, the screen and every widget on it; focused widget's first.

    Over a modal screen (the views across the library, dialogs) the app's own keys do not
    reach the reader, except priority ones, so the screen's keys are listed in their place.
    """
    focused = screen.focused
    chain: list[DOMNode] = []
    node: DOMNode | None = focused
    while node is not None and node is not screen:
        chain.append(node)
        node = node.parent
    # Widgets that can take focus (even in hidden panes) bring keys a reader can reach.
    others = [w for w in screen.walk_children(Widget) if w not in chain and w.can_focus]
    rows: list[KeyHelp] = []
    seen: set[tuple[str, str]] = set()
    for owner in [app, screen, *chain, *others]:
        for key, binding in _bindings_of(owner):
            if owner is app and screen.is_modal and not _reaches_modal(app, binding):
                continue
            where = _where(owner)
            if (where, key) in seen:
                continue
            seen.add((where, key))
            description = binding.description or binding.action.replace("_", " ")
            rows.append(KeyHelp(where, app.get_key_display(binding), description))
    return rows


def _reaches_modal(app: App[Any], binding: Binding) -> bool:
    """Whether an app key still works over a modal screen: priority, and not switched off."""
    action = binding.action.split("(", 1)[0]
    return binding.priority and app.check_action(action, ()) is not False


def _bindings_of(node: DOMNode) -> Iterable[tuple[str, Binding]]:
    # `_bindings` is the node's merged BindingsMap (its class and bases, plus keymap);
    # Textual offers no public way to list the bindings of a node that is not focused.
    for key, bindings in node._bindings.key_to_bindings.items():
        for binding in bindings:
            if not binding.system:
                yield key, binding


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, rows: list[KeyHelp]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(Content("Keys — escape closes"), classes="dialog-title")
            yield DataTable[Text](id="help-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#help-table", DataTable)
        table.add_column(Text("Key"), key="key")
        table.add_column(Text("Does"), key="does")
        table.add_column(Text("Where"), key="where")
        for row in self.rows:
            table.add_row(Text(row.keys, style="bold"), Text(row.description), Text(row.where))
        table.focus()

    def action_scroll_down(self) -> None:
        self.query_one("#help-table", DataTable).action_cursor_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-table", DataTable).action_cursor_up()

    def key_lines(self) -> list[str]:
        """The rows as `key: description` text, for tests and for copying by eye."""
        return [f"{row.keys}: {row.description}" for row in self.rows]
