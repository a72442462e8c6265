"""CI must run the README's test command, and the README must name what the CLI offers."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci_lines = [line for line in (ROOT / ".ci/run").read_text().splitlines()
                if line.strip() and not line.startswith("#") and "pytest" in line]
    assert len(ci_lines) == 1
    assert ci_lines[0].strip() in (ROOT / "README.md").read_text()


def test_readme_mentions_every_subcommand() -> None:
    from tui.cli import build_parser

    readme = (ROOT / "README.md").read_text()
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    for name in subparsers.choices:
        assert f"renewals {name}" in readme, name
