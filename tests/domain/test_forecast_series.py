from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tui.domain.forecast import MonthlySeries, add_months, monthly_peaks, months_between, series_by_product
from tui.domain.usage import UsageSample


def sample(on, in_use, product="DLP"):
    return UsageSample(product, on, in_use)


def test_a_month_is_its_peak_not_its_average():
    series = monthly_peaks([sample(date(2025, 3, 3), 10), sample(date(2025, 3, 17), 14), sample(date(2025, 3, 30), 9)])
    assert series.history() == [(date(2025, 3, 1), 14)]


def test_months_without_samples_are_gaps_not_zeros():
    series = monthly_peaks([sample(date(2024, 11, 5), 7), sample(date(2025, 2, 5), 9)])
    assert series.months == (date(2024, 11, 1), date(2024, 12, 1), date(2025, 1, 1), date(2025, 2, 1))
    assert series.values == (7, None, None, 9)
    assert series.observed == [(1, 7), (4, 9)]


def test_zero_usage_is_a_value_not_a_gap():
    series = monthly_peaks([sample(date(2025, 1, 5), 0), sample(date(2025, 2, 5), 3)])
    assert series.values == (0, 3)


def test_no_samples_no_series():
    assert len(monthly_peaks([])) == 0


def test_products_are_kept_apart():
    by_product = series_by_product(
        [sample(date(2025, 1, 2), 5, "B"), sample(date(2025, 1, 9), 50, "A"), sample(date(2025, 2, 2), 6, "B")]
    )
    assert list(by_product) == ["A", "B"]
    assert by_product["A"].values == (50,)
    assert by_product["B"].values == (5, 6)


def test_month_arithmetic_across_years():
    assert add_months(date(2025, 11, 1), 3) == date(2026, 2, 1)
    assert add_months(date(2025, 1, 1), -1) == date(2024, 12, 1)
    assert months_between(date(2024, 12, 31), date(2026, 1, 1)) == 13


@given(
    st.lists(st.tuples(st.integers(0, 47), st.integers(1, 28), st.integers(0, 1000)), min_size=1, max_size=60),
)
def test_gaps_do_not_shift_months(raw):
    """Each month's peak sits at the index of its own calendar month, whatever is missing."""
    start = date(2022, 1, 1)
    samples = [sample(add_months(start, m).replace(day=d), v) for m, d, v in raw]
    series = monthly_peaks(samples)
    first = min(m for m, _d, _v in raw)
    last = max(m for m, _d, _v in raw)
    assert len(series) == last - first + 1
    for m in range(first, last + 1):
        values = [v for mm, _d, v in raw if mm == m]
        x = series.index_of(add_months(start, m))
        assert x == m - first + 1
        assert series.values[x - 1] == (max(values) if values else None)


def test_from_values_starts_on_the_first_of_the_month():
    series = MonthlySeries.from_values(date(2025, 5, 20), [1, None, 3])
    assert series.months == (date(2025, 5, 1), date(2025, 6, 1), date(2025, 7, 1))
