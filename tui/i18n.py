"""The one gettext entry point for every user-facing string.

Import `_` (and `ngettext` for plurals) from here.  Catalogues live in
`tui/locale/<lang>/LC_MESSAGES/renewals.mo`; with none installed the English
source strings are used, so adding Romanian is a matter of shipping `ro`.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "renewals"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation = gettext.translation(DOMAIN, LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    """Translate a user-facing message."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose wording depends on a count."""
    return _translation.ngettext(singular, plural, n)
