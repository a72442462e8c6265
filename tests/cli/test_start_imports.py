"""`renewals` alone opens the app without loading the subcommands (their engines, file formats, the store)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import parse_arguments

ROOT = Path(__file__).resolve().parents[2]


def test_opening_the_app_reads_its_arguments_without_loading_the_subcommands() -> None:
    code = (
        "import sys, tui.cli\n"
        "args = tui.cli.parse_arguments(['--db', 'x.json', '--today', '2026-11-27', '--no-mouse'])\n"
        "print(args.db, args.today, args.no_mouse, args.demo, getattr(args, 'run', None))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tui.commands.', 'tui.store.'))\n"
        "             or m.split('.')[0] in ('tinydb', 'icalendar', 'textual')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines() == [
        "x.json 2026-11-27 True None None",
        "['tui.commands.context', 'tui.commands.output', 'tui.store.errors', 'tui.store.file', "
        "'tui.store.file.paths']",
    ]


def test_a_command_goes_to_the_full_parser() -> None:
    args = parse_arguments(["due", "--db", "x.json", "--within", "30"])
    assert (args.command, args.db, args.within) == ("due", "x.json", 30)
    assert args.run is not None


@pytest.mark.parametrize("argv", [["--today"], ["--bogus"], ["--db", "x.json", "nonsense"], ["--d", "x.json"]])
def test_a_mistake_gets_the_full_parsers_message(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(argv)
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: renewals [-h]") and "COMMAND" in error  # the full usage, commands included


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_arguments(["--help"])
    assert stopped.value.code == 0
    assert "calendar" in capsys.readouterr().out
