"""Property tests of the parsers and the formatting module: any text is either parsed or refused with a
ParseError (never another exception), and whatever the app prints can be typed back in either style."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.domain.parsing import (
    MAX_WHOLE_DIGITS,
    MAX_YEAR,
    MIN_YEAR,
    ParseError,
    parse_amount,
    parse_date,
    parse_percent,
    parse_whole,
)
from tui.domain.text import has_control_chars
from tui.formatting import Styles, format_date, format_decimal, format_percent, use_styles

# Arbitrary text, and text made mostly of what numbers and dates are written with (reaches deeper branches).
NUMBERISH = st.text(alphabet="0123456789.,-+ e%\u00a0\u202f/", max_size=30)
HUGE = st.builds(lambda digit, n, tail: digit * n + tail, st.sampled_from("0179"), st.integers(4000, 6000),
                 st.sampled_from(["", ",5", ".567", " %"]))  # past int()'s 4,300-digit limit
ANY_TEXT = st.one_of(st.text(max_size=60), NUMBERISH, HUGE)

PARSERS = {
    "date": parse_date,
    "amount": parse_amount,
    "amount, decimal comma": lambda text: parse_amount(text, decimal_comma=True),
    "amount, 2 places": lambda text: parse_amount(text, max_places=2),
    "amount from a CSV": lambda text: parse_amount(text, from_csv=True),
    "whole": parse_whole,
    "whole 1..730": lambda text: parse_whole(text, minimum=1, maximum=730),
    "percent": parse_percent,
}


@pytest.mark.parametrize("name", PARSERS)
@settings(max_examples=100, deadline=None)
@given(text=ANY_TEXT)
@example(text="1" * 10_000)
@example(text="12 34")
@example(text="\x1b[31m5\x1b[0m")
@example(text="9" * 40 + ".5")
def test_parsers_raise_nothing_but_parse_error(name, text):
    try:
        PARSERS[name](text)
    except ParseError as error:
        message = str(error)
        assert message and "\n" not in message and not has_control_chars(message)
        assert len(message) < 200, message


# --- valid values round-trip through what the app prints -----------------------------------------------

valid_dates = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))


@pytest.mark.parametrize("style", ["iso", "ro"])
@settings(max_examples=100, deadline=None)
@given(day=valid_dates)
def test_a_printed_date_reads_back(style, day):
    use_styles(Styles(date=style))
    assert parse_date(format_date(day)) == day


def amounts(places: int):
    return st.decimals(min_value=0, max_value=Decimal(10) ** MAX_WHOLE_DIGITS - Decimal(1).scaleb(-places),
                       places=places, allow_nan=False, allow_infinity=False)


@pytest.mark.parametrize("number", ["en", "ro"])
@pytest.mark.parametrize("places", [1, 2, 3, 4])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_printed_amount_reads_back(number, places, data):
    """What format_decimal shows (e.g. a quoted total put back in its field) parses to the same value."""
    value = data.draw(amounts(places))
    use_styles(Styles(number=number))
    text = format_decimal(value, places)
    assert parse_amount(text, decimal_comma=number == "ro") == value


@pytest.mark.parametrize("number", ["en", "ro"])
@settings(max_examples=100, deadline=None)
@given(value=st.decimals(min_value=0, max_value=10, places=6, allow_nan=False, allow_infinity=False))
def test_a_printed_percentage_reads_back(number, value):
    use_styles(Styles(number=number))
    assert parse_percent(format_percent(value)) == value


@settings(max_examples=100, deadline=None)
@given(value=st.integers(min_value=0, max_value=10**9))
def test_a_whole_number_reads_back(value):
    assert parse_whole(str(value)) == value
    assert parse_whole(f"{value:010d}") == value  # leading zeros, as spreadsheets sometimes pad


@pytest.mark.parametrize("number", ["en", "ro"])
@settings(max_examples=100, deadline=None)
@given(value=st.decimals(min_value=-1, max_value=1, places=6, allow_nan=False, allow_infinity=False))
def test_no_minus_zero_is_printed(number, value):
    use_styles(Styles(number=number))
    text = format_decimal(value)
    assert not text.startswith("-") or Decimal(text.replace(",", ".")) < 0
