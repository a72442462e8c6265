"""Files as spreadsheets save them: ambiguous thousands, UTF-16 and legacy encodings, unterminated quotes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import CSV_HEADER, write_csv
from tui.store.transfer.contract_csv import plan_contract_import
from tui.store.transfer.csv_reader import CsvRejected

ROW = "SEP-1,Endpoint Protection,250,2025-01-01,2026-12-31,95.00,RON,p0001,LC-1,PO-1,HQ"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(CsvRejected) as rejected:
        plan_contract_import(path, {})
    return [str(p) for p in rejected.value.problems]


def test_a_lone_thousands_comma_in_a_comma_file_is_refused_as_ambiguous(tmp_path: Path) -> None:
    """LibreOffice in a Romanian locale saves 1,234 meaning 1.234: never read it as 1234."""
    path = write_csv(tmp_path / "c.csv", ROW.replace("95.00", '"1,234"'))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:2: unit_price: '1,234' is ambiguous: thousands or decimals?")
    assert "1234" in problem and "1.234" in problem  # how to write either meaning


def test_a_lone_thousands_point_in_a_semicolon_file_gets_the_same_message(tmp_path: Path) -> None:
    header = CSV_HEADER.replace(",", ";")
    path = write_csv(tmp_path / "c.csv", ROW.replace(",", ";").replace("95.00", "1.234"), header=header)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:2: unit_price: '1.234' is ambiguous: thousands or decimals?")
    assert "1234" in problem and "1,234" in problem


def test_unambiguous_groupings_are_still_read(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ROW.replace("95.00", '"1,234.00"'),
                     ROW.replace("SEP-1", "SEP-2").replace("95.00", '"1,234,567"'))
    plan = plan_contract_import(path, {})
    assert [c.unit_price for c in plan.new] == [Decimal("1234.00"), Decimal("1234567")]


@pytest.mark.parametrize("encoding", ["cp1250", "utf-16-le", "utf-16-be"])
def test_a_file_in_another_encoding_is_refused_with_how_to_save_it_as_utf8(tmp_path: Path, encoding) -> None:
    path = write_csv(tmp_path / "c.csv", ROW.replace("Endpoint Protection", "Protecţie"), encoding=encoding)
    [problem] = problems_of(path)
    assert "not UTF-8 text" in problem
    assert "Excel" in problem and "CSV UTF-8" in problem and "LibreOffice" in problem


@pytest.mark.parametrize("delimiter", ["\t", ","])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_bom_is_read(tmp_path: Path, delimiter, encoding) -> None:
    """Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated."""
    text = (CSV_HEADER + ROW.replace("Endpoint Protection", "Protecție Ș") + "\n").replace(",", delimiter)
    path = tmp_path / "unicode.txt"
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # Python's "utf-16" writes its own BOM
    path.write_bytes((bom + text).encode(encoding))
    [contract] = plan_contract_import(path, {}).new
    assert contract.product == "Protecție Ș" and contract.unit_price == Decimal("95.00")
    assert contract.notes == "HQ"


def test_an_unterminated_quote_is_reported_at_the_line_it_starts(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "q.csv", ROW.replace("SEP-1", "SEP-0"), ROW.replace(",HQ", ',"HQ'),
                     ROW.replace("SEP-1", "SEP-2"))
    problems = problems_of(path)
    assert problems == [f"{path}:3: row: unterminated quote: the \" opened on this line is never closed"]
