"""`renewals calendar`: an .ics file with every contract's end date and reminder alarms."""

from __future__ import annotations

import argparse

from tui.commands.context import CliContext
from tui.domain.parsing import ParseError, parse_whole
from tui.i18n import _


def alarm_list(text: str) -> list[int]:
    try:
        days = [parse_whole(part, minimum=0, maximum=3650) for part in text.split(",") if part.strip()]
    except ParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return sorted(set(days), reverse=True)


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("calendar", parents=[common],
                                   help=_("write an iCalendar (.ics) file of contract end dates to standard output"))
    parser.add_argument("--alarm", type=alarm_list, default=None, metavar="DAYS,…",
                        help=_("reminders this many days before each end date (default 90,60,30)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.store.transfer.calendar_export import DEFAULT_ALARM_DAYS, contracts_calendar  # icalendar: only here

    alarms = list(DEFAULT_ALARM_DAYS) if args.alarm is None else args.alarm
    ics = contracts_calendar(ctx.repositories().contracts.all(), ctx.today, alarms)
    ctx.stdout.write(ics.decode("utf-8"))
    return 0
