"""`renewals check`: a monitoring plugin — one status line, perfdata, exit 0/1/2/3.

Everything that stops it — a mistyped argument, a missing or damaged data file, a lock never let go —
is one `RENEWALS UNKNOWN - …` line on standard output and exit status 3, as a monitoring system expects
(argparse's exit status 2 would read as CRITICAL)."""

from __future__ import annotations

import argparse
import sys

from tui import __version__
from tui.commands.context import CliContext, StoppedAtArguments
from tui.commands.output import CommandOutput, FailureReport, OutputFailed
from tui.commands.time_limit import TimedOut, time_limit
from tui.domain.monitoring import CheckResult, CheckState, check_contracts
from tui.domain.text import clip
from tui.i18n import _
from tui.store.errors import StoreError
from tui.store.file.locking import lock_path, no_write_in_progress

DEFAULT_TIMEOUT_SECONDS = 10


def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("check", parents=[common],
                                   help=_("monitoring plugin (Nagios/Icinga): OK, WARNING, CRITICAL or UNKNOWN"))
    parser.add_argument("-w", "--warning", type=days, default=None, metavar="DAYS",
                        help=_("WARNING when a contract ends within DAYS (default: the notice window setting, "
                               "90 unless changed)"))
    parser.add_argument("-c", "--critical", type=days, default=30, metavar="DAYS",
                        help=_("CRITICAL when a contract ends within DAYS or has expired (default %(default)s)"))
    parser.add_argument("-t", "--timeout", type=timeout_seconds, default=DEFAULT_TIMEOUT_SECONDS, metavar="SECONDS",
                        help=_("UNKNOWN when the data file cannot be read within SECONDS (default %(default)s)"))
    parser.add_argument("-V", "--version", action=PluginVersion)
    parser.set_defaults(run=run, report=PluginReport())


MAX_DAYS = 36500  # a hundred years: anything longer is a typing mistake, not a threshold


def days(text: str) -> int:
    """A threshold in days, 0 … MAX_DAYS (argparse turns the error into the plugin's UNKNOWN line)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number of days: '{value}'").format(value=clip(text))) from None
    if not 0 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(_("must be from 0 to {most} days").format(most=MAX_DAYS))
    return value


def timeout_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a number of seconds: '{value}'").format(value=clip(text))) from None
    if not 0 < seconds <= 3600:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(_("must be more than 0 and at most 3600 seconds"))
    return seconds


class PluginVersion(argparse.Action):
    """`-V`: the version, as one UNKNOWN line and exit status 3 (as the Monitoring Plugins do)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help=_("print the version and exit (status 3, UNKNOWN)"))

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        raise StoppedAtArguments(parser, f"renewals {__version__}")


class PluginReport(FailureReport):
    """Every failure as the plugin's UNKNOWN line on standard output, exit status 3."""

    def failed(self, message: str, status: int) -> int:
        line = CheckResult(CheckState.UNKNOWN, message.removeprefix("renewals: ")).line()
        try:
            output = CommandOutput(sys.stdout)
            output.write_text(line + "\n")
            output.flush()
        except OutputFailed:
            super().failed(line, status)
        return int(CheckState.UNKNOWN)

    def output_failed(self, message: str) -> int:
        super().failed(message, 1)
        return int(CheckState.UNKNOWN)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    result = evaluate(args, ctx)
    ctx.out(result.line())
    return int(result.state)


def evaluate(args: argparse.Namespace, ctx: CliContext) -> CheckResult:
    if args.critical < 0 or (args.warning is not None and args.warning < args.critical):
        return CheckResult(CheckState.UNKNOWN, _("--warning must be at least --critical, both 0 or more"))
    waiting = _("timed out after {seconds:g} s waiting for {lock} (another process is writing the data file)")
    reading = _("timed out after {seconds:g} s reading {path}")
    problem = waiting
    try:
        with time_limit(args.timeout), no_write_in_progress(ctx.db_path):
            problem = reading
            if args.warning is None:  # the notice window, as the app's list and summary use it
                args.warning = max(ctx.settings().notice_days, args.critical)
            contracts = ctx.repositories().contracts.all()
    except TimedOut:
        return CheckResult(CheckState.UNKNOWN, problem.format(seconds=args.timeout, lock=lock_path(ctx.db_path),
                                                              path=ctx.db_path))
    except StoreError as error:
        return CheckResult(CheckState.UNKNOWN, str(error))
    except OSError as error:
        return CheckResult(CheckState.UNKNOWN, _("cannot read {path}: {reason}").format(
            path=ctx.db_path, reason=error.strerror or error))
    return check_contracts(contracts, ctx.today, warning_days=args.warning, critical_days=args.critical)
