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


def has_control_chars(text: str) -> bool:
    """True when `text` holds characters that must never reach a terminal raw (ESC, BEL, …)."""
    if text.isascii() and text.isprintable():
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t" for ch in text)


def printable(text: str) -> str:
    """`text` with control characters shown as `\\xNN` so they can be printed safely."""
    if not has_control_chars(text):
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf") and ch != "\t"
        else ch
        for ch in text
    )
