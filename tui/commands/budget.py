"""`renewals budget`: what renewals will cost in a period (or, with --spend, what they cost), per currency
and converted into one.

Argument mistakes exit 1 with a sentence (not argparse's usual 2), as `renewals coterm` does.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

from tui.commands.context import CliContext, CommandFailed
from tui.domain.text import clip
from tui.i18n import _, ngettext

if TYPE_CHECKING:  # the budget's modules load when the command runs: `renewals due` does not pay for them
    from tui.domain.budget_period import Period
    from tui.domain.budget_summary import BudgetSummary

EVENT_COLUMNS = ("date", "id", "product", "kind", "amount", "currency", "converted")
MAX_LISTED = 500  # more payments than this are a file's job (csv, json), not a terminal's


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "budget", parents=[common], help=_("what renewals will cost per month or quarter, converted"),
        description=_("The renewal budget of a period (default: the next 12 months): regular renewals, "
                      "lapsed contracts with their fee, open renewals at their quote; totals per currency "
                      "and converted at the stored exchange rates. --spend: completed renewals instead."))
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help=_("first day of the period"))
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("last day of the period"))
    parser.add_argument("--year", metavar="YYYY", help=_("the (fiscal) year starting in YYYY"))
    parser.add_argument("--months", metavar="N", help=_("the next N months from today (default 12)"))
    parser.add_argument("--by", default=None, metavar="month|quarter", help=_("grouping (default month)"))
    parser.add_argument("--currency", metavar="CCY", help=_("convert into this currency (default: the setting)"))
    parser.add_argument("--rise", metavar="PCT", help=_("expected yearly price rise in %% (default: the setting)"))
    parser.add_argument("--spend", action="store_true", help=_("what completed renewals cost, by year"))
    parser.add_argument("--format", default="text", metavar="text|csv|json", help=_("output format (default text)"))
    parser.set_defaults(run=run)

    def usage_error(message: str) -> None:
        parser.print_usage(sys.stderr)
        parser.exit(1, _("renewals budget: {problem}").format(problem=message) + "\n")

    parser.error = usage_error  # type: ignore[method-assign]


def _fail(message: str) -> CommandFailed:
    return CommandFailed(_("renewals budget: {problem}").format(problem=message), status=1)


def _date(text: str, option: str):
    from tui.domain.parsing import ParseError, parse_date

    try:
        return parse_date(text)
    except ParseError as error:
        raise _fail(f"{option}: {error}") from None


def parse_period(args: argparse.Namespace, ctx: CliContext, first_month: int) -> Period | None:
    """The period the options ask for; None for --spend without one (every completed renewal)."""
    from tui.domain.budget_period import Period, PeriodError, fiscal_year, next_months
    from tui.domain.parsing import ParseError, parse_whole

    given = [option for option, value in (("--from", args.start), ("--to", args.end), ("--year", args.year),
                                           ("--months", args.months)) if value is not None]
    ranged = {"--from", "--to"} & set(given)
    if len({"range" if option in ranged else option for option in given}) > 1:
        raise _fail(_("give one of --from/--to, --year or --months, not {options}").format(
            options=" and ".join(given)))
    try:
        if ranged:
            if len(ranged) == 1:
                raise _fail(_("--from and --to go together"))
            return Period(_date(args.start, "--from"), _date(args.end, "--to"))
        if args.year is not None:
            try:
                year = parse_whole(args.year, minimum=1900, maximum=2199)
            except ParseError as error:
                raise _fail(f"--year: {error}") from None
            return fiscal_year(year, first_month)
        if args.months is not None:
            try:
                months = parse_whole(args.months, minimum=1, maximum=120)
            except ParseError as error:
                raise _fail(f"--months: {error}") from None
            return next_months(ctx.today, months)
    except PeriodError as error:
        raise _fail(str(error)) from None
    return None if args.spend else next_months(ctx.today)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.domain.budget_period import GROUPINGS, MONTHS, YEARS
    from tui.domain.budget_summary import build_budget, build_spend
    from tui.domain.money import CURRENCIES
    from tui.domain.parsing import ParseError, parse_percent
    from tui.store.contracts import ContractRepository
    from tui.store.rates import RateRepository
    from tui.store.renewals import RenewalRepository

    if args.format not in ("text", "csv", "json"):
        raise _fail(_("--format must be text, csv or json, not '{value}'").format(value=clip(args.format)))
    if args.by is not None and args.by not in GROUPINGS:
        raise _fail(_("--by must be month or quarter, not '{value}'").format(value=clip(args.by)))
    settings = ctx.settings()
    target = (args.currency or settings.base_currency).strip().upper()
    if target not in CURRENCIES:
        raise _fail(_("unknown currency '{code}' (known: {known})").format(
            code=clip(args.currency or ""), known=", ".join(sorted(CURRENCIES))))
    rise = settings.rise
    if args.rise is not None:
        try:
            rise = parse_percent(args.rise)
        except ParseError as error:
            raise _fail(f"--rise: {error}") from None
    period = parse_period(args, ctx, settings.fiscal_start)
    store = ctx.store()
    book = RateRepository(store).book()
    renewals = RenewalRepository(store).all()
    if args.spend:
        summary = build_spend(renewals, book, target, period, args.by or YEARS)
    else:
        assert period is not None
        summary = build_budget(ContractRepository(store).all(), renewals, book, target, period, ctx.today,
                               args.by or MONTHS, rise=rise, fee_rate=settings.fee_rate)
    if args.format == "json":
        # One write: json.dump would write each of some 100,000 pieces to the stream on its own.
        ctx.stdout.write(json.dumps(summary_to_json(summary, period, rise), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        writer = csv.writer(ctx.stdout, lineterminator="\n")
        writer.writerow(EVENT_COLUMNS)
        writer.writerows([event_json(c)[column] or "" for column in EVENT_COLUMNS] for c in summary.events)
    else:
        print_summary(ctx, summary, period, rise, spend=args.spend)
    return 0


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def event_json(c) -> dict:
    e = c.event
    return {"date": e.on.isoformat(), "id": e.ref, "product": e.product, "kind": e.kind, "amount": _money(e.amount),
            "currency": e.currency, "converted": _money(c.converted)}


def summary_to_json(summary: BudgetSummary, period: Period | None, rise: Decimal) -> dict:
    return {
        "from": period.start.isoformat() if period else None,
        "to": period.end.isoformat() if period else None,
        "currency": summary.target,
        "rise": format((rise * 100).normalize(), "f"),
        "events": [event_json(c) for c in summary.events],
        "totals": {currency: _money(total) for currency, total in summary.totals.items()},
        "converted_total": _money(summary.converted_total),
        "missing_rates": list(summary.missing_rates),
        "rates": [{"currency": r.currency, "rate": format(r.rate, "f"), "date": r.on.isoformat(), "source": r.source}
                  for r in summary.rates],
        "periods": [{"period": g.key, "totals": {cur: _money(v) for cur, v in g.totals.items()},
                     "converted": _money(g.converted)} for g in summary.groups],
    }


def kind_labels() -> dict[str, str]:
    return {"renewal": _("renewal"), "lapsed": _("lapsed + fee"), "open": _("open renewal"),
            "quoted": _("quoted"), "estimate": _("estimate")}


def print_summary(ctx: CliContext, summary: BudgetSummary, period: Period | None, rise: Decimal, *,
                  spend: bool) -> None:
    from tui.commands.text_table import render_table
    from tui.formatting import format_date, format_money, format_percent

    if period is not None:
        title = _("Spend {start} – {end}") if spend else _("Budget {start} – {end} · yearly price rise {rise}")
        ctx.out(title.format(start=format_date(period.start), end=format_date(period.end),
                             rise=format_percent(rise)))
    else:
        ctx.out(_("Spend of every completed renewal"))
    if not summary.events:
        ctx.out(_("Nothing to pay in this period.") if not spend else _("No completed renewal in this period."))
        return
    ctx.out()
    labels = kind_labels()
    target = summary.target
    if len(summary.events) <= MAX_LISTED:
        rows = [[format_date(c.event.on), c.event.ref, c.event.product, labels[c.event.kind],
                 format_money(c.event.amount, c.event.currency),
                 format_money(c.converted, target) if c.converted is not None else _("no rate")]
                for c in summary.events]
        ctx.out(render_table([_("date"), _("id"), _("product"), _("kind"), _("amount"), target], rows,
                             right=frozenset({4, 5})))
    else:
        ctx.out(ngettext("{count} payment: too many to list here; --format csv lists every one.",
                         "{count} payments: too many to list here; --format csv lists every one.",
                         len(summary.events)).format(count=len(summary.events)))
    ctx.out()
    group_rows = [[g.key, "  ".join(format_money(v, cur) for cur, v in g.totals.items()) or "—",
                   format_money(g.converted, target) if g.converted is not None else _("no rate")]
                  for g in summary.groups]
    ctx.out(render_table([_("period"), _("per currency"), target], group_rows, right=frozenset({2})))
    ctx.out()
    for currency, total in summary.totals.items():
        ctx.out(_("Total {currency}: {amount}").format(currency=currency, amount=format_money(total, currency)))
    if summary.converted_total is not None:
        ctx.out(_("Converted total: {amount}").format(amount=format_money(summary.converted_total, target)))
    else:
        ctx.out(_("No converted total: no rate into {target} for {currencies} (renewals import rates FILE)").format(
            target=target, currencies=", ".join(summary.missing_rates)))
    for rate in summary.rates:
        ctx.out(_("Rate: 1 {currency} = {rate} {target} on {date} ({source})").format(
            currency=rate.currency, rate=format(rate.rate, "f"), target=target, date=format_date(rate.on),
            source=rate.source or _("typed")))
