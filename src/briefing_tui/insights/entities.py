"""Who appears across the library: every person, organisation and country, and where.

The index is built in one pass over the briefings and keeps, per entity, only compact
references (briefing index, item index, how it appeared).  The full :class:`Mention`
records — with the briefing, the role held and the participant row to highlight — are made
only for the entity a reader selects, so building the index for 10,000 briefings stays far
below a second and costs little memory.

What counts as what:

* a **person** is a named participant (groups are descriptions, not people);
* an **organisation** is a participant's organisation, a body listed as a participant (its
  name is its organisation, as the reader does for agency tables), or an organiser;
* a **country** is a participant's country, or the country that ends the location
  ("The Hague, Netherlands"), unified through the ISO 3166 table, so NO = NOR = Norway.
  A country nobody could resolve is still indexed, under the text written.

A "person" whose name turns out to be an organisation or a country already in the index
(an agency written in the name column) is counted as that organisation or country instead.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from briefing_tui.insights.countries import country_code, country_name
from briefing_tui.insights.names import fold, organisation_key, person_key
from briefing_tui.model import Briefing, Participant
from briefing_tui.pacing import paced


class EntityKind(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"

    def __str__(self) -> str:
        return self.value


class Via(enum.StrEnum):
    """Where in a briefing an entity was found; says which list `Mention.index` points into."""

    PARTICIPANT = "participant"  # index into briefing.participants
    ORGANISER = "organiser"  # index into briefing.organisers
    LOCATION = "location"  # no index: the briefing's location

    def __str__(self) -> str:
        return self.value


_PARTICIPANT, _ORGANISER, _LOCATION = 0, 1, 2
_KIND_ORDER = {EntityKind.PERSON: 0, EntityKind.ORGANISATION: 1, EntityKind.COUNTRY: 2}

# All an entity keeps until it is selected: one int per appearance, packing the briefing's
# index, the item's index (+1, so the location's "no item" is 0) and how it appeared.  Ints
# sort in library order and cost a third of the memory of tuples.
Ref = int
_VIA_BITS = 2
_ITEM_BITS = 24


def _ref(briefing: int, item: int, via: int) -> Ref:
    return (((briefing << _ITEM_BITS) | (item + 1)) << _VIA_BITS) | via


def _unref(ref: Ref) -> tuple[int, int, int]:
    via = ref & ((1 << _VIA_BITS) - 1)
    rest = ref >> _VIA_BITS
    return rest >> _ITEM_BITS, (rest & ((1 << _ITEM_BITS) - 1)) - 1, via


@dataclass(frozen=True, slots=True)
class Mention:
    """One appearance of an entity in one briefing, with what it was there."""

    briefing: Briefing = field(repr=False)
    via: Via
    index: int | None  # the participant row (or organiser) to highlight; None for location
    name: str  # how the entity was written in this briefing
    role: str  # the role held: the participant's role, "organiser" or "venue"
    person: str = ""  # for organisation and country mentions: the participant named
    organisation: str = ""
    country: str = ""
    line: int | None = None
    briefing_index: int = -1  # position of `briefing` in the sequence the index was built from

    @property
    def participant(self) -> int | None:
        """Index into `briefing.participants`, or None when not found among participants."""
        return self.index if self.via is Via.PARTICIPANT else None


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or country, and how many briefings it appears in."""

    kind: EntityKind
    key: str  # the matching key (alpha-2 code for a known country)
    name: str  # the spelling shown: the most used one (a country's English name)
    briefing_count: int
    mention_count: int
    spellings: tuple[str, ...]  # every way it was written, most used first
    code: str = ""  # alpha-2 code, for countries found in the ISO table
    refs: tuple[Ref, ...] = field(default=(), repr=False, compare=False)  # unordered

    def sort_key(self) -> tuple[int, str, int]:
        """Most briefings first, then by name: the order of the index."""
        return (-self.briefing_count, self.name.casefold(), _KIND_ORDER[self.kind])


class _Group:
    """Everything gathered for one key while building: spellings with counts, references."""

    __slots__ = ("refs", "spellings")

    def __init__(self) -> None:
        self.refs: list[Ref] = []
        self.spellings: dict[str, int] = {}

    def take(self, other: _Group) -> None:
        self.refs.extend(other.refs)
        for spelling, n in other.spellings.items():
            self.spellings[spelling] = self.spellings.get(spelling, 0) + n


