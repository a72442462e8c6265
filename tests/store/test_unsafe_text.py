"""A data file edited by hand or from elsewhere cannot drive the terminal: unsafe characters are shown."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.demo import create_demo_database
from tui.store.file.unsafe_text import may_hold_unsafe_text

UNSAFE_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


def unsafe_code_points() -> list[str]:
    return [chr(cp) for cp in range(sys.maxunicode + 1)
            if unicodedata.category(chr(cp)) in UNSAFE_CATEGORIES and chr(cp) not in "\t\n"]


def test_every_unsafe_character_is_found_however_the_json_was_written() -> None:
    missed = [f"U+{ord(ch):04X}" for ch in unsafe_code_points()
              if not all(may_hold_unsafe_text(json.dumps({"notes": f"a{ch}b"}, ensure_ascii=ascii).encode())
                         for ascii in (False, True))]
    assert missed == []


def test_a_lone_surrogate_is_found() -> None:
    assert may_hold_unsafe_text(b'{"notes": "a\\udc80b"}')


@pytest.mark.parametrize("text", ["plain", "Timișoara – Brașov…", "line one\nline two", "tab\there", "€ 1.234,56"])
def test_ordinary_text_is_not_suspected(text: str) -> None:
    assert not may_hold_unsafe_text(json.dumps({"notes": text}, ensure_ascii=False).encode())


def test_the_demo_file_is_not_suspected(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    create_demo_database(path, TODAY).close()
    assert not may_hold_unsafe_text(path.read_bytes())


def test_escape_sequences_written_into_the_file_by_hand_are_shown_not_obeyed(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    create_demo_database(path, TODAY).close()
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = next(iter(data["contracts"].values()))
    doc["notes"] = "before\x1b]0;TITLE\x07 after\nsecond line\twith a tab"
    doc["product"] = "Backup\u202eExec\x9b2J"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    written = path.read_bytes()
    contract = ContractRepository(Store(path)).get(doc["id"])
    assert contract.notes == "before\\x1b]0;TITLE\\x07 after\nsecond line\twith a tab"
    assert contract.product == "Backup\\u202eExec\\x9b2J"
    assert path.read_bytes() == written  # reading changes nothing on disk
