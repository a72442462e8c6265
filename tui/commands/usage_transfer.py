"""`renewals import usage FILE.csv` and `renewals export usage`: licence-usage history as files."""

from __future__ import annotations

import argparse

from tui.commands.context import CliContext
from tui.commands.importing import run_import
from tui.domain.forecast.planning import known_products
from tui.i18n import _
from tui.store.transfer.usage_csv import plan_usage_import, write_usage_csv, write_usage_json


def add_import_parser(kinds, common: argparse.ArgumentParser) -> None:
    usage = kinds.add_parser("usage", parents=[common], help=_("licence usage CSV: product,date,in_use"))
    usage.add_argument("file", metavar="FILE.csv")
    usage.add_argument("--allow-new-product", action="store_true",
                       help=_("accept products no contract or earlier usage has"))
    usage.add_argument("--dry-run", action="store_true", help=_("report what would change, write nothing"))
    usage.set_defaults(run=import_usage)


def add_export_parser(kinds, common: argparse.ArgumentParser) -> None:
    usage = kinds.add_parser("usage", parents=[common], help=_("licence usage samples"))
    usage.add_argument("--format", choices=("csv", "json"), default="csv")
    usage.set_defaults(run=export_usage)


def import_usage(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = ctx.repositories(create=True).usage
    stored = repository.samples()
    known = known_products(ctx.repositories().contracts.all(), stored)
    return run_import(
        args, ctx,
        lambda: plan_usage_import(args.file, {(s.product, s.on): s for s in stored}, known, today=ctx.today,
                                  allow_new_products=args.allow_new_product),
        lambda plan: repository.save_many(plan.new, plan.changed),
    )


def export_usage(args: argparse.Namespace, ctx: CliContext) -> int:
    samples = ctx.repositories().usage.samples()
    if args.format == "json":
        write_usage_json(samples, ctx.stdout)
    else:
        write_usage_csv(samples, ctx.stdout)
    return 0