class EntityIndex:
    """Entities across `briefings`, sorted most-appearing first, with lookups for a UI."""

    def __init__(self, briefings: Sequence[Briefing], entities: Sequence[Entity]) -> None:
        self.briefings = tuple(briefings)
        self.entities = tuple(sorted(entities, key=Entity.sort_key))
        self._by_kind = {
            kind: tuple(e for e in self.entities if e.kind is kind) for kind in EntityKind
        }
        # One table per kind, keyed by the key strings the entities hold: keyed by
        # (kind, key) pairs, 200,000 people cost another 20 MB of tuples.
        self._by_key = {kind: {e.key: e for e in self._by_kind[kind]} for kind in EntityKind}
        self._haystacks: dict[EntityKind | None, list[tuple[str, Entity]]] = {}

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def of_kind(self, kind: EntityKind | str | None) -> tuple[Entity, ...]:
        """The entities of one kind (all of them for None), in index order."""
        if kind is None:
            return self.entities
        return self._by_kind[EntityKind(kind)]

    def get(self, kind: EntityKind | str, key: str) -> Entity | None:
        """By exact key, as kept in `Entity.key` (for a UI restoring a selection)."""
        return self._by_key[EntityKind(kind)].get(key)

    def find(self, text: str, kind: EntityKind | str | None = None) -> Entity | None:
        """The entity `text` names, matched as forgivingly as the index was built.

        "Seger, Alexander" finds Alexander Seger; "NOR" and "norway" find Norway.  With no
        kind, people are tried first, then organisations, then countries.
        """
        kinds = [EntityKind(kind)] if kind is not None else list(EntityKind)
        for k in kinds:
            found = self._by_key[k].get(entity_key(k, text))
            if found is not None:
                return found
        return None

    def search(self, text: str, kind: EntityKind | str | None = None) -> list[Entity]:
        """Entities any spelling of which contains `text` (folded), in index order."""
        needle = fold(text)
        if not needle:
            return list(self.of_kind(kind))
        key = EntityKind(kind) if kind is not None else None
        haystacks = self._haystacks.get(key)
        if haystacks is None:  # made on the first search: many readers never search
            haystacks = self._haystacks[key] = [
                ("\n".join({fold(s) for s in (e.name, e.code, *e.spellings) if s}), e)
                for e in self.of_kind(kind)
            ]
        return [e for haystack, e in haystacks if needle in haystack]

    def mentions(self, entity: Entity) -> tuple[Mention, ...]:
        """Where `entity` appears, in the order of the briefings given to the index."""
        return tuple(self.iter_mentions(entity))

    def iter_mentions(self, entity: Entity) -> Iterator[Mention]:
        """The same, made one at a time: a list can show the first screenful of an entity
        met 30,000 times without building every record."""
        for ref in sorted(entity.refs):
            yield self._mention(ref, entity)

    def briefings_of(self, entity: Entity) -> tuple[Briefing, ...]:
        """The distinct briefings `entity` appears in, in index order."""
        shift = _ITEM_BITS + _VIA_BITS
        return tuple(self.briefings[bi] for bi in sorted({ref >> shift for ref in entity.refs}))

    def _mention(self, ref: Ref, entity: Entity) -> Mention:
        bi, index, via = _unref(ref)
        b = self.briefings[bi]
        if via == _PARTICIPANT:
            p = b.participants[index]
            assert isinstance(p, Participant)
            if entity.kind is EntityKind.PERSON:
                written = p.name
            elif entity.kind is EntityKind.ORGANISATION:
                matches = p.organisation and organisation_key(p.organisation) == entity.key
                written = p.organisation if matches else p.name
            else:
                matches = p.country and entity_key(EntityKind.COUNTRY, p.country) == entity.key
                written = p.country if matches else p.name
            return Mention(
                b,
                Via.PARTICIPANT,
                index,
                written,
                p.role,
                person="" if _is_body(p) else p.name,
                organisation=p.organisation,
                country=p.country,
                line=p.line,
                briefing_index=bi,
            )
        if via == _ORGANISER:
            organiser = b.organisers[index]
            return Mention(
                b,
                Via.ORGANISER,
                index,
                organiser,
                "organiser",
                organisation=organiser,
                briefing_index=bi,
            )
        place = location_country(b.location) or ""
        return Mention(b, Via.LOCATION, None, place, "venue", country=place, briefing_index=bi)


def entity_key(kind: EntityKind | str, text: str) -> str:
    """The key an entity of `kind` named `text` is filed under."""
    kind = EntityKind(kind)
    if kind is EntityKind.PERSON:
        return person_key(text)
    if kind is EntityKind.ORGANISATION:
        return organisation_key(text)
    return _country_key(text)


def location_country(location: str) -> str | None:
    """The country that ends a location ("Eurojust, The Hague, Netherlands"), as written.

    Only the last comma-separated part is tried, and a code only when written in capitals
    ("Brussels, BE"), so "Video conference" or "Strasbourg" name no country.
    """
    last = location.rsplit(",", 1)[-1].strip()
    if not last or len(last) > 60:
        return None
    if len(last) <= 3 and not last.isupper():
        return None
    return last if country_code(last) else None


