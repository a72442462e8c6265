from datetime import date

import pytest

from tui.domain.usage import USAGE_COLUMNS, UsageSample, duplicate_key, validate_usage

TODAY = date(2026, 1, 1)
KNOWN = ("Endpoint Protection", "Backup Exec")


def row(product="Endpoint Protection", on="2025-12-15", in_use="250"):
    return {"product": product, "date": on, "in_use": in_use}


def test_a_valid_row_becomes_a_sample():
    sample, errors = validate_usage(row(), today=TODAY, known_products=KNOWN)
    assert errors == {}
    assert sample == UsageSample("Endpoint Protection", date(2025, 12, 15), 250)


def test_columns_in_file_order():
    assert USAGE_COLUMNS == ("product", "date", "in_use")


def test_romanian_date_and_zero_in_use_are_accepted():
    sample, errors = validate_usage(row(on="15.12.2025", in_use="0"), today=TODAY, known_products=KNOWN)
    assert errors == {}
    assert (sample.on, sample.in_use) == (date(2025, 12, 15), 0)


def test_today_is_allowed_but_tomorrow_is_the_future():
    assert validate_usage(row(on="2026-01-01"), today=TODAY, known_products=KNOWN)[1] == {}
    sample, errors = validate_usage(row(on="2026-01-02"), today=TODAY, known_products=KNOWN)
    assert sample is None
    assert "future" in errors["date"]


@pytest.mark.parametrize("on", ["", "01/02/2025", "2025-02-30", "yesterday"])
def test_bad_dates_are_refused(on):
    sample, errors = validate_usage(row(on=on), today=TODAY, known_products=KNOWN)
    assert sample is None and set(errors) == {"date"}


def test_negative_in_use_is_refused():
    sample, errors = validate_usage(row(in_use="-3"), today=TODAY, known_products=KNOWN)
    assert sample is None
    assert errors == {"in_use": "must not be negative"}


@pytest.mark.parametrize("in_use", ["3.5", "10.0", "1e3", "abc", "", "+5", "٣"])
def test_non_whole_in_use_is_refused(in_use):
    sample, errors = validate_usage(row(in_use=in_use), today=TODAY, known_products=KNOWN)
    assert sample is None and set(errors) == {"in_use"}


def test_unknown_product_is_refused_and_named():
    sample, errors = validate_usage(row(product="Norton Ghost"), today=TODAY, known_products=KNOWN)
    assert sample is None
    assert "Norton Ghost" in errors["product"]


def test_none_means_new_products_are_allowed():
    sample, errors = validate_usage(row(product="Norton Ghost"), today=TODAY, known_products=None)
    assert errors == {}
    assert sample.product == "Norton Ghost"


def test_product_takes_the_known_spelling():
    sample, _errors = validate_usage(row(product="  backup EXEC "), today=TODAY, known_products=KNOWN)
    assert sample.product == "Backup Exec"


def test_product_is_required_even_when_any_is_allowed():
    sample, errors = validate_usage(row(product="  "), today=TODAY, known_products=None)
    assert sample is None and set(errors) == {"product"}


def test_every_bad_column_gets_its_own_message():
    raw = {"product": "Nope", "date": "2030-01-01", "in_use": "x"}
    sample, errors = validate_usage(raw, today=TODAY, known_products=KNOWN)
    assert sample is None
    assert list(errors) == ["product", "date", "in_use"]


def test_missing_columns_are_reported_not_crashed_on():
    sample, errors = validate_usage({}, today=TODAY, known_products=KNOWN)
    assert sample is None and set(errors) == {"product", "date", "in_use"}


def test_duplicate_key_is_product_and_day():
    a = UsageSample("Backup Exec", date(2025, 3, 1), 10)
    b = UsageSample("Backup Exec", date(2025, 3, 1), 12)
    c = UsageSample("Backup Exec", date(2025, 3, 2), 10)
    assert duplicate_key(a) == duplicate_key(b) == ("Backup Exec", date(2025, 3, 1))
    assert duplicate_key(a) != duplicate_key(c)
