"""The `i` screen: every person, organisation and country across the library, and where.

Left, the index (most briefings first), narrowed by typing — names match as forgivingly as
the index was built ("seger" finds "Seger, Alexander", "NOR" finds Norway).  Right, the
briefings the highlighted entry appears in, each with its marking and the role held there.
Enter on one closes the screen with an `OpenBriefing`: the main screen opens that briefing on
Participants with the participant's row highlighted (or on Overview for an organiser or a
venue).  Both lists show a page at a time, so an entry met 60,000 times opens at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, Tab, Tabs

from briefing_tui.insights.entities import Entity, EntityIndex, EntityKind, Mention, Via
from briefing_tui.model import Briefing, Pane
from briefing_tui.ui.locate.spot import OpenBriefing, Spot
from briefing_tui.ui.services.insights_cache import LibraryInsights
from briefing_tui.ui.support.row_format import briefing_line, highest_marking, plural
from briefing_tui.ui.widgets.paged_list import PagedOptionList
from briefing_tui.ui.widgets.steady_footer import SteadyFooter

KIND_TABS: tuple[tuple[str, EntityKind | None, str], ...] = (
    ("kind-all", None, "All"),
    ("kind-person", EntityKind.PERSON, "People"),
    ("kind-organisation", EntityKind.ORGANISATION, "Organisations"),
    ("kind-country", EntityKind.COUNTRY, "Countries"),
)
_KIND_BY_TAB = {tab: kind for tab, kind, _label in KIND_TABS}


def entity_prompt(entity: Entity, *, show_kind: bool = True) -> Content:
    """Count of briefings, then the name as most often written (a country's English name)."""
    parts: list[str | tuple[str, str] | Content] = [
        (f"{entity.briefing_count:>6,}  ", "dim"),
        (entity.name, "bold"),
    ]
    if entity.code:
        parts.append((f"  {entity.code}", "dim"))
    if show_kind:
        parts.append((f"  {entity.kind}", "dim italic"))
    return Content.assemble(*parts)


def role_held(mention: Mention, kind: EntityKind) -> str:
    """What the entity was in that briefing, in the words of the briefing."""
    if mention.via is Via.ORGANISER:
        return "organiser"
    if mention.via is Via.LOCATION:
        return f"venue ({mention.name})" if mention.name else "venue"
    if kind is EntityKind.PERSON:
        details = [mention.role, mention.organisation, mention.country]
    elif kind is EntityKind.ORGANISATION:
        details = [mention.person, mention.role]
    else:
        details = [mention.person, mention.role, mention.organisation]
    return ", ".join(d for d in details if d) or "participant"


def mention_prompt(mention: Mention, kind: EntityKind) -> Content:
    """The briefing (date, marking, title), then the role held in it."""
    return Content.assemble(
        briefing_line(mention.briefing),
        "\n",
        ("            as ", "dim"),
        role_held(mention, kind),
    )


def target_of(mention: Mention) -> OpenBriefing:
    if mention.via is Via.PARTICIPANT and mention.index is not None:
        spot = Spot(Pane.PARTICIPANTS, "participant", mention.index)
        return OpenBriefing(mention.briefing.path, spot)
    return OpenBriefing(mention.briefing.path, Spot(Pane.OVERVIEW))


class EntityList(PagedOptionList[Entity]):
    HELP_NAME = "Index"


class MentionList(PagedOptionList[Mention]):
    HELP_NAME = "Appearances"


class EntitiesScreen(ModalScreen[OpenBriefing | None]):
    """Who appears where; closes with the briefing (and row) to open, or None."""

    # Beside the module, so the screen brings its styles when first imported.
    CSS_PATH = Path(__file__).with_name("library_views.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("i", "close", "Close", show=False),
        Binding("f", "focus_filter", "Filter names"),
        Binding("right_square_bracket", "step_kind(1)", "Next kind"),
        Binding("left_square_bracket", "step_kind(-1)", "Previous kind", show=False),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, insights: LibraryInsights, briefings: Sequence[Briefing]) -> None:
        super().__init__()
        self.insights = insights
        self.briefings = tuple(briefings)
        self.index: EntityIndex | None = None
        self.entity: Entity | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="entities-view", classes="library-view"):
            yield Static(
                Content("Who appears where — enter lists the briefings, enter again opens one"),
                classes="dialog-title",
            )
            with Horizontal(classes="library-view-body"):
                with Vertical(id="entities-side"):
                    yield Input(placeholder="Type to filter names", id="entity-filter")
                    yield Tabs(
                        *(Tab(Content(label), id=tab) for tab, _kind, label in KIND_TABS),
                        id="entity-kinds",
                    )
                    yield Static(Content("Indexing the library…"), id="entity-count")
                    yield EntityList(entity_prompt, id="entity-list")
                with Vertical(id="entity-detail"):
                    yield Static(id="entity-heading")
                    yield Static(id="entity-marking")
                    yield MentionList(self._mention_prompt, id="mention-list")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#entity-filter", Input).focus()
        if self.insights.index_ready(self.briefings):
            self._index_built(self.insights.entity_index(self.briefings))
        else:
            self._build_index()

    @work(thread=True, exclusive=True, group="entity-index", exit_on_error=False)
    def _build_index(self) -> None:
        index = self.insights.entity_index(self.briefings)
        self.app.call_from_thread(self._index_built, index)

    def _index_built(self, index: EntityIndex) -> None:
        self.index = index
        self._refilter()

    # -- the index --------------------------------------------------------------------------

    @property
    def kind(self) -> EntityKind | None:
        return _KIND_BY_TAB.get(self.query_one(Tabs).active or "kind-all")

    def _refilter(self) -> None:
        if self.index is None:
            return
        text = self.query_one("#entity-filter", Input).value
        kind = self.kind
        found = self.index.search(text, kind) if text.strip() else list(self.index.of_kind(kind))
        listing = self.query_one(EntityList)
        listing.render_row = self._entity_prompt
        listing.show(found, total=len(found))
        if not found:
            self._show_entity(None)

    def _entity_prompt(self, entity: Entity) -> Content:
        return entity_prompt(entity, show_kind=self.kind is None)

    @on(Input.Changed, "#entity-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter()

    @on(Input.Submitted, "#entity-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(EntityList).focus()

    @on(Tabs.TabActivated, "#entity-kinds")
    def _kind_changed(self, event: Tabs.TabActivated) -> None:
        event.stop()
        self._refilter()

    @on(PagedOptionList.PageShown, "#entity-list")
    def _entities_shown(self, event: PagedOptionList.PageShown) -> None:
        event.stop()
        total = event.total or 0
        text = plural(total, "entry", "entries")
        if not event.exhausted:
            text += f" · first {event.shown:,} shown, more as you scroll"
        self.query_one("#entity-count", Static).update(Content(text))

    @on(EntityList.OptionHighlighted, "#entity-list")
    def _entity_highlighted(self, event: EntityList.OptionHighlighted) -> None:
        event.stop()
        self._show_entity(self.query_one(EntityList).row_at(event.option_index))

    @on(EntityList.OptionSelected, "#entity-list")
    def _entity_chosen(self, event: EntityList.OptionSelected) -> None:
        event.stop()
        mentions = self.query_one(MentionList)
        if mentions.option_count:
            mentions.focus()

    # -- where the highlighted entry appears --------------------------------------------------

    def _mention_prompt(self, mention: Mention) -> Content:
        kind = self.entity.kind if self.entity is not None else EntityKind.PERSON
        return mention_prompt(mention, kind)

    def _show_entity(self, entity: Entity | None) -> None:
        if entity is self.entity and entity is not None:
            return
        self.entity = entity
        heading = self.query_one("#entity-heading", Static)
        marking = self.query_one("#entity-marking", Static)
        mentions = self.query_one(MentionList)
        if entity is None or self.index is None:
            heading.update(Content("Nothing to show." if self.index else ""))
            marking.update(Content(""))
            mentions.show(())
            return
        facts = (
            f"{entity.kind} · in {plural(entity.briefing_count, 'briefing')}, "
            f"{plural(entity.mention_count, 'mention')}"
        )
        others = [s for s in entity.spellings if s != entity.name][:5]
        parts: list[str | tuple[str, str] | Content] = [
            (entity.name, "bold"),
            "\n",
            (facts, "dim"),
        ]
        if others:
            parts += ["\n", ("also written: ", "dim"), "; ".join(others)]
        heading.update(Content.assemble(*parts))
        briefings = self.index.briefings_of(entity)
        marking.update(
            highest_marking(
                (b.marking for b in briefings), label="Most restrictive marking among them"
            )
        )
        mentions.show(self.index.iter_mentions(entity), total=entity.mention_count)

    @on(MentionList.OptionSelected, "#mention-list")
    def _mention_chosen(self, event: MentionList.OptionSelected) -> None:
        event.stop()
        mention = self.query_one(MentionList).row_at(event.option_index)
        if mention is not None:
            self.dismiss(target_of(mention))

    @on(PagedOptionList.PageShown, "#mention-list")
    def _mentions_shown(self, event: PagedOptionList.PageShown) -> None:
        event.stop()

    # -- actions ------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        self.query_one("#entity-filter", Input).focus()

    def action_step_kind(self, step: int) -> None:
        tabs = self.query_one(Tabs)
        ids = [tab for tab, _kind, _label in KIND_TABS]
        current = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(current + step) % len(ids)]

    # -- for tests and the benchmark ----------------------------------------------------------

    def shown_names(self) -> list[str]:
        return [e.name for e in self.query_one(EntityList).rows]
