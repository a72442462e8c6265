"""`renewals coterm --to DATE ID...`: the step-1 quote table, printed and never saved.

Argument mistakes exit 1 with a sentence saying what to type (not argparse's
usual 2): the arguments are taken loosely and checked here, so a date typed
where an id belongs, or an id after `--to`, is named as such.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal

from tui.commands.context import CliContext, CommandFailed
from tui.commands.text_table import render_table
from tui.domain.coterm import CotermError, Quote, build_quote, check_coterm_date, method_note
from tui.domain.parsing import ParseError, parse_date, parse_percent
from tui.domain.text import clip
from tui.formatting import format_count, format_date, format_money, format_percent
from tui.i18n import _

FORMATS = ("text", "json")


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "coterm", parents=[common], help=_("price co-terming contracts to one end date (saves nothing)"),
        description=_("Price renewing the contracts ID... so that they all end on --to: "
                      "whole years by anniversary, the rest by day (/365); lapsed contracts "
                      "pay a reinstatement fee. Nothing is saved."))
    parser.add_argument("ids", nargs="*", metavar="ID", help=_("contract ids"))
    parser.add_argument("--to", metavar="YYYY-MM-DD", help=_("the common end date T"))
    parser.add_argument("--uplift", metavar="PCT", default="0", help=_("price uplift in %% (default 0)"))
    parser.add_argument("--fee-rate", metavar="PCT", default=None,
                        help=_("reinstatement fee in %% of the lapsed part (default: the setting, 25)"))
    parser.add_argument("--format", default="text", metavar="text|json", help=_("output format (default text)"))
    parser.set_defaults(run=run)

    def usage_error(message: str) -> None:  # argparse's own mistakes (a missing value) exit 1 too
        parser.print_usage(sys.stderr)
        parser.exit(1, _("renewals coterm: {problem}").format(problem=message) + "\n")

    parser.error = usage_error  # type: ignore[method-assign]


def _fail(message: str) -> CommandFailed:
    return CommandFailed(_("renewals coterm: {problem}").format(problem=message), status=1)


def _percent(text: str, option: str) -> Decimal:
    value = text.strip()
    negative = value.startswith("-")
    try:
        rate = parse_percent(value[1:] if negative else value)
    except ParseError as error:
        raise _fail(f"{option}: {error}") from None
    return -rate if negative else rate


def parse_arguments(args: argparse.Namespace, fee_default: Decimal):
    if args.format not in FORMATS:
        raise _fail(_("--format must be text or json, not '{value}'").format(value=clip(args.format)))
    dates_given = [i for i in args.ids if _is_date(i)]
    if args.to is None:
        hint = _(" (did you mean --to {date}?)").format(date=dates_given[0]) if dates_given else ""
        raise _fail(_("--to YYYY-MM-DD is required") + hint)
    try:
        to = parse_date(args.to)
    except ParseError as error:
        raise _fail(_("--to: {problem}").format(problem=error)) from None
    if dates_given:
        raise _fail(_("'{value}' is a date, not a contract id; give one date with --to").format(
            value=dates_given[0]))
    if not args.ids:
        raise _fail(_("name at least one contract id"))
    uplift = _percent(args.uplift, "--uplift")
    fee_rate = fee_default if args.fee_rate is None else _percent(args.fee_rate, "--fee-rate")
    return to, uplift, fee_rate


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except ParseError:
        return False
    return True


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    to, uplift, fee_rate = parse_arguments(args, ctx.settings().fee_rate)
    repository = ctx.repositories().contracts
    unknown = [i for i in dict.fromkeys(args.ids) if repository.get(i) is None]
    if unknown:
        raise _fail(_("unknown contract id: {ids}").format(ids=", ".join(unknown)))
    contracts = [repository.get(i) for i in dict.fromkeys(args.ids)]
    try:
        check_coterm_date(to, ctx.today)
        quote = build_quote(contracts, to, ctx.today, uplift=uplift, fee_rate=fee_rate)
    except CotermError as error:
        raise _fail(str(error)) from None
    if args.format == "json":
        json.dump(quote_to_json(quote), ctx.stdout, ensure_ascii=False, indent=2)
        ctx.out()
    else:
        print_quote(ctx, quote, uplift, fee_rate)
    return 0


def quote_to_json(quote: Quote) -> dict:
    return {
        "to": quote.to.isoformat(),
        "lines": [{"id": line.contract_id, "product": line.product, "quantity": line.quantity,
                   "end": line.end.isoformat(), "years": line.years, "days": line.days,
                   "amount": f"{line.amount:.2f}", "reinstatement_fee": f"{line.reinstatement_fee:.2f}",
                   "currency": line.currency} for line in quote.lines],
        "totals": {currency: f"{total:.2f}" for currency, total in quote.totals.items()},
    }


def print_quote(ctx: CliContext, quote: Quote, uplift: Decimal, fee_rate: Decimal) -> None:
    ctx.out(_("Co-term to {to} · uplift {uplift} · reinstatement fee {fee} · today {today}").format(
        to=format_date(quote.to), uplift=format_percent(uplift), fee=format_percent(fee_rate),
        today=format_date(ctx.today)))
    ctx.out(method_note())
    ctx.out()
    headers = [_("id"), _("product"), _("licences"), _("end"), _("years"), _("days"), _("amount"),
               _("reinstatement fee")]
    rows = [[line.contract_id, line.product, format_count(line.quantity), format_date(line.end), str(line.years),
             str(line.days), format_money(line.amount, line.currency),
             format_money(line.reinstatement_fee, line.currency) if line.reinstatement_fee else "—"]
            for line in quote.lines]
    ctx.out(render_table(headers, rows, right=frozenset({2, 4, 5, 6, 7})))
    ctx.out()
    for currency, total in quote.totals.items():
        ctx.out(_("Total {currency}: {amount}").format(currency=currency, amount=format_money(total, currency)))
