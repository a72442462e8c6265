"""One product, one horizon date: the forecast and the purchase advice together.

The Forecast tab, `renewals forecast` and the renewal wizard all ask the same
question — "how many licences of this product will we need on that day, and
how many do we own then?" — so they share this helper.  Product names are
matched ignoring case and Romanian diacritics, as everywhere else.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tui.domain.contract import Contract
from tui.domain.forecast.engine import ForecastError, ForecastResult, forecast
from tui.domain.forecast.headroom import DEFAULT_HEADROOM
from tui.domain.forecast.recommend import Recommendation, compliance_gap, owned_on, recommend
from tui.domain.forecast.series import add_months, monthly_peaks
from tui.domain.text import fold
from tui.domain.usage import UsageSample
from tui.formatting import format_date
from tui.i18n import _, ngettext

DEFAULT_HORIZON_MONTHS = 12
STALE_USAGE_MONTHS = 3  # usage older than this is said to be old beside the forecast


@dataclass(frozen=True)
class ProductPlan:
    product: str
    horizon: date  # the day the licences are needed
    result: ForecastResult  # forecast up to the horizon's month
    recommendation: Recommendation  # owned on the horizon date vs ceil(upper 95 %)
    owned_now: int  # licences owned today
    latest_month: date  # the last month with usage samples
    latest_peak: int  # that month's peak
    latest_sample: date  # the day of the newest usage sample

    @property
    def gap(self) -> int:
        """Licences in use beyond those owned today: a compliance gap (0 when covered)."""
        return compliance_gap(self.latest_peak, self.owned_now)


def shift_months(day: date, months: int) -> date:
    """The same day `months` months later (earlier when negative), clamped to the month's length."""
    month = add_months(day.replace(day=1), months)
    return month.replace(day=min(day.day, calendar.monthrange(month.year, month.month)[1]))


def horizon_in_months(today: date, months: int) -> date:
    return shift_months(today, months)


def usage_age_months(newest: date, today: date) -> int:
    """Whole months from the newest usage sample to today."""
    months = (today.year - newest.year) * 12 + today.month - newest.month
    return months - 1 if shift_months(newest, months) > today else months


def stale_usage_text(newest: date | None, today: date) -> str:
    """"usage data is 12 months old (newest sample …)" when the newest sample is older than
    STALE_USAGE_MONTHS months; "" otherwise (or with no usage)."""
    if newest is None or shift_months(newest, STALE_USAGE_MONTHS) >= today:
        return ""
    months = usage_age_months(newest, today)
    return ngettext("usage data is {n} month old (newest sample {date})",
                    "usage data is {n} months old (newest sample {date})", months).format(
        n=months, date=format_date(newest))


def check_horizon(horizon: date, today: date) -> None:
    """A forecast is for a day after today: a past horizon would compare usage with licences that
    have already lapsed."""
    if horizon <= today:
        raise ForecastError(_("the horizon {date} is not after today ({today}); choose a later date").format(
            date=format_date(horizon), today=format_date(today)))


def contracts_of(product: str, contracts: Iterable[Contract]) -> list[Contract]:
    key = fold(product)
    return [c for c in contracts if c.product == product or fold(c.product) == key]


def owned_licences(product: str, contracts: Iterable[Contract], on: date) -> int:
    """`owned_on`, but tolerant of the same product spelled with another case or accents."""
    mine = contracts_of(product, contracts)
    return sum(owned_on(mine, name, on) for name in {c.product for c in mine})


def contract_end(product: str, contracts: Iterable[Contract]) -> date | None:
    """The latest end date among the product's contracts: when the licences must be renewed by."""
    return max((c.end for c in contracts_of(product, contracts)), default=None)


def known_products(contracts: Iterable[Contract], samples: Iterable[UsageSample]) -> list[str]:
    """Every product of the contracts or the usage, once (the contract's spelling wins), sorted."""
    names: dict[str, str] = {}
    for product in [c.product for c in contracts] + [s.product for s in samples]:
        names.setdefault(fold(product), product)
    return sorted(names.values(), key=fold)


def match_product(name: str, products: Iterable[str]) -> str | None:
    """The product in `products` that `name` means, ignoring case and diacritics (None if none)."""
    key = fold(name.strip())
    return next((product for product in products if fold(product) == key), None)


def plan_product(
    product: str,
    samples: Sequence[UsageSample],
    contracts: Iterable[Contract],
    horizon: date,
    today: date,
    method: str = "auto",
    headroom: float = DEFAULT_HEADROOM,
) -> ProductPlan:
    """Forecast `product` up to `horizon` and compare with the licences owned on that day.

    `samples` may hold every product's samples or only this one's (cheaper for
    many products).  Raises ForecastError (message for the user) when the
    horizon is not after today, there is no usage, the horizon is not after
    the last month with usage, or the method cannot be used.
    """
    check_horizon(horizon, today)
    key = fold(product)
    mine = [s for s in samples if s.product == product or fold(s.product) == key]
    series = monthly_peaks(mine)
    result = forecast(series, horizon_month=horizon, method=method, headroom=headroom)
    contracts = contracts_of(product, contracts)
    advice = recommend(result, owned_licences(product, contracts, horizon))
    latest_month = series.last_month
    latest_peak = series.values[-1]
    assert latest_month is not None and latest_peak is not None  # forecast() refused an empty series
    return ProductPlan(product, horizon, result, advice, owned_licences(product, contracts, today),
                       latest_month, latest_peak, max(s.on for s in mine))
