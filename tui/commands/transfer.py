"""`renewals import KIND FILE` and `renewals export KIND`: moving data in and out as files."""

from __future__ import annotations

import argparse

from tui.commands import partner_transfer, rates, renewal_export
from tui.commands.context import CliContext
from tui.commands.importing import run_import
from tui.commands.usage_transfer import add_export_parser as add_usage_export
from tui.commands.usage_transfer import add_import_parser as add_usage_import
from tui.i18n import _
from tui.store.transfer.contract_csv import plan_contract_import, write_contracts_csv, write_contracts_json


def add_parsers(subparsers, common: argparse.ArgumentParser) -> None:
    importer = subparsers.add_parser("import", parents=[common], help=_("import a CSV file (all or nothing)"))
    kinds = importer.add_subparsers(dest="kind", required=True, metavar="KIND")
    contracts = kinds.add_parser("contracts", parents=[common], help=_("contracts CSV"))
    contracts.add_argument("file", metavar="FILE.csv")
    contracts.add_argument("--dry-run", action="store_true", help=_("report what would change, write nothing"))
    contracts.set_defaults(run=import_contracts)
    partner_transfer.add_import_parser(kinds, common)
    add_usage_import(kinds, common)
    rates.add_import_parser(kinds, common)

    exporter = subparsers.add_parser("export", parents=[common], help=_("export to standard output"))
    kinds = exporter.add_subparsers(dest="kind", required=True, metavar="KIND")
    contracts = kinds.add_parser("contracts", parents=[common], help=_("contracts with their history"))
    contracts.add_argument("--format", choices=("csv", "json"), default="csv")
    contracts.set_defaults(run=export_contracts)
    partner_transfer.add_export_parser(kinds, common)
    add_usage_export(kinds, common)
    renewal_export.add_export_parser(kinds, common)
    rates.add_export_parser(kinds, common)


def import_contracts(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = ctx.repositories(create=True).contracts
    return run_import(
        args, ctx,
        lambda: plan_contract_import(args.file, {c.id: c for c in repository.all()},
                                     partners=ctx.repositories().partners.names()),
        lambda plan: repository.save_many(plan.new, plan.changed, ctx.today, source="import"),
    )


def export_contracts(args: argparse.Namespace, ctx: CliContext) -> int:
    contracts = sorted(ctx.repositories().contracts.all(), key=lambda c: c.id)
    if args.format == "json":
        write_contracts_json(contracts, ctx.stdout)
    else:
        write_contracts_csv(contracts, ctx.stdout)
    return 0
