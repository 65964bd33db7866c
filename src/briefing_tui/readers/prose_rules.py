"""Press releases and event reports read by their phrases: when and where, who organised it,
who took part, what was discussed and what came out of it.

A release says "On 7 and 8 March 2018, participants from more than 60 countries met at
Eurojust", "co-organised by A and B", "Topics discussed included A; B; and C" and "...
through:" over a list.  These are general patterns (English first, with the common forms of
the other EU languages), never rules for one document.  Each rule is a bounded regular
expression run once over a paragraph; paragraphs are cut to `MAX_PARAGRAPH` characters, and
the rules stop after `PROSE_BUDGET` characters of paragraphs: a release states its facts in
its first paragraphs, and each character costs every rule (a few microseconds), so a 350 KB
report must not cost half a second here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date

from briefing_tui.model import Outcome, Participant, ParticipantGroup, Topic
from briefing_tui.readers.dates import MONTH, find_date, month_number
from briefing_tui.readers.people import participant_from_text
from briefing_tui.readers.prose_blocks import Block, list_after
from briefing_tui.readers.prose_people import participants_in, sentence_after, split_top

MAX_PARAGRAPH = 5000
PROSE_BUDGET = 16_000
_DIGIT = re.compile(r"\d")
_RANGE_WORDS = r"(?:and|to|until|till|through|-|–|—|&|au|et|bis|und|al|y|a|e|tot|en|och|do|i)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|\.)?"
_RANGE_DAYS = re.compile(
    rf"(?<![\d.]){_DAY}\s*{_RANGE_WORDS}\s*{_DAY}\s+(?:de\s+)?{MONTH}(?:,?\s+(?:de\s+)?(\d{{4}}))?",
    re.IGNORECASE,
)
_RANGE_FULL = re.compile(
    rf"(?<![\d.]){_DAY}\s+(?:de\s+)?{MONTH}(?:\s+(\d{{4}}))?\s*{_RANGE_WORDS}\s*{_DAY}\s+"
    rf"(?:de\s+)?{MONTH}(?:,?\s+(?:de\s+)?(\d{{4}}))?",
    re.IGNORECASE,
)
_RANGE_US = re.compile(
    rf"\b{MONTH}\s+(\d{{1,2}})\s*(?:-|–|—|and|to|through)\s*(\d{{1,2}}),?\s+(\d{{4}})",
    re.IGNORECASE,
)
_ON = re.compile(r"\b(?:on|le|am|el|il|op|den|em|w dniu|dnia)\s+", re.IGNORECASE)
_PLACE_VERB = re.compile(
    r"\b(?:met|meet|gathered|convened|held|hosted|took place|takes place|will take place|"
    r"came together|s'est tenue?|a eu lieu|se sont réunis|fand|tagte|se celebró|tuvo lugar|"
    r"se reunieron|si è svolt[oa]|si è tenut[oa]|ha avuto luogo|vond plaats|kwamen bijeen|"
    r"ägde rum|hölls|samlades|odbył[oa]? się|realizou-se|decorreu|teve lugar|trafen sich|"
    r"tagten|kamen zusammen)\s+"
    r"(?:at|in|à|au|en|a|in|i|w|em|no|na)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|du|des|the|la|der|für|van|del))*"
    r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)"
)
_ORGANISED = re.compile(
    r"\b(?:co-?organi[sz]ed|jointly organi[sz]ed|organi[sz]ed|co-?hosted|hosted|convened|"
    r"co-?organisée?s?|organisée?s? conjointement|organisée?s?|organisiert|veranstaltet|"
    r"organizad[oa]s?|organizzat[oa]|georganiseerd|organizowan[aey]|zorganizowan[aey]|"
    r"arrangerad|anordnad)\s+(?:by|par|von|por|da|door|przez|av)\s+",
    re.IGNORECASE,
)
_ORGANISER_END = re.compile(
    r"\s+(?:within|in the framework|under|as part|in (?:close )?co-?operation|with the support|"
    r"on behalf|in|on|at|from|to|for|with|dans le cadre|im Rahmen|en el marco|nell'ambito)\b"
    r"|[.;:]|$"
)
_TOPIC_LEAD = re.compile(
    r"\b(?:(?:topics|issues|subjects|themes|matters|questions)\s+(?:discussed|covered|addressed|"
    r"examined|raised|on the agenda|under discussion)?\s*(?:included|include|were|comprised|"
    r"covered|ranged from)|(?:discussions?|debates?|the (?:meeting|conference|workshop|seminar|"
    r"event|training|programme|agenda)|participants|sessions?|presentations?|speakers)\s+"
    r"(?:focused|focussed|centred|centered|concentrated)\s+on|the agenda (?:included|covered)|"
    r"les (?:discussions|débats) ont porté sur|les thèmes abordés (?:étaient|comprenaient)|"
    r"themen waren|im mittelpunkt standen|los temas (?:tratados|abordados) (?:fueron|incluyeron)|"
    r"se abordaron|i temi (?:trattati|affrontati|discussi) (?:sono stati|includevano)|"
    r"onderwerpen waren|besproken werden|diskussionerna handlade om|bland ämnena fanns|"
    r"tematy obejmowały|os temas (?:abordados|discutidos) (?:incluíram|foram))\s*:?\s*",
    re.IGNORECASE,
)
_OUTCOME_VERB = re.compile(
    r"\b(agreed|decided|concluded|recommended|resolved|undertook|committed)\s+(?:that|to|on)\s+"
    r"|\b(il a été convenu|ont convenu|es wurde vereinbart|se acordó|si è convenuto|"
    r"er werd afgesproken|man enades om|uzgodniono|foi acordado)[\s,]+(?:de|que|dass|di|om|że)?\s*",
    re.IGNORECASE,
)
_RESULTED = re.compile(
    r"\b(?:resulted in|led to|has led to|have led to|a abouti à|führte zu|dio lugar a|"
    r"ha portato a|leidde tot|ledde till|doprowadził[oa]? do|resultou em)\s+",
    re.IGNORECASE,
)
_ENFORCEMENT = re.compile(
    r"\b(?:arrested|detained|seized|dismantled|convicted|sentenced|extradited|frozen|charged|"
    r"searched|taken down|arrêtés?|festgenommen|beschlagnahmt|detenid[oa]s|incautad[oa]s|"
    r"arrestat[ie]|sequestrat[ie]|aangehouden|gripna|zatrzyman[iy]|presos|apreendid[oa]s)\b",
    re.IGNORECASE,
)
# A count close to an enforcement word: "14 suspects were arrested", "seized 2 tonnes".
_ENFORCEMENT_COUNT = re.compile(
    r"\d[\d,.]*\b[^.;]{0,50}?\b(?:arrest|detain|seiz|dismantl|convict|sentenc|extradit|frozen|"
    r"charg|search|festgenommen|arrêt|detenid|arrestat|aangehouden|gripna|zatrzyman)"
    r"|\b(?:arrest|seiz|sentenc|convict)\w*[^.;]{0,40}?\d",
    re.IGNORECASE,
)
_COLON_OUTCOMES = re.compile(
    r"\b(through|agreed|concluded|decided|resulted in|results?|outcomes?|conclusions?|"
    r"recommend\w*|decisions?|next steps|actions?|led to|achieved|ordered|orders|adjudged)\b"
    r"|会议决定|会议认为|决定|达成|결정|합의|決定",
    re.IGNORECASE,
)
_COLON_TOPICS = re.compile(
    r"\b(addressed|covered|agenda|topics|discussed|programme|program|focused on|themes|"
    r"sessions|issues|included)\b|议题|议程|讨论了|안건|논의|議題",
    re.IGNORECASE,
)
_COLON_PEOPLE = re.compile(
    r"\b(participants|speakers|attendees|present|delegations|panel(?:l)?ists|involved|"
    r"took part|participat\w*|authorities|agencies|countries)\b",
    re.IGNORECASE,
)
# Verbs that make a list outcomes even when it names people ("participants agreed:").
_OUTCOME_FIRST = re.compile(
    r"\b(through|agreed|decided|concluded|resulted|recommend\w*|ordered)\b", re.IGNORECASE
)
# Korean, Chinese and Japanese sentences that record an agreement or decision.
_CJK_AGREED = re.compile(r"합의|결정하였|决定|同意|达成|一致|合意|決定した")
_KIND_OF_VERB = {
    "agreed": "decision",
    "decided": "decision",
    "resolved": "decision",
    "ordered": "decision",
    "orders": "decision",
    "adjudged": "decision",
}


@dataclass
class ProseFacts:
    """What the phrases of a text gave, each with how it was found (for --explain)."""

    date: dt.date | None = None
    end_date: dt.date | None = None
    location: str = ""
    organisers: list[str] = field(default_factory=list)
    participants: list[Participant | ParticipantGroup] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    how: list[tuple[str, str]] = field(default_factory=list)


def date_range(text: str, year_hint: int | None) -> tuple[date, date | None] | None:
    """ "7 and 8 March 2018", "from 3 to 5 May", "3 May to 5 June 2019", "March 7-8, 2018"."""
    best: tuple[int, date, date | None] | None = None
    for m in (_RANGE_FULL.search(text),):
        if m:
            year = int(m.group(6) or m.group(3) or year_hint or 0)
            first_year = int(m.group(3) or year)
            a = _make(first_year, month_number(m.group(2)), int(m.group(1)))
            b = _make(year, month_number(m.group(5)), int(m.group(4)))
            if a and b and b >= a:
                best = (m.start(), a, b)
    m = _RANGE_DAYS.search(text)
    if m and (best is None or m.start() < best[0]):
        year = int(m.group(4) or year_hint or 0)
        month = month_number(m.group(3))
        a, b = _make(year, month, int(m.group(1))), _make(year, month, int(m.group(2)))
        if a and b and b > a:
            best = (m.start(), a, b)
    m = _RANGE_US.search(text)
    if m and (best is None or m.start() < best[0]):
        month = month_number(m.group(1))
        year = int(m.group(4))
        a, b = _make(year, month, int(m.group(2))), _make(year, month, int(m.group(3)))
        if a and b and b > a:
            best = (m.start(), a, b)
    if best is not None:
        return best[1], best[2]
    for on in _ON.finditer(text):
        found = find_date(text[on.end() : on.end() + 40], numeric=False)
        if found is not None and found[1] == 0:
            return found[0], None
    return None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if year else None
    except ValueError:
        return None


def split_list(text: str) -> list[str]:
    """ "A; B; and C" on semicolons, else "A, B and C" on commas and the last "and"."""
    text = text.strip().rstrip(".:")
    if ";" in text:
        parts = split_top(text, ";")
    else:
        parts = split_top(text, ",")
        if len(parts) > 1 or len(parts[0]) < 80:
            last = re.split(r"\s+(?:and|et|und|y|e|en|och|i|oraz)\s+", parts.pop(), maxsplit=1)
            parts += last
    out = []
    for part in parts:
        part = re.sub(r"^(?:and|et|und|y|e|en|och|i|oraz|as well as)\s+", "", part).strip(" .")
        if part:
            out.append(part[:1].upper() + part[1:])
    return out


def _place(text: str) -> str:
    m = _PLACE_VERB.search(text)
    if m is None:
        return ""
    p = _PLACE.match(text, m.end())
    return p.group(1).strip(" ,.") if p else ""


def _organisers(text: str) -> list[str]:
    m = _ORGANISED.search(text)
    if m is None:
        return []
    rest = text[m.end() : m.end() + 400]
    end = _ORGANISER_END.search(rest)
    names = rest[: end.start() if end else len(rest)]
    out = []
    for part in split_top(names, ","):
        for name in re.split(r"\s+(?:and|&|et|und|y|e|en|och|i|oraz)\s+", part):
            name = re.sub(r"^(?:the|la|le|les|l'|die|der|el|il|de|het)\s+", "", name.strip())
            if name and name[:1].isupper():
                out.append(name)
    return out


def _outcome_sentences(text: str, line: int) -> list[tuple[Outcome, str]]:
    found: list[tuple[Outcome, str]] = []
    for m in _OUTCOME_VERB.finditer(text):
        verb = (m.group(1) or m.group(2)).casefold()
        clause = sentence_after(text, m.end())
        if len(clause) >= 12 and not clause.casefold().startswith("the following"):
            kind = _KIND_OF_VERB.get(verb, "recommendation" if verb == "recommended" else "finding")
            found.append((Outcome(clause[:1].upper() + clause[1:], kind, line=line), f"'{verb}'"))
    for m in _RESULTED.finditer(text):
        for item in split_list(sentence_after(text, m.end())):
            found.append((Outcome(item, "finding", line=line), f"'{m.group(0).strip()}'"))
    if not found and _CJK_AGREED.search(text):
        for sentence in re.split(r"(?<=[.。!?])\s*", text):
            if _CJK_AGREED.search(sentence):
                found.append((Outcome(sentence.strip(), "decision", line=line), "an agreement"))
    if not found and _ENFORCEMENT.search(text):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text):
            if _ENFORCEMENT_COUNT.search(sentence):
                found.append(
                    (Outcome(sentence.strip(), "finding", line=line), "an enforcement result")
                )
    return found


def read_prose(blocks: list[Block], published_year: int | None) -> ProseFacts:
    """Every phrase rule over the paragraphs (and the lists their colons announce)."""
    facts = ProseFacts()
    seen_people: set[str] = set()
    budget = PROSE_BUDGET
    for i, block in enumerate(blocks):
        if block.kind != "p":
            continue
        if budget <= 0:
            break
        text, line = block.text[:MAX_PARAGRAPH], block.line
        budget -= len(text)
        # Every date form the rules know has a digit; most paragraphs of a report have none.
        if facts.date is None and _DIGIT.search(text):
            found = date_range(text, published_year)
            if found is not None:
                facts.date, facts.end_date = found
                facts.how.append(("date", f"the dates in the paragraph at line {line}"))
        if not facts.location and (place := _place(text)):
            facts.location = place
            facts.how.append(
                ("location", f"phrase 'met at / held in / took place in' (line {line})")
            )
        for name in _organisers(text):
            if name not in facts.organisers:
                facts.organisers.append(name)
                facts.how.append(("organisers", f"phrase 'organised by' (line {line})"))
        for p, how in participants_in(text, line):
            key = " ".join((p.name if isinstance(p, Participant) else p.group).casefold().split())
            if key not in seen_people:
                seen_people.add(key)
                facts.participants.append(p)
                facts.how.append(("participants", f"{how} (line {line})"))
        lead = _TOPIC_LEAD.search(text)
        if lead:
            for title in split_list(sentence_after(text, lead.end())):
                facts.topics.append(Topic(title, line=line))
            facts.how.append(("topics", f"phrase '{lead.group(0).strip(' :')}' (line {line})"))
        for outcome, how in _outcome_sentences(text, line):
            facts.outcomes.append(outcome)
            facts.how.append(("outcomes", f"phrase {how} (line {line})"))
        if text.rstrip().endswith((":", "：")):
            _colon_list(facts, text, line, list_after(blocks, i))
    return facts


def _colon_list(facts: ProseFacts, text: str, line: int, items: list[Block]) -> None:
    """The list a paragraph's last sentence announces ("... through:", "... agreed:")."""
    if not items:
        return
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
    if _COLON_PEOPLE.search(last) and not _OUTCOME_FIRST.search(last):
        facts.participants += [
            participant_from_text(it.text.rstrip(";,. "), it.line) for it in items
        ]
        facts.how.append(("participants", f"the list after '{last[-40:]}' (line {line})"))
        return
    verbs = list(_COLON_OUTCOMES.finditer(last))
    verb = verbs[-1] if verbs else None  # the word nearest the colon says what follows
    if verb:
        word = (verb.group(1) or verb.group(0)).casefold()
        kind = _KIND_OF_VERB.get(word, "")
        if not kind:
            kind = "action" if word.startswith(("next", "action")) else "finding"
            kind = "recommendation" if word.startswith("recommend") else kind
        for it in items:
            facts.outcomes.append(
                Outcome(
                    it.text.rstrip(";,. ").removesuffix(" and").rstrip(";,"), kind, line=it.line
                )
            )
        facts.how.append(("outcomes", f"the list after '{verb.group(0)}:' (line {line})"))
    elif _COLON_TOPICS.search(last):
        facts.topics += [Topic(it.text.rstrip(";,. "), line=it.line) for it in items]
        facts.how.append(("topics", f"the list after '{last[-40:]}' (line {line})"))
    elif _COLON_PEOPLE.search(last):
        facts.participants += [
            participant_from_text(it.text.rstrip(";,. "), it.line) for it in items
        ]
        facts.how.append(("participants", f"the list after '{last[-40:]}' (line {line})"))
