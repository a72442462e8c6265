"""The one gettext entry point for every user-facing string, and the choice of language.

Import `_` (and `ngettext` for plurals) from here; mark a string that is defined once but shown later (a
key's description, a column title) with `N_` and translate it with `_` where it is shown, so that changing
the language re-draws it. Catalogues live in `tui/locale/<lang>/LC_MESSAGES/renewals.mo` (the source is
the `.po` beside it; `scripts/update_catalogue.py` refreshes the template, the catalogue and the compiled
file). English is the source language: its strings are the code's own.

Only text for people is translated. Machine output (JSON, CSV, the check plugin's status word and
performance data, the calendar's UIDs) never goes through here.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

DOMAIN = "renewals"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"en": "English", "ro": "Română"}  # code → its own name
DEFAULT_LANGUAGE = "en"
ENVIRONMENT_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's own order

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def _(message: str) -> str:
    """Translate a user-facing message."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose wording depends on a count (Romanian has three forms)."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it now: it is translated where it is shown."""
    return message


def use_language(code: str) -> None:
    """Translate everything from now on into `code` (one of LANGUAGES); tell the listeners."""
    global _translation, _language
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    if code == DEFAULT_LANGUAGE:
        _translation = gettext.NullTranslations()
    else:
        with open(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as catalogue:
            _translation = gettext.GNUTranslations(catalogue)
    _language = code
    for listener in list(_listeners):
        listener(code)


@contextmanager
def untranslated() -> Iterator[None]:
    """The code's own English for the duration, without telling the listeners: for text that machine output
    carries (a forecast's reason in JSON), which must read the same in every language."""
    global _translation, _language
    before = _translation, _language
    _translation, _language = gettext.NullTranslations(), DEFAULT_LANGUAGE
    try:
        yield
    finally:
        _translation, _language = before


def current_language() -> str:
    return _language


def on_language_change(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call `listener(code)` after each `use_language`; returns the function that stops it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def language_code(text: str | None) -> str | None:
    """`ro`, `ro_RO.UTF-8`, `ro-RO`, `RO` → `ro`; a language we do not have, `C` or `POSIX` → None."""
    if not text:
        return None
    code = text.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str]) -> str:
    """`$RENEWALS_LANG`, else the first of gettext's variables that is set (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG — as gettext reads them: LANGUAGE may list several, `ro:en`), else English. A
    variable that is set but names no language we have means English, as it does for gettext."""
    own = language_code(environ.get("RENEWALS_LANG"))
    if own:
        return own
    for name in ENVIRONMENT_ORDER:
        value = environ.get(name)
        if value:
            for entry in value.split(":"):
                code = language_code(entry)
                if code:
                    return code
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
