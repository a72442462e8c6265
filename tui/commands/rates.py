"""`renewals import rates FILE` and `renewals export rates`: exchange rates as files."""

from __future__ import annotations

import argparse
import csv
import json

from tui.commands.context import CliContext
from tui.i18n import _


def add_import_parser(kinds, common: argparse.ArgumentParser) -> None:
    rates = kinds.add_parser("rates", parents=[common],
                             help=_("exchange rates: BNR or ECB XML, or CSV date,base,currency,rate"))
    rates.add_argument("file", metavar="FILE")
    rates.add_argument("--dry-run", action="store_true", help=_("report what would change, write nothing"))
    rates.set_defaults(run=import_rates)


def add_export_parser(kinds, common: argparse.ArgumentParser) -> None:
    rates = kinds.add_parser("rates", parents=[common], help=_("exchange rates"))
    rates.add_argument("--format", choices=("csv", "json"), default="csv")
    rates.set_defaults(run=export_rates)


def import_rates(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.commands.importing import run_import
    from tui.store.transfer.rate_files import plan_rate_import

    repository = ctx.repositories(create=True).rates
    return run_import(
        args, ctx,
        lambda: plan_rate_import(args.file, repository.by_key(), today=ctx.today),
        lambda plan: repository.save_many(plan.rates),
    )


def export_rates(args: argparse.Namespace, ctx: CliContext) -> int:
    from tui.store.transfer.rate_files import RATE_COLUMNS

    rates = ctx.repositories().rates.all()
    rows = [{"date": r.on.isoformat(), "base": r.base, "currency": r.currency, "rate": str(r.rate),
             "source": r.source} for r in rates]
    if args.format == "json":
        json.dump(rows, ctx.stdout, ensure_ascii=False, indent=2)
        ctx.stdout.write("\n")
    else:
        writer = csv.DictWriter(ctx.stdout, fieldnames=RATE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return 0
