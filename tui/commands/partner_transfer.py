"""`renewals import partners FILE.csv` and `renewals export partners` (registered by `transfer`)."""

from __future__ import annotations

import argparse

from tui.commands.context import CliContext
from tui.i18n import _
from tui.store.csv_reader import CsvRejected
from tui.store.partner_csv import plan_partner_import, write_partners_csv
from tui.store.partners import PartnerRepository


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
    repository = PartnerRepository(ctx.store())
    existing = {p.id: p for p in repository.all()}
    try:
        plan = plan_partner_import(args.file, existing)
    except CsvRejected as rejected:
        for problem in rejected.problems:
            ctx.err(str(problem))
        ctx.err(_("Nothing was imported ({count} problems).").format(count=len(rejected.problems)))
        return 1
    for line in plan.describe():
        ctx.out(line)
    if args.dry_run:
        ctx.out(_("Dry run: nothing was written."))
        return 0
    if plan.new or plan.changed:
        repository.save_many(plan.new, plan.changed)
    ctx.out(_("Imported into {path}.").format(path=ctx.db_path))
    return 0


def export_partners(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = PartnerRepository(ctx.store())
    partners = repository.all()
    if args.own:
        partners = [p for p in partners if repository.origin_of(p.id) != "shipped"]
    write_partners_csv(partners, ctx.stdout)
    return 0
