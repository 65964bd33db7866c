"""Overview: summary, facts, links, the overview prose, extra sections, other details, problems."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from briefing_tui.model import Briefing, Link, Severity
from briefing_tui.render.common import format_extra, reader_scalar
from briefing_tui.ui.support.acronyms import expansions, mark_acronyms, matcher_for
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.reading_layout import Part, PartSequence
from briefing_tui.ui.widgets.reading_view import ReadingText


def link_content(link: Link) -> Content:
    """`title — url`; both halves are document text and stay plain."""
    if link.title and link.url and link.title != link.url:
        return Content.assemble(link.title, (" — ", "dim"), (link.url, "underline"))
    return Content.assemble((link.url or link.title, "underline"))


class LinkList(Static, can_focus=True):
    """The briefing's links as text; enter on one (or a click) shows its address, opens nothing.

    Focusable (`p` moves here from the text) with a cursor, so a keyboard reader reaches
    every link too. The click action carries only the link's index, never the URL, so no
    document text ever passes through Textual's action parser.
    """

    HELP_NAME = "Links"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Next link", show=False),
        Binding("up,k", "cursor(-1)", "Previous link", show=False),
        Binding("enter", "choose", "Show address"),
    ]

    class LinkActivated(Message):
        def __init__(self, link: Link) -> None:
            super().__init__()
            self.link = link

    def __init__(self, links: tuple[Link, ...]) -> None:
        self.links = links
        self.cursor = 0
        super().__init__(self._content(focused=False), classes="links")

    def _content(self, *, focused: bool) -> Content:
        lines = []
        for index, link in enumerate(self.links):
            line = Content("• ") + link_content(link)
            if focused and index == self.cursor:
                line = line.stylize(
                    "$block-cursor-foreground on $block-cursor-background $block-cursor-text-style"
                )
            meta = Style.from_meta({"@click": f"show_link({index})"})
            lines.append(line.stylize(meta))
        return Content("\n").join(lines)

    def _redraw(self, focused: bool | None = None) -> None:
        self.update(self._content(focused=self.has_focus if focused is None else focused))

    # These run before Widget's own handlers update `has_focus`, so they say it themselves.
    def on_focus(self) -> None:
        self._redraw(focused=True)

    def on_blur(self) -> None:
        self._redraw(focused=False)

    def action_cursor(self, step: int) -> None:
        self.move_cursor_to(self.cursor + step)

    def move_cursor_to(self, index: int) -> None:
        """Put the cursor on link `index` (clamped) and bring it into view."""
        if not self.links:
            return
        self.cursor = max(0, min(len(self.links) - 1, index))
        self._redraw()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        """Bring the cursor's line into view in the Overview's scroll view."""
        width = max(1, self.content_region.width)
        top = sum(
            len((Content("• ") + link_content(link)).wrap(width))
            for link in self.links[: self.cursor]
        )
        height = len((Content("• ") + link_content(self.links[self.cursor])).wrap(width))
        region = self.virtual_region
        if isinstance(self.parent, Widget):
            self.parent.scroll_to_region(
                Region(region.x, region.y + top, region.width, height), animate=False
            )

    def action_choose(self) -> None:
        self.action_show_link(self.cursor)

    def action_show_link(self, index: int) -> None:
        if isinstance(index, int) and 0 <= index < len(self.links):
            if index != self.cursor:
                self.cursor = index
                self._redraw()
            self.post_message(self.LinkActivated(self.links[index]))


def _heading(text: str) -> Static:
    return Static(Content(text), classes="subheading")


def _facts(briefing: Briefing) -> list[tuple[str, str]]:
    facts: list[tuple[str, str]] = []
    if briefing.date_range():
        facts.append(("Dates", briefing.date_range()))
    if briefing.location:
        facts.append(("Location", briefing.location))
    if briefing.organisers:
        facts.append(("Organisers", "; ".join(briefing.organisers)))
    if briefing.marking:
        facts.append(("Marking", briefing.marking))
    if briefing.tags:
        facts.append(("Tags", ", ".join(briefing.tags)))
    source = briefing.source
    if source is not None and not source.is_empty():
        if source.publisher:
            facts.append(("Source", source.publisher))
        if source.published is not None:
            facts.append(("Published", source.published.isoformat()))
        if source.reference:
            facts.append(("Reference", source.reference))
        if source.url:
            facts.append(("Source URL", source.url))
    facts.append(("File", briefing.path))
    return facts


OVERVIEW_TITLE: tuple[object, ...] = ("overview-title",)
OVERVIEW: tuple[object, ...] = ("overview",)
_SECTION_KEYS = ("section-title", "section")


class OverviewParts(PartSequence):
    """The Overview's long text: its prose, then each section, each under its heading.

    One ReadingText holds them all, laid out in a worker: two widgets per section, each
    rendered whole at layout, took seconds for 400 sections and froze on 10,000.  The parts
    are made as the layout reaches them (see `PartSequence`).
    """

    def __init__(self, briefing: Briefing) -> None:
        self._lead: tuple[Part, ...] = ()
        if briefing.overview.strip():
            overview = Part(OVERVIEW, briefing.overview)
            self._lead = (Part(OVERVIEW_TITLE, "Overview", heading=True), overview)
        self._sections = briefing.sections

    def __len__(self) -> int:
        return len(self._lead) + 2 * len(self._sections)

    def part(self, index: int) -> Part:
        lead = len(self._lead)
        if index < lead:
            return self._lead[index]
        number, is_body = divmod(index - lead, 2)
        section = self._sections[number]
        if is_body:
            return Part(("section", number), section.body)
        return Part(("section-title", number), section.title or "(untitled section)", heading=True)

    def index_of(self, key: tuple[object, ...]) -> int | None:
        lead = len(self._lead)
        if lead and key in (OVERVIEW_TITLE, OVERVIEW):
            return 0 if key == OVERVIEW_TITLE else 1
        if len(key) != 2 or key[0] not in _SECTION_KEYS:
            return None
        number = key[1]
        if type(number) is not int or not 0 <= number < len(self._sections):
            return None
        return lead + 2 * number + (key[0] == "section")


def facts_table(facts: list[tuple[str, str]]) -> Table:
    """Label/value grid; values wrap under themselves rather than under the labels."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for label, value in facts:
        table.add_row(Text(label), Text(value))
    return table


