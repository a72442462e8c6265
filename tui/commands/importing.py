"""The one way every `renewals import KIND` reports and applies its plan."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from tui.commands.context import CliContext
from tui.i18n import _, ngettext
from tui.store.transfer.csv_reader import CsvRejected
from tui.store.transfer.import_plan import ImportPlan

Plan = TypeVar("Plan", bound=ImportPlan)


def run_import(args: argparse.Namespace, ctx: CliContext, make_plan: Callable[[], Plan],
               apply: Callable[[Plan], None]) -> int:
    """Check the whole file first; list every problem (exit 1) or what changes; write unless --dry-run."""
    try:
        plan = make_plan()
    except CsvRejected as rejected:
        for problem in rejected.problems:
            ctx.err(str(problem))
        ctx.err(ngettext("Nothing was imported ({count} problem).", "Nothing was imported ({count} problems).",
                         len(rejected.problems)).format(count=len(rejected.problems)))
        return 1
    for line in plan.describe():
        ctx.out(line)
    if args.dry_run:
        ctx.out(_("Dry run: nothing was written."))
        return 0
    if plan.new or plan.changed:
        apply(plan)
    ctx.out(_("Imported into {path}.").format(path=ctx.db_path))
    return 0
