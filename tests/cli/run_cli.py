"""Run `renewals` in-process and capture what it printed, or as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_process(*argv: str, stdout=subprocess.PIPE, env: dict[str, str] | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """`python -m tui ARGV` as a separate process, its output as bytes (the test says how to read them);
    `stdout` may be any file or descriptor (a closed pipe, /dev/full)."""
    return subprocess.run([sys.executable, "-m", "tui", *argv], stdout=stdout, stderr=subprocess.PIPE,
                          env={**os.environ, **(env or {})}, cwd=ROOT, timeout=timeout)
