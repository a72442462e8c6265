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
    # the data file's format and safety know neither the repositories built on it nor the import formats
    ("store/file", ("tui.store.transfer", "tui.store.repositories", "tui.store.table_index", "tui.store.contracts",
                    "tui.store.partners", "tui.store.usage", "tui.store.renewals", "tui.store.rates",
                    "tui.store.demo")),
])
def test_lower_layers_do_not_import_upper_ones(layer: str, forbidden: tuple[str, ...]) -> None:
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    }
    assert not offenders


def test_the_repositories_do_not_import_the_transfer_formats() -> None:
    """Imports and exports are built on the repositories, not the other way round (the demo, which
    imports its shipped files, is the one module of `tui/store/` that uses both)."""
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in (PACKAGE / "store").glob("*.py") if path.name != "demo.py"
        for name in imported_modules(path) if name.startswith("tui.store.transfer")
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


UI = PACKAGE / "ui"
TAB_PACKAGES = ("overview", "renewal", "forecast", "partners", "budget")


def test_only_the_app_module_imports_the_app() -> None:
    """Panes and screens get the Session; none reaches the App's module, not even for a type hint."""
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in UI.rglob("*.py") if path != UI / "app.py"
        for name in imported_modules(path)
        if name == "tui.ui.app" or name.startswith("tui.ui.app.")
    }
    assert not offenders


def test_tab_packages_do_not_import_each_other() -> None:
    """What two tabs share lives in widgets/ or dialogs/ (or goes through the Session and messages)."""
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for tab in TAB_PACKAGES for path in (UI / tab).rglob("*.py")
        for name in imported_modules(path)
        for other in TAB_PACKAGES
        if other != tab and (name == f"tui.ui.{other}" or name.startswith(f"tui.ui.{other}."))
    }
    assert not offenders


def test_the_ui_root_holds_only_the_app_shell() -> None:
    shell = {"__init__.py", "app.py", "app.tcss", "session.py", "messages.py", "tabs.py", "tab_host.py",
             "startup.py"}
    assert {path.name for path in UI.iterdir() if path.is_file()} <= shell
    assert {path.name for path in UI.iterdir() if path.is_dir() and path.name != "__pycache__"} == \
        {*TAB_PACKAGES, "dialogs", "widgets"}


def test_every_ui_package_init_is_a_docstring_only() -> None:
    for init in UI.rglob("__init__.py"):
        body = ast.parse(init.read_text(encoding="utf-8")).body
        assert len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant), init


def test_the_session_and_start_up_do_not_load_textual() -> None:
    code = "import sys, tui.ui.session, tui.ui.startup; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_textual_private_modules_are_used_in_one_module_each() -> None:
    users: dict[str, set[str]] = {}
    for path in UI.rglob("*.py"):
        for name in imported_modules(path):
            if name.startswith("textual._"):
                users.setdefault(name, set()).add(str(path.relative_to(PACKAGE)))
    assert all(len(modules) == 1 for modules in users.values()), users
