"""`renewals forecast PRODUCT`: how many licences the product will need at a horizon date.

Exit status: 0 with a forecast, 1 when the product is unknown, has no usage
or cannot be forecast to that date, 2 for a malformed option.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from tui.commands.context import CliContext, CommandFailed
from tui.commands.text_table import render_table
from tui.domain.forecast import DEFAULT_HEADROOM, MAX_HORIZON_MONTHS, METHODS, ForecastError, method_label
from tui.domain.forecast.planning import (
    DEFAULT_HORIZON_MONTHS,
    ProductPlan,
    horizon_in_months,
    known_products,
    match_product,
    plan_product,
    stale_usage_text,
)
from tui.domain.parsing import ParseError, parse_date, parse_percent
from tui.domain.text import clip
from tui.forecast_format import advice_text, format_estimate, format_month, format_range
from tui.formatting import format_count, format_date, machine_styles
from tui.i18n import _, untranslated
from tui.store.contracts import ContractRepository
from tui.store.usage import UsageRepository


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "forecast", parents=[common], help=_("forecast a product's licence needs from its usage history"))
    parser.add_argument("product", metavar="PRODUCT", help=_("product name (case and diacritics ignored)"))
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--months", type=int, metavar="N",
                      help=_("horizon N months after today (default {n})").format(n=DEFAULT_HORIZON_MONTHS))
    when.add_argument("--at", metavar="YYYY-MM-DD", help=_("horizon on this day, e.g. a contract's end date"))
    parser.add_argument("--method", choices=METHODS, default="auto",
                        help=_("auto picks linear or holt by back-test (default %(default)s)"))
    parser.add_argument("--headroom", metavar="PCT",
                        help=_("margin of the headroom method, in percent (default: the Settings' forecast "
                               "headroom, 15 unless changed)"))
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    horizon = _horizon(args, ctx)
    try:
        headroom = default_headroom(ctx) if args.headroom is None else float(parse_percent(args.headroom))
    except ParseError as error:
        raise CommandFailed(_("renewals: --headroom: {problem}").format(problem=error), status=2) from None
    usage = UsageRepository(ctx.store())
    contracts = ContractRepository(ctx.store()).all()
    product = match_product(args.product, known_products(contracts, usage.samples()))
    if product is None:
        raise CommandFailed(_("renewals: unknown product '{name}': no contract or usage has it").format(
            name=clip(args.product, 60)))
    samples = [s for name in usage.products() if match_product(name, [product]) for s in usage.samples(name)]
    if not samples:
        raise CommandFailed(_("renewals: no usage recorded for {product}; import it with "
                              "'renewals import usage FILE.csv'").format(product=product))
    try:
        plan = plan_product(product, samples, contracts, horizon, ctx.today, method=args.method, headroom=headroom)
    except ForecastError as error:
        raise CommandFailed(_("renewals: {product}: {problem}").format(product=product, problem=error)) from None
    if args.format == "json":
        with untranslated(), machine_styles():  # its "reason" reads the same whatever the language and formats
            plan = plan_product(product, samples, contracts, horizon, ctx.today, method=args.method,
                                headroom=headroom)
        json.dump(plan_to_json(plan), ctx.stdout, ensure_ascii=False, indent=2)
        ctx.out()
    else:
        ctx.out(plan_to_text(plan, ctx.today))
    return 0


def default_headroom(ctx: CliContext) -> float:
    """The headroom set in the app's Settings (F2), which the Forecast tab uses too."""
    settings = ctx.settings() if hasattr(ctx, "settings") else None
    return float(getattr(settings, "headroom", DEFAULT_HEADROOM))


def _horizon(args: argparse.Namespace, ctx: CliContext):
    if args.at is not None:
        try:
            return parse_date(args.at)
        except ParseError as error:
            raise CommandFailed(_("renewals: --at: {problem}").format(problem=error), status=2) from None
    months = DEFAULT_HORIZON_MONTHS if args.months is None else args.months
    if not 1 <= months <= MAX_HORIZON_MONTHS:
        raise CommandFailed(_("renewals: --months must be between 1 and {limit}").format(limit=MAX_HORIZON_MONTHS),
                            status=2)
    return horizon_in_months(ctx.today, months)


def plan_to_json(plan: ProductPlan) -> dict:
    """Machine-readable: ISO months (`YYYY-MM`), values rounded to 2 decimals, gaps as null."""
    result, advice = plan.result, plan.recommendation
    return {
        "product": plan.product,
        "method": result.method,
        "reason": result.reason,
        "backtest_mae": None if result.backtest_mae is None else round(result.backtest_mae, 2),
        "history": [{"month": month.strftime("%Y-%m"), "in_use": value} for month, value in result.history],
        "forecast": [
            {"month": p.month.strftime("%Y-%m"), "expected": round(p.expected, 2),
             "lower80": round(p.lower80, 2), "upper80": round(p.upper80, 2),
             "lower95": round(p.lower95, 2), "upper95": round(p.upper95, 2)}
            for p in result.points
        ],
        "horizon": plan.horizon.isoformat(),
        "owned": advice.owned,
        "owned_today": plan.owned_now,
        "latest_sample": plan.latest_sample.isoformat(),
        "recommended": advice.recommended,
        "to_buy": advice.to_buy,
        "surplus": advice.surplus,
    }


def plan_to_text(plan: ProductPlan, today: date) -> str:
    result, advice = plan.result, plan.recommendation
    lines = [
        _("{product}: forecast to {date} ({method})").format(
            product=plan.product, date=format_date(plan.horizon), method=method_label(result.method)),
        _("Why: {reason}").format(reason=result.reason),
        _("Owned today: {now} · owned on {date}: {owned} · recommended {recommended} (upper 95 % bound, rounded "
          "up) · {advice} (recommended vs owned on {date})").format(
            now=format_count(plan.owned_now), date=format_date(plan.horizon), owned=format_count(advice.owned),
            recommended=format_count(advice.recommended), advice=advice_text(advice)),
    ]
    if plan.gap:
        lines.append(gap_text(plan))
    stale = stale_usage_text(plan.latest_sample, today)
    if stale:
        lines.append(_("WARNING: {problem}").format(problem=stale))
    history = [[format_month(month), "—" if value is None else format_count(value)]
               for month, value in result.history]
    lines += ["", _("Usage, monthly peak:"), render_table([_("month"), _("in use")], history, right=frozenset({1}))]
    rows = [[format_month(p.month), format_estimate(p.expected), format_range(p.lower80, p.upper80),
             format_range(p.lower95, p.upper95)] for p in result.points]
    lines += ["", _("Forecast:"), render_table([_("month"), _("expected"), _("80 %"), _("95 %")], rows,
                                               right=frozenset({1, 2, 3}))]
    return "\n".join(lines)


def gap_text(plan: ProductPlan) -> str:
    return _("WARNING: compliance gap — {used} in use in {month} but only {owned} owned today ({gap} over)").format(
        used=format_count(plan.latest_peak), month=format_month(plan.latest_month),
        owned=format_count(plan.owned_now), gap=format_count(plan.gap))
