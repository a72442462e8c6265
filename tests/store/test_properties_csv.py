"""Property tests of the CSV readers: whatever a spreadsheet writes reads back cell for cell, on the right
line, or is refused with Problems; nothing else ever escapes.  Valid contracts survive export → import."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.domain.contract import CONTRACT_COLUMNS, REQUIRED_COLUMNS, Contract
from tui.domain.contract_validation import MAX_LENGTH, MAX_QUANTITY
from tui.domain.money import CURRENCIES
from tui.domain.parsing import MAX_WHOLE_DIGITS, MAX_YEAR, MIN_YEAR
from tui.domain.partner import PARTNER_COLUMNS
from tui.domain.text import has_control_chars
from tui.domain.usage import USAGE_COLUMNS
from tui.store.transfer.contract_csv import plan_contract_import, write_contracts_csv
from tui.store.transfer.csv_reader import CsvRejected, read_csv
from tui.store.transfer.partner_csv import REQUIRED_PARTNER_COLUMNS, plan_partner_import
from tui.store.transfer.usage_csv import plan_usage_import

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
KINDS = {
    "contracts": (CONTRACT_COLUMNS, REQUIRED_COLUMNS),
    "partners": (PARTNER_COLUMNS, REQUIRED_PARTNER_COLUMNS),
    "usage": (USAGE_COLUMNS, frozenset(USAGE_COLUMNS)),
}
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what the reader counts as the end of a line


@st.composite
def headers(draw):
    """The columns of one kind, required ones first-class, in any order, case and padding."""
    kind = draw(st.sampled_from(sorted(KINDS)))
    known, required = KINDS[kind]
    optional = [c for c in known if c not in required]
    columns = sorted(required) + draw(st.lists(st.sampled_from(optional), unique=True)) if optional else \
        sorted(required)
    columns = draw(st.permutations(columns))
    spelled = [draw(st.sampled_from([c, c.upper(), f" {c} ", c.title()])) for c in columns]
    return kind, list(columns), spelled


cells = st.text(max_size=12) | st.sampled_from(["", " ", "\t", "a,b", "a;b", '"', '""x', "x\ny", "x\r\ny", "x\ry",
                                                 "\x00", "\x1b[2J", "1.234,56", "\ufeffBOM"])


@SETTINGS
@given(header=headers(), delimiter=st.sampled_from([",", ";"]), terminator=st.sampled_from(["\r\n", "\n"]),
       blank_lines_first=st.integers(0, 2), data=st.data())
def test_any_table_reads_back_cell_for_cell_on_the_right_line(tmp_path: Path, header, delimiter, terminator,
                                                              blank_lines_first, data):
    kind, columns, spelled = header
    known, required = KINDS[kind]
    width = len(columns)
    rows = data.draw(st.lists(st.lists(cells, min_size=1, max_size=width + 1), max_size=6))
    if terminator == "\n":  # Python's writer only quotes a lone CR when it is part of the line terminator
        rows = [[cell.replace("\r", "") for cell in row] for row in rows]
    assume(len(columns) > 1 or delimiter == ",")  # a one-column file has no delimiter to recognise

    buffer = io.StringIO(newline="")
    buffer.write(terminator * blank_lines_first)
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator)
    writer.writerow(spelled)
    starts = []
    for row in rows:
        starts.append(len(LINE_BREAK.findall(buffer.getvalue())) + 1)
        writer.writerow(row)
    path = tmp_path / "table.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))

    def blank(row):
        return not any(cell.strip() for cell in row)

    too_long = [line for line, row in zip(starts, rows) if not blank(row) and len(row) > width]
    try:
        table = read_csv(path, known=known, required=required, name="t.csv")
    except CsvRejected as rejected:
        assert too_long, rejected.problems
        assert [p.line for p in rejected.problems] == too_long
        assert {p.column for p in rejected.problems} == {"row"}
        return
    assert not too_long
    assert table.columns == columns
    assert table.decimal_comma == (delimiter == ";")
    expected = [(line, dict(zip(columns, row + [""] * (width - len(row)))))
                for line, row in zip(starts, rows) if not blank(row)]
    assert table.rows == expected


@SETTINGS
@given(content=st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_any_file_is_read_or_refused_with_problems(tmp_path: Path, content):
    path = tmp_path / "any.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    for known, required in KINDS.values():
        try:
            read_csv(path, known=known, required=required)
        except CsvRejected as rejected:
            assert rejected.problems
            for problem in rejected.problems:
                assert not has_control_chars(str(problem)), problem


@SETTINGS
@given(kind=st.sampled_from(sorted(KINDS)), delimiter=st.sampled_from([",", ";"]),
       rows=st.lists(st.lists(cells | st.text(max_size=30), min_size=11, max_size=11), min_size=1, max_size=4))
def test_any_cells_under_a_good_header_are_imported_or_refused_printably(tmp_path: Path, kind, delimiter, rows):
    """The three importers on arbitrary cells: a plan, or Problems that are each one printable line."""
    known = KINDS[kind][0]
    path = tmp_path / "cells.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(known)
        writer.writerows(row[: len(known)] for row in rows)
    try:
        if kind == "contracts":
            plan = plan_contract_import(path, {})
        elif kind == "partners":
            plan = plan_partner_import(path, {})
        else:
            plan = plan_usage_import(path, {}, ["Backup Exec"], today=date(2026, 11, 27), allow_new_products=True)
    except CsvRejected as rejected:
        for problem in rejected.problems:
            text = str(problem)
            assert "\n" not in text and not has_control_chars(text), text
            assert len(text) < 400, text
        return
    for line in plan.describe():
        assert not has_control_chars(line), line


# --- contracts: export → import changes nothing -------------------------------------------------------------

# Characters a field may hold: anything printable (tabs too), none of the control characters the rules refuse.
FIELD_CHAR = st.characters(blacklist_categories=("Cc", "Cf", "Zl", "Zp", "Cs")) | st.just("\t")


def field(name: str, *, required: bool = False, lines: bool = False):
    alphabet = FIELD_CHAR | st.just("\n") if lines else FIELD_CHAR
    text = st.text(alphabet, max_size=min(MAX_LENGTH[name], 40)).map(str.strip)
    return text.filter(bool) if required else text


@st.composite
def contracts(draw):
    end = draw(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)))
    start = draw(st.none() | st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=end))
    price = draw(st.decimals(min_value=0, max_value=Decimal(10) ** MAX_WHOLE_DIGITS - 1, places=draw(st.integers(0, 4)),
                             allow_nan=False, allow_infinity=False))
    return Contract(
        id=draw(field("id", required=True)), product=draw(field("product", required=True)),
        quantity=draw(st.integers(1, MAX_QUANTITY)), start=start, end=end, unit_price=price,
        currency=draw(st.sampled_from(sorted(CURRENCIES))), partner=draw(field("partner")),
        certificate=draw(field("certificate")), order=draw(field("order")), notes=draw(field("notes", lines=True)),
    )


@SETTINGS
@given(items=st.lists(contracts(), min_size=1, max_size=5, unique_by=lambda c: c.id))
def test_any_valid_contract_survives_export_then_import(tmp_path: Path, items):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_contracts_csv(items, stream)
    plan = plan_contract_import(path, {})
    assert plan.new == items
    for imported, original in zip(plan.new, items):
        assert imported.unit_price.as_tuple() == original.unit_price.as_tuple()  # 20.00 stays 20.00
        assert not original.changes_to(imported)
    again = plan_contract_import(path, {c.id: c for c in items})
    assert (again.new, again.changed, again.unchanged) == ([], [], len(items))
