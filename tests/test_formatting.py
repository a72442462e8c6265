"""Dates, amounts and counts as people read them, in both styles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tui.formatting import (
    Styles,
    current_styles,
    format_count,
    format_date,
    format_decimal,
    format_money,
    format_percent,
    date_placeholder,
    machine_styles,
    use_styles,
)
from tui.i18n import use_language

D = Decimal


@pytest.fixture(autouse=True)
def restore_styles():
    before = current_styles()
    yield
    use_styles(before)


@pytest.fixture
def ro():
    use_styles(Styles(date="ro", number="ro"))


@pytest.fixture
def en():
    use_styles(Styles(date="iso", number="en"))


def test_the_defaults_follow_the_language():
    assert Styles() == Styles(date="auto", number="auto")
    use_styles(Styles())
    assert current_styles() == Styles(date="iso", number="en")
    assert (format_date(date(2027, 2, 1)), format_money(D("1234.56"), "RON")) == ("2027-02-01", "1,234.56 RON")
    use_language("ro")
    assert current_styles() == Styles(date="ro", number="ro")
    assert (format_date(date(2027, 2, 1)), format_money(D("1234.56"), "RON")) == ("01.02.2027", "1.234,56 RON")
    assert (date_placeholder(), format_percent(D("0.125")), format_count(1234)) == ("DD.MM.YYYY", "12,5 %", "1.234")


def test_a_chosen_style_wins_over_the_language():
    use_language("ro")
    use_styles(Styles(date="iso", number="en"))
    assert (format_date(date(2027, 2, 1)), format_money(D("1234.56"), "RON")) == ("2027-02-01", "1,234.56 RON")
    use_language("en")
    use_styles(Styles(date="ro", number="auto"))
    assert (format_date(date(2027, 2, 1)), format_money(D("1234.56"), "RON")) == ("01.02.2027", "1,234.56 RON")


def test_machine_styles_ignore_the_settings_and_the_language():
    use_language("ro")
    use_styles(Styles(date="ro", number="ro"))
    with machine_styles():
        assert (format_date(date(2027, 2, 1)), format_decimal(D("1234.5"))) == ("2027-02-01", "1,234.50")
    assert format_date(date(2027, 2, 1)) == "01.02.2027"


def test_iso_dates(en):
    assert format_date(date(2027, 2, 1)) == "2027-02-01"
    assert format_date(None) == ""


def test_ro_dates(ro):
    assert format_date(date(2027, 2, 1)) == "01.02.2027"
    assert format_date(date(1900, 12, 31)) == "31.12.1900"


def test_styles_are_independent():
    use_styles(Styles(date="ro", number="en"))
    assert format_date(date(2027, 2, 1)) == "01.02.2027"
    assert format_decimal(D("1234.56")) == "1,234.56"


def test_unknown_style_refused():
    with pytest.raises(ValueError):
        use_styles(Styles(date="us"))
    with pytest.raises(ValueError):
        use_styles(Styles(number="fr"))
    assert current_styles() == Styles(date="iso", number="en")


@pytest.mark.parametrize(
    ("value", "en_text", "ro_text"),
    [
        (D("1234.56"), "1,234.56", "1.234,56"),
        (D("1234.5"), "1,234.50", "1.234,50"),
        (D("0"), "0.00", "0,00"),
        (D("999.999"), "1,000.00", "1.000,00"),
        (D("0.005"), "0.01", "0,01"),  # half up, not banker's
        (D("0.015"), "0.02", "0,02"),
        (D("1234567.891"), "1,234,567.89", "1.234.567,89"),
        (D("-1234.5"), "-1,234.50", "-1.234,50"),
    ],
)
def test_numbers(value, en_text, ro_text):
    use_styles(Styles(number="en"))
    assert format_decimal(value) == en_text
    use_styles(Styles(number="ro"))
    assert format_decimal(value) == ro_text


def test_places(en):
    assert format_decimal(D("1234.5678"), places=4) == "1,234.5678"
    assert format_decimal(D("1234.5"), places=0) == "1,235"


def test_money_has_currency_after(en):
    assert format_money(D("1753.42"), "RON") == "1,753.42 RON"
    assert format_money(D("5"), "EUR") == "5.00 EUR"


def test_money_ro(ro):
    assert format_money(D("1234.56"), "RON") == "1.234,56 RON"


def test_counts():
    use_styles(Styles(number="en"))
    assert format_count(1234567) == "1,234,567"
    assert format_count(12) == "12"
    use_styles(Styles(number="ro"))
    assert format_count(1234567) == "1.234.567"


@pytest.mark.parametrize(
    ("value", "en_text", "ro_text"),
    [(D("0.25"), "25 %", "25 %"), (D("0.075"), "7.5 %", "7,5 %"), (D("1"), "100 %", "100 %"), (D("0"), "0 %", "0 %")],
)
def test_percent(value, en_text, ro_text):
    use_styles(Styles(number="en"))
    assert format_percent(value) == en_text
    use_styles(Styles(number="ro"))
    assert format_percent(value) == ro_text


def test_a_unit_price_shows_up_to_its_four_decimals():
    from tui.formatting import format_unit_price

    assert [format_unit_price(D(v)) for v in ("0.001", "95", "12.5", "0.12345", "1234.5678")] == \
        ["0.001", "95.00", "12.50", "0.1235", "1,234.5678"]
    use_styles(Styles(number="ro"))
    assert format_unit_price(D("0.001")) == "0,001"


def test_history_values_follow_the_formats():
    from tui.domain.contract import FieldChange, change_text

    use_styles(Styles(date="ro", number="ro"))
    assert change_text(FieldChange("end", "2026-10-18", "2027-10-18")) == ("18.10.2026", "18.10.2027")
    assert change_text(FieldChange("unit_price", "1234.5", "0.001")) == ("1.234,50", "0,001")
    assert change_text(FieldChange("quantity", "1000", "")) == ("1.000", "∅")
    assert change_text(FieldChange("notes", "a", "not-a-date")) == ("a", "not-a-date")
    assert change_text(FieldChange("start", "", "garbage")) == ("∅", "garbage")
