"""Plain-text and HTML press releases: the seed release gives every field it states."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing_tui.model import Participant, ParticipantGroup
from briefing_tui.readers.documents import read_document

CORPUS = Path(__file__).parents[1] / "corpus"
SEED = CORPUS / "eurojust-2018-03-joint-conference-cybercrime.txt"


def _read(name: str, data: bytes):
    result = read_document(name, data)
    assert result.briefing is not None, result.problems
    return result.briefing


def test_seed_press_release_gives_everything_it_states() -> None:
    b = _read(str(SEED), SEED.read_bytes())
    assert b.title == "Joint conference on judicial cooperation in cybercrime matters"
    assert (b.date, b.end_date) == (date(2018, 3, 7), date(2018, 3, 8))
    assert b.source is not None and b.source.published == date(2018, 3, 12)
    assert b.location == "Eurojust"
    assert b.organisers == (
        "Eurojust",
        "Cybercrime Programme Office of the Council of Europe (C-PROC)",
    )
    people = {p.name: p for p in b.participants if isinstance(p, Participant)}
    assert people["Ladislav Hamran"].role == "President of Eurojust"
    assert people["Alexander Seger"].role == "Head of the Cybercrime Division"
    assert people["Alexander Seger"].organisation == "Council of Europe"
    groups = [p for p in b.participants if isinstance(p, ParticipantGroup)]
    assert groups[0].group == "Participants from more than 60 countries"
    assert groups[0].count == 60
    assert "Eurojust National Members" in [g.group for g in groups]
    assert len(b.topics) == 7
    assert b.topics[0].title.startswith("Eurojust's mission")
    assert b.topics[-1].title == "The way forward"
    assert len(b.outcomes) == 3
    assert b.outcomes[0].text == "a better understanding of Eurojust's role and tools"
    assert not b.has_errors


def test_html_page_without_chrome_and_nothing_fetched() -> None:
    page = b"""<!doctype html><html><head><title>Joint action day | Agency</title>
<link rel="stylesheet" href="http://example.invalid/x.css"><script>alert(1)</script></head>
<body><nav class="menu"><ul><li>Home</li><li>Participants</li></ul></nav>
<header><p>Cookie notice: Topics discussed included cookies.</p></header>
<main><h1>Joint <u>action</u> day against fraud</h1><p>The Hague, 4 May 2021</p>
<p>Between 27 and 29 April 2021, investigators from 12 countries met at Europol.</p>
<p>The action day resulted in 14 arrests, 40 searches and the seizure of EUR 2 million.</p>
<img src="http://example.invalid/t.png"></main><footer>Share this page</footer></body></html>"""
    b = _read("release.html", page)
    assert b.format == "html"
    assert b.title == "Joint action day against fraud"
    assert (b.date, b.end_date) == (date(2021, 4, 27), date(2021, 4, 29))
    assert b.source is not None and b.source.published == date(2021, 5, 4)
    assert b.location == "Europol"
    assert [o.text for o in b.outcomes] == [
        "14 arrests",
        "40 searches",
        "The seizure of EUR 2 million",
    ]
    assert "cookies" not in " ".join(t.title for t in b.topics)
    assert "Home" not in b.overview


def test_text_with_no_title_line_falls_back_to_the_file_name() -> None:
    b = _read("2020-01-05-notice.txt", b"\n\n   \n")
    assert b.title == "notice"
    assert b.date == date(2020, 1, 5)


def test_a_long_first_paragraph_is_summarised_at_a_word_with_an_ellipsis() -> None:
    # The seed's summary used to end in "available to practiti": cut at 300 characters.
    b = _read(str(SEED), SEED.read_bytes())
    assert b.summary.endswith("…") and len(b.summary) <= 300
    last = b.summary.removesuffix("…").split()[-1]
    assert last in b.overview.split(), "the summary ends on a whole word of the text"
