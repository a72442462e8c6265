"""`renewals due`: expired and due contracts, soonest first; exit 1 when there are any."""

from __future__ import annotations

import argparse
import csv
import json

from tui.commands.context import CliContext
from tui.commands.text_table import render_table
from tui.domain.contract import CONTRACT_COLUMNS
from tui.domain.status import DEFAULT_NOTICE_DAYS, days_left, needs_attention, status_of
from tui.formatting import format_count, format_date, format_money
from tui.i18n import _, ngettext
from tui.store.transfer.contract_csv import contract_to_json


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("due", parents=[common], help=_("list expired and due contracts"))
    parser.add_argument("--within", type=int, default=None, metavar="DAYS",
                        help=_("days ahead that count as due (default: the notice window setting, {days})").format(
                            days=DEFAULT_NOTICE_DAYS))
    parser.add_argument("--format", choices=("text", "csv", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.within is None:
        args.within = ctx.settings().notice_days
    if args.within < 0:
        ctx.err(_("renewals: --within must be 0 or more"))
        return 2
    contracts = needs_attention(ctx.repositories().contracts.all(), ctx.today, args.within)
    if args.format == "json":
        items = []
        for c in contracts:
            item = contract_to_json(c)
            item.update(days_left=days_left(c, ctx.today), status=status_of(c, ctx.today, args.within).value)
            items.append(item)
        json.dump(items, ctx.stdout, ensure_ascii=False, indent=2)
        ctx.out()
    elif args.format == "csv":
        writer = csv.writer(ctx.stdout, lineterminator="\n")
        writer.writerow(CONTRACT_COLUMNS + ("days_left", "status"))
        for c in contracts:
            writer.writerow([c.field_text(col) for col in CONTRACT_COLUMNS]
                            + [days_left(c, ctx.today), status_of(c, ctx.today, args.within).value])
    elif contracts:
        names = ctx.repositories().partners.names()
        headers = [_("id"), _("product"), _("licences"), _("end"), _("days left"), _("status"), _("annual cost"),
                   _("partner")]
        rows = [[c.id, c.product, format_count(c.quantity), format_date(c.end), str(days_left(c, ctx.today)),
                 status_of(c, ctx.today, args.within).label.upper(), format_money(c.annual_cost, c.currency),
                 names.get(c.partner, c.partner)] for c in contracts]
        ctx.out(render_table(headers, rows, right=frozenset({2, 4, 6})))
    else:
        ctx.out(ngettext("Nothing expired or due within {days} day.", "Nothing expired or due within {days} days.",
                         args.within).format(days=args.within))
    return 1 if contracts else 0
