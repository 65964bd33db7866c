"""Who took part, as press releases and event reports say it in sentences.

"The meeting was opened by NAME, ROLE, and NAME, ROLE", "said NAME, ROLE", "participants
from more than 60 countries", "Participants and speakers were A, B, C as well as D".  The
rules are phrase patterns with bounded repetition, run once per paragraph.
"""

from __future__ import annotations

import re

from briefing_tui.model import Participant, ParticipantGroup
from briefing_tui.readers.people import looks_like_name, participant_from_text, role_words

_BY = re.compile(
    r"\b(?:opened|chaired|moderated|welcomed|introduced|closed|hosted|led|presided|"
    r"ouverte?s? par|présidée? par|eröffnet von|geleitet von|inaugurad[oa] por|"
    r"presidid[oa] por|aperto da|apert[oa] da|presieduto da|geopend door|voorgezeten door|"
    r"öppnades av|leddes av|otwarte przez|prowadzone przez|abert[oa] por)\s+(?:by\s+)?",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"\b(?:said|says|stated|added|explained|noted|commented|underlined|stressed|emphasi[sz]ed)"
    r"\s+([A-Z][\w'’.-]+(?:\s+[\w'’.-]+){1,4}),\s+([^.;:\"“”]{3,160})"
)
_SAID_BEFORE = re.compile(
    r"(?:^|[\"”.]\s+)([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}),\s+([^.;:\"“”]{3,160}?),\s+"
    r"(?:said|says|stated|added|explained|noted|commented|underlined|stressed)\b"
)
_COUNT_WORDS = (
    r"(?:more than|over|some|about|around|nearly|almost|approximately|up to|plus de|über|"
    r"más de|oltre|meer dan|mer än|ponad)"
)
_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"twenty|thirty|forty|fifty"
)
_NUMBER_VALUES = {w: n for n, w in enumerate(_NUMBER_WORDS.split("|"), 2)} | {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
_FROM_COUNTRIES = re.compile(
    r"\b(participants|experts|delegates|representatives|practitioners|prosecutors|judges|"
    r"investigators|officials|attendees|delegations|speakers|officers|specialists|"
    r"participantes|teilnehmer(?:innen)?|partecipanti|deelnemers|deltagare|uczestnicy|"
    r"ermittler(?:innen)?|staatsanwält(?:e|innen)|richter(?:innen)?|fiscales|jueces|"
    r"procureurs|magistrats|enquêteurs|magistrati|investigatori|officieren|rechercheurs|"
    r"åklagare|utredare|prokuratorzy|śledczy|procuradores|investigadores|"
    rf"expert[sa]?)\s+(?:from|de|aus|da|uit|från|z)\s+(?:({_COUNT_WORDS})\s+)?(\d{{1,4}}|{_NUMBER_WORDS})\s+"
    r"([^\W\d]+(?:\s+states)?)",
    re.IGNORECASE,
)
_COUNT_OF = re.compile(
    rf"\b(?:({_COUNT_WORDS})\s+)?(\d{{1,3}}(?:[,.]\d{{3}})?)\+?\s+(participants|experts|delegates|"
    r"representatives|practitioners|prosecutors|judges|investigators|officials|attendees|"
    r"delegations|police officers|law enforcement officers|specialists|participantes|"
    r"teilnehmer(?:innen)?|partecipanti|deelnemers|deltagare|uczestników)\b",
    re.IGNORECASE,
)
_WERE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:the\s+)?"
    r"(?:participants|attendees|speakers|delegates|panel(?:l)?ists|those present)"
    r"(?:\s+(?:and|&)\s+(?:participants|attendees|speakers|delegates|panel(?:l)?ists))?"
    r"\s+(?:were|included|comprised|came from|represented)\s*:?\s+"
    r"(?!able|invited|given|informed|asked|also|not|then|welcomed|briefed|presented)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"\.(?=\s|$)|$")
_TITLES = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|Hon|Sr|Jr|St)\.\s")


def sentence_after(text: str, start: int) -> str:
    """From `start` to the end of its sentence; "Dr. X" does not end one."""
    masked = _TITLES.sub(lambda m: m.group(1) + "\x00 ", text[start : start + 1500])
    end = _SENTENCE_END.search(masked)
    cut = masked[: end.start() if end else len(masked)]
    return cut.replace("\x00", ".").strip()


