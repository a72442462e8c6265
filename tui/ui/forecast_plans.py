"""What the Forecast tab shows, computed lazily: one plan per product, cached until something changes.

Kept free of Textual so the caching can be measured and tested on its own.
A `PlanBook` is built for one set of data and one `ForecastSettings`; the
tab throws it away (cheap) whenever either changes, and asks it only for the
rows on screen and the highlighted product, so switching product costs one
forecast at most.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tui.domain.contract import Contract
from tui.domain.forecast import ForecastError, method_label
from tui.domain.forecast.planning import (
    DEFAULT_HORIZON_MONTHS,
    ProductPlan,
    contract_end,
    horizon_in_months,
    known_products,
    owned_licences,
    plan_product,
)
from tui.domain.text import fold
from tui.domain.usage import UsageSample
from tui.formatting import format_date
from tui.i18n import _, ngettext

HEADROOM_DEFAULT = 0.15


@dataclass(frozen=True)
class ForecastSettings:
    months: int | None = DEFAULT_HORIZON_MONTHS  # None: at the product's contract end date
    method: str = "auto"
    headroom: float = HEADROOM_DEFAULT

    def horizon(self, product: str, contracts: Sequence[Contract], today: date) -> date | None:
        if self.months is None:
            return contract_end(product, contracts)
        return horizon_in_months(today, self.months)

    def describe(self, today: date) -> str:
        if self.months is None:
            when = _("horizon: each product's contract end")
        else:
            when = ngettext("horizon: +{n} month ({date})", "horizon: +{n} months ({date})", self.months).format(
                n=self.months, date=format_date(horizon_in_months(today, self.months)))
        return _("{when} · method: {method} · headroom: {pct:g} % · buy/surplus = recommended − owned then").format(
            when=when, method=method_label(self.method), pct=round(self.headroom * 100, 2))


@dataclass(frozen=True)
class ProductRow:
    """Everything the product list shows for one product."""

    product: str
    owned_now: int
    latest_peak: int | None  # None: no usage recorded
    plan: ProductPlan | None
    problem: str  # why there is no plan ("" when there is one)
    latest_sample: date | None = None  # the day of the newest usage sample

    @property
    def owned_at_horizon(self) -> int | None:
        """Licences owned on the horizon date: what buy / surplus compares the recommendation with."""
        return None if self.plan is None else self.plan.recommendation.owned

    @property
    def gap(self) -> int:
        return 0 if self.latest_peak is None else max(0, self.latest_peak - self.owned_now)


class ForecastData:
    """The stored facts the tab works from, grouped by product once per reload."""

    def __init__(self, contracts: Sequence[Contract], samples: dict[str, list[UsageSample]]) -> None:
        self.products = known_products(contracts, [group[0] for group in samples.values() if group])
        self.contracts: dict[str, list[Contract]] = {}
        for contract in contracts:
            self.contracts.setdefault(fold(contract.product), []).append(contract)
        self.samples: dict[str, list[UsageSample]] = {}
        for product, group in samples.items():
            key = fold(product)  # two spellings of one product (rare) are merged back into day order
            self.samples[key] = sorted(self.samples[key] + group, key=lambda s: s.on) if key in self.samples else group

    def contracts_for(self, product: str) -> list[Contract]:
        return self.contracts.get(fold(product), [])

    def samples_for(self, product: str) -> list[UsageSample]:
        """The product's samples, sorted by day."""
        return self.samples.get(fold(product), [])


class PlanBook:
    """Rows for one `ForecastData` and one `ForecastSettings`, each computed on first use."""

    def __init__(self, data: ForecastData, today: date, settings: ForecastSettings) -> None:
        self.data = data
        self.today = today
        self.settings = settings
        self._rows: dict[str, ProductRow] = {}

    def row(self, product: str) -> ProductRow:
        if product not in self._rows:
            self._rows[product] = self._compute(product)
        return self._rows[product]

    def _compute(self, product: str) -> ProductRow:
        contracts = self.data.contracts_for(product)
        samples = self.data.samples_for(product)
        owned_now = owned_licences(product, contracts, self.today)
        if not samples:
            return ProductRow(product, owned_now, None, None, _("no usage recorded"))
        newest = samples[-1].on  # samples are sorted by day, at most one a day
        last_month = newest.replace(day=1)
        latest = max(s.in_use for s in samples[-31:] if s.on >= last_month)
        horizon = self.settings.horizon(product, contracts, self.today)
        if horizon is None:
            return ProductRow(product, owned_now, latest, None, _("no contract, so no end date"), newest)
        if self.settings.months is None and horizon <= self.today:
            return ProductRow(product, owned_now, latest, None, _(
                "its latest contract ended on {date}: no forecast for a past date (c: back to months)").format(
                date=format_date(horizon)), newest)
        try:
            plan = plan_product(product, samples, contracts, horizon, self.today,
                                method=self.settings.method, headroom=self.settings.headroom)
        except ForecastError as error:
            return ProductRow(product, owned_now, latest, None, str(error), newest)
        return ProductRow(product, owned_now, plan.latest_peak, plan, "", newest)

    def owned_by_month(self, product: str, months: Sequence[date], horizon: date) -> list[int]:
        """Licences held through each month (owned on its last day; on the horizon day in its month)."""
        contracts = self.data.contracts_for(product)
        days = [horizon if (m.year, m.month) == (horizon.year, horizon.month) else
                m.replace(day=calendar.monthrange(m.year, m.month)[1]) for m in months]
        return [owned_licences(product, contracts, day) for day in days]
