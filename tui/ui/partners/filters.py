"""What the Partners tab filters by, besides the search words, and how the filter line reads."""

from __future__ import annotations

from dataclasses import dataclass

from tui.domain.countries import country_name
from tui.domain.geo import City
from tui.domain.partner import vocabulary_label
from tui.formatting import format_km
from tui.i18n import _

@dataclass(frozen=True)
class PartnerFilters:
    """Every filter of the tab; None (or no `near`) means "any"."""

    country: str | None = None
    tier: str | None = None
    kind: str | None = None
    specialisation: str | None = None
    near: tuple[City, float] | None = None

    def describe(self) -> list[str]:
        parts = []
        if self.country:
            parts.append(_("country {name}").format(name=country_name(self.country)))
        if self.tier:
            parts.append(_("tier {tier}").format(tier=self.tier))
        if self.kind:
            parts.append(_("type {kind}").format(kind=vocabulary_label(self.kind)))
        if self.specialisation:
            parts.append(_("skill {name}").format(name=vocabulary_label(self.specialisation)))
        if self.near:
            city, km = self.near
            parts.append(_("≤ {km} of {city}").format(km=format_km(km), city=city.name))
        return parts


def cycle(value: str | None, choices: tuple[str, ...]) -> str | None:
    """The next of None, choices[0], …, choices[-1], None."""
    order = (None, *choices)
    return order[(order.index(value) + 1) % len(order)]
