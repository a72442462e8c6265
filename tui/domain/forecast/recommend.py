"""From a forecast to a purchase: how many licences to hold at the horizon.

`recommended = ceil(upper 95 % bound at the horizon)`, compared with the
licences owned on that date (contracts not expired then).  The bound is
rounded to 9 decimals before `ceil`, so float noise such as
`100 × 1.1 = 110.00000000000001` does not ask for one licence too many.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tui.domain.contract import Contract
from tui.domain.forecast.engine import ForecastResult


@dataclass(frozen=True)
class Recommendation:
    owned: int  # licences owned on the horizon date
    recommended: int  # licences to hold then
    to_buy: int
    surplus: int


def owned_on(contracts: Iterable[Contract], product: str, on: date) -> int:
    """Licences of `product` under contracts not expired on `on` (`end >= on`)."""
    return sum(c.quantity for c in contracts if c.product == product and c.end >= on)


def recommended_licences(upper95: float) -> int:
    """`ceil` of the upper 95 % bound, never negative."""
    return max(0, math.ceil(round(upper95, 9)))


def recommend(result: ForecastResult, owned: int) -> Recommendation:
    """Compare the forecast's horizon with the licences `owned` on the horizon date."""
    recommended = recommended_licences(result.at_horizon.upper95)
    return Recommendation(
        owned=owned,
        recommended=recommended,
        to_buy=max(0, recommended - owned),
        surplus=max(0, owned - recommended),
    )


def compliance_gap(latest_peak: int, owned_now: int) -> int:
    """Licences in use beyond those owned today (0 when usage is covered)."""
    return max(0, latest_peak - owned_now)
