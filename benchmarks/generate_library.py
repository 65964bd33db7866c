"""Write a large, realistic, made-up briefing library for benchmarks (and a very long briefing).

    python benchmarks/generate_library.py OUT_DIR [--count 10000] [--seed 1] [--large]

Every briefing is invented from word lists: events on judicial cooperation against
cybercrime and serious crime, with people (many names with diacritics: Müller, Zoë,
Łukasz…), roles, organisations, country codes, groups, topics with paragraph summaries,
outcomes with kinds, owners, due dates and statuses, tags, TLP markings, glossaries, links
and sources.  About one in ten is Markdown with front matter; the rest are YAML.  Sizes
average about 8 KB, so 10,000 briefings make about 80 MB.  The same seed always writes the
same files.  `--large` also writes `large-briefing.md`, one ~350 KB Markdown briefing full
of lists and tables.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

FIRST_NAMES = (
    "Anna",
    "Zoë",
    "Łukasz",
    "Jürgen",
    "François",
    "Søren",
    "Åsa",
    "Ioana",
    "Ştefan",
    "Ľubomír",
    "Oğuz",
    "Žaneta",
    "Mária",
    "José",
    "Inês",
    "Björn",
    "Élodie",
    "Jiří",
    "Małgorzata",
    "Nikolaos",
    "Dimitrios",
    "Agnieszka",
    "Pieter",
    "Kari",
    "Ingrid",
    "Lena",
    "Marta",
    "Lucas",
    "Daniel",
    "Maria",
    "Jonas",
    "Erik",
    "Sofia",
    "Giulia",
    "Matteo",
    "Chiara",
    "Andrés",
    "Lucía",
    "Aoife",
    "Siobhán",
    "Tomás",
    "Eleni",
    "Katarzyna",
    "Gábor",
    "Zsófia",
    "Mihai",
    "Radu",
    "Vesna",
    "Dragan",
    "Ana",
    "Ivana",
    "Petra",
    "Matjaž",
    "Jānis",
    "Līga",
    "Rūta",
    "Mindaugas",
    "Kadri",
    "Tõnu",
    "Aino",
    "Pekka",
    "Þóra",
    "Guðrún",
    "Emeka",
    "Ngozi",
    "Kwame",
    "Amara",
    "Fatou",
    "Moussa",
    "Aïssata",
    "Chidi",
    "Nomvula",
    "Thabo",
    "Hiroshi",
    "Yuki",
    "Mei",
    "Arjun",
    "Priya",
    "Nguyễn",
    "Ji-woo",
    "Carlos",
    "Gabriela",
    "Mateus",
    "Valentina",
    "Diego",
    "Camila",
    "Sipho",
    "Olivia",
    "James",
    "Sarah",
    "Michael",
    "Claire",
    "Noah",
    "Ahmed",
    "Leila",
    "Yusuf",
    "Elif",
)
SURNAMES = (
    "Müller",
    "Schröder",
    "Dvořák",
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Śliwa",
    "Hansen",
    "Ørsted",
    "Sørensen",
    "Lindqvist",
    "Åberg",
    "Popescu",
    "Ionescu",
    "Kovačević",
    "Horvat",
    "Novak",
    "Kralj",
    "Petrović",
    "Nagy",
    "Szabó",
    "Tóth",
    "García",
    "Fernández",
    "Núñez",
    "Gonçalves",
    "Araújo",
    "Rossi",
    "Bianchi",
    "Esposito",
    "Dubois",
    "Lefèvre",
    "Girard",
    "Van den Berg",
    "de Vries",
    "Janssens",
    "Peeters",
    "O'Brien",
    "Ó Súilleabháin",
    "Murphy",
    "Papadopoulos",
    "Georgiou",
    "Çelik",
    "Yılmaz",
    "Öztürk",
    "Kask",
    "Tamm",
    "Bērziņš",
    "Kalniņa",
    "Jankauskas",
    "Virtanen",
    "Mäkinen",
    "Þórsdóttir",
    "Guðmundsson",
    "Okafor",
    "Mensah",
    "Diallo",
    "Traoré",
    "Ndiaye",
    "Nkosi",
    "Dlamini",
    "Tanaka",
    "Suzuki",
    "Chen",
    "Wang",
    "Patel",
    "Sharma",
    "Trần",
    "Kim",
    "Park",
    "Silva",
    "Santos",
    "Rodríguez",
    "López",
    "Haugen",
    "Berg",
    "Solberg",
    "Vogt",
    "Nordby",
    "Smith",
    "Brown",
    "Wilson",
    "Hassan",
    "Aziz",
    "Demir",
    "Seger",
    "Hamran",
    "Krüger",
    "Weiß",
    "Straße",
    "Zielińska",
    "Čapek",
    "Škoda",
)
COUNTRIES = (
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "NO",
    "IS",
    "CH",
    "UK",
    "US",
    "CA",
    "UA",
    "MD",
    "GE",
    "AM",
    "RS",
    "ME",
    "MK",
    "AL",
    "BA",
    "TR",
    "MA",
    "TN",
    "SN",
    "GH",
    "NG",
    "KE",
    "ZA",
    "PH",
    "LK",
    "JP",
    "KR",
    "BR",
    "AR",
    "CO",
    "DO",
    "CR",
    "CL",
)
CITIES = (
    "The Hague, Netherlands",
    "Strasbourg, France",
    "Brussels, Belgium",
    "Lisbon, Portugal",
    "Vienna, Austria",
    "Bucharest, Romania",
    "Tbilisi, Georgia",
    "Dakar, Senegal",
    "Accra, Ghana",
    "Manila, Philippines",
    "Santo Domingo, Dominican Republic",
    "Luxembourg",
    "Tallinn, Estonia",
    "Vilnius, Lithuania",
    "Ljubljana, Slovenia",
    "Zagreb, Croatia",
    "Athens, Greece",
    "Rome, Italy",
    "Madrid, Spain",
    "Warsaw, Poland",
    "Prague, Czechia",
    "Budapest, Hungary",
    "Kyiv, Ukraine",
    "Chișinău, Moldova",
    "Reykjavík, Iceland",
    "Helsinki, Finland",
    "Oslo, Norway",
    "Copenhagen, Denmark",
    "Stockholm, Sweden",
    "Dublin, Ireland",
    "Valletta, Malta",
    "Nicosia, Cyprus",
    "Rabat, Morocco",
    "Nairobi, Kenya",
    "Colombo, Sri Lanka",
    "Buenos Aires, Argentina",
)
ORGANISATIONS = (
    "Eurojust",
    "Europol",
    "European Cybercrime Centre (EC3)",
    "Council of Europe",
    "Cybercrime Programme Office of the Council of Europe (C-PROC)",
    "UNODC",
    "INTERPOL",
    "European Judicial Network",
    "European Judicial Cybercrime Network",
    "ENISA",
    "OLAF",
    "European Public Prosecutor's Office",
    "European Commission, Directorate-General for Migration and Home Affairs",
    "European Commission, Directorate-General for Justice and Consumers",
    "Federal Criminal Police Office",
    "National Crime Agency",
    "Public Prosecution Service",
    "Prosecutor General's Office",
    "Ministry of Justice",
    "Ministry of the Interior",
    "National Police, High Tech Crime Unit",
    "Directorate for Investigating Organised Crime and Terrorism",
    "Guardia di Finanza",
    "Guardia Civil",
    "Police Judiciaire Fédérale",
    "Garda National Cyber Crime Bureau",
    "National Criminal Investigation Service",
    "Financial Intelligence Unit",
    "Asset Recovery Office",
    "Central Authority for Mutual Legal Assistance",
    "Supreme Court",
    "Court of Appeal",
    "Judicial Training Institute",
    "European Judicial Training Network",
    "Example Cloud Services Ltd",
    "Example Telecom Operator",
    "Example Virtual Asset Exchange",
    "Example Social Network Inc.",
    "Computer Emergency Response Team",
    "Data Protection Authority",
)
ROLES = (
    "Public Prosecutor",
    "Senior Public Prosecutor",
    "Deputy Prosecutor General",
    "Investigating Judge",
    "Judge",
    "Liaison Prosecutor",
    "National Member",
    "Deputy National Member",
    "Seconded National Expert",
    "Police Inspector",
    "Detective Chief Inspector",
    "Head of Unit",
    "Head of the Cybercrime Division",
    "Project Manager",
    "Legal Officer",
    "Policy Officer",
    "Financial Investigator",
    "Digital Forensics Examiner",
    "Analyst",
    "Senior Analyst",
    "Trainer",
    "Programme Officer",
    "Law Enforcement Response Lead",
    "Data Protection Officer",
    "Head of International Cooperation",
    "Contact Point",
    "Chair",
    "Rapporteur",
    "Legal Adviser",
    "Magistrate",
)
CRIMES = (
    "ransomware",
    "business email compromise",
    "online child sexual exploitation",
    "investment fraud",
    "phishing",
    "botnet",
    "darknet market",
    "cryptocurrency laundering",
    "SIM-box fraud",
    "call-centre fraud",
    "distributed denial of service",
    "identity theft",
    "payment card fraud",
    "malware distribution",
    "cyber-enabled drug trafficking",
    "migrant smuggling",
    "trafficking in human beings",
    "terrorist financing",
    "money mule networks",
    "romance fraud",
    "CEO fraud",
    "data breach",
    "sextortion",
    "insider trading",
    "VAT carousel fraud",
)
SUBJECTS = (
    "electronic evidence",
    "cross-border access to data",
    "mutual legal assistance",
    "the Budapest Convention",
    "the Second Additional Protocol to the Budapest Convention",
    "joint investigation teams",
    "European Investigation Orders",
    "European Production Orders",
    "asset recovery",
    "virtual assets",
    "encrypted communications",
    "data retention",
    "extradition",
    "capacity building",
    "international cooperation",
    "digital forensics",
    "open source intelligence",
    "cooperation with service providers",
    "victim support",
    "confiscation of criminal proceeds",
    "attribution of cyber attacks",
    "admissibility of evidence",
    "emergency disclosure requests",
    "lawful interception",
    "cloud evidence",
    "domain name seizures",
    "blockchain analysis",
)
EVENTS = (
    "Coordination meeting",
    "Regional workshop",
    "Expert seminar",
    "Joint conference",
    "Plenary meeting",
    "Training course",
    "Strategic meeting",
    "Working group meeting",
    "Annual conference",
    "Round table",
    "Study visit",
    "Tabletop exercise",
    "Operational meeting",
    "Steering committee meeting",
    "Consultation meeting",
)
AUDIENCES = (
    "prosecutors and judges",
    "investigators",
    "central authorities",
    "financial investigators",
    "national contact points",
    "digital forensics experts",
    "liaison officers",
    "trainers",
    "policy makers",
    "practitioners from the region",
)
TAGS = (
    "cybercrime",
    "electronic evidence",
    "judicial cooperation",
    "Budapest Convention",
    "mutual legal assistance",
    "capacity building",
    "Eurojust",
    "Europol",
    "Council of Europe",
    "GLACY+",
    "ransomware",
    "cryptocurrency",
    "joint investigation team",
    "extradition",
    "asset recovery",
    "training",
    "e-evidence",
    "data protection",
    "fraud",
    "money laundering",
    "service providers",
    "encryption",
    "darknet",
    "child protection",
    "terrorism",
    "coordination meeting",
    "action day",
    "virtual assets",
    "digital forensics",
    "OSINT",
)
MARKINGS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED", "RESTRICTED")
MARKING_WEIGHTS = (30, 30, 20, 8, 4, 8)
GLOSSARY = (
    ("EIO", "European Investigation Order"),
    ("JIT", "Joint investigation team"),
    ("MLA", "Mutual legal assistance"),
    ("EC3", "European Cybercrime Centre"),
    ("C-PROC", "Cybercrime Programme Office of the Council of Europe"),
    ("T-CY", "Cybercrime Convention Committee"),
    ("EPOC", "European Production Order Certificate"),
    ("SPoC", "Single point of contact"),
    ("VASP", "Virtual asset service provider"),
    ("ARO", "Asset Recovery Office"),
    ("FIU", "Financial Intelligence Unit"),
    ("OSINT", "Open source intelligence"),
    ("CSAM", "Child sexual abuse material"),
    ("BEC", "Business email compromise"),
    ("DDoS", "Distributed denial of service"),
    ("EJN", "European Judicial Network"),
    ("EJCN", "European Judicial Cybercrime Network"),
    ("LEA", "Law enforcement authority"),
    ("IP", "Internet Protocol"),
    ("TLP", "Traffic Light Protocol"),
)
VERBS = (
    "reviewed",
    "discussed",
    "compared",
    "examined",
    "agreed on",
    "set out",
    "presented",
    "analysed",
    "questioned",
    "summarised",
    "mapped",
    "outlined",
    "prioritised",
    "assessed",
)
OBJECTS = (
    "the state of the national investigations",
    "the evidence held by each country",
    "the timeline for the action day",
    "the requests still pending with service providers",
    "the financial flows traced so far",
    "the legal basis for sharing intercepted material",
    "the draft agreement for a joint investigation team",
    "the practical obstacles met",
    "the need for preservation requests before production orders",
    "the admissibility of evidence obtained abroad",
    "the role of the central authorities",
    "the handling of seized cryptocurrency wallets",
    "the protection of victims' data",
    "the experience gathered in earlier cases",
    "the training needs of practitioners",
    "the conditions for spontaneous information exchange",
    "the costs of translation",
    "the risk of parallel proceedings",
    "the use of video links for hearings",
    "the language regime of the requests",
    "the rules on data retention in each state",
    "the identification of the money mules",
    "the seizure of the domain names",
    "the forensic copies of the seized laptops",
    "the hearing of witnesses by video link",
    "the freezing orders sent to the exchanges",
    "the statistics on incoming requests",
    "the draft model forms",
    "the deadlines set by the national courts",
    "the exchange of liaison magistrates",
    "the arrest warrants to be issued",
    "the risks for the undercover officers",
    "the analysis of the chat logs",
)
CONNECTORS = (
    "In addition,",
    "At the same time,",
    "As a result,",
    "By contrast,",
    "In practice,",
    "On the second day,",
    "Several delegations noted that",
    "The chair recalled that",
    "It was stressed that",
    "Participants agreed that",
    "Experience shows that",
)
CLAIMS = (
    "requests sent through the central authority take several months to be answered",
    "providers answer emergency disclosure requests within hours when they are well drafted",
    "early coordination avoids duplicate investigations of the same suspects",
    "the Budapest Convention remains the main legal basis outside the European Union",
    "the cooperation with the private sector depends on clear and consistent requests",
    "financial investigations should start at the same time as the criminal investigation",
    "the evidence must be collected in a way that will be admissible in every country",
    "joint investigation teams reduce the need for formal letters of request",
    "the seizure of servers has to be synchronised across jurisdictions",
    "victims in several countries need to be informed in a coordinated way",
    "national legislation still differs on the retention of traffic data",
    "the exchange of liaison officers has improved mutual trust",
    "training for judges on digital evidence is still lacking in several states",
    "the analysis of blockchain transactions requires specialised tools and staff",
    "subscriber information can often be obtained directly from providers in other states",
    "spontaneous information exchange helped to identify further victims",
    "the seized servers contained logs covering more than two years of activity",
    "the suspects moved their infrastructure to a new hosting provider after the first arrests",
    "the defence challenged the chain of custody of the forensic images",
    "several requests were refused because the facts were not described precisely enough",
    "the courts accepted evidence gathered through the joint team without further formalities",
    "interpretation during the hearings by video link caused delays",
    "the victims' banks reacted quickly once the fraud pattern had been shared",
    "a single point of contact in each country made the coordination much easier",
    "the national reports showed very different practices in freezing virtual assets",
    "case law on the territorial scope of production orders is still developing",
    "the trainees asked for more practical exercises and fewer lectures",
    "the network's secretariat will collect examples of good practice",
    "cooperation with the hosting provider was swift once the legal basis was explained",
    "the mirror servers were located in a jurisdiction that does not answer requests quickly",
)
OUTCOME_TEXTS = (
    "Circulate the draft {doc} to all parties",
    "Prepare a summary of {obj}",
    "Send a preservation request to {org}",
    "Organise a follow-up meeting on {subj}",
    "Nominate a contact point for {subj}",
    "Update the handbook on {subj}",
    "Share the lessons learned on {crime} cases with the network",
    "Ask {org} to confirm its participation in the action day",
    "Translate the requests concerning {crime} into English",
    "Report back to the plenary on {subj}",
    "Set up a joint investigation team on the {crime} case",
    "Compile the national replies on {subj}",
)
DOCS = (
    "JIT agreement",
    "operational action plan",
    "guidance note",
    "letter of request",
    "European Investigation Order",
    "training curriculum",
    "questionnaire",
    "press release",
)
KINDS = ("finding", "decision", "action", "recommendation")
STATUSES = ("open", "done")


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


class Words:
    """Draws words the way a real briefing uses them: mostly about its own few subjects."""

    def __init__(self, rng: random.Random, crimes: list[str], subjects: list[str]) -> None:
        self.rng = rng
        self.crimes = crimes
        self.subjects = subjects

    def crime(self) -> str:
        pool = self.crimes if self.rng.random() < 0.85 else CRIMES
        return self.rng.choice(pool)

    def subject(self) -> str:
        pool = self.subjects if self.rng.random() < 0.8 else SUBJECTS
        return self.rng.choice(pool)


def sentence(w: Words) -> str:
    rng = w.rng
    kind = rng.random()
    if kind < 0.4:
        who = rng.choice(
            (
                "The delegations",
                "The participants",
                "The experts",
                "The meeting",
                f"The {rng.choice(COUNTRIES)} authorities",
                rng.choice(ORGANISATIONS),
            )
        )
        return f"{who} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in the {w.crime()} case."
    if kind < 0.8:
        return f"{rng.choice(CONNECTORS)} {rng.choice(CLAIMS)}."
    return (
        f"Discussion turned to {w.subject()}, in particular "
        f"{rng.choice(OBJECTS)} and {rng.choice(OBJECTS)}."
    )


def paragraph(w: Words, lo: int, hi: int) -> str:
    text = " ".join(sentence(w) for _ in range(w.rng.randint(lo, hi)))
    return text[0].upper() + text[1:]


_PLAIN = re.compile(r"^[A-Za-z0-9À-ɏḀ-ỿ][^:#\n\"'{}\[\],&*!|>%@`]*$")


def scalar(value: str) -> str:
    """A YAML scalar: plain when that is safe, else double-quoted (JSON is valid YAML there)."""
    if _PLAIN.match(value) and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)


def folded(key: str, text: str, indent: int, content: int | None = None) -> list[str]:
    pad = " " * indent
    inner = " " * (indent + 2 if content is None else content)
    lines = textwrap.wrap(text, 88 - len(inner))
    return [f"{pad}{key}: >-", *(f"{inner}{line}" for line in lines)]


def literal(key: str, text: str, indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}{key}: |", *((f"{pad}  {line}" if line else "") for line in text.split("\n"))]


class Event:
    """Everything one briefing says, drawn once and then written as YAML or Markdown."""

    def __init__(self, rng: random.Random) -> None:
        w = Words(rng, rng.sample(CRIMES, rng.randint(1, 3)), rng.sample(SUBJECTS, 3))
        self.crime = w.crimes[0]
        self.subject = w.subjects[0]
        self.kind = rng.choice(EVENTS)
        countries = rng.sample(COUNTRIES, rng.randint(2, 6))
        self.countries = countries
        style = rng.random()
        if style < 0.35:
            self.title = f"{self.kind} on a {self.crime} case involving {', '.join(countries[:3])}"
        elif style < 0.7:
            self.title = f"{self.kind} on {self.subject} for {rng.choice(AUDIENCES)}"
        else:
            self.title = f"{rng.choice(ORGANISATIONS)}: {self.kind.lower()} on {self.subject}"
        start = date(2010, 1, 1) + timedelta(days=rng.randrange(365 * 17))
        self.date = start
        self.end_date = start + timedelta(days=rng.randint(1, 3)) if rng.random() < 0.4 else None
        self.location = "Video conference" if rng.random() < 0.15 else rng.choice(CITIES)
        self.organisers = rng.sample(ORGANISATIONS, rng.randint(1, 3))
        self.marking = rng.choices(MARKINGS, MARKING_WEIGHTS)[0]
        self.tags = rng.sample(TAGS, rng.randint(3, 8))
        self.summary = paragraph(w, 2, 3)
        paras = [paragraph(w, 2, 5) for _ in range(rng.randint(2, 4))]
        paras[0] = paras[0].replace(self.crime, f"**{self.crime}**", 1)
        bullets = "\n".join(
            f"- {w.subject().capitalize()}: {rng.choice(CLAIMS)}." for _ in range(rng.randint(2, 4))
        )
        self.overview = "\n\n".join([*paras[:2], bullets, *paras[2:]])
        self.people = []
        for _ in range(rng.randint(8, 24)):
            self.people.append(
                {
                    "name": name(rng),
                    "role": rng.choice(ROLES),
                    "organisation": rng.choice(ORGANISATIONS),
                    "country": rng.choice([*countries, "EU"] if rng.random() < 0.9 else COUNTRIES),
                    "notes": rng.choice(
                        (
                            "",
                            "",
                            "",
                            "Chaired the first session.",
                            "Presented the national investigation.",
                            "Joined by video link.",
                            "Opened the meeting.",
                            f"Speaker on {w.subject()}.",
                        )
                    ),
                }
            )
        self.groups = [
            (
                f"{rng.choice(('Prosecutors', 'Investigators', 'Judges', 'Analysts', 'Trainees'))} "
                f"from {rng.randint(3, 40)} countries",
                rng.randint(5, 120) if rng.random() < 0.5 else None,
            )
            for _ in range(rng.randint(1, 3))
        ]
        self.topics = []
        for _ in range(rng.randint(3, 8)):
            speakers = [p["name"] for p in rng.sample(self.people, rng.randint(1, 3))]
            self.topics.append(
                {
                    "title": f"{w.subject().capitalize()} in {w.crime()} cases",
                    "summary": paragraph(w, 2, 5),
                    "speakers": speakers,
                }
            )
        self.outcomes = []
        for _ in range(rng.randint(3, 9)):
            text = rng.choice(OUTCOME_TEXTS).format(
                doc=rng.choice(DOCS),
                obj=rng.choice(OBJECTS),
                org=rng.choice(ORGANISATIONS),
                subj=w.subject(),
                crime=w.crime(),
            )
            kind = rng.choice(KINDS)
            self.outcomes.append(
                {
                    "text": text + ".",
                    "kind": kind,
                    "owner": rng.choice([p["name"] for p in self.people] + list(countries)),
                    "due": (start + timedelta(days=rng.randint(7, 120))).isoformat()
                    if kind == "action"
                    else "",
                    "status": rng.choice(STATUSES),
                }
            )
        self.glossary = sorted(rng.sample(GLOSSARY, rng.randint(3, 8)))
        self.links = [
            {
                "title": f"{org} (website)",
                "url": f"https://www.example.org/{org.split()[0].lower()}",
            }
            for org in rng.sample(ORGANISATIONS, rng.randint(0, 2))
        ]
        self.publisher = rng.choice(self.organisers)
        self.published = start + timedelta(days=rng.randint(1, 30))
        self.reference = (
            f"{rng.choice(('Meeting report', 'Minutes', 'Press release'))} "
            f"{start.year}-{rng.randint(1, 999):03d}"
        )
        self.case_reference = (
            f"EJ-{start.year}-{rng.randint(1, 9999):04d}" if rng.random() < 0.3 else ""
        )


def to_yaml(e: Event) -> str:
    out = [
        "# Invented by benchmarks/generate_library.py: no real event or person is described.",
        f"title: {scalar(e.title)}",
        f"date: {e.date.isoformat()}",
    ]
    if e.end_date:
        out.append(f"end_date: {e.end_date.isoformat()}")
    out.append(f"location: {scalar(e.location)}")
    out.append("organisers:")
    out += [f"  - {scalar(o)}" for o in e.organisers]
    out.append(f"marking: {scalar(e.marking)}")
    out.append("tags:")
    out += [f"  - {scalar(t)}" for t in e.tags]
    out += folded("summary", e.summary, 0)
    out += literal(
        "overview",
        "\n".join(
            "\n".join(textwrap.wrap(p, 86)) if not p.startswith("- ") else p
            for p in e.overview.split("\n")
        ),
        0,
    )
    out.append("participants:")
    for i, p in enumerate(e.people):
        if i % 4 == 3:
            out.append(
                f"  - {scalar(', '.join([p['name'], p['role'], p['organisation'], p['country']]))}"
            )
            continue
        out.append(f"  - name: {scalar(p['name'])}")
        out.append(f"    role: {scalar(p['role'])}")
        out.append(f"    organisation: {scalar(p['organisation'])}")
        out.append(f"    country: {scalar(p['country'])}")
        if p["notes"]:
            out.append(f"    notes: {scalar(p['notes'])}")
    for group, count in e.groups:
        out.append(f"  - group: {scalar(group)}")
        if count is not None:
            out.append(f"    count: {count}")
    out.append("topics:")
    for t in e.topics:
        out.append(f"  - title: {scalar(t['title'])}")
        out += folded("summary", t["summary"], 4)
        out.append("    speakers:")
        out += [f"      - {scalar(s)}" for s in t["speakers"]]
    out.append("outcomes:")
    for o in e.outcomes:
        out += folded("- text", o["text"], 2, 6)
        for key in ("kind", "owner", "due", "status"):
            if o[key]:
                out.append(f"    {key}: {scalar(o[key])}")
    if e.links:
        out.append("links:")
        for link in e.links:
            out.append(f"  - title: {scalar(link['title'])}")
            out.append(f"    url: {link['url']}")
    out.append("glossary:")
    out += [f"  {k}: {scalar(v)}" for k, v in e.glossary]
    out += [
        "source:",
        f"  publisher: {scalar(e.publisher)}",
        f"  published: {e.published.isoformat()}",
        f"  reference: {scalar(e.reference)}",
    ]
    if e.case_reference:
        out.append(f"case_reference: {e.case_reference}")
    return "\n".join(out) + "\n"


def to_markdown(e: Event) -> str:
    front = ["---", f"title: {scalar(e.title)}", f"date: {e.date.isoformat()}"]
    if e.end_date:
        front.append(f"end_date: {e.end_date.isoformat()}")
    front += [
        f"location: {scalar(e.location)}",
        f"marking: {scalar(e.marking)}",
        "organisers:",
        *(f"  - {scalar(o)}" for o in e.organisers),
        "tags:",
        *(f"  - {scalar(t)}" for t in e.tags),
        *folded("summary", e.summary, 0),
        "glossary:",
        *(f"  {k}: {scalar(v)}" for k, v in e.glossary),
        "---",
        "",
    ]
    body = ["## Background", ""]
    for para in e.overview.split("\n\n"):
        body += ["\n".join(textwrap.wrap(para, 90)) if not para.startswith("- ") else para, ""]
    body += ["## Participants", ""]
    for p in e.people:
        body.append(f"- {p['name']}, {p['role']}, {p['organisation']}, {p['country']}")
    body += [f"- {g}" for g, _ in e.groups]
    body += ["", "## Agenda", ""]
    for t in e.topics:
        body += [
            f"### {t['title']}",
            "",
            "\n".join(textwrap.wrap(t["summary"], 90)),
            "",
            f"Speakers: {', '.join(t['speakers'])}",
            "",
        ]
    body += ["## Decisions", ""]
    for o in e.outcomes:
        box = "[x] " if o["status"] == "done" else "[ ] "
        extra = f" (owner: {o['owner']}, due: {o['due']})" if o["due"] else ""
        body.append(f"- {box}{o['kind'].capitalize()}: {o['text']}{extra}")
    body += ["", "## Logistics", "", f"Held in {e.location}. {e.reference}.", ""]
    return "\n".join(front + body)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50].rstrip("-")


# Acronyms the generated text can use, so that every briefing defines the ones it uses
# (`briefing check` warns about undefined acronyms, and a real library would define them).
ACRONYMS = dict(GLOSSARY) | {
    "CEO": "Chief executive officer",
    "SIM": "Subscriber identity module",
    "OLAF": "European Anti-Fraud Office",
    "ENISA": "European Union Agency for Cybersecurity",
    "UNODC": "United Nations Office on Drugs and Crime",
    "INTERPOL": "International Criminal Police Organization",
    "GLACY+": "Global Action on Cybercrime Extended",
}
_ACRONYM_RES = {a: re.compile(rf"(?<![\w+-]){re.escape(a)}(?![\w+])") for a in ACRONYMS}


def used_acronyms(text: str) -> set[str]:
    return {a for a, pattern in _ACRONYM_RES.items() if pattern.search(text)}


def briefing_text(e: Event, markdown: bool) -> str:
    """The file's text, its glossary completed with every known acronym the text uses."""
    text = to_markdown(e) if markdown else to_yaml(e)
    missing = used_acronyms(text) - {a for a, _ in e.glossary}
    if missing:
        e.glossary = sorted({*e.glossary, *((a, ACRONYMS[a]) for a in missing)})
        text = to_markdown(e) if markdown else to_yaml(e)
    return text


