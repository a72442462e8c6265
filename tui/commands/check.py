"""`renewals check`: a monitoring plugin — one status line, perfdata, exit 0/1/2/3."""

from __future__ import annotations

import argparse

from tui.commands.context import CliContext
from tui.domain.monitoring import CheckResult, CheckState, check_contracts
from tui.domain.text import printable
from tui.i18n import _
from tui.store.contracts import ContractRepository
from tui.store.errors import StoreError


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("check", parents=[common],
                                   help=_("monitoring plugin (Nagios/Icinga): OK, WARNING, CRITICAL or UNKNOWN"))
    parser.add_argument("--warning", type=int, default=None, metavar="DAYS",
                        help=_("WARNING when a contract ends within DAYS (default: the notice window setting, "
                               "90 unless changed)"))
    parser.add_argument("--critical", type=int, default=30, metavar="DAYS",
                        help=_("CRITICAL when a contract ends within DAYS or has expired (default %(default)s)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    result = evaluate(args, ctx)
    ctx.out(printable(result.line()))
    return int(result.state)


def evaluate(args: argparse.Namespace, ctx: CliContext) -> CheckResult:
    if args.critical < 0 or (args.warning is not None and args.warning < args.critical):
        return CheckResult(CheckState.UNKNOWN, _("--warning must be at least --critical, both 0 or more"))
    if not ctx.db_path.exists():
        return CheckResult(CheckState.UNKNOWN, _("no data file at {path}").format(path=ctx.db_path))
    try:
        if args.warning is None:  # the notice window, as the app's list and summary use it
            args.warning = max(ctx.settings().notice_days, args.critical)
        contracts = ContractRepository(ctx.store()).all()
    except StoreError as error:
        return CheckResult(CheckState.UNKNOWN, str(error))
    except OSError as error:
        return CheckResult(CheckState.UNKNOWN, _("cannot read {path}: {reason}").format(
            path=ctx.db_path, reason=error.strerror or error))
    return check_contracts(contracts, ctx.today, warning_days=args.warning, critical_days=args.critical)
