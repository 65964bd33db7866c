"""Topics: the list of topics beside the one selected, then any prose about topics."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.insights.glossary import AcronymMatcher
from briefing_tui.model import Briefing, Pane, Topic
from briefing_tui.readers.explain import empty_pane_reason
from briefing_tui.ui.support.acronyms import expansions, mark_acronyms, matcher_for
from briefing_tui.ui.widgets.lazy_pane import LazyPane
from briefing_tui.ui.widgets.prose import ReadingScroll
from briefing_tui.ui.widgets.prose_text import ProseText
from briefing_tui.ui.widgets.virtual_list import BIG_LIST, VirtualList


class TopicList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Read topic"),
    ]


def topic_prompt(number: int, topic: Topic, matcher: AcronymMatcher | None = None) -> Content:
    """The number and title, glossary acronyms underlined (the title stays plain content)."""
    title = topic.title or "(untitled topic)"
    marked = mark_acronyms(title, matcher) if matcher is not None else Content(title)
    return Content.assemble((f"{number}. ", "dim"), marked)


class TopicsPane(LazyPane):
    READS_ITEMS = "topics"

    def compose(self) -> ComposeResult:
        yield Static(id="topics-count", classes="pane-counts")
        with Horizontal(id="topics-body"):
            yield TopicList(id="topic-list")
            yield VirtualList(1, id="topic-list-big")
            with ReadingScroll(id="topic-detail"):
                yield Static(id="topic-title", classes="topic-title")
                yield Static(id="topic-speakers", classes="topic-speakers")
                yield ProseText(id="topic-summary")
                yield Static(
                    Content("Notes on the topics"), id="topics-text-heading", classes="subheading"
                )
                yield ProseText(id="topics-text")

    def build(self, briefing: Briefing) -> None:
        matcher = matcher_for(self.glossary, briefing)
        topics = self.query_one(TopicList)
        big = self.query_one(VirtualList)
        listed = briefing.topics
        big.display = big.can_focus = len(listed) > BIG_LIST
        if big.display:  # made as drawn: measuring 200,000 options took 20 s
            big.show(len(listed), lambda i: topic_prompt(i + 1, listed[i], matcher))
        topics.set_options(
            Option(topic_prompt(n, t, matcher))
            for n, t in enumerate(() if big.display else listed, start=1)
        )
        topics.display = bool(briefing.topics) and not big.display
        count = len(briefing.topics)
        self.query_one("#topics-count", Static).update(
            Content(
                f"{count} topic{'' if count == 1 else 's'}"
                if count
                else empty_pane_reason(briefing, Pane.TOPICS)
            )
        )
        self.query_one("#topics-text", ProseText).set_text(briefing.topics_text)
        self.query_one("#topics-text-heading").display = bool(
            briefing.topics and briefing.topics_text.strip()
        )
        self.show_topic(None)
        if briefing.topics and not big.display:
            topics.highlighted = 0
        elif big.display:
            self.show_topic(listed[0])

    def show_topic(self, topic: Topic | None) -> None:
        title = self.query_one("#topic-title", Static)
        speakers = self.query_one("#topic-speakers", Static)
        briefing = self.briefing
        if topic is not None and briefing is not None:
            title.update(mark_acronyms(topic.title, matcher_for(self.glossary, briefing)))
            # Hovering the title explains the acronyms of the topic, its prose included.
            title.tooltip = expansions([topic.title, topic.summary], self.glossary, briefing)
        else:
            title.update(Content(topic.title) if topic else Content(""))
            title.tooltip = None
        title.display = topic is not None
        speakers.update(
            Content.assemble(("Speakers: ", "dim"), ", ".join(topic.speakers))
            if topic and topic.speakers
            else Content("")
        )
        speakers.display = bool(topic and topic.speakers)
        self.query_one("#topic-summary", ProseText).set_text(topic.summary if topic else "")

    @on(OptionList.OptionHighlighted, "#topic-list")
    def _topic_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.briefing is not None and 0 <= event.option_index < len(self.briefing.topics):
            self.show_topic(self.briefing.topics[event.option_index])
            self.query_one("#topic-detail").scroll_home(animate=False)

    @on(VirtualList.Highlighted, "#topic-list-big")
    def _big_topic_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        if self.briefing is not None and 0 <= event.index < len(self.briefing.topics):
            self.show_topic(self.briefing.topics[event.index])
            self.query_one("#topic-detail").scroll_home(animate=False)

    @on(VirtualList.Selected, "#topic-list-big")
    @on(OptionList.OptionSelected, "#topic-list")
    def _topic_chosen(self, event: OptionList.OptionSelected | VirtualList.Selected) -> None:
        """Enter on a topic moves to its text, to scroll it from the keyboard."""
        event.stop()
        self.query_one("#topic-detail").focus()

    def focus_target(self) -> Widget:
        for listing in (self.query_one(TopicList), self.query_one(VirtualList)):
            if listing.display:
                return listing
        return self.query_one("#topic-detail")
