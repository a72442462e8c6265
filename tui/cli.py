"""The `renewals` command: opens the app, or runs a subcommand.

This is the edge of the program: the only place that reads the clock and the
environment.  Everything below gets the database path and "today" passed in.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.argparse_words import use_our_catalogue
from tui.commands.context import CliContext, CommandFailed, StoppedAtArguments
from tui.commands.output import (
    SIGPIPE_STATUS,
    FailureReport,
    OutputFailed,
    discard_standard_output,
    prepare_standard_streams,
)
from tui.domain.parsing import ParseError, parse_date
from tui.domain.text import printable, printable_lines
from tui.i18n import LANGUAGES, _, language_code, language_from_environment, use_language
from tui.store.errors import DatabaseRefused, StoreError
from tui.store.file.paths import resolve_db_path

if TYPE_CHECKING:  # Textual is imported only when the app opens
    from tui.ui.app import RenewalsApp


class ArgumentParser(argparse.ArgumentParser):
    """argparse echoes mistyped arguments in its errors: they are escaped before they reach the terminal.
    An error stops parsing (StoppedAtArguments), so that `parse_arguments` can let a command with its own
    way of reporting failures (the monitoring plugin) report it."""

    def error(self, message: str):  # type: ignore[override]
        raise StoppedAtArguments(self, printable(message))

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:  # the subcommand is known by now: its report says how to tell (`check --bogus`)
            error = StoppedAtArguments(self, printable(_("unrecognized arguments: {arguments}").format(
                arguments=" ".join(extras))))
            error.report = getattr(parsed, "report", None)
            raise error
        return parsed


def global_options(*, suppress: bool) -> argparse.ArgumentParser:
    """--db and --today, accepted before or after the subcommand.

    Sub-parsers use SUPPRESS defaults so that a value given before the
    subcommand is not overwritten by the sub-parser's default.
    """
    default = argparse.SUPPRESS if suppress else None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", metavar="PATH", default=default,
                        help=_("data file (default: $RENEWALS_DB, else the user data directory)"))
    parser.add_argument("--today", metavar="YYYY-MM-DD", default=default,
                        help=_("treat this date as today (default: $RENEWALS_TODAY, else the clock)"))
    parser.add_argument("--demo", action="store_true", default=default,
                        help=_("use a fresh copy of the shipped demo data; your own file is not touched"))
    parser.add_argument("--lang", choices=tuple(LANGUAGES), default=default,
                        help=_("language of the text for people (default: $RENEWALS_LANG, else $LANGUAGE, "
                               "$LC_ALL, $LC_MESSAGES, $LANG, else English); machine output never changes"))
    return parser


def language_option(argv: Sequence[str]) -> str | None:
    """The language `--lang` names (before or after the subcommand), if it names one we have."""
    chosen = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            chosen = argv[index + 1]
        elif word.startswith("--lang="):
            chosen = word.removeprefix("--lang=")
    return language_code(chosen) if chosen in LANGUAGES else None


def choose_language(argv: Sequence[str], environ) -> str:
    """`--lang`, else the environment (`tui.i18n`). Chosen before the parsers are built, so that their help
    is in that language too; a wrong value is left for the full parser to report."""
    return language_option(argv) or language_from_environment(environ)


def choose_app_language(argv: Sequence[str], environ) -> str:
    """The app's: `--lang`, else the language chosen in its settings (per user, tui/store/user_preferences.py),
    else the environment."""
    from tui.store.user_preferences import stored_language

    return language_option(argv) or stored_language() or language_from_environment(environ)


def app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-mouse", action="store_true",
                        help=_("leave the mouse to the terminal (text selection) instead of the app"))


def build_parser() -> argparse.ArgumentParser:
    from tui.commands import budget, calendar, check, coterm, due, forecast, partners, restore, transfer

    parser = ArgumentParser(  # its subcommands' parsers are of the same class
        prog="renewals",
        parents=[global_options(suppress=False)],
        description=_("Plan renewals of on-premise software maintenance contracts. "
                      "Without a command, opens the app."),
    )
    parser.add_argument("--version", action="version", version=f"renewals {__version__}",
                        help=_("show program's version number and exit"))
    app_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = global_options(suppress=True)
    due.add_parser(subparsers, common)
    coterm.add_parser(subparsers, common)
    check.add_parser(subparsers, common)
    calendar.add_parser(subparsers, common)
    restore.add_parser(subparsers, common)
    transfer.add_parsers(subparsers, common)
    partners.add_parser(subparsers, common)
    forecast.add_parser(subparsers, common)
    budget.add_parser(subparsers, common)
    return parser


def resolve_today(option: str | None) -> date:
    text = option or os.environ.get("RENEWALS_TODAY")
    if not text:
        return date.today()
    try:
        return parse_date(text)
    except ParseError as error:
        raise CommandFailed(_("renewals: --today: {problem}").format(problem=error), status=2) from None


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; when they only open the app, read without the subcommands' parsers, whose
    modules (the forecast engine, the partner search, the calendar writer…) would add ~80 ms to a
    start-up that paints in ~300. Anything else (a command, --help, a mistake) goes to the full parser."""
    argv = sys.argv[1:] if argv is None else list(argv)
    app_only = AppOnlyParser(parents=[global_options(suppress=False)], add_help=False)
    app_options(app_only)
    try:
        args, rest = app_only.parse_known_args(argv)
    except NotJustTheApp:
        rest = argv
    return args if not rest else parse_fully(build_parser(), argv)