def write_library(out: Path, count: int, seed: int) -> int:
    total = 0
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)
        e = Event(rng)
        markdown = rng.random() < 0.1
        text = briefing_text(e, markdown)
        folder = out / str(e.date.year)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{e.date.isoformat()}-{slug(e.title)}-{i:05d}.{'md' if markdown else 'yaml'}"
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def large_markdown(seed: int) -> str:
    """One very long briefing: a big conference with tables of people, lists and annexes."""
    rng = random.Random(seed * 7919 + 1)
    e = Event(rng)
    w = Words(rng, list(CRIMES), list(SUBJECTS))
    lines = [
        "---",
        'title: "Annual conference on international cooperation against cybercrime '
        '(long programme)"',
        f"date: {e.date.isoformat()}",
        f"end_date: {(e.date + timedelta(days=4)).isoformat()}",
        "location: Strasbourg, France",
        "marking: TLP:GREEN",
        "tags: [cybercrime, electronic evidence, conference, capacity building]",
        "---",
        "",
        "## Overview",
        "",
    ]
    for _ in range(12):
        lines += ["\n".join(textwrap.wrap(paragraph(w, 4, 7), 90)), ""]
    lines += [
        "## Participants",
        "",
        "| Name | Role | Organisation | Country |",
        "| --- | --- | --- | --- |",
    ]
    for _ in range(600):
        lines.append(
            f"| {name(rng)} | {rng.choice(ROLES)} | {rng.choice(ORGANISATIONS)} | "
            f"{rng.choice(COUNTRIES)} |"
        )
    lines += ["", "## Agenda", ""]
    for n in range(80):
        lines += [f"### Session {n + 1}: {rng.choice(SUBJECTS).capitalize()}", ""]
        lines += ["\n".join(textwrap.wrap(paragraph(w, 5, 9), 90)), ""]
        lines += [f"- {rng.choice(CLAIMS).capitalize()}." for _ in range(rng.randint(2, 5))]
        lines += ["", f"Speakers: {name(rng)}, {name(rng)}", ""]
    lines += ["## Outcomes", ""]
    for _ in range(200):
        kind = rng.choice(KINDS).capitalize()
        text = rng.choice(OUTCOME_TEXTS).format(
            doc=rng.choice(DOCS),
            obj=rng.choice(OBJECTS),
            org=rng.choice(ORGANISATIONS),
            subj=rng.choice(SUBJECTS),
            crime=rng.choice(CRIMES),
        )
        lines.append(f"- [{rng.choice(' x')}] {kind}: {text}.")
    lines += [
        "",
        "## Annex: national replies",
        "",
        "| Country | Requests sent | Answered | Notes |",
        "| --- | ---: | ---: | --- |",
    ]
    for c in COUNTRIES * 5:
        lines.append(
            f"| {c} | {rng.randint(0, 900)} | {rng.randint(0, 900)} | "
            f"{rng.choice(CLAIMS).capitalize()} |"
        )
    lines.append("")
    text = "\n".join(lines)
    while len(text.encode("utf-8")) < 350_000:
        text += "\n".join(textwrap.wrap(paragraph(w, 5, 8), 90)) + "\n\n"
    glossary = "".join(f"  {a}: {scalar(ACRONYMS[a])}\n" for a in sorted(used_acronyms(text)))
    return text.replace("\n---\n", f"\nglossary:\n{glossary}---\n", 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--count", type=int, default=10_000, help="briefings (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--large",
        action="store_true",
        help="also write large-briefing.md, one ~350 KB Markdown briefing",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    total = write_library(args.out, args.count, args.seed)
    print(f"wrote {args.count} briefings, {total / 1e6:.1f} MB, to {args.out}")
    if args.large:
        data = large_markdown(args.seed).encode("utf-8")
        (args.out / "large-briefing.md").write_bytes(data)
        print(f"wrote large-briefing.md, {len(data) / 1e3:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
