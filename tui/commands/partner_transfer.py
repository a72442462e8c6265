"""`renewals import partners FILE.csv` and `renewals export partners` (registered by `transfer`)."""

from __future__ import annotations

import argparse

from tui.commands.context import CliContext
from tui.commands.importing import run_import
from tui.i18n import _
from tui.store.transfer.partner_csv import plan_partner_import, write_partners_csv


def add_import_parser(kinds, common: argparse.ArgumentParser) -> None:
    parser = kinds.add_parser("partners", parents=[common],
                              help=_("partners CSV (the columns of the shipped directory)"))
    parser.add_argument("file", metavar="FILE.csv")
    parser.add_argument("--dry-run", action="store_true", help=_("report what would change, write nothing"))
    parser.set_defaults(run=import_partners)


def add_export_parser(kinds, common: argparse.ArgumentParser) -> None:
    parser = kinds.add_parser("partners", parents=[common], help=_("partners as CSV"))
    parser.add_argument("--own", action="store_true",
                        help=_("only the partners you added or edited, not the untouched shipped directory"))
    parser.set_defaults(run=export_partners)


def import_partners(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = ctx.repositories(create=True).partners
    return run_import(
        args, ctx,
        lambda: plan_partner_import(args.file, {p.id: p for p in repository.all()}),
        lambda plan: repository.save_many(plan.new, plan.changed),
    )


def export_partners(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = ctx.repositories().partners
    partners = repository.all()
    if args.own:
        partners = [p for p in partners if repository.origin_of(p.id) != "shipped"]
    write_partners_csv(partners, ctx.stdout)
    return 0
