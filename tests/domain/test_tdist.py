import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.forecast.tdist import t_cdf, t_quantile


@pytest.mark.parametrize(
    ("p", "df", "expected"),
    [
        (0.975, 10, 2.2281),
        (0.9, 10, 1.3722),
        (0.975, 1, 12.7062),
        (0.975, 30, 2.0423),
        (0.995, 5, 4.0321),
        (0.975, 10**9, 1.95996),
        (0.975, 1e12, 1.95996),
    ],
)
def test_textbook_values(p, df, expected):
    assert t_quantile(p, df) == pytest.approx(expected, abs=1e-4)


@given(st.floats(0.501, 0.9999))
def test_one_degree_of_freedom_is_cauchy(p):
    assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-7)


@given(st.floats(0.501, 0.9999))
def test_two_degrees_of_freedom_closed_form(p):
    assert t_quantile(p, 2) == pytest.approx((2 * p - 1) / math.sqrt(2 * p * (1 - p)), rel=1e-7)


@given(st.floats(0.01, 0.99), st.integers(1, 200))
def test_cdf_undoes_quantile(p, df):
    assert t_cdf(t_quantile(p, df), df) == pytest.approx(p, abs=1e-7)


@given(st.floats(0.51, 0.999), st.integers(1, 200))
def test_symmetric_and_wider_than_normal(p, df):
    assert t_quantile(1 - p, df) == pytest.approx(-t_quantile(p, df))
    assert t_quantile(p, df) > t_quantile(p, df + 1) > 0


def test_expansion_and_incomplete_beta_agree_where_they_meet():
    below = t_quantile(0.975, 49.999)
    at = t_quantile(0.975, 50)
    assert at < below < at + 1e-4


@pytest.mark.parametrize(("p", "df"), [(0, 10), (1, 10), (1.5, 10), (0.9, 0), (0.9, -3)])
def test_refuses_impossible_arguments(p, df):
    with pytest.raises(ValueError):
        t_quantile(p, df)
