"""The layer contract: ui → store → domain, and nothing below the UI loads Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tui"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("layer", "forbidden"), [
    ("domain", ("textual", "rich", "tinydb", "tui.store", "tui.ui", "tui.commands")),
    ("store", ("textual", "rich", "tui.ui", "tui.commands")),
])
def test_lower_layers_do_not_import_upper_ones(layer: str, forbidden: tuple[str, ...]) -> None:
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    }
    assert not offenders


def test_importing_domain_and_store_does_not_load_textual() -> None:
    modules = [
        f"tui.{p.relative_to(PACKAGE).with_suffix('').as_posix().replace('/', '.')}"
        for layer in ("domain", "store") for p in (PACKAGE / layer).rglob("*.py")
    ]
    code = "import sys\n" + "".join(f"import {m.removesuffix('.__init__')}\n" for m in modules) + \
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_nothing_below_the_command_line_reads_the_clock() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "cli.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("date.today(", "datetime.now(", "datetime.today(", "time.time("):
            if needle in text:
                offenders.append(f"{path.relative_to(PACKAGE)}: {needle}")
    assert not offenders
