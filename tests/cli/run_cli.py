"""Run `renewals` in-process and capture what it printed."""

from __future__ import annotations

from tui.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err
