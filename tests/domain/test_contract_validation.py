"""validate_contract: the one set of rules for CSV rows and the form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tui.domain.contract import REQUIRED_COLUMNS, Contract
from tui.domain.contract_validation import MAX_LENGTH, MAX_QUANTITY, check_text, validate_contract
from tui.domain.parsing import ParseError

VALID = {
    "id": "SEP-2021-0417",
    "product": "Endpoint Protection",
    "quantity": "250",
    "start": "2023-01-02",
    "end": "2025-11-22",
    "unit_price": "95.00",
    "currency": "RON",
    "partner": "p0001",
    "certificate": "LC-7781-2201",
    "order": "PO-2021-118",
    "notes": "Headquarters, Bucharest",
}


def row(**changes: str) -> dict[str, str]:
    return {**VALID, **changes}


def errors_of(raw, **kwargs) -> dict[str, str]:
    contract, errors = validate_contract(raw, **kwargs)
    assert contract is None
    assert errors
    return errors


def test_valid_row_gives_a_contract():
    contract, errors = validate_contract(VALID)
    assert errors == {}
    assert contract == Contract(
        id="SEP-2021-0417",
        product="Endpoint Protection",
        quantity=250,
        end=date(2025, 11, 22),
        unit_price=Decimal("95.00"),
        currency="RON",
        start=date(2023, 1, 2),
        partner="p0001",
        certificate="LC-7781-2201",
        order="PO-2021-118",
        notes="Headquarters, Bucharest",
    )


def test_only_required_fields():
    raw = {name: VALID[name] for name in REQUIRED_COLUMNS}
    contract, errors = validate_contract(raw)
    assert errors == {}
    assert contract.start is None and contract.partner == "" and contract.notes == ""


def test_fields_are_stripped():
    contract, _ = validate_contract(row(id="  A-1 ", product=" Backup Exec\t", currency=" eur "))
    assert (contract.id, contract.product, contract.currency) == ("A-1", "Backup Exec", "EUR")


@pytest.mark.parametrize("name", sorted(REQUIRED_COLUMNS))
def test_missing_required_field(name):
    assert name in errors_of(row(**{name: ""}))
    assert name in errors_of(row(**{name: "   "}))
    raw = row()
    del raw[name]
    assert name in errors_of(raw)


def test_none_is_treated_as_empty():
    # csv.DictReader gives None for missing trailing cells.
    errors = errors_of(row(product=None, notes=None))  # type: ignore[arg-type]
    assert list(errors) == ["product"]


def test_errors_for_every_failing_field_in_column_order():
    errors = errors_of(row(id="", quantity="x", end="soon", currency="XXX"))
    assert list(errors) == ["id", "quantity", "end", "currency"]


# --- quantity -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0", "-1", "2.5", "10.0", "1e3", "+5", "many", str(MAX_QUANTITY + 1)])
def test_bad_quantities(text):
    assert "quantity" in errors_of(row(quantity=text))


@pytest.mark.parametrize("text", ["1", str(MAX_QUANTITY)])
def test_quantity_limits_accepted(text):
    contract, errors = validate_contract(row(quantity=text))
    assert errors == {} and contract.quantity == int(text)


# --- price ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["-1", "abc", "1e2", "12.34567", "95,00", "1.234,56"])
def test_bad_prices(text):
    assert "unit_price" in errors_of(row(unit_price=text))


def test_free_maintenance_allowed():
    contract, errors = validate_contract(row(unit_price="0"))
    assert errors == {} and contract.unit_price == 0


def test_price_with_decimal_comma_when_the_file_uses_it():
    contract, errors = validate_contract(row(unit_price="1.234,56"), decimal_comma=True)
    assert errors == {} and contract.unit_price == Decimal("1234.56")
    assert "unit_price" in errors_of(row(unit_price="1,234.56"), decimal_comma=True)


def test_price_keeps_four_places():
    contract, _ = validate_contract(row(unit_price="0.3650"))
    assert contract.unit_price == Decimal("0.3650")


# --- dates ------------------------------------------------------------------------------------------


def test_end_before_start_refused():
    errors = errors_of(row(start="2026-01-02", end="2026-01-01"))
    assert list(errors) == ["end"]
    assert "2026-01-02" in errors["end"]


def test_end_on_start_accepted():
    _, errors = validate_contract(row(start="2026-01-01", end="2026-01-01"))
    assert errors == {}


def test_start_is_optional_but_checked():
    contract, errors = validate_contract(row(start=""))
    assert errors == {} and contract.start is None
    assert "start" in errors_of(row(start="01/02/2027"))


def test_bad_start_does_not_also_blame_end():
    assert list(errors_of(row(start="2027-02-30"))) == ["start"]


def test_romanian_dates():
    contract, _ = validate_contract(row(start="02.01.2023", end="22.11.2025"))
    assert (contract.start, contract.end) == (date(2023, 1, 2), date(2025, 11, 22))


# --- currency -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "code"), [("ron", "RON"), ("Eur", "EUR"), (" usd ", "USD")])
def test_currency_normalised_to_upper_case(text, code):
    contract, _ = validate_contract(row(currency=text))
    assert contract.currency == code


@pytest.mark.parametrize("text", ["XXX", "lei", "RONN", "€", "E\x1bUR"])
def test_unknown_currency(text):
    errors = errors_of(row(currency=text))
    assert "unknown currency" in errors["currency"]
    assert "\x1b" not in errors["currency"]


# --- free text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["id", "product", "partner", "certificate", "order", "notes"])
@pytest.mark.parametrize("bad", ["\x1b[31mred", "bell\x07", "nul\x00", "bidi\u202eevil", "del\x7f"])
def test_control_characters_refused(name, bad):
    errors = errors_of(row(**{name: bad}))
    assert "control characters" in errors[name]


@pytest.mark.parametrize("name", ["id", "product", "partner", "certificate", "order"])
def test_line_breaks_refused_outside_notes(name):
    assert "control characters" in errors_of(row(**{name: "two\nlines"}))[name]


def test_notes_may_hold_line_breaks():
    contract, errors = validate_contract(row(notes="first\r\nsecond\rthird\nfourth"))
    assert errors == {} and contract.notes == "first\nsecond\nthird\nfourth"


def test_notes_refuse_other_control_characters():
    assert "control characters" in errors_of(row(notes="first\nsecond\x1b[2J"))["notes"]


def test_tab_inside_text_is_allowed():
    contract, errors = validate_contract(row(notes="a\tb"))
    assert errors == {} and contract.notes == "a\tb"


@pytest.mark.parametrize("name", sorted(MAX_LENGTH))
def test_too_long_refused(name):
    limit = MAX_LENGTH[name]
    contract, errors = validate_contract(row(**{name: "x" * limit}))
    assert errors == {}
    errors = errors_of(row(**{name: "x" * (limit + 1)}))
    assert "too long" in errors[name] and str(limit) in errors[name]


def test_romanian_diacritics_are_fine():
    contract, errors = validate_contract(row(product="Protecție ștație Țară", notes="Timișoara, Brașov"))
    assert errors == {} and contract.product == "Protecție ștație Țară"


def test_check_text_directly():
    assert check_text("  x ", "notes", required=False) == "x"
    assert check_text("", "notes", required=False) == ""
    with pytest.raises(ParseError, match="required"):
        check_text(" ", "id", required=True)


def test_a_partner_must_be_in_the_directory_unless_the_contract_already_had_it():
    raw = dict(id="C-1", product="Backup Exec", quantity="3", end="2027-01-31", unit_price="10", currency="RON",
               partner="p9999")
    contract, errors = validate_contract(raw, partners={"p0001": "Alfa", "p0002": "Beta"})
    assert contract is None
    assert errors == {"partner": "unknown partner 'p9999': choose one from the partner directory (enter searches "
                                 "it by name)"}
    _contract, errors = validate_contract(raw, partners={"p0001", "p0002"}, from_csv=True)
    assert "(p0001 … p0002, 2 partners;" in errors["partner"]
    assert validate_contract(raw, partners={"p0001"}, keep_partner="p9999")[0].partner == "p9999"
    assert validate_contract({**raw, "partner": "p0001"}, partners={"p0001"})[0].partner == "p0001"
    assert validate_contract({**raw, "partner": ""}, partners={"p0001"})[0].partner == ""
