"""Every column of the three CSV imports (contracts, partners, usage) fed hostile values, and hostile files:
each row is refused with one clear, printable Problem on the right line and column, or imported as written."""

from __future__ import annotations

import csv
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.abuse_values import HOSTILE_VALUES
from tui.domain.contract import CONTRACT_COLUMNS
from tui.domain.partner import PARTNER_COLUMNS
from tui.domain.text import has_control_chars
from tui.domain.usage import USAGE_COLUMNS
from tui.store.transfer.contract_csv import plan_contract_import
from tui.store.transfer.csv_reader import CsvRejected, Problem, read_csv
from tui.store.transfer.partner_csv import plan_partner_import
from tui.store.transfer.usage_csv import plan_usage_import

TODAY = date(2026, 11, 27)

ABUSE = {
    "empty": "",
    "whitespace": "  \t ",
    "long": "x" * 10_000,
    **HOSTILE_VALUES,
}
TEXTUAL = {"emoji", "combining", "flag", "diacritics", "exponent", "thousands en", "thousands ro", "date min",
           "date max", "date invalid"}
BLANK = {"empty", "whitespace"}

GOOD = {
    "contracts": dict(id="C-1", product="Backup Exec", quantity="10", start="", end="2027-03-31", unit_price="20",
                      currency="RON", partner="", certificate="", order="", notes=""),
    "partners": dict(id="p1", name="Alfa SRL", tier="Gold", kind="reseller", country="RO", city="Brașov",
                     specialisations="", languages="", email="", phone="", website=""),
    "usage": dict(product="Backup Exec", date="2026-11-01", in_use="3"),
}

OTHER_KEY = {"contracts": {"id": "C-0"}, "partners": {"id": "p0"}, "usage": {"date": "2026-10-01"}}


def accepted_as(kind: str, column: str, name: str, delimiter: str) -> str | None:
    """What the column holds after importing ABUSE[name], or None when the row must be refused."""
    value = ABUSE[name]
    free_text = {"contracts": ("id", "product", "partner", "certificate", "order", "notes"),
                 "partners": ("name", "city") + (("id",) if " " not in value else ()),
                 "usage": ("product",)}[kind]
    optional = {"contracts": ("start", "partner", "certificate", "order", "notes"),
                "partners": ("specialisations", "languages", "email", "phone", "website"), "usage": ()}[kind]
    if column in free_text and name in TEXTUAL:
        return value
    if column in optional and name in BLANK:
        return ""
    if column == "unit_price" and name == {",": "thousands en", ";": "thousands ro"}[delimiter]:
        return "1234.56"
    if (kind, column) == ("partners", "phone") and name.startswith("date"):
        return value  # digits and dashes or dots: a phone number's shape
    if (kind, column) == ("partners", "website") and name == "date invalid":
        return "https://" + value  # dotted labels: a host name's shape
    return None


def plan(kind: str, path: Path):
    if kind == "contracts":
        return plan_contract_import(path, {}, name="in.csv")
    if kind == "partners":
        return plan_partner_import(path, {}, name="in.csv")
    return plan_usage_import(path, {}, ["Backup Exec"], today=TODAY, allow_new_products=True, name="in.csv")


def write(path: Path, header, rows, delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def assert_printable(problems: list[Problem]) -> None:
    for problem in problems:
        text = str(problem)
        assert "\n" not in text and not has_control_chars(text), text
        assert len(text) < 300, text


CASES = [pytest.param(kind, column, name, id=f"{kind}-{column}-{name}")
         for kind, columns in (("contracts", CONTRACT_COLUMNS), ("partners", PARTNER_COLUMNS), ("usage", USAGE_COLUMNS))
         for column in columns for name in ABUSE]


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize(("kind", "column", "name"), CASES)
def test_every_column_with_every_hostile_value(tmp_path: Path, kind, column, name, delimiter):
    good = GOOD[kind]
    first = {**good, **OTHER_KEY[kind]}  # a valid row before it: the problem must name line 3, not 2
    path = write(tmp_path / "in.csv", list(good), [list(first.values()), list({**good, column: ABUSE[name]}.values())],
                 delimiter)
    expected = accepted_as(kind, column, name, delimiter)
    if expected is None:
        with pytest.raises(CsvRejected) as rejected:
            plan(kind, path)
        problems = rejected.value.problems
        assert [(p.line, p.column) for p in problems] == [(3, column)], problems
        assert_printable(problems)
        return
    imported = plan(kind, path).new
    assert len(imported) == 2
    stored = imported[-1]
    assert (stored.product if kind == "usage" else stored.field_text(column)) == expected


# --- hostile headers, files and paths -----------------------------------------------------------------------


@pytest.mark.parametrize("column", ["\x1b[31mid\x1b[0m", "x" * 10_000, "👍", "prodúct", "e\u0301", "", "\x00"])
def test_a_hostile_column_name_is_named_printably_and_briefly(tmp_path: Path, column):
    path = write(tmp_path / "h.csv", [*CONTRACT_COLUMNS, column], [["C-1"]])
    with pytest.raises(CsvRejected) as rejected:
        plan_contract_import(path, {})
    problems = rejected.value.problems
    assert problems and all(p.line == 1 for p in problems)
    assert_printable(problems)
    assert any("unknown column" in p.message for p in problems) or column == ""


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"   \n\t\n\n", "empty"),
    (b"\xef\xbb\xbf", "empty"),  # a BOM alone
    (b"id,product\n\xff\xfe\x00bad", "not UTF-8"),
    (b"\x00\x00\x00\x00", "unknown column"),
    (b"\x1b[2J\x1b[H,\x07", "unknown column"),
    (b"x" * 10_000 + b"\n", "unknown column"),
])
def test_hostile_files_are_refused_with_a_reason(tmp_path: Path, content, message):
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    for importer in ("contracts", "partners", "usage"):
        with pytest.raises(CsvRejected) as rejected:
            plan(importer, path)
        assert any(message in p.message for p in rejected.value.problems), rejected.value.problems
        assert_printable(rejected.value.problems)


