"""What headings and label lines mean, in the languages briefings are written in: one table.

Practitioners write minutes and programmes in their own language.  A heading "Teilnehmer",
"Orden del día" or "Beslut" says as plainly as "Participants", "Agenda" or "Decisions" which
pane its content belongs to, so every reader (Markdown headings, `Label:` lines, bold labels,
plain-text press releases) looks words up here rather than keeping its own list.

Each row gives what the word announces (a pane and the defaults its items take) and where the
word is trusted: as a heading, as a label line, or both.  Words are matched after
`heading_key` (casefolded, emphasis and punctuation removed), so accents stay significant
but case and a trailing colon do not.  Languages: English, French, German, Spanish, Italian,
Dutch, Portuguese, Polish, Swedish (with Danish and Norwegian where they differ little).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_tui.model import Pane


@dataclass(frozen=True, slots=True)
class LabelKind:
    """What a label line announces: the pane, and what its entries get by default."""

    pane: str  # "participants", "topics", "outcomes", "overview", "date", "location", ...
    role: str = ""
    notes: str = ""
    kind: str = ""


APOLOGIES_NOTE = "sent apologies; did not attend"

_P, _T, _O = "participants", "topics", "outcomes"
BOTH, HEADING, LABEL = "both", "heading", "label"

# (what the word announces, where it is trusted, the words separated by "|").
_TABLE: tuple[tuple[LabelKind, str, str], ...] = (
    (
        LabelKind("overview"),
        HEADING,
        "overview|summary|background|introduction|context|résumé|contexte|synthèse|"
        "zusammenfassung|hintergrund|einleitung|überblick|resumen|antecedentes|introducción|"
        "contexto|sintesi|riassunto|introduzione|premessa|samenvatting|achtergrond|inleiding|"
        "resumo|introdução|streszczenie|wprowadzenie|kontekst|sammanfattning|bakgrund|inledning",
    ),
    (
        LabelKind(_P),
        BOTH,
        "participants|attendees|attendance|in attendance|present|delegations|delegates|"
        "participating agencies|participating countries|participating authorities|"
        "participating|those present|attending|list of participants|"
        "présents|personnes présentes|liste des participants|délégations|"
        "teilnehmer|teilnehmende|teilnehmerinnen und teilnehmer|anwesend|anwesende|"
        "participantes|asistentes|presentes|asistencia|"
        "partecipanti|presenti|deelnemers|aanwezig|aanwezigen|"
        "uczestnicy|obecni|lista obecności|deltagare|närvarande|deltakere|til stede|"
        "anwesenheitsliste|présent e s|参会人员|与会人员|出席人员|参与者|参加人员|"
        "참석자|참석 인원|참석인원|参加者|出席者",
    ),
    (
        LabelKind(_P),
        HEADING,
        "speakers|panelists|panellists|participating parties|agencies involved|guests|gäste|"
        "invités|invitados|ospiti|gasten|gäster|"
        "countries involved|authorities involved|international cooperation|"
        "intervenants|orateurs|referenten|referentinnen|redner|ponentes|oradores|relatori|"
        "sprekers|prelegenci|talare|medverkande",
    ),
    (
        LabelKind(_P, notes=APOLOGIES_NOTE),
        BOTH,
        "apologies|apologies for absence|absent|regrets|excused|apologised|"
        "excusés|excusé|excusé s|entschuldigte|absents|entschuldigt|abwesend|"
        "缺席人员|불참자|欠席者|ausentes|excusados|assenti|giustificati|"
        "afwezig|afgemeld|bericht van verhindering|nieobecni|frånvarande|förhinder",
    ),
    # Inclusive and plural spellings that only a label line keeps (a heading loses the dots).
    (LabelKind(_P), LABEL, "présent.e.s|présent·e·s|présent(e)s"),
    (LabelKind(_P, notes=APOLOGIES_NOTE), LABEL, "excusé(s)|excusé.e.s|excusé·e·s"),
    (
        LabelKind(_P, role="Chair"),
        LABEL,
        "chair|chaired by|chairperson|présidence|président|présidé par|vorsitz|vorsitzender|"
        "presidencia|preside|presidenza|voorzitter|presidência|przewodniczący|ordförande|"
        "主持人|会议主持人|議長|사회자|redeleitung",
    ),
    (LabelKind(_P, role="Moderator"), LABEL, "moderator|moderated by|modération|moderación"),
    (
        LabelKind(_P, role="Minute taker"),
        LABEL,
        "minute taker|minutes taken by|note taker|note-taker|minutes by|secrétaire de séance|"
        "protokoll|protokollführer|protokollführung|secretario|verbalizzante|notulist|"
        "protokolant|sekreterare|protokollförare|记录人|書記|記録者|기록자|protokoll|"
        "prise de notes",
    ),
    (LabelKind(_P, role="Observer"), BOTH, "observers|observer|observateurs|beobachter"),
    (
        LabelKind(_T),
        BOTH,
        "agenda|topics|topics discussed|items discussed|programme|program|sessions|"
        "ordre du jour|sujets|thèmes|points discutés|programme de la réunion|"
        "tagesordnung|themen|programm|orden del día|temas|programa|"
        "ordine del giorno|temi|argomenti|programma|onderwerpen|agendapunten|"
        "ordem de trabalhos|ordem do dia|pauta|porządek obrad|porządek spotkania|tematy|"
        "dagordning|föredragningslista|ämnen|dagsorden|traktanden|besprochene themen|"
        "会议议程|议程|讨论议题|议题|안건|회의 안건|논의 사항|議題|アジェンダ",
    ),
    (
        LabelKind(_T),
        HEADING,
        "discussion|schedule|discussion points|presentations|talks|discussions|"
        "key discussion points|discussion notes|key points|points discussed|"
        "diskussion|vorträge|discusión|ponencias|discussione|interventi|bespreking|"
        "presentaties|discussão|dyskusja|föredrag|déroulé|主要讨论内容|讨论内容|회의 내용|議論内容",
    ),
    (
        LabelKind(_O, kind="action"),
        BOTH,
        "actions|action items|action points|agreed actions|next steps|follow up|follow-up|"
        "to do|todo|tasks|actions à mener|suivi|prochaines étapes|aufgaben|maßnahmen|"
        "nächste schritte|acciones|próximos pasos|tareas|azioni|prossimi passi|"
        "actiepunten|acties|vervolgstappen|ações|próximos passos|zadania|działania|"
        "następne kroki|åtgärder|åtgärdspunkter|nästa steg|uppföljning|pendenzen|aktionen|"
        "aktionspunkte|offene punkte|行动项|行动事项|待办事项|后续行动|액션 아이템|조치 사항|"
        "향후 계획|アクション項目|アクションアイテム|今後のアクション|todos",
    ),
    (
        LabelKind(_O, kind="decision"),
        BOTH,
        "decisions|décisions|beschlüsse|entscheidungen|decisiones|acuerdos|decisioni|"
        "besluiten|decisões|deliberações|decyzje|ustalenia|beslut|resolutions|décisions prises|"
        "decisions made|key decisions|entscheidungen getroffen|决策事项|决议|决定事项|会议决议|"
        "결정사항|결정 사항|決定事項",
    ),
    (
        LabelKind(_O, kind="decision"),
        LABEL,
        "agreed|decided|besloten|beslissing|besluit(en)|décidé|beschlossen|acordado|deciso",
    ),
    (LabelKind(_P), LABEL, "people / companies|people met|people|personnes rencontrées"),
    (
        LabelKind(_O, kind="finding"),
        BOTH,
        "conclusions|findings|key findings|takeaways|key takeaways|results|lessons learned|"
        "résultats|ergebnisse|schlussfolgerungen|fazit|conclusiones|resultados|conclusioni|"
        "risultati|conclusies|resultaten|conclusões|wnioski|wyniki|slutsatser|resultat",
    ),
    (
        LabelKind(_O, kind="recommendation"),
        BOTH,
        "recommendations|recommandations|empfehlungen|recomendaciones|raccomandazioni|"
        "aanbevelingen|recomendações|zalecenia|rekommendationer",
    ),
    (LabelKind(_O), BOTH, "outcomes|outcome|way forward"),
    (
        LabelKind("date"),
        LABEL,
        "date|meeting date|date of meeting|date of the meeting|date de la réunion|datum|"
        "date time|data spotkania|data posiedzenia|data da reunião|fecha de la reunión|"
        "sitzungsdatum|meeting-datum|datum der sitzung|fecha|data|dag|dato|mötesdatum|"
        "date and time|日期|日时|日時|일시|날짜",
    ),
    (
        LabelKind("location"),
        LABEL,
        "location|venue|place|where|lieu|ort|tagungsort|lugar|luogo|sede|locatie|plaats|"
        "local|miejsce|plats|sted",
    ),
)

HEADINGS: dict[str, LabelKind] = {}
LABELS: dict[str, LabelKind] = {}
for _kind, _where, _words in _TABLE:
    for _word in _words.casefold().split("|"):
        if _where in (BOTH, HEADING):
            HEADINGS.setdefault(_word, _kind)
        if _where in (BOTH, LABEL):
            LABELS.setdefault(_word, _kind)

_PANES = {p.value: p for p in Pane}
# Heading text (after heading_key) -> the pane it names.
SYNONYMS: dict[str, Pane] = {w: _PANES[k.pane] for w, k in HEADINGS.items() if k.pane in _PANES}
# The kind an outcome takes from the heading it sits under, unless it says otherwise.
HEADING_KINDS: dict[str, str] = {w: k.kind for w, k in HEADINGS.items() if k.kind}
# Participants headings whose people did not come.
APOLOGY_HEADINGS = frozenset(w for w, k in HEADINGS.items() if k.notes == APOLOGIES_NOTE)

# A person's fields as keys and table columns name them.
PARTICIPANT_KEYS = {
    "name": "name",
    "role": "role",
    "title": "role",
    "position": "role",
    "function": "role",
    "organisation": "organisation",
    "organization": "organisation",
    "org": "organisation",
    "agency": "organisation",
    "affiliation": "organisation",
    "institution": "organisation",
    "country": "country",
    "notes": "notes",
    "note": "notes",
    "company": "organisation",
    "employer": "organisation",
    "job title": "role",
    "job_title": "role",
    "jobtitle": "role",
    "full name": "name",
    "full_name": "name",
    "fullname": "name",
    "head": "name",
    "head of delegation": "name",
    "head_of_delegation": "name",
    "nationality": "country",
    "delegation": "country",
    "bio": "notes",
    "biography": "notes",
    # Column headings of participant tables in other languages.
    **dict.fromkeys(
        [
            "nom",
            "nombre",
            "nome",
            "naam",
            "namn",
            "imię i nazwisko",
            "氏名",
            "名前",
            "姓名",
            "이름",
            "성명",
        ],
        "name",
    ),
    **dict.fromkeys(
        [
            "rôle",
            "fonction",
            "rolle",
            "funktion",
            "rol",
            "cargo",
            "ruolo",
            "funkcja",
            "役割",
            "角色",
            "职务",
            "역할",
        ],
        "role",
    ),
    **dict.fromkeys(
        [
            "société",
            "organisme",
            "organisation",
            "behörde",
            "organización",
            "organizzazione",
            "organisatie",
            "organização",
            "organizacja",
            "myndighet",
            "所属",
            "部门",
            "单位",
            "소속",
        ],
        "organisation",
    ),
    **dict.fromkeys(["pays", "land", "país", "paese", "kraj", "国家", "국가"], "country"),
}

# Outcome kinds and statuses as people write them, read as the format's own words.
STATUS_SYNONYMS = {
    "closed": "done",
    "complete": "done",
    "completed": "done",
    "finished": "done",
    "resolved": "done",
    "pending": "open",
    "ongoing": "open",
    "in progress": "open",
    "todo": "open",
    "to do": "open",
}
KIND_SYNONYMS = {
    "conclusion": "finding",
    "result": "finding",
    "lesson": "finding",
    "lesson learned": "finding",
    "action item": "action",
    "next step": "action",
    "task": "action",
    "resolution": "decision",
}
OUTCOME_KINDS = ("finding", "decision", "action", "recommendation")


def normalise_kind(kind: str) -> str:
    k = kind.strip().casefold()
    if k.endswith("s") and k[:-1] in OUTCOME_KINDS:
        k = k[:-1]
    return KIND_SYNONYMS.get(k, k)


def normalise_status(status: str) -> str:
    # "🔴 Open", "✅ done": the marker a tracker shows before the word.
    s = status.strip().casefold()
    while s and not s[0].isalnum():
        s = s[1:]
    return STATUS_SYNONYMS.get(s, s)


def pane_words(pane: str) -> list[str]:
    """A few of the words that would fill a pane, for messages that say what was missing."""
    return [w for w, k in HEADINGS.items() if k.pane == pane][:3]
