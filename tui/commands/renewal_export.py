"""`renewals export renewals [--format json|csv]` (registered by `transfer`)."""

from __future__ import annotations

import argparse

from tui.commands.context import CliContext
from tui.i18n import _
from tui.store.transfer.renewal_export import write_renewals_csv, write_renewals_json


def add_export_parser(kinds, common: argparse.ArgumentParser) -> None:
    parser = kinds.add_parser("renewals", parents=[common],
                              help=_("renewals: drafts, requested, completed and cancelled"))
    parser.add_argument("--format", choices=("json", "csv"), default="json",
                        help=_("json: the full records; csv: one row per renewal and contract"))
    parser.set_defaults(run=export_renewals)


def export_renewals(args: argparse.Namespace, ctx: CliContext) -> int:
    renewals = sorted(ctx.repositories().renewals.all(), key=lambda r: r.id)
    if args.format == "csv":
        write_renewals_csv(renewals, ctx.stdout)
    else:
        write_renewals_json(renewals, ctx.stdout)
    return 0
