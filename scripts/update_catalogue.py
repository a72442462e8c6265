"""Refresh the translation template and catalogues, then compile them: the one command a translator runs.

    python scripts/update_catalogue.py

1. extracts every `_()`, `ngettext()` and `N_()` message of `tui/` into `tui/locale/renewals.pot`;
2. merges the template into each `tui/locale/<lang>/LC_MESSAGES/renewals.po` (new messages arrive
   untranslated, changed ones marked fuzzy) — translate those, then run this again;
3. compiles each `.po` to the `.mo` the package ships (fuzzy entries are left out).

Babel (the test extra has it) does the work; this script only names the files and keeps the Romanian
plural rule, which Babel's locale data would otherwise write differently (`../shared/glossary-ro.md`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "tui" / "locale"
TEMPLATE = LOCALE / "renewals.pot"
PLURAL_FORMS = {
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
}


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "--quiet", *args])


def keep_plural_rule(po: Path, rule: str) -> None:
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    po.write_text("".join(f'"Plural-Forms: {rule}\\n"\n' if line.startswith('"Plural-Forms:') else line
                          for line in lines), encoding="utf-8")


def main() -> int:
    os.chdir(ROOT)  # locations relative to the project
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    # Locations name the file only: a line moved elsewhere in it does not change the catalogue.
    pybabel("extract", "--add-location=file", "--sort-output", "--project", "renewal-planner",
            "--version", __import__("tui").__version__, "--copyright-holder", "renewal-planner", "--no-wrap",
            "-o", str(TEMPLATE.relative_to(ROOT)), "tui")
    for language, rule in PLURAL_FORMS.items():
        po = LOCALE / language / "LC_MESSAGES" / "renewals.po"
        if po.exists():
            pybabel("update", "--no-wrap", "--ignore-obsolete", "-i", str(TEMPLATE), "-d", str(LOCALE),
                    "-D", "renewals", "-l", language)
        else:
            pybabel("init", "--no-wrap", "-i", str(TEMPLATE), "-d", str(LOCALE), "-D", "renewals",
                    "-l", language)
        keep_plural_rule(po, rule)
    pybabel("compile", "-d", str(LOCALE), "-D", "renewals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
