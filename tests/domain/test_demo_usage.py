"""The shipped demo usage must load cleanly and tell the stories the demo relies on."""

import csv
from collections import Counter
from datetime import date
from pathlib import Path

from tui.domain.contract_validation import validate_contract
from tui.domain.forecast import compliance_gap, forecast, owned_on, series_by_product
from tui.domain.usage import USAGE_COLUMNS, duplicate_key, validate_usage

DATA = Path(__file__).resolve().parents[2] / "tui" / "data"
ANCHOR = date(2026, 1, 1)


def load():
    with open(DATA / "demo_contracts.csv", newline="", encoding="utf-8") as f:
        contracts = [validate_contract(row)[0] for row in csv.DictReader(f)]
    with open(DATA / "demo_usage.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == USAGE_COLUMNS
        rows = list(reader)
    products = {c.product for c in contracts}
    samples = []
    for row in rows:
        sample, errors = validate_usage(row, today=date(2025, 12, 31), known_products=products)
        assert errors == {}, (row, errors)
        samples.append(sample)
    return contracts, samples


def test_every_row_is_valid_unique_and_before_the_anchor():
    _contracts, samples = load()
    assert len({duplicate_key(s) for s in samples}) == len(samples)
    assert max(s.on for s in samples) <= date(2025, 12, 31)


def test_every_product_has_24_to_36_full_months_of_2_to_4_samples():
    contracts, samples = load()
    series = series_by_product(samples)
    assert set(series) == {c.product for c in contracts}
    per_month = Counter((s.product, s.on.replace(day=1)) for s in samples)
    assert set(per_month.values()) <= {2, 3, 4}
    for product_series in series.values():
        assert 24 <= len(product_series) <= 36
        assert None not in product_series.values


def test_some_product_already_uses_more_than_its_live_contracts_cover():
    contracts, samples = load()
    gaps = {
        product: compliance_gap(s.values[-1], owned_on(contracts, product, ANCHOR))
        for product, s in series_by_product(samples).items()
    }
    assert gaps["Web Security Service"] > 0
    assert gaps["Messaging Gateway"] == 0


def test_shapes_differ():
    _contracts, samples = load()
    series = series_by_product(samples)
    slope = {
        product: forecast(s, horizon_month=12, method="linear").at_horizon.expected - s.values[-1]
        for product, s in series.items()
    }
    assert slope["Web Security Service"] > 20
    assert slope["Messaging Gateway"] < -20
    assert abs(slope["ProxySG"]) < 1
