"""Every third-party package the code imports is declared in pyproject.toml, not merely pulled in by another."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_top_level_modules(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"tui", "tests", "benchmarks", "__future__"}


def declared(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")
            for requirement in requirements}


def distributions_of(modules: set[str]) -> dict[str, str]:
    owners = packages_distributions()
    return {module: owners[module][0].lower().replace("_", "-") for module in modules if module in owners}


def test_every_package_the_app_imports_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    modules = imported_top_level_modules(ROOT / "tui")
    found = distributions_of(modules)
    assert set(found) == modules, f"not installed: {modules - set(found)}"
    missing = {module: dist for module, dist in found.items() if dist not in declared(project["dependencies"])}
    assert missing == {}


def test_every_package_the_tests_import_is_declared_for_them() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    allowed = declared(project["dependencies"]) | declared(project["optional-dependencies"]["test"])
    found = distributions_of(imported_top_level_modules(ROOT / "tests"))
    assert {module: dist for module, dist in found.items() if dist not in allowed} == {}
