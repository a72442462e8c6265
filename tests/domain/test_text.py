"""Folding for search, and keeping control characters away from the terminal."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.text import cell_width, fold, has_control_chars, printable


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Timișoara", "timisoara"),  # ș comma below (U+0219)
        ("Timişoara", "timisoara"),  # ş cedilla (U+015F)
        ("BRAȘOV", "brasov"),
        ("Constanța", "constanta"),  # ț comma below (U+021B)
        ("Constanţa", "constanta"),  # ţ cedilla (U+0163)
        ("Pitești", "pitesti"),
        ("Bacău", "bacau"),
        ("Brăila", "braila"),
        ("România", "romania"),
        ("Târgu Mureș", "targu mures"),
        ("Întâi", "intai"),
        ("ȘșŞşȚțŢţĂăÂâÎî", "ssssttttaaaaii"),
        ("Straße", "strasse"),
        ("𝐀𝐁𝐂 ＡＢＣ", "abc abc"),  # compatibility capitals fold too
        ("plain ascii 123", "plain ascii 123"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_makes_search_match():
    assert fold("timisoara") in fold("Universitatea din Timișoara")


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize("text", ["\x1b[31m", "a\x07", "a\nb", "a\rb", "\x00", "\x7f", "\x9b", "a\u202eb", "a\u200bb"])
def test_control_characters_detected(text):
    assert has_control_chars(text)


@pytest.mark.parametrize("text", ["", "plain", "tab\tinside", "Timișoara", "1.234,56 lei", "€ — …"])
def test_ordinary_text_is_not_control(text):
    assert not has_control_chars(text)


def test_printable_escapes_esc():
    assert printable("\x1b[2Jboom") == "\\x1b[2Jboom"
    assert printable("bell\x07") == "bell\\x07"
    assert printable("a\nb") == "a\\nb"
    assert printable("a\u202eb") == "a\\u202eb"


def test_printable_leaves_ordinary_text_alone():
    for text in ("Brașov", "tab\there", ""):
        assert printable(text) == text


@given(st.text())
def test_printable_output_has_no_control_characters(text):
    assert not has_control_chars(printable(text))


def test_the_printable_shortcut_never_lets_an_unsafe_character_through() -> None:
    """has_control_chars trusts str.isprintable(): it must be False for every category it looks for."""
    leaks = [f"U+{cp:04X}" for cp in range(sys.maxunicode + 1)
             if chr(cp).isprintable() and unicodedata.category(chr(cp)) in ("Cc", "Cf", "Zl", "Zp", "Cs")]
    assert leaks == []


def test_below_u0300_every_character_but_the_soft_hyphen_takes_one_column() -> None:
    """cell_width's shortcut for Latin text (Romanian included)."""
    assert cell_width("Ștefan Țiriac, Brașov") == 21 and cell_width("co\u00adop") == 4
    wider_or_narrower = [f"U+{cp:04X}" for cp in range(0x300) if cp != 0xAD and (
        unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf") or unicodedata.east_asian_width(chr(cp)) in "WF")]
    assert wider_or_narrower == []


EMOJI_SEQUENCES = ["👨\u200d👩\u200d👧", "🏳️\u200d🌈", "❤\ufe0f", "☎\ufe0e", "漢\U000e0100"]  # ZWJ, variation selectors


@pytest.mark.parametrize("text", EMOJI_SEQUENCES)
def test_emoji_sequences_are_text(text):
    """The zero-width joiner and the variation selectors are part of emoji, not controls."""
    assert not has_control_chars(text)
    assert printable(text) == text
