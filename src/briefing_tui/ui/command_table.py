"""Every command of the main screen, declared once: key, binding id, labels, palette text.

The main screen's bindings, the command palette, the help screen (which reads the
bindings) and the check of a settings file's `[keys]` table all come from `COMMANDS`, so
a key is stated in one place.  Palette help lines show the key as the reader has it, after
`[keys]` has remapped it, never a key written into the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import format_key

from briefing_tui.model import Pane


@dataclass(frozen=True, slots=True)
class Command:
    """One command.  `id` is the binding id a `[keys]` table names (None: not remappable);
    `palette` is its title in the palette ("" keeps it out) and `help` the line under it."""

    id: str | None
    key: str
    action: str
    description: str
    show: bool = True
    priority: bool = False
    palette: str = ""
    help: str = ""


def _panes() -> tuple[Command, ...]:
    return tuple(
        Command(
            f"pane_{pane.value}",
            str(number),
            f"pane('{pane.value}')",
            f"{pane.label} pane",
            show=False,
            palette=f"Switch to {pane.label}",
            help=f"Show the {pane.label} pane",
        )
        for number, pane in enumerate(Pane, start=1)
    )


# In footer order: the footer lists shown bindings in the order they are declared.
COMMANDS: tuple[Command, ...] = (
    Command("quit", "q", "quit", "Quit", palette="Quit", help="Leave the reader"),
    Command(
        "help",
        "question_mark",
        "app.help",  # the keys of whatever screen is up: the other screens bind it too
        "Help",
        palette="Help: keys",
        help="Every key of this screen",
    ),
    Command(
        "problems",
        "exclamation_mark",
        "problems",
        "Problems",
        palette="Show problems",
        help="Every problem met while loading",
    ),
    Command("previous_briefing", "left_square_bracket", "step_briefing(-1)", "Prev"),
    Command("next_briefing", "right_square_bracket", "step_briefing(1)", "Next"),
    Command("library", "l", "toggle_library", "Library"),
    Command(
        "search",
        "slash",
        "search",
        "Search",
        palette="Search the library",
        help="Words, phrases, names, filters",
    ),
    Command(
        "find",
        "ctrl+f",
        "find",
        "Find",
        palette="Find in this briefing",
        help="Every match in the four panes",
    ),
    Command("find_next", "n", "find_step(1)", "Next match", show=False),
    Command("find_previous", "N", "find_step(-1)", "Previous match", show=False),
    Command(None, "escape", "find_close", "Close find", show=False),
    Command(
        "entities",
        "i",
        "entities",
        "Who",
        palette="Who appears where",
        help="People, organisations and countries across the library",
    ),
    Command(
        "outcomes",
        "o",
        "outcomes",
        "Outcomes",
        palette="Outcomes across the library",
        help="Every outcome, filtered",
    ),
    Command(
        "timeline",
        "t",
        "timeline",
        "Timeline",
        palette="Timeline",
        help="Briefings by year and month",
    ),
    Command(
        "glossary",
        "g",
        "glossary",
        "Glossary",
        palette="Glossary",
        help="Acronyms of this briefing and the library",
    ),
    Command(
        "filter",
        "f",
        "filter",
        "Filter",
        palette="Filter the library list",
        help="By tag, organisation, country...",
    ),
    Command(
        "clear_filters",
        "F",
        "clear_filters",
        "Clear filters",
        show=False,
        palette="Clear filters",
        help="List every briefing again",
    ),
    Command(
        "bookmark",
        "b",
        "bookmark",
        "Bookmark",
        show=False,
        palette="Bookmark this briefing",
        help="Needs --state DIR",
    ),
    *_panes(),
    # Priority so that tab switches panes rather than moving focus; over a modal screen the
    # main screen is not in the binding chain, so tab keeps its usual meaning in dialogs.
    Command("next_pane", "tab", "step_pane(1)", "Next pane", show=False, priority=True),
    Command(
        "previous_pane", "shift+tab", "step_pane(-1)", "Previous pane", show=False, priority=True
    ),
)

# Keys of widgets inside the main screen, bound there (they act on the focused widget).
WIDGET_COMMANDS: tuple[Command, ...] = (
    Command("next_part", "p", "next_part", "Next part"),
    Command("reverse_sort", "S", "reverse_sort", "Reverse sort"),
)

BY_ID = {c.id: c for c in (*COMMANDS, *WIDGET_COMMANDS) if c.id}


def _binding(c: Command, namespace: str = "") -> Binding:
    action = f"{namespace}.{c.action}" if namespace and "." not in c.action else c.action
    return Binding(c.key, action, c.description, show=c.show, priority=c.priority, id=c.id)


def bindings() -> list[Binding]:
    """The main screen's commands, bound by the app to whatever screen is current.

    Only the main screen has these actions; over the other screens (all modal) the app's
    keys do not reach, and a priority key (tab) that does finds no action there and
    keeps its usual meaning.  Bound at the app, the footer and help list them as always.
    """
    return [_binding(c, "screen") for c in COMMANDS]


def binding(command_id: str) -> Binding:
    """One widget's binding, by id."""
    return _binding(BY_ID[command_id])


def binding_ids() -> set[str]:
    """What a settings file's [keys] table may rebind."""
    return set(BY_ID)


def key_text(key: str) -> str:
    """A key as a person types it: `!` for exclamation_mark, `ctrl+f` as is."""
    first = key.split(",")[0].strip()
    return format_key(first)


def palette_help(command: Command, keymap: Mapping[str, str]) -> str:
    """The palette's line under a command, with the key the reader has for it now."""
    key = keymap.get(command.id, command.key) if command.id else command.key
    return f"{command.help} ({key_text(key)})"
