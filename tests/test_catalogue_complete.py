"""Every message in the code has a Romanian translation: one added in English only fails here, named."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from tui.i18n import LOCALE_DIR

ROOT = Path(__file__).resolve().parents[1]


def messages_in_the_code() -> dict[str, str]:
    """msgid → where it is, extracted from `tui/` as scripts/update_catalogue.py extracts the template."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(ROOT / "tui", keywords=DEFAULT_KEYWORDS):
        key = message[0] if isinstance(message, tuple) else message
        if key:
            found.setdefault(key, f"tui/{filename}:{lineno}")
    return found


def test_every_message_in_the_code_is_translated_into_romanian() -> None:
    with (LOCALE_DIR / "ro" / "LC_MESSAGES" / "renewals.po").open("rb") as file:
        catalogue = read_po(file)
    problems = []
    for msgid, where in sorted(messages_in_the_code().items(), key=lambda item: item[1]):
        entry = catalogue.get(msgid)
        strings = () if entry is None else entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry is None:
            problems.append(f"{where}: not in the catalogue: {msgid!r}")
        elif entry.fuzzy or not all(strings):
            problems.append(f"{where}: {'fuzzy' if entry.fuzzy else 'untranslated'}: {msgid!r}")
    assert not problems, ("run scripts/update_catalogue.py, translate these in tui/locale/ro/LC_MESSAGES/renewals.po "
                          "(/work/translate/BRIEF.md), run it again:\n" + "\n".join(problems))
