"""`briefing timeline`: the library by year and month, optionally within a date range."""

from __future__ import annotations

import argparse
import sys

from briefing_tui.cli.answers import answered
from briefing_tui.cli.library_option import (
    add_common_options,
    iso,
    load,
    period_arg,
    write_json,
    write_rows,
)
from briefing_tui.insights.dates import DateRange
from briefing_tui.insights.timeline import timeline
from briefing_tui.library import LoadJob
from briefing_tui.render.common import plural


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "timeline",
        help="list briefings grouped by year and month",
        description="Briefings grouped by the month they start in, newest first, undated "
        "last. Each group is a line 'YYYY-MM (N briefings)' followed by one indented, "
        "tab-separated line per briefing: dates, marking, title, path. --from and --to take "
        "YYYY, YYYY-MM or YYYY-MM-DD and are inclusive (--to 2019 runs to 31 December); an "
        "event is kept when any of its days falls in the range, and undated briefings are "
        "left out when a bound is given. Exit 0 with results, 1 with none, 2 on usage errors.",
    )
    parser.add_argument(
        "--from", dest="start", type=period_arg, metavar="DATE", help="first period to include"
    )
    parser.add_argument(
        "--to", dest="end", type=period_arg, metavar="DATE", help="last period to include"
    )
    add_common_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    dates = DateRange.parse(args.start, args.end)
    if dates.start and dates.end and dates.start > dates.end:
        sys.stderr.write("briefing timeline: --from is after --to\n")
        return 2

    def answer(job: LoadJob) -> int:
        library = load(args, job)
        groups = timeline(library.briefings, dates)
        if args.json:
            write_json(
                {
                    "from": iso(dates.start),
                    "to": iso(dates.end),
                    "groups": [
                        {
                            "label": g.label,
                            "year": g.year,
                            "month": g.month,
                            "briefings": [
                                {
                                    "path": b.path,
                                    "title": b.title,
                                    "date": iso(b.date),
                                    "end_date": iso(b.end_date),
                                    "marking": b.marking,
                                }
                                for b in g.briefings
                            ],
                        }
                        for g in groups
                    ],
                }
            )
        else:
            for g in groups:
                sys.stdout.write(f"{g.label} ({plural(len(g.briefings), 'briefing')})\n")
                write_rows(
                    [
                        (b.date_range() or "undated", b.marking, b.title, b.path)
                        for b in g.briefings
                    ],
                    indent="  ",
                )
        return 0 if groups else 1

    return answered(args, "timeline", answer)
