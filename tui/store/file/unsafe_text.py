"""Characters in a data file that must not reach the terminal raw, found and made visible on load.

Everything the app writes is checked when typed or imported (`check_text`), but a data file can also be
edited by hand or come from elsewhere: an escape sequence in a contract's notes would then drive the
administrator's terminal (set its title, recolour it, worse) as soon as the detail panel showed it.

Checking every string of 10,000 records on every load would cost start-up ~40 ms, so the file's bytes
are searched once instead (~2 ms with 10,000 contracts).  Such characters are in a JSON file either as
an escape (`\\u…`, `\\b`, `\\f`, `\\r`: controls, and anything at all when the writer escaped non-ASCII)
or raw (DEL, C1 controls, format characters such as bidi overrides, line and paragraph separators).
Only a file with a hit is walked; its strings holding such characters are shown as `\\x1b`-style text
(line breaks and tabs stay).  The file itself is not changed until something is saved.
"""

from __future__ import annotations

import re
from typing import Any

from tui.domain.text import has_control_chars, printable_lines

_ESCAPES = re.compile(rb"\\[ubfr]")
# The UTF-8 encodings of the characters of categories Cf, Zl and Zp and of the C1 controls
# (unicodedata 14.0).  tests/store/test_unsafe_text.py checks every code point of those categories
# against this, so a newer Python with new format characters fails a test rather than a terminal.
_RAW_UNSAFE_UTF8 = re.compile(
    rb"\xc2[\x80-\x9f\xad]|\xd8[\x80-\x85\x9c]|\xdb\x9d|\xdc\x8f|\xe0\xa2[\x90\x91]|\xe0\xa3\xa2|\xe1\xa0\x8e"
    rb"|\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa0-\xa4\xa6-\xaf]|\xef\xbb\xbf|\xef\xbf[\xb9-\xbb]"
    rb"|\xf0\x91\x82\xbd|\xf0\x91\x83\x8d|\xf0\x93\x90[\xb0-\xbf]|\xf0\x9b\xb2[\xa0-\xa3]|\xf0\x9d\x85[\xb3-\xba]"
    rb"|\xf3\xa0\x80[\x81\xa0-\xbf]|\xf3\xa0\x81[\x80-\xbf]"
)
_ASCII = bytes(range(128))


def may_hold_unsafe_text(raw: bytes) -> bool:
    """False when no string in this UTF-8 JSON can hold a character unsafe for a terminal."""
    if b"\\" in raw and _ESCAPES.search(raw):
        return True
    if b"\x7f" in raw:
        return True
    if raw.isascii():
        return False
    # Only the non-ASCII bytes: whole UTF-8 sequences, so a match is always a whole character.
    return _RAW_UNSAFE_UTF8.search(raw.translate(None, _ASCII)) is not None


def made_printable(value: Any) -> Any:
    """`value` (parsed JSON) with every string holding unsafe characters shown as printable text."""
    if isinstance(value, str):
        return printable_lines(value) if has_control_chars(value.replace("\n", "")) else value
    if isinstance(value, dict):
        return {key: made_printable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [made_printable(item) for item in value]
    return value