def parse_fully(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """The full parser's result.  A mistake gets argparse's usage and exit status 2 — unless the command
    reports its own failures (the monitoring plugin): then StoppedAtArguments carries its report."""
    try:
        return parser.parse_args(argv)
    except StoppedAtArguments as stopped:
        report = stopped.report or stopped.parser.get_default("report")
        if report is None:
            argparse.ArgumentParser.error(stopped.parser, stopped.message)
        stopped.report = report
        raise


class NotJustTheApp(Exception):
    pass


class AppOnlyParser(argparse.ArgumentParser):
    """Reads the options that open the app; on any doubt it gives way to the full parser, which says
    what is wrong as usual (an ambiguous `--d`, a missing value)."""

    def error(self, message: str):  # type: ignore[override]
        raise NotJustTheApp(message)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    use_language(choose_language(argv, os.environ))
    use_our_catalogue()
    prepare_standard_streams()
    try:
        args = parse_arguments(argv)
    except StoppedAtArguments as stopped:  # only for a command with its own report (see parse_fully)
        return stopped.report.failed(stopped.message, 2)
    report = getattr(args, "report", None) or FailureReport()
    try:
        today = resolve_today(args.today)
        if args.demo:
            import atexit

            from tui.store.demo import create_temporary_demo

            db_path = create_temporary_demo(today)
            atexit.register(remove_demo_on_exit, db_path.parent)
        else:
            db_path = resolve_db_path(args.db)
        ctx = CliContext(db_path=db_path, today=today)
        if getattr(args, "run", None) is None:
            use_language(choose_app_language(argv, os.environ))
            return run_app(ctx, mouse=not args.no_mouse,
                           environment_language=language_from_environment(os.environ))
        status = args.run(args, ctx)
        ctx.keep_glance_current()
        ctx.stdout.flush()
        return status
    except CommandFailed as failure:
        return report.failed(str(failure), failure.status)
    except OutputFailed as failure:  # the output is lost; the data file is not at fault
        discard_standard_output()
        if failure.pipe_closed:  # `renewals … | head -1`: stop quietly, as standard tools do
            return SIGPIPE_STATUS
        return report.output_failed(_("renewals: standard output: {problem}").format(problem=failure))
    except DatabaseRefused as refused:
        from tui.store.file.backups import existing_backups

        hint = ""
        if existing_backups(refused.path):
            hint = _(" (backups exist: renewals restore --db {path})").format(path=refused.path)
        return report.failed(_("renewals: {path}: {problem}").format(path=refused.path, problem=refused.problem)
                             + hint, 2)
    except StoreError as error:
        return report.failed(_("renewals: {error}").format(error=error), 1)
    except OSError as error:  # the data file's path is too long, not permitted, …
        return report.failed(_("renewals: {path}: {problem}").format(
            path=error.filename or args.db or "", problem=error.strerror or error), 2)


def remove_demo_on_exit(folder: Path) -> None:
    """`--demo`'s temporary folder goes when the process ends; one holding a quote request stays. (Both
    modules were loaded when the demo was made, so these imports at exit read nothing from disk.)"""
    from tui.store.demo import remove_demo_folder
    from tui.store.transfer.quote_requests import FOLDER_NAME

    if remove_demo_folder(folder):
        print(printable_lines(_("renewals: the demo's quote requests are kept in {folder}").format(
            folder=folder / FOLDER_NAME)), file=sys.stderr)


def open_app(ctx: CliContext) -> RenewalsApp:
    """The Textual app on the context's data file (imported here so subcommands start without loading
    Textual); a missing file is made first, and the app says where.

    The garbage collector is paused from here, before Textual is imported, until the app has read its
    data file (tui/ui/startup.py)."""
    from tui.store.file.paths import create_missing_data_file
    from tui.ui.startup import CollectorPause  # imports no Textual

    created = create_missing_data_file(ctx.db_path)
    pause = CollectorPause().begin()
    try:
        from tui.ui.app import create_app

        app = create_app(ctx.db_path, ctx.today, pause=pause)
    except BaseException:
        pause.end()
        raise
    app.created_file = ctx.db_path if created else None
    return app


def run_app(ctx: CliContext, *, mouse: bool = True, environment_language: str | None = None) -> int:
    app = open_app(ctx)
    if environment_language is not None:
        app.environment_language = environment_language  # what the settings' "as the environment" means
    app.run(mouse=mouse)
    if app.failure is not None:  # the data file was replaced by something unreadable as the app started
        raise app.failure
    if app.loaded.is_set():
        app.remember_first_screen()  # the next start paints this state before reading the file
    return app.return_code or 0
