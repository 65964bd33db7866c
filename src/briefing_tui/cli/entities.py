"""`briefing entities`: every person, organisation and country in the library, and where."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from briefing_tui.cli.answers import answered
from briefing_tui.cli.library_option import (
    add_common_options,
    iso,
    load,
    write_json,
    write_rows,
)
from briefing_tui.insights.entities import (
    Entity,
    EntityIndex,
    EntityKind,
    Mention,
    Via,
    build_entity_index,
)
from briefing_tui.insights.names import one_line
from briefing_tui.library import LoadJob


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "entities",
        help="list people, organisations and countries across the library",
        description="One tab-separated line per entity: kind, name, number of briefings "
        "(most first). With NAME, the briefings that entity appears in, each with the role "
        "held. Names match forgivingly: case, accents and spacing are ignored, 'Seger, "
        "Alexander' is Alexander Seger, and NO, NOR and Norway are one country. Exit 0 with "
        "results, 1 with none, 2 on usage errors.",
    )
    parser.add_argument(
        "name", nargs="?", metavar="NAME", help="show where this person, body or country appears"
    )
    parser.add_argument(
        "--kind", choices=[k.value for k in EntityKind], help="only entities of this kind"
    )
    parser.add_argument(
        "--match", metavar="TEXT", help="only entities whose name contains TEXT (any spelling)"
    )
    add_common_options(parser)
    parser.set_defaults(func=run)


def entity_dict(e: Entity) -> dict[str, Any]:
    return {
        "kind": e.kind.value,
        "name": e.name,
        "key": e.key,
        "code": e.code or None,
        "briefings": e.briefing_count,
        "mentions": e.mention_count,
        "spellings": list(e.spellings),
    }


def run(args: argparse.Namespace) -> int:
    def answer(job: LoadJob) -> int:
        library = load(args, job)
        index = build_entity_index(library.briefings)
        if args.name:
            return _show(index, args)
        entities = index.search(args.match, args.kind) if args.match else index.of_kind(args.kind)
        if args.json:
            write_json({"entities": [entity_dict(e) for e in entities]})
        else:
            write_rows([(e.kind.value, e.name, str(e.briefing_count)) for e in entities])
        return 0 if entities else 1

    return answered(args, "entities", answer)


def _show(index: EntityIndex, args: argparse.Namespace) -> int:
    entity = index.find(args.name, args.kind)
    if entity is None:
        what = args.kind or "person, organisation or country"
        sys.stderr.write(f"briefing entities: no {what} is called {one_line(args.name)!r}\n")
        close = index.search(args.name, args.kind)[:5]
        if close:
            sys.stderr.write("did you mean:\n")
            for e in close:
                sys.stderr.write(f"  {e.kind.value}: {one_line(e.name)}\n")
        if args.json:
            write_json({"entity": None, "mentions": []})
        return 1
    mentions = index.mentions(entity)
    if args.json:
        write_json(
            {
                "entity": entity_dict(entity),
                "mentions": [
                    {
                        "path": m.briefing.path,
                        "title": m.briefing.title,
                        "date": iso(m.briefing.date),
                        "via": m.via.value,
                        "index": m.index,
                        "participant": m.participant,
                        "line": m.line,
                        "name": m.name,
                        "role": m.role,
                        "person": m.person,
                        "organisation": m.organisation,
                        "country": m.country,
                    }
                    for m in mentions
                ],
            }
        )
        return 0
    write_rows([(entity.kind.value, entity.name, str(entity.briefing_count))])
    write_rows(
        [
            (
                m.briefing.date.isoformat() if m.briefing.date else "undated",
                _role(m, entity),
                m.briefing.title,
                f"{m.briefing.path}:{m.line}" if m.line else m.briefing.path,
            )
            for m in mentions
        ],
        indent="  ",
    )
    return 0


def _role(m: Mention, entity: Entity) -> str:
    """What the entity was in that briefing: a person's role; for a body or country, also
    who held the role (or the body itself, when it was listed as a participant)."""
    if entity.kind is EntityKind.PERSON or m.via is not Via.PARTICIPANT:
        return m.role
    who = m.person or (m.organisation if entity.kind is EntityKind.COUNTRY else "")
    if not who:
        return m.role or "participant"
    return f"{who}, {m.role}" if m.role else who
