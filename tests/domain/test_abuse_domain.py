"""Abuse of every rule set (contract, partner, usage, settings): each hostile value gets a clear, one-line,
printable message, or is accepted as typed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.abuse_values import HOSTILE_VALUES
from tui.domain.contract import CONTRACT_COLUMNS
from tui.domain.contract_validation import validate_contract
from tui.domain.parsing import MAX_WHOLE_DIGITS, ParseError, parse_amount, parse_percent, parse_whole
from tui.domain.partner import PARTNER_COLUMNS, validate_partner
from tui.domain.settings import validate_settings
from tui.domain.text import cell_width, clip, has_control_chars, printable, printable_lines, without_control_chars
from tui.domain.usage import USAGE_COLUMNS, validate_usage
from tui.formatting import Styles, format_decimal, format_money, use_styles

TODAY = date(2026, 11, 27)

ABUSE = {
    "empty": "",
    "whitespace": "  \t ",
    "long text": "x" * 10_000,
    "long digits": "9" * 10_000,
    "line separator": "a\u2028b",
    **HOSTILE_VALUES,
}
TEXTUAL = {"emoji", "combining", "flag", "diacritics", "exponent", "thousands en", "thousands ro", "date min",
           "date max", "date invalid"}  # what a free-text field keeps as typed

CONTRACT = dict(id="C-1", product="Backup Exec", quantity="10", start="", end="2027-03-31", unit_price="20",
                currency="RON", partner="", certificate="", order="", notes="")
PARTNER = dict(id="p1", name="Alfa SRL", tier="Gold", kind="reseller", country="RO", city="Brașov",
               specialisations="", languages="", email="", phone="", website="")
USAGE = dict(product="Backup Exec", date="2026-11-01", in_use="3")
SETTINGS = dict(date_format="iso", number_format="en", notice_days="90", fee_rate="25", headroom="15",
                theme="textual-dark", base_currency="RON", rise="0", fiscal_start="1")


def check_messages(errors: dict[str, str]) -> None:
    for column, message in errors.items():
        assert message, column
        assert "\n" not in message and not has_control_chars(message), (column, message)
        assert len(message) < 300, (column, message)


def cases(columns):
    return [pytest.param(column, name, id=f"{column}-{name}") for column in columns for name in ABUSE]


@pytest.mark.parametrize(("column", "name"), cases(CONTRACT_COLUMNS))
@pytest.mark.parametrize("decimal_comma", [False, True])
def test_contract_fields(column, name, decimal_comma):
    value = ABUSE[name]
    contract, errors = validate_contract({**CONTRACT, column: value}, decimal_comma=decimal_comma)
    check_messages(errors)
    free_text = column in ("id", "product", "partner", "certificate", "order", "notes")
    optional = column in ("start", "partner", "certificate", "order", "notes")
    accepted = (free_text and name in TEXTUAL) or (optional and name in ("empty", "whitespace")) or (
        column == "unit_price" and name == ("thousands ro" if decimal_comma else "thousands en"))
    if not accepted:
        assert contract is None and set(errors) == {column}, errors
        return
    assert errors == {}
    shown = contract.field_text(column)
    assert shown == ("1234.56" if column == "unit_price" else value.strip())


@pytest.mark.parametrize(("column", "name"), cases(PARTNER_COLUMNS))
def test_partner_fields(column, name):
    value = ABUSE[name]
    partner, errors = validate_partner({**PARTNER, column: value})
    check_messages(errors)
    free_text = column in ("name", "city") or (column == "id" and " " not in value)
    optional = column in ("specialisations", "languages", "email", "phone", "website")
    accepted = (free_text and name in TEXTUAL) or (optional and name in ("empty", "whitespace")) or (
        column == "phone" and name.startswith("date")) or (column == "website" and name == "date invalid")
    if not accepted:
        assert partner is None and set(errors) == {column}, errors
        return
    assert errors == {}
    expected = {"website": "https://" + value} if value.strip() else {}
    assert partner.field_text(column) == expected.get(column, value.strip())


@pytest.mark.parametrize(("column", "name"), cases(USAGE_COLUMNS))
@pytest.mark.parametrize("known", [None, ["Backup Exec"]])
def test_usage_fields(column, name, known):
    value = ABUSE[name]
    sample, errors = validate_usage({**USAGE, column: value}, today=TODAY, known_products=known)
    check_messages(errors)
    if column == "product" and name in TEXTUAL and known is None:
        assert errors == {} and sample.product == value
    else:
        assert sample is None and set(errors) == {column}, errors


@pytest.mark.parametrize(("column", "name"), cases(["notice_days", "fee_rate", "headroom", "date_format", "theme",
                                                     "base_currency", "rise", "fiscal_start"]))
def test_settings_fields(column, name):
    settings, errors = validate_settings({**SETTINGS, column: ABUSE[name]})
    check_messages(errors)
    assert settings is None and set(errors) == {column}


# --- the bugs these found --------------------------------------------------------------------------------


def test_a_10000_digit_count_is_refused_not_a_crash():
    """int() refuses more than 4,300 digits with a plain ValueError, which no caller expects."""
    with pytest.raises(ParseError, match="at most 10000000"):
        parse_whole("1" * 10_000, maximum=10_000_000)
    assert parse_whole("0" * 5_000 + "7") == 7


def test_a_space_only_groups_thousands():
    with pytest.raises(ParseError, match="space"):
        parse_amount("12 34")
    with pytest.raises(ParseError, match="space"):
        parse_amount("1 23,5", decimal_comma=True)
    assert parse_amount("1 234,56", decimal_comma=True) == Decimal("1234.56")
    assert parse_amount("12 345 678.5") == Decimal("12345678.5")
    assert parse_amount("1\u202f234\u00a0567") == Decimal("1234567")


def test_an_amount_too_large_to_print_is_refused():
    """A 30-digit price used to be stored, then crashed every screen formatting it to cents."""
    with pytest.raises(ParseError, match="too large"):
        parse_amount("1" * 30)
    with pytest.raises(ParseError, match="too large"):
        parse_amount("9" * 10_000)
    largest = parse_amount("9" * MAX_WHOLE_DIGITS + ".9999")
    assert format_money(largest * 10_000_000 * 10_000, "RON")  # every licence of 10,000 contracts, summed
    with pytest.raises(ParseError, match="percentage"):
        parse_percent("9" * 12)


def test_the_decimal_comma_advice_fits_where_it_was_typed():
    with pytest.raises(ParseError) as typed:
        parse_amount("12,5")
    assert "CSV" not in str(typed.value) and "12.5" in str(typed.value) and "Settings" in str(typed.value)
    with pytest.raises(ParseError) as in_file:
        parse_amount("12,5", from_csv=True)
    assert "';' between CSV columns" in str(in_file.value)
    __, form_errors = validate_contract({**CONTRACT, "unit_price": "12,5"})
    assert "CSV" not in form_errors["unit_price"]
    __, file_errors = validate_contract({**CONTRACT, "unit_price": "12,5"}, from_csv=True)
    assert "CSV" in file_errors["unit_price"]


def test_long_numbers_are_clipped_in_every_amount_message():
    for text, decimal_comma in (("1" * 10_000 + ",5", False), ("1" * 10_000 + ".567", True)):
        with pytest.raises(ParseError) as caught:
            parse_amount(text, decimal_comma=decimal_comma)
        assert len(str(caught.value)) < 200


@pytest.mark.parametrize("number", ["en", "ro"])
def test_a_tiny_negative_is_zero_not_minus_zero(number):
    use_styles(Styles(number=number))
    assert format_decimal(Decimal("-0.001")) in ("0.00", "0,00")
    assert format_decimal(Decimal("-0.004"), 2).lstrip("0.,") == ""
    assert format_decimal(Decimal("-0.005")).startswith("-0")  # rounds away from zero: really negative


@pytest.mark.parametrize("text", ["a\u2028b", "a\u2029b", "\udcff"])
def test_line_separators_and_undecodable_bytes_count_as_control_characters(text):
    """A terminal may start a new line at U+2028, breaking a table row; a lone surrogate cannot be printed."""
    assert has_control_chars(text)
    assert not has_control_chars(printable(text))
    printable(text).encode("utf-8")
    __, errors = validate_contract({**CONTRACT, "product": text})
    assert errors == {"product": "contains control characters"}


def test_an_emoji_joined_with_zwj_is_accepted_in_a_contract():
    product = "Backup 👨\u200d💻 ❤\ufe0f"
    contract, errors = validate_contract({**CONTRACT, "product": product})
    assert errors == {} and contract.product == product


def test_helpers_for_messages():
    assert printable_lines("a\x1b[2J\nb\x07") == "a\\x1b[2J\nb\\x07"
    assert clip("\x1b" + "x" * 100) == "\\x1b" + "x" * 35 + "…"
    assert without_control_chars("\x1b[31mred\x1b[0m\x07\n👍\u200b") == "[31mred[0m\n👍"
    assert without_control_chars("👨\u200d👩") == "👨\u200d👩"  # a joined emoji stays whole
    assert [cell_width(t) for t in ("abc", "👍", "e\u0301", "漢字", "Brașov")] == [3, 2, 1, 4, 6]