class OverviewPane(LazyPane):
    class Built(Message):
        """The Overview of `briefing` is mounted and readable: the end of opening a briefing.

        Posted when a build completes (one superseded by the next posts nothing), after the
        old content is gone; benchmarks/bench_open.py times opening a briefing from the key
        press to this message and the paint after it.
        """

        def __init__(self, briefing: Briefing) -> None:
            super().__init__()
            self.briefing = briefing

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._offers_parts: bool | None = None

    def compose(self) -> ComposeResult:
        yield ReadingScroll(id="overview-scroll")

    def build(self, briefing: Briefing) -> None:
        self._swap_content(briefing)

    # A description of its own: by default the worker's is the repr of its arguments,
    # which for a briefing of 100,000 sections took 0.46 s on the UI thread.
    @work(exclusive=True, group="overview-build", description="build the Overview")
    async def _swap_content(self, briefing: Briefing) -> None:
        scroll = self.query_one("#overview-scroll", ReadingScroll)
        widgets = list(self._widgets_for(briefing))
        async with self.batch():
            await scroll.remove_children()
            await scroll.mount_all(widgets)
        scroll.scroll_home(animate=False)
        # Whether `p` has links to go to.  The footer rebuilds all its keys at each refresh
        # (a third of opening a briefing), so it is asked only when that changed while `p`
        # is among the keys it shows; focus moving into the pane refreshes it anyway.
        offers_parts = self.check_action("next_part", ()) is True
        if offers_parts != self._offers_parts:
            self._offers_parts = offers_parts
            if self.has_focus_within:
                self.refresh_bindings()
        self.post_message(self.Built(briefing))

    def _widgets_for(self, briefing: Briefing) -> list[Widget]:
        widgets: list[Widget] = []
        if briefing.summary:
            # Glossary acronyms underlined; hovering the summary shows what they stand for.
            summary = mark_acronyms(briefing.summary, matcher_for(self.glossary, briefing))
            widget = Static(summary, classes="summary")
            widget.tooltip = expansions([briefing.summary], self.glossary, briefing)
            widgets.append(widget)
        widgets.append(Static(facts_table(_facts(briefing)), classes="facts"))
        if briefing.glossary:
            widgets.append(_heading("Glossary"))
            widgets.append(
                Static(
                    facts_table([(acronym, meaning) for acronym, meaning in briefing.glossary]),
                    classes="facts",
                )
            )
        if briefing.links:
            widgets.append(_heading("Links"))
            widgets.append(LinkList(briefing.links))
        parts = OverviewParts(briefing)
        if parts:
            widgets.append(ReadingText(parts, id="overview-text"))
        if briefing.extra:
            widgets.append(_heading("Other details"))
            lines: list[Content] = []
            for key, value in briefing.extra:
                nested = format_extra(value, 1, reader=True)
                if isinstance(value, dict | list) and value:
                    lines.append(Content.assemble((f"{key}:", "bold")))
                    lines += [Content(line) for line in nested]
                else:
                    lines.append(Content.assemble((f"{key}: ", "bold"), reader_scalar(value)))
            widgets.append(Static(Content("\n").join(lines), classes="extra"))
        if briefing.problems:
            widgets.append(_heading("Problems in this file"))
            lines = [
                Content.assemble(
                    (str(p), "$text-error" if p.severity is Severity.ERROR else "$text-warning"),
                )
                for p in briefing.problems
            ]
            widgets.append(Static(Content("\n").join(lines), classes="problems"))
        return widgets

    def focus_target(self) -> Widget:
        return self.query_one("#overview-scroll")
