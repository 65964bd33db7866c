"""`briefing outcomes`: every finding, decision, action and recommendation in the library."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from briefing_tui.cli.answers import answered
from briefing_tui.cli.library_option import (
    add_common_options,
    day_arg,
    iso,
    load,
    period_arg,
    write_json,
    write_rows,
)
from briefing_tui.insights.outcomes import (
    OutcomeFilter,
    by_due_date,
    collect_outcomes,
    due_range,
    filter_outcomes,
)
from briefing_tui.library import LoadJob
from briefing_tui.model import OUTCOME_KINDS, OUTCOME_STATUSES

NONE = "none"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "outcomes",
        help="list outcomes across the library, with overdue ones marked",
        description="One tab-separated line per outcome: due date, status, OVERDUE mark, "
        "kind, owner, text, briefing title, path:line. An outcome is overdue when its status "
        "is open and its due date is before today. Filters combine; repeat --kind or "
        "--status to allow several values ('none' matches outcomes without one). Exit 0 "
        "with results, 1 with none, 2 on usage errors.",
    )
    parser.add_argument(
        "--status",
        action="append",
        choices=[*OUTCOME_STATUSES, NONE],
        help="only this status (repeatable)",
    )
    parser.add_argument(
        "--kind", action="append", choices=[*OUTCOME_KINDS, NONE], help="only this kind"
    )
    parser.add_argument(
        "--owner", metavar="TEXT", help="only outcomes whose owner matches TEXT (forgiving)"
    )
    parser.add_argument(
        "--due-before",
        type=period_arg,
        metavar="DATE",
        help="due before YYYY, YYYY-MM or YYYY-MM-DD (the period itself excluded)",
    )
    parser.add_argument(
        "--due-after",
        type=period_arg,
        metavar="DATE",
        help="due after YYYY, YYYY-MM or YYYY-MM-DD (the period itself excluded)",
    )
    parser.add_argument("--overdue", action="store_true", help="only overdue outcomes")
    parser.add_argument(
        "--today",
        type=day_arg,
        metavar="YYYY-MM-DD",
        help="the day overdue is judged on (default: today)",
    )
    parser.add_argument(
        "--sort",
        choices=("library", "due"),
        default="library",
        help="library order (newest briefing first), or overdue then soonest due",
    )
    add_common_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    due = due_range(args.due_before, args.due_after)
    if due.start and due.end and due.start > due.end:
        sys.stderr.write("briefing outcomes: --due-after is not before --due-before\n")
        return 2
    flt = OutcomeFilter(
        kinds=tuple(args.kind or ()),
        statuses=tuple(args.status or ()),
        owner=args.owner or "",
        due=due,
        overdue_only=args.overdue,
    )

    def answer(job: LoadJob) -> int:
        library = load(args, job)
        rows = filter_outcomes(collect_outcomes(library.briefings, today), flt)
        if args.sort == "due":
            rows = by_due_date(rows)
        if args.json:
            write_json(
                {
                    "today": today.isoformat(),
                    "outcomes": [
                        {
                            "path": r.path,
                            "title": r.title,
                            "briefing_date": iso(r.briefing.date),
                            "index": r.index,
                            "line": r.outcome.line,
                            "text": r.outcome.text,
                            "kind": r.outcome.kind,
                            "owner": r.outcome.owner,
                            "due": iso(r.outcome.due),
                            "status": r.outcome.status,
                            "overdue": r.overdue,
                        }
                        for r in rows
                    ],
                }
            )
        else:
            write_rows(
                [
                    (
                        iso(r.outcome.due) or "",
                        r.outcome.status,
                        "OVERDUE" if r.overdue else "",
                        r.outcome.kind,
                        r.outcome.owner,
                        r.outcome.text,
                        r.title,
                        f"{r.path}:{r.outcome.line}" if r.outcome.line else r.path,
                    )
                    for r in rows
                ]
            )
        return 0 if rows else 1

    return answered(args, "outcomes", answer)
