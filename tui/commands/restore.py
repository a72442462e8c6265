"""`renewals restore [N]`: list the backups of the data file, or put backup N back."""

from __future__ import annotations

import argparse

from tui.commands.context import CliContext
from tui.commands.text_table import render_table
from tui.i18n import _
from tui.store.file.restore import list_backups, restore_backup


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("restore", parents=[common],
                                   help=_("list the backups of the data file, or restore backup N"))
    parser.add_argument("number", nargs="?", type=int, metavar="N", help=_("the backup to restore (1 = newest)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Works on a damaged file too: it never opens the database itself."""
    backups = list_backups(ctx.db_path)
    if args.number is None:
        if not backups:
            ctx.out(_("No backups of {path}.").format(path=ctx.db_path))
            return 1
        rows = [[str(b.number), b.saved.strftime("%Y-%m-%d %H:%M:%S"),
                 str(b.contracts) if b.contracts is not None else _("unreadable: {problem}").format(problem=b.problem),
                 str(b.path)] for b in backups]
        ctx.out(render_table([_("N"), _("saved"), _("contracts"), _("file")], rows, right=frozenset({0, 2})))
        ctx.out(_("Restore one with: renewals restore N --db {path}").format(path=ctx.db_path))
        return 0
    kept = restore_backup(ctx.db_path, args.number)
    ctx.out(_("Restored backup {n} into {path}.").format(n=args.number, path=ctx.db_path))
    if kept:
        ctx.out(_("The file it replaced was kept as {kept}.").format(kept=kept))
    return 0
