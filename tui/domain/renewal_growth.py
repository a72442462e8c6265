"""Step 3 of a renewal: licences needed at T per product, against what the renewal would leave owned.

"Owned" counts the licences still under contract on T if the renewal goes
ahead keeping today's quantities (the renewal's contracts then end on T);
"planned" is the same with the new quantities typed in.  To buy and surplus
compare the forecast's recommendation with the planned count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from tui.domain.contract import Contract
from tui.domain.forecast.errors import ForecastError
from tui.domain.forecast.headroom import DEFAULT_HEADROOM
from tui.domain.forecast.planning import ProductPlan, owned_licences, plan_product
from tui.domain.renewal import Renewal
from tui.domain.usage import UsageSample


@dataclass(frozen=True)
class GrowthRow:
    product: str
    owned: int  # on T, if the renewal keeps today's quantities
    planned: int  # on T, with the renewal's new quantities
    plan: ProductPlan | None  # None when there is no forecast (see `problem`)
    problem: str = ""

    @property
    def recommended(self) -> int | None:
        return self.plan.recommendation.recommended if self.plan else None

    @property
    def to_buy(self) -> int:
        return max(0, self.recommended - self.planned) if self.plan else 0

    @property
    def surplus(self) -> int:
        return max(0, self.planned - self.recommended) if self.plan else 0


def growth_rows(renewal: Renewal, selected: Sequence[Contract], everyone: Sequence[Contract],
                samples: Mapping[str, Sequence[UsageSample]], today: date,
                headroom: float = DEFAULT_HEADROOM) -> list[GrowthRow]:
    """One row per product of the renewal's contracts, in the order the products first appear."""
    if renewal.to is None:
        return []
    to = renewal.to
    ids = {c.id for c in selected}
    kept = [replace(c, end=to) if c.id in ids else c for c in everyone]
    planned = [replace(c, quantity=renewal.quantity_for(c.id, c.quantity)) if c.id in ids else c for c in kept]
    rows = []
    for product in dict.fromkeys(c.product for c in selected):
        owned, after = owned_licences(product, kept, to), owned_licences(product, planned, to)
        try:
            plan = plan_product(product, samples.get(product, ()), kept, to, today, headroom=headroom)
        except ForecastError as error:
            rows.append(GrowthRow(product, owned, after, None, str(error)))
        else:
            rows.append(GrowthRow(product, owned, after, plan))
    return rows


def recommended_quantity(row: GrowthRow, contract: Contract, renewal: Renewal) -> int:
    """The new quantity for `contract` that makes its product's planned count meet the recommendation.

    The whole difference goes to this contract, never below one licence.
    """
    current = renewal.quantity_for(contract.id, contract.quantity)
    if row.recommended is None:
        return current
    return max(1, current + row.recommended - row.planned)
