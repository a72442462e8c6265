"""Text folding shared by every search: case- and diacritics-insensitive."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case `text` and drop accents: "Timișoara" -> "timisoara", "BRAȘOV" -> "brasov".

    NFKD splits ș/ş/ț/ţ/ă/â/î into a base letter plus a combining mark, which
    is then dropped; that covers both the comma-below and cedilla spellings.
    """
    if text.isascii():  # the common case, and 20x faster: nothing to decompose
        return text.lower()
    # Case-fold between two decompositions: NFKD can yield capitals ("𝐀" -> "A").
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Controls (ESC, BEL, …), formats (bidi overrides, …), the Unicode line and paragraph separators
# (a terminal may break the line there) and lone surrogates (undecodable bytes; cannot be printed).
_CONTROL_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Cs")
# …but the tab, and the zero-width joiner that emoji sequences are made of (👨‍💻: "Cf", yet part of the
# text; the variation selectors that pick an emoji's look are marks, "Mn", and were never refused).
_PART_OF_TEXT = "\t\u200d"


def has_control_chars(text: str) -> bool:
    """True when `text` holds characters that must never reach a terminal raw (ESC, BEL, …)."""
    if text.isprintable():  # C-fast, and False for every category below (and a few more)
        return False
    return any(unicodedata.category(ch) in _CONTROL_CATEGORIES and ch not in _PART_OF_TEXT for ch in text)


def printable(text: str) -> str:
    """`text` with control characters shown as `\\xNN` so they can be printed safely."""
    if not has_control_chars(text):
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in _CONTROL_CATEGORIES and ch not in _PART_OF_TEXT
        else ch
        for ch in text
    )


def printable_lines(text: str) -> str:
    """Like `printable`, but line breaks stay line breaks (for messages of several lines)."""
    if text.replace("\n", "").isprintable() or not has_control_chars(text):
        return text
    return "\n".join(printable(line) for line in text.split("\n"))


def clip(text: str, limit: int = 40) -> str:
    """`text` made printable and cut to `limit` characters (with "…"), for echoing a value in a message."""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cell_width(text: str) -> int:
    """How many terminal columns `text` takes: wide characters (CJK, most emoji) 2, combining marks 0."""
    # Below U+0300 (Latin, with Romanian's ș and ț) every character takes one column, but the soft
    # hyphen (a regular expression for this took 6 ms to compile at start-up).
    if text.isascii() or (max(text) < "\u0300" and "\u00ad" not in text):
        return len(text)
    return sum(
        0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def without_control_chars(text: str, keep: str = "\n\r\t") -> str:
    """`text` with the characters `has_control_chars` objects to removed (those in `keep` stay)."""
    if not has_control_chars(text):
        return text
    return "".join(ch for ch in text if ch in keep or ch == "\u200d"
                   or unicodedata.category(ch) not in _CONTROL_CATEGORIES)