def test_a_cell_too_big_for_the_csv_module_is_a_problem_not_a_crash(tmp_path: Path):
    path = write(tmp_path / "big.csv", list(GOOD["contracts"]), [["C-1", "x" * 200_000]])
    with pytest.raises(CsvRejected) as rejected:
        plan_contract_import(path, {})
    [problem] = rejected.value.problems
    assert problem.column == "row" and "unreadable CSV" in problem.message


def test_an_unterminated_quote_reads_to_the_end_and_is_refused(tmp_path: Path):
    path = tmp_path / "q.csv"
    path.write_text(",".join(CONTRACT_COLUMNS) + '\nC-1,"Backup Exec,10\nC-2,x,1,,2027-01-01,1,RON,,,,\n',
                    encoding="utf-8")
    with pytest.raises(CsvRejected) as rejected:
        plan_contract_import(path, {})
    assert rejected.value.problems and rejected.value.problems[0].line == 2


def test_ten_thousand_rows_of_hostile_text_are_all_reported(tmp_path: Path):
    rows = [[f"C-{i}", "\x1b[31m", "1", "", "2027-01-01", "1", "RON", "", "", "", ""] for i in range(10_000)]
    path = write(tmp_path / "many.csv", CONTRACT_COLUMNS, rows)
    with pytest.raises(CsvRejected) as rejected:
        plan_contract_import(path, {})
    problems = rejected.value.problems
    assert len(problems) == 10_000 and problems[-1].line == 10_001
    assert {p.message for p in problems} == {"contains control characters"}


@pytest.mark.parametrize("name", ["\x1b[31mred\x1b[0m.csv", "x" * 10_000 + ".csv", "a\x00b.csv", "👍 Brașov.csv"])
def test_a_hostile_file_name_is_a_problem_shown_printably(tmp_path: Path, name):
    """A missing file, a name too long for the file system or holding a NUL: a Problem, never an OSError."""
    with pytest.raises(CsvRejected) as rejected:
        read_csv(tmp_path / name, known=CONTRACT_COLUMNS, required=())
    [problem] = rejected.value.problems
    assert problem.column == "file" and problem.message
    assert not has_control_chars(str(problem))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_a_problem(tmp_path: Path):
    path = write(tmp_path / "secret.csv", CONTRACT_COLUMNS, [])
    path.chmod(0)
    with pytest.raises(CsvRejected) as rejected:
        read_csv(path, known=CONTRACT_COLUMNS, required=())
    assert "cannot be read" in rejected.value.problems[0].message


def test_a_file_named_with_escapes_is_printed_escaped(tmp_path: Path):
    path = write(tmp_path / "\x1b[2Jbad.csv", CONTRACT_COLUMNS, [["C-1"]])
    with pytest.raises(CsvRejected) as rejected:
        plan_contract_import(path, {})
    assert all("\\x1b[2Jbad.csv:2:" in str(p) for p in rejected.value.problems)


def test_romanian_and_emoji_rows_import_exactly(tmp_path: Path):
    path = write(tmp_path / "ro.csv", CONTRACT_COLUMNS,
                 [["RO-1", "Protecție Brașov ȘȚĂÂÎ", "1.234", "01.01.2026", "31.12.2027", "1.234,56", "ron", "",
                   "e\u0301", "🇷🇴", "👍\nline two"]], delimiter=";")
    with pytest.raises(CsvRejected):  # "1.234" licences: not a whole number in any style
        plan_contract_import(path, {})
    path = write(tmp_path / "ro.csv", CONTRACT_COLUMNS,
                 [["RO-1", "Protecție Brașov ȘȚĂÂÎ", "1234", "01.01.2026", "31.12.2027", "1.234,56", "ron", "",
                   "e\u0301", "🇷🇴", "👍\nline two"]], delimiter=";")
    [contract] = plan_contract_import(path, {}).new
    assert (contract.product, contract.quantity, contract.unit_price, contract.currency) == (
        "Protecție Brașov ȘȚĂÂÎ", 1234, Decimal("1234.56"), "RON")
    assert (contract.certificate, contract.order, contract.notes) == ("e\u0301", "🇷🇴", "👍\nline two")