def _is_body(p: Participant) -> bool:
    """A row that names a body rather than a person (the reader copies the organisation)."""
    return bool(p.organisation) and organisation_key(p.name) == organisation_key(p.organisation)


def build_entity_index(
    briefings: Sequence[Briefing], pause: Callable[[], None] | None = None
) -> EntityIndex:
    """Index every person, organisation and country in `briefings` (one pass, no I/O).

    The pass only files references under the text as written; keys are computed once per
    distinct spelling afterwards, which is what keeps 10,000 briefings fast.  `pause` is
    called every few ms of work: the reader builds the index in a thread beside the
    screen, and a briefing of 200,000 participants took 3 to 5 s in one go.
    """
    people: defaultdict[str, list[Ref]] = defaultdict(list)
    organisations: defaultdict[str, list[Ref]] = defaultdict(list)
    countries: defaultdict[str, list[Ref]] = defaultdict(list)
    shift = _ITEM_BITS + _VIA_BITS

    for bi, b in enumerate(briefings):
        base = bi << shift
        for pi, p in enumerate(paced(b.participants, pause)):
            if not isinstance(p, Participant):
                continue
            ref = base | ((pi + 1) << _VIA_BITS)
            name = p.name
            org = p.organisation
            if org:
                organisations[org].append(ref)
            if name and name != org:
                people[name].append(ref)
            if p.country:
                countries[p.country].append(ref)
        for oi, organiser in enumerate(b.organisers):
            organisations[organiser].append(_ref(bi, oi, _ORGANISER))
        if b.location:
            place = location_country(b.location)
            if place:
                countries[place].append(_ref(bi, -1, _LOCATION))

    person_groups = _group(people, person_key, pause)
    org_groups = _group(organisations, organisation_key, pause)
    country_groups = _group(countries, _country_key, pause)
    # Each stage lets go of the one before as it goes: for 200,000 people the tables, the
    # groups and the entities held at once made the build's peak twice the index's size.
    del people, organisations, countries
    _reassign(person_groups, org_groups, country_groups, pause)
    entities: list[Entity] = []
    for kind, groups in (
        (EntityKind.PERSON, person_groups),
        (EntityKind.ORGANISATION, org_groups),
        (EntityKind.COUNTRY, country_groups),
    ):
        for key in paced(list(groups), pause):
            entities.append(_entity(kind, key, groups.pop(key)))
    return EntityIndex(briefings, entities)


def _country_key(text: str) -> str:
    return country_code(text) or "?" + fold(text)


def _group(
    table: dict[str, list[Ref]],
    key_of: Callable[[str], str],
    pause: Callable[[], None] | None = None,
) -> dict[str, _Group]:
    """Spellings gathered under their key; spellings whose key is empty are dropped."""
    groups: dict[str, _Group] = {}
    for written, refs in paced(table.items(), pause):
        spelling = written.strip()
        key = key_of(spelling) if spelling else ""
        if not key:
            continue
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group()
            group.refs = refs  # the table is not read again: no copy
        else:
            group.refs.extend(refs)
        group.spellings[spelling] = group.spellings.get(spelling, 0) + len(refs)
    return groups


def _reassign(
    people: dict[str, _Group],
    organisations: dict[str, _Group],
    countries: dict[str, _Group],
    pause: Callable[[], None] | None = None,
) -> None:
    """A "person" named like a known organisation, or a country, is filed under that.

    A row can then be filed twice under one organisation (its name and its organisation
    field both name it); such duplicate references are dropped.
    """
    for key in paced(list(people), pause):
        group = people[key]
        if key in organisations:
            target = organisations[key]
        else:
            codes = {country_code(s) for s in group.spellings}
            code = codes.pop() if len(codes) == 1 else None
            if code is None:
                continue
            target = countries.setdefault(code, _Group())
        del people[key]
        target.take(group)
        target.refs = list(dict.fromkeys(target.refs))


def _entity(kind: EntityKind, key: str, group: _Group) -> Entity:
    counts = group.spellings
    order = {s: i for i, s in enumerate(counts)}
    spellings = sorted(counts, key=lambda s: (-counts[s], s.isascii(), "," in s, order[s]))
    code = key if kind is EntityKind.COUNTRY and not key.startswith("?") else ""
    name = country_name(code) if code else spellings[0]
    return Entity(
        kind=kind,
        key=key,
        name=name,
        briefing_count=len({ref >> (_ITEM_BITS + _VIA_BITS) for ref in group.refs}),
        mention_count=len(group.refs),
        spellings=tuple(spellings),
        code=code,
        refs=tuple(group.refs),
    )
