"""The language machinery: choosing the language, Romanian plurals, and a catalogue that is sound."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tui.cli import choose_language
from tui.i18n import LOCALE_DIR, current_language, language_from_environment, ngettext, on_language_change, \
    use_language

ROOT = Path(__file__).resolve().parents[1]
PO = LOCALE_DIR / "ro" / "LC_MESSAGES" / "renewals.po"
MO = PO.with_suffix(".mo")


def catalogue():
    with PO.open("rb") as file:
        return read_po(file)


def translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(message.id) and all(strings) and not message.fuzzy


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "ro_RO.UTF-8"}, "ro"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LC_MESSAGES": "ro_RO.UTF-8", "LANG": "en_US.UTF-8"}, "ro"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ro_RO.UTF-8"}, "en"),
    ({"LANGUAGE": "ro:en", "LC_ALL": "en_US.UTF-8"}, "ro"),
    ({"LANGUAGE": "fr:ro", "LANG": "en_US.UTF-8"}, "ro"),  # a list: the first language we have
    ({"LANGUAGE": "fr", "LANG": "ro_RO.UTF-8"}, "en"),  # as gettext: the first variable set decides
    ({"LANGUAGE": "", "LANG": "ro_RO"}, "ro"),  # an empty variable counts as unset
    ({"RENEWALS_LANG": "ro", "LANG": "en_US.UTF-8"}, "ro"),
    ({"RENEWALS_LANG": "en", "LANGUAGE": "ro"}, "en"),
    ({"RENEWALS_LANG": "xx", "LANG": "ro_RO.UTF-8"}, "ro"),  # not one of ours: the next source decides
])
def test_the_language_comes_from_the_environment_in_gettexts_order(environ, expected) -> None:
    assert language_from_environment(environ) == expected


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "ro", "due"], "ro"),
    (["due", "--lang", "ro"], "ro"),
    (["due", "--lang=ro"], "ro"),
    (["--lang", "en", "due"], "en"),
    (["--lang", "xx", "due"], "ro"),  # the parser reports the wrong value; meanwhile the environment's
    (["partners", "--", "--lang", "en"], "ro"),  # after "--" a word is an argument
])
def test_lang_beats_the_environment(argv, expected) -> None:
    assert choose_language(argv, {"RENEWALS_LANG": "ro"}) == expected


@pytest.mark.parametrize(("n", "expected"), [
    (1, "doar 1 lună de utilizare"), (0, "doar 0 luni de utilizare"), (2, "doar 2 luni de utilizare"),
    (19, "doar 19 luni de utilizare"), (20, "doar 20 de luni de utilizare"),
    (100, "doar 100 de luni de utilizare"), (101, "doar 101 luni de utilizare"),
    (119, "doar 119 luni de utilizare"), (120, "doar 120 de luni de utilizare"),
])
def test_romanian_has_three_plural_forms(n: int, expected: str) -> None:
    use_language("ro")
    assert ngettext("only {n} month of usage", "only {n} months of usage", n).format(n=n) == expected
    use_language("en")
    assert ngettext("only {n} month of usage", "only {n} months of usage", n).format(n=n) == (
        f"only {n} month of usage" if n == 1 else f"only {n} months of usage")


def test_switching_the_language_tells_the_listeners() -> None:
    heard = []
    stop = on_language_change(heard.append)
    use_language("ro")
    stop()
    use_language("en")
    assert heard == ["ro"] and current_language() == "en"
    with pytest.raises(ValueError):
        use_language("xx")


def test_no_cedilla_lookalikes_in_the_catalogue() -> None:
    text = PO.read_text(encoding="utf-8")
    found = sorted({f"U+{ord(c):04X}" for c in text if c in "şţŞŢ"})
    assert not found, f"use ș ț Ș Ț (comma below), not {found}"


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}", text))


def test_every_placeholder_of_a_message_is_in_its_translation() -> None:
    problems = []
    for message in catalogue():
        if not translated(message):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(placeholders(i) for i in ids))
        for string in strings:
            if string and placeholders(string) - wanted:
                problems.append(f"{ids[0]!r}: unknown {sorted(placeholders(string) - wanted)}")
            if string and not placeholders(ids[0]) <= placeholders(string) and len(ids) == 1:
                problems.append(f"{ids[0]!r}: missing {sorted(placeholders(ids[0]) - placeholders(string))}")
    assert not problems, "\n".join(problems)


def test_the_compiled_catalogue_matches_the_po() -> None:
    with MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    stale = []
    for message in catalogue():
        if not translated(message):
            continue
        if isinstance(message.id, tuple):
            for n, form in ((1, 0), (2, 1), (20, 2)):
                if compiled.ngettext(*message.id, n) != message.string[form]:
                    stale.append(message.id[0])
        elif compiled.gettext(message.id) != message.string:
            stale.append(message.id)
    assert not stale, f"run scripts/update_catalogue.py: {stale[:5]}"


def test_the_romanian_plural_rule_is_the_glossarys() -> None:
    header = catalogue().plural_forms
    assert header == "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);"


def test_the_installed_package_carries_the_compiled_catalogue() -> None:
    from tui.i18n import LOCALE_DIR as installed

    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"locale/*/LC_MESSAGES/*.mo"' in pyproject
    assert (installed / "ro" / "LC_MESSAGES" / "renewals.mo").is_file()


def test_the_command_line_takes_lang_from_the_environment() -> None:
    """Through a real process: the help of --lang is in the catalogue's language once translated; here,
    that an unknown --lang value is refused by the parser, naming the choices."""
    result = subprocess.run([sys.executable, "-m", "tui", "--lang", "xx", "due"], capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2 and "en" in result.stderr and "ro" in result.stderr


@pytest.mark.parametrize(("count", "romanian", "english"), [
    (1, "1 contract, niciunul nu se încheie în următoarele 90 de zile", "1 contract, none ending within 90 days"),
    (2, "2 contracte, niciunul nu se încheie în următoarele 90 de zile", "2 contracts, none ending within 90 days"),
    (20, "20 de contracte, niciunul nu se încheie în următoarele 90 de zile",
     "20 contracts, none ending within 90 days"),
    (101, "101 contracte, niciunul nu se încheie în următoarele 90 de zile",
     "101 contracts, none ending within 90 days"),
])
def test_a_real_message_has_the_three_romanian_plural_forms(count: int, romanian: str, english: str) -> None:
    from datetime import date

    from tests.conftest import make_contract
    from tui.domain.monitoring import check_contracts

    contracts = [make_contract(f"C-{n}", end=date(2030, 1, 1)) for n in range(count)]
    assert check_contracts(contracts, date(2026, 11, 27), warning_days=90, critical_days=30).summary == english
    use_language("ro")
    assert check_contracts(contracts, date(2026, 11, 27), warning_days=90, critical_days=30).summary == romanian


def test_nothing_below_the_ui_translates_at_import_time() -> None:
    """A `_()` run when its module is imported is in the language of that moment, not the one chosen later
    (--lang is read after the imports): mark such a string with N_ and translate it where it is shown."""
    import ast

    def calls_outside_functions(node, path, found):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                defaults = [*child.args.defaults, *child.args.kw_defaults, *getattr(child, "decorator_list", [])]
                for default in filter(None, defaults):
                    calls_outside_functions(ast.Expression(default), path, found)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id in ("_", "ngettext"):
                found.append(f"{path}:{child.lineno}")
            calls_outside_functions(child, path, found)
        return found

    found: list[str] = []
    for layer in ("domain", "store", "commands"):
        for path in sorted((ROOT / "tui" / layer).rglob("*.py")):
            calls_outside_functions(ast.parse(path.read_text(encoding="utf-8")), path.relative_to(ROOT), found)
    for path in sorted(ROOT.joinpath("tui").glob("*.py")):
        calls_outside_functions(ast.parse(path.read_text(encoding="utf-8")), path.relative_to(ROOT), found)
    assert not found
