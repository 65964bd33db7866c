"""People as documents write them on one line: "Name, Role, Organisation, XX",
"Name (Agency, XX)", "A, B and C", and groups such as "60+ delegations".

Shared by the Markdown, plain-text and YAML readers, so a person reads the same wherever
the line came from.
"""

from __future__ import annotations

import re

from briefing_tui.model import Participant, ParticipantGroup

_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
        "della",
        "dos",
        "das",
        "ten",
        "ter",
        "y",
        "bin",
        "al",
        "el",
        "zu",
        "af",
    ]
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def looks_like_name(text: str) -> bool:
    """Two to five words, each capitalised (or a particle such as "van"), none in capitals:
    "Piet de Vries" is a name, "Eurojust RO" and "NO desks" are not."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if w.casefold() in _PARTICLES:
            continue
        if not _NAME_WORD.match(w) or not w[0].isupper():
            return False
        if len(w) > 1 and w.isupper():
            return False
    return True


def split_people(text: str) -> list[str]:
    """One line of people into entries: on `;` when there is one, else on `,`, never inside
    parentheses; a last "A and B" is split only when both sides are names."""
    if "、" in text or "，" in text:  # the list commas of Chinese and Japanese
        text = text.replace("、", ",").replace("，", ",")
    sep = ";" if ";" in text else ","
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    parts = [p.strip().rstrip(".").strip() for p in parts if p.strip()]
    if parts:
        last = parts[-1]
        m = re.match(r"^(.*?)\s+(?:and|&)\s+(.*)$", last)
        if m and looks_like_name(m.group(1)) and looks_like_name(m.group(2).split("(")[0]):
            parts[-1:] = [m.group(1).strip(), m.group(2).strip()]
        elif len(parts) > 1 and last.casefold().startswith(("and ", "& ")):
            parts[-1] = last.split(" ", 1)[1].strip()
    return parts


_GROUP_WORDS = re.compile(
    r"\b(participants|delegates|delegations|representatives|members|officials|experts|"
    r"attendees|countries|authorities|agencies|practitioners|prosecutors|judges|staff)\b",
    re.IGNORECASE,
)
_LEADING_COUNT = re.compile(r"^\s*(?:about |around |over |more than |some )?(\d[\d,]*)\+?\s")
_COUNTRY_CODE = re.compile(r"^[A-Z]{2,3}$")

_ROLE_WORDS = re.compile(
    r"\b(prosecutors?|judges?|officers?|head|director|analyst|inspector|chair\w*|liaison|"
    r"advis[eo]r|member|minister|secretary|president|expert|investigator|attorney|counsel|"
    r"magistrate|lead|manager|co-?ordinator|rapporteur|commissioner|deputy|assistant|"
    r"representative|delegate|trainer|speaker|moderator|professor|researcher|specialist|"
    r"agent|detective|sergeant|superintendent|commander|chief|consultant|lawyer|clerk|"
    r"attach[ée]|procurator|procureur|staatsanwalt\w*)\b",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(ministry|minist[eè]re|ministerio|ministero|ministerium|ministerstvo|council|"
    r"commission|office|agency|department|directorate|police|pol[ií]cia|politie|polizei|"
    r"policja|service|services|unit|cent(?:re|er|ro)|university|court|tribunal|authority|"
    r"bureau|secretariat|network|ltd|inc|gmbh|llc|plc|s\.?a|eurojust|europol|interpol|enisa|"
    r"olaf|eppo|academy|institute|foundation|ngo|association|parquet|procura|procuradur[ií]a|"
    r"fiscal[ií]a|staatsanwaltschaft|prokuratura|ministerie|kripos|government|embassy|"
    r"organi[sz]ation|company|bank|corporation|diicot|bka|ncis|nca|fbi)\b",
    re.IGNORECASE,
)


def looks_like_organisation(text: str) -> bool:
    """ "Council of Europe" is a body, "Head of Unit" is a role: for "Name, X" lines.

    A body may hold a role word when it ends on a body's word and does not start with a
    title: "Prosecutor General's Office" is an office, "Head of the Office" a role.
    """
    if not _ORG_WORDS.search(text):
        return False
    if not _ROLE_WORDS.search(text):
        return True
    words = text.split()
    return (
        len(words) > 1
        and bool(_ORG_WORDS.fullmatch(words[-1].strip(".,")))
        and words[0].casefold() not in _TITLE_FIRST
    )


# Words that open a role ("Head of ...", "Deputy Director of ..."), never a body's name.
_TITLE_FIRST = frozenset(
    [
        "head",
        "chief",
        "director",
        "deputy",
        "president",
        "vice",
        "minister",
        "secretary",
        "member",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "senior",
        "assistant",
        "acting",
        "executive",
        "lead",
        "principal",
    ]
)


_SEPARATORS = re.compile(r"\s+[—–|]\s+|\s+-\s+|;\s*")
# A character each separator has: most lines have none, and then no pattern is tried.
_SEPARATOR_MARK = re.compile("[—–|;-]")


def split_one_line(text: str) -> tuple[str, str, str, str]:
    """(name, role, organisation, country) from "Name, Role, Organisation[, XX]".

    With only one part after the name ("Name – Ministry of Justice"), that part is the
    organisation when it reads like one, else the role.
    """
    normalised = text.strip()
    if _SEPARATOR_MARK.search(normalised):
        normalised = _SEPARATORS.sub(", ", normalised)
    parts = [p.strip() for p in normalised.split(",")]
    if "" in parts:
        parts = [p for p in parts if p]
    if not parts:
        return "", "", "", ""
    name = parts[0]
    rest = parts[1:]
    country = ""
    if len(rest) >= 2 and (_COUNTRY_CODE.match(rest[-1]) or _is_country(rest[-1])):
        country = rest.pop()
    if len(rest) == 1 and looks_like_organisation(rest[0]):
        return name, "", rest[0], country
    role = rest[0] if rest else ""
    organisation = ", ".join(rest[1:])
    return name, role, organisation, country


def _is_country(text: str) -> bool:
    """Whether `text` names a country ("Lithuania", "The Netherlands")."""
    # Imported here: briefing_tui.insights imports the readers (through the library).
    from briefing_tui.insights.countries import country_code

    return len(text) <= 40 and country_code(text) is not None


_TRAILING_PARENS = re.compile(r"^([^,()]+)\(([^()]*)\)\s*$")


def _from_parentheses(name: str, inner: str, line: int | None) -> Participant | ParticipantGroup:
    """ "Name (Organisation, XX)", as minutes write people; "(two staff)" is a note."""
    if _GROUP_WORDS.search(name):
        m = _LEADING_COUNT.match(name)
        count = int(m.group(1).replace(",", "")) if m else None
        return ParticipantGroup(group=name, count=count, notes=inner, line=line)
    if not inner or inner[:1].islower():
        return Participant(name, notes=inner, line=line)
    # Imported here: briefing_tui.insights imports the readers (through the library).
    from briefing_tui.insights.countries import country_code

    if country_code(name) is not None:
        # "Germany (BKA)": a country's agency, as operation pages list who took part.
        return Participant(inner, "", "", name, line=line)
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    country = parts.pop() if len(parts) > 0 and _COUNTRY_CODE.match(parts[-1]) else ""
    rest = ", ".join(parts)
    if rest and _ROLE_WORDS.search(rest) and not _ORG_WORDS.search(rest):
        return Participant(name, rest, "", country, line=line)
    return Participant(name, "", rest, country, line=line)


_COUNTRY_COLON = re.compile(r"^([^\W\d][^:,()]{1,40}):\s+(\S.*)$")


def participant_from_text(text: str, line: int | None) -> Participant | ParticipantGroup:
    """A one-line participant; a plural description without commas reads as a group."""
    stripped = text.strip()
    if "（" in stripped:
        stripped = stripped.replace("（", "(").replace("）", ")")
    country_agency = _COUNTRY_COLON.match(stripped) if ":" in stripped else None
    if country_agency:
        # "Germany: Federal Criminal Police Office", as operation pages list who took part.
        from briefing_tui.insights.countries import country_code

        if country_code(country_agency.group(1)) is not None:
            return Participant(
                country_agency.group(2).strip(), "", "", country_agency.group(1), line=line
            )
    parens = _TRAILING_PARENS.match(stripped) if stripped.endswith(")") else None
    if parens:
        return _from_parentheses(parens.group(1).strip(), parens.group(2).strip(), line)
    if "," not in stripped and _GROUP_WORDS.search(stripped):
        m = _LEADING_COUNT.match(stripped)
        count = int(m.group(1).replace(",", "")) if m else None
        return ParticipantGroup(group=stripped, count=count, line=line)
    name, role, organisation, country = split_one_line(stripped)
    return Participant(name, role, organisation, country, line=line)


def join_notes(*parts: str) -> str:
    """Notes one after the other: "; " between phrases, a space after a full sentence."""
    out = ""
    for part in (p.strip() for p in parts):
        if part:
            out = f"{out}{' ' if out.endswith(('.', '!', '?')) else '; '}{part}" if out else part
    return out


def role_words(text: str) -> bool:
    """Whether `text` names a role ("Chief Prosecutor"), which two capitalised words may."""
    return bool(_ROLE_WORDS.search(text))
