"""Parsers for dates, amounts and whole numbers typed by people or exported by spreadsheets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.parsing import MAX_YEAR, MIN_YEAR, ParseError, parse_amount, parse_date, parse_percent, parse_whole

D = Decimal

# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-02-01", date(2027, 2, 1)),
        ("01.02.2027", date(2027, 2, 1)),
        ("31.12.2026", date(2026, 12, 31)),
        ("  2028-02-29 \n", date(2028, 2, 29)),
        ("29.02.2028", date(2028, 2, 29)),
        (f"{MIN_YEAR}-01-01", date(MIN_YEAR, 1, 1)),
        (f"31.12.{MAX_YEAR}", date(MAX_YEAR, 12, 31)),
    ],
)
def test_dates_accepted(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["01/02/2027", "1/2/2027", "2027/02/01", "12/31/2026"])
def test_slashed_dates_refused_as_ambiguous(text):
    with pytest.raises(ParseError, match="ambiguous"):
        parse_date(text)


@pytest.mark.parametrize("text", ["2027-02-30", "2027-13-01", "2027-00-10", "30.02.2027", "29.02.2027", "00.01.2027"])
def test_impossible_dates_refused(text):
    with pytest.raises(ParseError, match="not a real date"):
        parse_date(text)


@pytest.mark.parametrize("text", [f"{MIN_YEAR - 1}-12-31", f"{MAX_YEAR + 1}-01-01", "0001-01-01", "01.01.9999"])
def test_years_out_of_range_refused(text):
    with pytest.raises(ParseError, match="out of range"):
        parse_date(text)


@pytest.mark.parametrize(
    "text",
    ["2027-1-1", "1.1.2027", "27-01-01", "2027-01-01T00:00", "tomorrow", "2027–01–01", "٢٠٢٧-٠١-٠١", "2027-01-01x"],
)
def test_other_date_shapes_refused(text):
    with pytest.raises(ParseError, match="not a date"):
        parse_date(text)


def test_empty_date_refused():
    with pytest.raises(ParseError, match="required"):
        parse_date("   ")


def test_date_error_is_one_printable_line():
    with pytest.raises(ParseError) as caught:
        parse_date("\x1b[2J" + "x" * 10_000)
    message = str(caught.value)
    assert "\x1b" not in message
    assert len(message) < 200


valid_dates = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))


@given(valid_dates)
def test_iso_round_trip(value):
    assert parse_date(value.isoformat()) == value


@given(valid_dates)
def test_ro_round_trip(value):
    assert parse_date(value.strftime("%d.%m.%Y")) == value


# --- amounts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "decimal_comma", "expected"),
    [
        ("1234.56", False, D("1234.56")),
        ("1,234.56", False, D("1234.56")),
        ("1,234,567.5", False, D("1234567.5")),
        ("1.234,56", True, D("1234.56")),
        ("1.234.567,5", True, D("1234567.5")),
        ("1234,56", True, D("1234.56")),
        ("1 234,56", True, D("1234.56")),
        ("1\u00a0234,56", True, D("1234.56")),
        ("0", False, D("0")),
        ("20.00", False, D("20.00")),
        ("0.0001", False, D("0.0001")),
        ("  95 ", True, D("95")),
    ],
)
def test_amounts_accepted(text, decimal_comma, expected):
    assert parse_amount(text, decimal_comma=decimal_comma) == expected


def test_decimal_comma_only_when_asked():
    with pytest.raises(ParseError, match="decimal comma"):
        parse_amount("1234,56")
    with pytest.raises(ParseError, match="decimal comma"):
        parse_amount("0,5")
    assert parse_amount("0,5", decimal_comma=True) == D("0.5")


def test_the_other_grouping_is_refused():
    with pytest.raises(ParseError):
        parse_amount("1.234,56", decimal_comma=False)
    with pytest.raises(ParseError):
        parse_amount("1,234.56", decimal_comma=True)


@pytest.mark.parametrize("text", ["1.234", "12.345", "1234.567"])
def test_three_digits_after_a_point_in_a_comma_file_are_ambiguous(text):
    with pytest.raises(ParseError, match="ambiguous"):
        parse_amount(text, decimal_comma=True, from_csv=True)


def test_typed_with_the_1234_56_setting_a_point_groups_thousands():
    assert parse_amount("80.000", decimal_comma=True) == D("80000")
    assert parse_amount("1.234.567,5", decimal_comma=True) == D("1234567.5")
    with pytest.raises(ParseError, match="ambiguous"):
        parse_amount("1234.567", decimal_comma=True)  # not a grouping either way


def test_point_file_reads_three_decimals_as_decimals():
    assert parse_amount("1.234") == D("1.234")


@pytest.mark.parametrize(
    "text", ["1e3", "1E3", "2.5e-2", "+5", "NaN", "Infinity", "abc", "12abc", ".5", "5.", "1..2", "1,2,3", "٣", "１２", "$5"]
)
def test_garbage_refused(text):
    with pytest.raises(ParseError):
        parse_amount(text)
    with pytest.raises(ParseError):
        parse_amount(text, decimal_comma=True)


@pytest.mark.parametrize("text", ["-5", "-0.01", " -1,5"])
def test_negatives_refused(text):
    with pytest.raises(ParseError, match="negative"):
        parse_amount(text, decimal_comma=True)


def test_too_many_places_refused():
    with pytest.raises(ParseError, match="decimal places"):
        parse_amount("1.23456")
    with pytest.raises(ParseError, match="decimal places"):
        parse_amount("1.234", max_places=2)
    assert parse_amount("1.23", max_places=2) == D("1.23")


def test_empty_amount_refused():
    with pytest.raises(ParseError, match="required"):
        parse_amount("  ")


def test_amount_error_is_clipped_and_printable():
    with pytest.raises(ParseError) as caught:
        parse_amount("\x07" * 5000)
    message = str(caught.value)
    assert "\x07" not in message and len(message) < 200


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_plain_decimal_round_trip(value):
    text = format(value, "f")
    assert parse_amount(text) == value
    assert parse_amount(text.replace(".", ","), decimal_comma=True) == value


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_grouped_round_trip(value):
    en = f"{value:,.2f}"
    assert parse_amount(en) == value
    ro = en.replace(",", " ").replace(".", ",").replace(" ", ".")
    assert parse_amount(ro, decimal_comma=True) == value


# --- percentages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("25", D("0.25")), ("25 %", D("0.25")), ("7,5", D("0.075")), ("7.5%", D("0.075"))])
def test_percent(text, expected):
    assert parse_percent(text) == expected


def test_percent_limits():
    with pytest.raises(ParseError):
        parse_percent("1001")
    with pytest.raises(ParseError):
        parse_percent("-5")


# --- whole numbers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("0", 0), ("10", 10), (" 250 ", 250), ("007", 7)])
def test_whole_numbers_accepted(text, expected):
    assert parse_whole(text) == expected


@pytest.mark.parametrize("text", ["10.0", "1e3", "+5", "-5", "1,000", "1 000", "²", "٣", "five", "0x10"])
def test_whole_numbers_refused(text):
    with pytest.raises(ParseError):
        parse_whole(text)


def test_whole_number_bounds():
    with pytest.raises(ParseError, match="at least 1"):
        parse_whole("0", minimum=1)
    with pytest.raises(ParseError, match="at most 10"):
        parse_whole("11", maximum=10)
    assert parse_whole("10", minimum=1, maximum=10) == 10
    with pytest.raises(ParseError, match="required"):
        parse_whole("")


@pytest.mark.parametrize("text", ["1,234", "12,345", "999,000"])
def test_one_thousands_comma_in_a_point_file_is_ambiguous_and_says_how_to_write_it(text):
    with pytest.raises(ParseError, match="ambiguous") as refused:
        parse_amount(text, from_csv=True)
    whole, fraction = text.replace(",", ""), text.replace(",", ".")
    assert f"Write {whole} for the whole number or {fraction} for the fraction" in str(refused.value)
    # Typed in a form, the number format setting (1,234.56) says what the comma is, as 80.000 with 1.234,56.
    assert parse_amount(text) == D(whole) and parse_amount(fraction, decimal_comma=True) == D(whole)