def split_top(text: str, sep: str) -> list[str]:
    """`text` cut at `sep` outside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if (
            depth == 0
            and text.startswith(sep, i)
            # "3,000 websites": a thousands separator, not a list comma.
            and not (sep == "," and i and text[i - 1].isdigit() and text[i + 1 : i + 4].isdigit())
        ):
            parts.append("".join(current))
            current = []
            i += len(sep)
            continue
        current.append(ch)
        i += 1
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def people_with_roles(text: str, line: int | None) -> list[Participant]:
    """ "NAME, ROLE, and NAME, ROLE, ORGANISATION": a name starts a person, what follows is
    the role and then the organisation."""
    people: list[list[str]] = []
    for raw in split_top(text, ","):
        part = re.sub(r"^(?:and|as well as|&|et|und|y|e|en|och|i|oraz)\s+", "", raw).strip()
        if not part:
            continue
        pair = re.match(r"^(.*?)\s+(?:and|&)\s+(.*)$", part)
        if pair and looks_like_name(pair.group(1)) and looks_like_name(pair.group(2)):
            people += [[pair.group(1)], [pair.group(2)]]
            continue
        bare = part.split("(")[0].strip()
        if looks_like_name(bare) and not role_words(bare):
            people.append([part])
        elif people:
            people[-1].append(part)
    out: list[Participant] = []
    for name, *rest in people:
        p = participant_from_text(name, line)
        if not isinstance(p, Participant):
            continue
        role = p.role or (rest[0] if rest else "")
        organisation = p.organisation or ", ".join(rest[1:])
        out.append(Participant(p.name, role, organisation, p.country, line=line))
    return out


def _group_items(text: str, line: int) -> list[Participant | ParticipantGroup]:
    """ "A, B, C as well as D, engaged in ...": each item a person (by its name) or a group."""
    main, _, last = text.partition(" as well as ")
    items = split_top(main, ",")
    if last:
        head, _, notes = last.partition(", ")
        items.append(head + ("\x00" + notes if notes else ""))
    elif items and " of " not in items[-1]:
        tail = re.split(r"\s+(?:and|&)\s+", items.pop(), maxsplit=1)
        items += tail
    out: list[Participant | ParticipantGroup] = []
    for raw in items:
        item, _, notes = raw.partition("\x00")
        item = re.sub(r"^(?:and|&)\s+", "", item).strip(" .")
        if not item:
            continue
        if looks_like_name(item.split("(")[0].strip()):
            p = participant_from_text(item, line)
            out.append(p)
        else:
            out.append(ParticipantGroup(item[:1].upper() + item[1:], None, notes.strip(" ."), line))
    return out


# "12개국 검사와 수사관", "来自20个国家的", "30か国の": a count of countries in CJK text.
_CJK_COUNTRIES = re.compile(
    r"(\d{1,3})\s*(?:개국|个国家|か国|カ国)(?:的)?[^\s,.。、，在参와의]{0,8}"
)


def participants_in(text: str, line: int) -> list[tuple[Participant | ParticipantGroup, str]]:
    """Every participant a paragraph names, each with the phrase that named it."""
    found: list[tuple[Participant | ParticipantGroup, str]] = []
    for m in _CJK_COUNTRIES.finditer(text):
        found.append((ParticipantGroup(m.group(0), int(m.group(1)), "", line), "countries"))
    for m in _BY.finditer(text):
        phrase = m.group(0).strip()
        for p in people_with_roles(sentence_after(text, m.end()), line):
            found.append((p, f"phrase '{phrase}'"))
    for m in _SAID_AFTER.finditer(text):
        if looks_like_name(m.group(1)):
            role, _, org = m.group(2).partition(", ")
            found.append(
                (Participant(m.group(1), role.strip(), org.strip(), line=line), "'said NAME, ROLE'")
            )
    for m in _SAID_BEFORE.finditer(text):
        if looks_like_name(m.group(1)):
            role, _, org = m.group(2).partition(", ")
            found.append(
                (
                    Participant(m.group(1), role.strip(), org.strip(), line=line),
                    "'NAME, ROLE, said'",
                )
            )
    counted: set[int] = set()
    spans: list[tuple[int, int]] = []
    for m in _FROM_COUNTRIES.finditer(text):
        spans.append((m.start(), m.end()))
        raw = m.group(3).casefold()
        count = int(raw) if raw.isdigit() else _NUMBER_VALUES.get(raw)
        group = m.group(0)
        before = re.search(r"(\d{1,3}(?:,\d{3})?)\s+$", text[max(0, m.start() - 12) : m.start()])
        if before:  # "64 participants from 14 countries": 64 people
            group = f"{before.group(1)} {group}"
            count = int(before.group(1).replace(",", ""))
        found.append(
            (
                ParticipantGroup(group[:1].upper() + group[1:], count, "", line),
                "phrase 'participants from N countries'",
            )
        )
        counted.add(m.start(2) if m.group(2) else m.start(3))
    for m in _COUNT_OF.finditer(text):
        number = int(re.sub(r"[,.]", "", m.group(2)))
        if m.start() in counted or m.start(2) in counted or 1900 <= number <= 2100:
            continue
        if any(a <= m.end() and m.start() <= b for a, b in spans):
            continue  # "64 participants from 14 countries": one group, read above
        group = m.group(0)
        found.append(
            (
                ParticipantGroup(group[:1].upper() + group[1:], number, "", line),
                "phrase 'N participants'",
            )
        )
    for m in _WERE.finditer(text):
        for item in _group_items(sentence_after(text, m.end()), line):
            found.append((item, f"phrase '{m.group(0).strip()}'"))
    return found
