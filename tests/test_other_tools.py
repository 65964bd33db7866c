"""Folders never written for briefing: Jekyll, Hugo, Obsidian, minutes, conference data, ...

Each fixture under tests/fixtures/other_tools/ is a realistic document in the shape another
tool or habit produces.  For each, the reader must find a sensible title and date, put prose on
Overview and people, agencies, topics and action items in their panes where the structure makes
that clear, keep every key it does not understand, and raise no error for legitimate input.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing_tui.library import load_file
from briefing_tui.model import Briefing, LoadResult, Participant, ParticipantGroup, Severity

FIXTURES = Path(__file__).parent / "fixtures" / "other_tools"


def read(name: str) -> tuple[Briefing, LoadResult]:
    result = load_file(FIXTURES / name)
    assert result.briefing is not None, result.problems
    errors = [str(p) for p in result.problems if p.severity is Severity.ERROR]
    assert errors == []
    return result.briefing, result


def people(b: Briefing) -> list[tuple[str, str, str, str]]:
    return [(p.name, p.role, p.organisation, p.country) for p in b.people]


def outcomes(b: Briefing) -> list[tuple[str, str, str, date | None]]:
    return [(o.kind, o.status, o.owner, o.due) for o in b.outcomes]


def extra_keys(b: Briefing) -> set[str]:
    return {k for k, _ in b.extra}


def test_every_fixture_is_tested() -> None:
    names = {p.name for p in FIXTURES.iterdir() if not p.name.startswith(".")}
    tested = {
        "2019-04-02-cybercrime-conference-recap.md",
        "2020-09-14-liaison-visit-notes.md",
        "2021-06-virtual-currency-workshop.md",
        "2024-01-15.md",
        "crlf-steering-group-minutes.md",
        "ejcn-annual-meeting-hugo.md",
        "liaison-prosecutors-meeting.md",
        "minutes-2022-03-08-jit-harbour.md",
        "obsidian-jit-call-notes.md",
        "octopus-2024-speakers.yml",
        "octopus-style-conference-2024.yaml",
        "operation-nightfall-writeup.md",
        "programme-committee-multidoc.yaml",
        "t-cy-plenary-delegations.yml",
    }
    assert names == tested
    assert len(names) >= 12


def test_jekyll_post() -> None:
    b, result = read("2019-04-02-cybercrime-conference-recap.md")
    assert result.problems == ()
    assert b.title == "Recap: Example Cybercrime Conference 2019, day one"
    assert b.date == date(2019, 4, 2)  # "2019-04-02 10:00:00 +0200"
    assert b.summary.startswith("Highlights from the first day")  # excerpt
    assert set(b.tags) == {"cybercrime", "conferences", "e-evidence", "ransomware"}
    assert b.overview.startswith("The first day brought together")
    assert people(b) == [
        ("Jane Example", "Author", "", ""),  # `author:` (issue 11)
        ("Marta Exemplo", "Head of Unit", "Example Cybercrime Centre", ""),
        ("Henrik Prøve", "", "Example Cloud Services Ltd", ""),
    ]
    assert [o.kind for o in b.outcomes] == ["finding", "finding"]  # Key takeaways
    assert [s.title for s in b.sections] == ["Further reading"]
    assert {"layout", "permalink", "comments"} <= extra_keys(b)
    assert not {"excerpt", "categories"} & extra_keys(b)  # shown as summary and tags


def test_plain_markdown_without_front_matter() -> None:
    b, result = read("2020-09-14-liaison-visit-notes.md")
    assert result.problems == ()
    assert b.title == "liaison visit notes"
    assert b.date == date(2020, 9, 14)  # from the file name, as Jekyll names posts
    assert (
        b.summary
        == "Visit of the liaison prosecutor to the cybercrime unit. Short notes, not reviewed."
    )
    assert "backlog of MLA requests" in b.overview
    assert outcomes(b) == [
        ("action", "open", "Unit secretariat", None),
        ("action", "open", "", None),
    ]
    assert b.outcomes[1].text == "Arrange a follow-up visit in November"


def test_hugo_toml_front_matter() -> None:
    b, result = read("2021-06-virtual-currency-workshop.md")
    assert result.problems == ()
    assert b.title == "Workshop on virtual currency investigations (example)"
    assert b.date == date(2021, 6, 15)
    assert b.location == "Example Police Academy, Lisbon"  # venue
    assert b.summary.startswith("Two-day hands-on workshop")  # description
    assert set(b.tags) == {"virtual currencies", "training", "workshops"}
    assert [(t.title, t.speakers) for t in b.topics] == [
        ("Blockchain basics for prosecutors", ("Rui Exemplo",)),
        ("Seizing and storing virtual assets", ("Ines Muster", "Rui Exemplo")),
    ]
    assert "09:30" in b.topics[0].summary
    assert people(b) == [
        ("Rui Exemplo", "", "Polícia Judiciária", "PT"),
        ("Ines Muster", "", "Bundeskriminalamt", "DE"),
    ]
    assert outcomes(b) == [
        ("action", "open", "Academy secretariat", date(2021, 6, 30)),
        ("action", "done", "", None),
    ]
    assert {"lastmod", "draft", "params"} <= extra_keys(b)
    assert dict(b.extra)["params"] == {"room": "Auditorium 2", "livestream": "false"}
    assert not {"venue", "description", "agenda", "categories"} & extra_keys(b)


def test_obsidian_daily_note_with_callouts_and_tasks() -> None:
    b, result = read("2024-01-15.md")
    assert result.problems == ()
    assert b.title == "2024-01-15"
    assert b.date == date(2024, 1, 15)
    assert set(b.tags) == {"daily", "ransomware"}  # never #not-a-tag from the code block
    assert b.summary == "Call with the Europol EC3 liaison about #ransomware cases."
    assert "> **Follow-up**" in b.overview
    assert "> **Raw notes**" in b.overview
    assert "[!todo]" not in b.overview
    assert "[[not a link]]" in b.overview  # code is left exactly as written
    assert outcomes(b) == [
        ("action", "open", "", date(2024, 1, 22)),
        ("action", "open", "analyst", None),
    ]
    assert b.outcomes[0].text.startswith("Ask MoJ for the JIT budget")


def test_crlf_minutes_with_attendees_apologies_and_an_action_table() -> None:
    raw = (FIXTURES / "crlf-steering-group-minutes.md").read_bytes()
    assert b"\r\n" in raw  # the fixture really is CRLF
    b, result = read("crlf-steering-group-minutes.md")
    assert result.problems == ()
    assert b.title == "Steering group meeting, e-evidence project (example)"
    assert (b.date, b.location, b.marking) == (date(2023, 9, 12), "Strasbourg", "TLP:GREEN")
    assert people(b) == [
        ("Anna Example", "", "Council of Europe", ""),
        ("Bruno Exemple", "", "Ministère de la Justice", "FR"),
        ("Carla Esempio", "", "Ministero della Giustizia", "IT"),
        ("Dana Príklad", "", "Ministry of Justice", "SK"),
    ]
    assert "apologies" in b.people[3].notes
    assert [t.title for t in b.topics] == [
        "Adoption of the agenda",
        "Progress report on the training modules",
        "Budget for 2024",
    ]
    assert outcomes(b) == [
        ("action", "open", "Secretariat", date(2023, 10, 1)),
        ("action", "done", "Bruno Exemple", date(2023, 10, 15)),
    ]
    assert b.outcomes[0].text == "Circulate the revised training module"
    everything = repr(b)
    assert "\r" not in everything


def test_hugo_yaml_event_page() -> None:
    b, result = read("ejcn-annual-meeting-hugo.md")
    assert result.problems == ()
    assert b.title == "Annual meeting of a judicial cybercrime network (example)"
    # The event's own dates beat the page's publishing date.
    assert (b.date, b.end_date) == (date(2022, 11, 24), date(2022, 11, 25))
    assert b.location == "The Hague, Netherlands"
    assert b.summary == "Members met for two days to agree the network's priorities for 2023."
    assert [t.title for t in b.topics] == [
        "Day 1 — Data retention after the court rulings",
        "Day 2 — Cooperation with service providers",
    ]
    assert b.topics[0].speakers == ("Laura Esempio", "Piet Voorbeeld")
    assert [o.kind for o in b.outcomes] == ["finding", "decision"]
    assert {"publishDate", "expiryDate", "draft", "weight", "slug", "event"} <= extra_keys(b)
    # `authors:` names people (issue 11); `publishDate:` stays the page's publication date.
    assert ("Network secretariat", "Author") in [(p.name, p.role) for p in b.people]
    assert b.source is not None and b.source.published is not None


def test_minutes_with_label_lines_and_lists() -> None:
    b, result = read("liaison-prosecutors-meeting.md")
    assert result.problems == ()
    assert b.date == date(2024, 2, 1)
    assert people(b) == [
        ("Sofia Exemplo", "Liaison Prosecutor for Portugal", "", ""),
        ("Marek Przykład", "Liaison Prosecutor for Poland", "", ""),
        ("Eurojust Operations Department", "", "", ""),
        ("Giorgi Magaliti", "Liaison Prosecutor for Georgia", "", ""),
    ]
    assert b.people[2].notes == "two staff"
    assert "apologies" in b.people[3].notes
    assert [t.title for t in b.topics] == [
        "Caseload statistics",
        "Secure communication channels",
        "AOB",
    ]
    assert outcomes(b) == [
        ("action", "open", "Operations Department", date(2024, 2, 15)),
        ("action", "open", "Sofia Exemplo", date(2024, 3, 1)),
    ]
    assert b.overview == "The meeting reviewed the caseload of the liaison desks."


def test_minutes_without_front_matter() -> None:
    b, result = read("minutes-2022-03-08-jit-harbour.md")
    assert result.problems == ()
    assert b.title == 'Minutes: monthly coordination call, example JIT "Harbour"'
    assert b.date == date(2022, 3, 8)  # "Date: 8 March 2022"
    assert b.location == "video conference"
    assert people(b) == [
        ("Maria Ionescu", "Chair", "DIICOT", "RO"),
        ("Jonas Berg", "", "NCIS", "NO"),
        ("Ana Silva", "", "Polícia Judiciária", "PT"),
        ("Eurojust RO and NO desks", "", "", ""),
        ("Lukas Beispiel", "", "BKA", "DE"),
    ]
    assert "apologies" in b.people[4].notes
    # Numbered agenda headings are the topics when nothing else names them.
    assert [t.title for t in b.topics] == [
        "Review of previous actions",
        "Financial investigation",
    ]
    assert "PT reported two new accounts" in b.topics[1].summary
    assert "Actions:" not in b.topics[1].summary
    assert outcomes(b) == [
        ("decision", "", "", None),
        ("action", "open", "jonas", date(2022, 3, 15)),
        ("action", "open", "DIICOT", date(2022, 3, 22)),
        ("action", "done", "Eurojust RO desk", None),
    ]
    assert [s.title for s in b.sections] == ["AOB"]


def test_obsidian_note_with_wikilinks_callouts_and_inline_tags() -> None:
    b, result = read("obsidian-jit-call-notes.md")
    assert result.problems == ()
    assert b.title == "JIT coordination call — Operation Example Lantern"
    assert b.date == date(2023, 2, 10)  # created
    assert b.tags == ("meeting", "jit/ransomware", "evidence-sharing", "jit/extension")
    assert "> **Context**" in b.overview
    assert "Follow-up to the January kick-off; see Operation Example Lantern" in b.overview
    assert "[[" not in b.overview and "[!note]" not in b.overview
    assert people(b) == [
        ("Ingrid Eksempel", "", "Kripos", "NO"),
        ("Pieter", "", "Openbaar Ministerie", "NL"),
        ("Eurojust NL desk", "", "", ""),
    ]
    (topic,) = b.topics
    assert (topic.title, topic.speakers) == ("Evidence exchange", ("Ingrid Eksempel",))
    assert "> **Deadline**" in topic.summary
    assert outcomes(b) == [
        ("action", "open", "Ingrid", date(2023, 2, 17)),
        ("action", "done", "Openbaar Ministerie", None),
        ("action", "open", "", date(2023, 2, 20)),
    ]
    assert "2023-02-24 call" in b.outcomes[2].text and "[[" not in b.outcomes[2].text
    assert {"created", "aliases", "status"} <= extra_keys(b)


def test_a_yaml_list_of_speakers() -> None:
    b, result = read("octopus-2024-speakers.yml")
    assert b.title == "octopus 2024 speakers"
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    assert "list" in result.problems[0].message
    assert people(b) == [
        ("Dr. Elena Näide", "", "Ministry of Justice, Estonia", ""),
        ("Tom Sample", "", "Example Cloud Services Ltd", ""),
        ("Aiko Rei", "", "National Police Agency, Japan", ""),
    ]
    assert "Leads the cybercrime policy team." in b.people[0].notes
    assert "/assets/img/speakers/naide.jpg" in b.people[0].notes


def test_conference_data_file() -> None:
    b, result = read("octopus-style-conference-2024.yaml")
    assert result.problems == ()
    assert b.title == "Example Octopus-style Conference on Cybercrime 2024"  # name
    assert (b.date, b.end_date) == (date(2024, 11, 20), date(2024, 11, 22))  # dates.start/end
    assert b.location == "Palais de l'Europe, Strasbourg"
    assert b.organisers == ("Council of Europe (example)",)
    assert b.summary.startswith("Annual conference on cooperation against cybercrime")
    assert people(b) == [
        ("Dr. Elena Näide", "Speaker", "Ministry of Justice, Estonia", ""),
        ("Tom Sample", "Speaker", "Example Cloud Services Ltd", ""),
    ]
    assert "Leads the cybercrime policy team." in b.people[0].notes
    assert "@elena_example" in b.people[0].notes
    assert [(t.title, t.speakers) for t in b.topics] == [
        ("Opening plenary", ("Dr. Elena Näide",)),
        ("Workshop 1, cooperation with service providers", ("Tom Sample", "Dr. Elena Näide")),
        ("Workshop 2, ransomware and virtual assets", ("Tom Sample",)),
    ]
    assert "2024-11-20" in b.topics[0].summary and "09:30" in b.topics[0].summary
    assert "Room 5" in b.topics[1].summary
    assert "2024-11-21" in b.topics[2].summary
    assert {"website", "hashtag", "sponsors"} <= extra_keys(b)
    assert not {"name", "venue", "speakers", "schedule", "description"} & extra_keys(b)


def test_operation_write_up_with_agencies_by_country() -> None:
    b, result = read("operation-nightfall-writeup.md")
    assert result.problems == ()
    assert (b.date, b.end_date) == (date(2023, 5, 9), date(2023, 5, 10))  # timeframe
    assert [(p.organisation, p.country) for p in b.people] == [
        ("Federal Criminal Police Office (BKA)", "Germany"),
        ("Public Prosecutor's Office Frankfurt", "Germany"),
        ("National Police, Team High Tech Crime", "Netherlands"),
        ("Cyber Police Department", "Ukraine"),
        ("DIICOT", "Romania"),
        ("Europol (EC3) and Eurojust", ""),
    ]
    assert [o.kind for o in b.outcomes] == ["finding"] * 3
    assert b.outcomes[2].text == "EUR 2.3 million in virtual currencies seized"
    assert b.source is not None and b.source.publisher == "Example agency press office"
    assert "advertised on criminal forums" in b.overview
    assert {"published", "timeframe"} <= extra_keys(b)


def test_multi_document_yaml_reads_the_first_and_keeps_the_rest() -> None:
    b, result = read("programme-committee-multidoc.yaml")
    assert b.title == "Programme committee meeting (example)"
    assert b.date == date(2024, 5, 6)
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING
    assert "2 YAML documents" in warning.message
    assert warning.line == 20
    assert dict(b.extra)["YAML document 2"] == {"revision": "3", "exported_by": "planner 2.1"}
    assert [(t.title, t.speakers) for t in b.topics] == [
        ("Welcome and adoption of the agenda", ()),
        ("Call for papers", ("Programme chair",)),
    ]
    assert people(b) == [
        ("Ana Example", "Programme chair", "University of Example", ""),
        ("Ben Sample", "Member", "Example Police Academy", ""),
    ]
    assert outcomes(b) == [
        ("action", "", "Secretariat", date(2024, 5, 20)),
        ("action", "done", "Ana Example", None),
    ]
    assert b.outcomes[0].text == "Publish the call for papers"


def test_plenary_with_delegations_observers_sessions_and_decisions() -> None:
    b, result = read("t-cy-plenary-delegations.yml")
    assert result.problems == ()
    assert b.title == "T-CY plenary, example session"  # event
    assert (b.date, b.end_date, b.location, b.marking) == (
        date(2024, 6, 18),
        date(2024, 6, 20),
        "Strasbourg",
        "TLP:CLEAR",
    )
    assert people(b) == [
        ("Kadri Näide", "Head of delegation", "Ministry of Justice", "Estonia"),
        ("Hiroshi Sample", "Head of delegation", "", "Japan"),
        ("Norway", "Delegation", "", "Norway"),
        ("Example Digital Rights NGO", "Observer", "", ""),
    ]
    assert "Ola Eksempel, Kari Eksempel" in b.people[2].notes
    assert [t.title for t in b.topics] == [
        "Adoption of the agenda",
        "Draft guidance note on subscriber information",
    ]
    assert "rapporteur: Bureau" in b.topics[1].summary
    assert [(o.kind, o.text) for o in b.outcomes] == [
        ("decision", "The plenary adopted the guidance note."),
        ("decision", "The next plenary will be held in November."),
        ("finding", "Most Parties have implemented expedited preservation."),
    ]
    assert extra_keys(b) == {"meeting_documents"}


# -- the pieces, one by one ---------------------------------------------------------------------


def md(text: str, name: str = "note.md") -> Briefing:
    from briefing_tui.readers.documents import read_markdown

    result = read_markdown(name, text.encode("utf-8"))
    assert result.briefing is not None
    return result.briefing


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("[[Page]]", "Page"),
        ("[[Page|alias]]", "alias"),
        ("[[Page#Heading]]", "Page › Heading"),
        ("[[Page#Heading|alias]]", "alias"),
        ("![[diagram.png]]", "diagram.png"),
        ("`[[kept]]`", "`[[kept]]`"),
    ],
)
def test_wikilinks_read_as_their_text(source: str, shown: str) -> None:
    assert md(f"# T\n\nSee {source} here.\n").overview == f"See {shown} here."


def test_callout_forms() -> None:
    b = md("# T\n\n> [!warning]+ Be careful\n> body\n\n> [!info]\n> more\n")
    assert b.overview == "> **Be careful**\n> body\n\n> **Info**\n> more"


def test_inline_tags_skip_headings_numbers_urls_and_code() -> None:
    b = md(
        "---\ntags: [a]\n---\n# T\n\n#b and #c/d, not #1 or x#y or "
        "https://e.org/#frag or `#code`.\n\n#a again\n"
    )
    assert b.tags == ("a", "b", "c/d")


@pytest.mark.parametrize(
    ("line", "owner", "due"),
    [
        ("- [ ] @kari send the file by 2024-03-01", "kari", date(2024, 3, 1)),
        ("- [ ] Send the file (Owner: NL desk, due 1 March 2024)", "NL desk", date(2024, 3, 1)),
        ("- [ ] Send the file — owner: NL desk — due: 01/03/2024", "NL desk", date(2024, 3, 1)),
        ("- [ ] Send the file 📅 2024-03-01 ✅ 2024-02-28", "", date(2024, 3, 1)),
        (
            "- [ ] Send the file, assigned to: Eurojust, deadline March 1, 2024",
            "Eurojust",
            date(2024, 3, 1),
        ),
    ],
)
def test_action_owner_and_due_forms(line: str, owner: str, due: date) -> None:
    b = md(f"# T\n\n## Actions\n\n{line}\n")
    (o,) = b.outcomes
    assert (o.kind, o.status, o.owner, o.due) == ("action", "open", owner, due)


def test_present_line_with_commas_and_and() -> None:
    b = md("# T\n\nPresent: Jana Novak, Piet de Vries and Ana Silva (PJ, PT)\n")
    assert people(b) == [
        ("Jana Novak", "", "", ""),
        ("Piet de Vries", "", "", ""),
        ("Ana Silva", "", "PJ", "PT"),
    ]
    assert b.overview == ""


def test_a_label_needs_a_colon_and_a_known_word() -> None:
    b = md("# T\n\nPresent company excepted, all agreed.\n\nNotes:\n- first\n")
    assert b.participants == ()
    assert b.outcomes == ()
    assert "Present company excepted" in b.overview and "- first" in b.overview


def test_two_briefings_in_one_yaml_file_are_still_refused() -> None:
    from briefing_tui.readers.documents import read_yaml

    result = read_yaml("t.yaml", b"title: a\n---\ntitle: b\n")
    assert result.briefing is None
    assert "more than one YAML document" in result.problems[0].message


def test_written_dates_are_read_in_yaml() -> None:
    from briefing_tui.readers.documents import read_yaml

    result = read_yaml(
        "t.yaml", b"title: t\ndate: 7 March 2018\noutcomes:\n  - text: x\n    due: March 9, 2018\n"
    )
    b = result.briefing
    assert b is not None and result.problems == ()
    assert b.date == date(2018, 3, 7)
    assert b.outcomes[0].due == date(2018, 3, 9)


@pytest.mark.parametrize("value", ["March 2018", "07/03/2018", "next week"])
def test_unclear_dates_in_yaml_are_still_problems(value: str) -> None:
    from briefing_tui.readers.documents import read_yaml

    result = read_yaml("t.yaml", f"title: t\ndate: {value}\n".encode())
    assert result.briefing is not None and result.briefing.date is None
    assert [p.severity for p in result.problems] == [Severity.ERROR]


def test_participant_group_in_alias_list() -> None:
    from briefing_tui.readers.documents import read_yaml

    result = read_yaml("t.yaml", b"title: t\nattendees:\n  - 40 delegates from member states\n")
    assert result.briefing is not None
    (group,) = result.briefing.participants
    assert isinstance(group, ParticipantGroup) and group.count == 40


def test_alias_with_the_wrong_shape_stays_under_other_details() -> None:
    from briefing_tui.readers.documents import read_yaml

    result = read_yaml("t.yaml", b"title: t\nattendees: 120\nvenue: [a, b]\n")
    assert result.problems == ()
    b = result.briefing
    assert b is not None
    assert b.participants == () and b.location == ""
    assert dict(b.extra) == {"attendees": "120", "venue": ["a", "b"]}


def test_canonical_key_wins_over_its_aliases() -> None:
    from briefing_tui.readers.documents import read_yaml

    result = read_yaml(
        "t.yaml",
        b"title: Real\nname: Other\nsummary: S\ndescription: D\n"
        b"participants: [A B]\nspeakers: [C D]\n",
    )
    b = result.briefing
    assert b is not None and result.problems == ()
    assert (b.title, b.summary) == ("Real", "S")
    assert dict(b.extra) == {"name": "Other", "description": "D"}
    assert [(p.name, p.role) for p in b.people if isinstance(p, Participant)] == [
        ("A B", ""),
        ("C D", "Speaker"),
    ]


@pytest.mark.parametrize(
    "doc",
    [
        "Present:" + " " * 100_000 + "x\n",
        "[[" * 100_000 + "\n",
        "` ``" * 25_000 + " [[a]] #tag\n",
        "## Actions\n- [ ] owner: " + " " * 100_000 + "x " + "📅" * 100_000 + "\n",
        "> " * 50_000 + "- [ ] x\n",
        "Present: " + "(" * 100_000 + "\n",
        "## Attendees\n- " + "a " * 50_000 + "(x)\n",
        "## Attendees\n| a |\n" + " " * 100_000 + "x\n| a |\n--" + " " * 100_000 + "x\n",
    ],
)
def test_hostile_lines_are_read_in_one_pass(doc: str) -> None:
    """Each of these took minutes with a backtracking pattern; now they must simply finish."""
    b = md(doc)
    assert b.title
