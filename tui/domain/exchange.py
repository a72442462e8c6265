"""Exchange rates and converting amounts between currencies (domain.md, "Exchange rates").

A `Rate` says that on day `on`, 1 `currency` was worth `rate` units of `base`
(BNR: base RON; ECB files are stored the same way, `X per 1 EUR` as base X,
currency EUR, so nothing is divided when a file is read).  An amount is
converted at the latest rate on or before its date: directly, inverted, or
across one pivot currency (the file's own base: RON per USD from ECB rates is
RON-per-EUR / USD-per-EUR).  A missing rate is `None`, never 1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from tui.domain.money import round_cents

# Enough digits that one multiplication and one division are exact to far below a cent.
_PRECISION = 60
RATE_PLACES = Decimal("0.000001")  # how a derived rate is shown (machine output included)


@dataclass(frozen=True, slots=True)
class Rate:
    on: date
    base: str
    currency: str
    rate: Decimal  # units of `base` per 1 `currency`
    source: str = ""  # BNR, ECB, CSV, typed

    @property
    def key(self) -> tuple[date, str, str]:
        """A rate for the same day, base and currency replaces the stored one."""
        return self.on, self.base, self.currency


@dataclass(frozen=True, slots=True, eq=False)
class Conversion:
    """How to turn an amount of `currency` into `target`: × numerator / denominator.

    Compared and hashed by identity: the events converted on one day share one, and the rates a
    budget used are the set of its events' conversions (hashing the fields of each is ~10 ms per key
    for 20,000 events).
    """

    currency: str
    target: str
    numerator: Decimal
    denominator: Decimal
    on: date  # the date of the rate (of the older leg, for a cross rate)
    source: str

    @property
    def rate(self) -> Decimal:
        """Units of `target` per 1 `currency`, to six places (as shown; conversions use the exact ratio)."""
        with localcontext() as ctx:
            ctx.prec = _PRECISION
            return (self.numerator / self.denominator).quantize(RATE_PLACES).normalize()

    def convert(self, amount: Decimal) -> Decimal:
        """The amount in `target`, rounded half up to the cent."""
        with localcontext() as ctx:
            ctx.prec = _PRECISION
            return round_cents(amount * self.numerator / self.denominator)


@dataclass(frozen=True, slots=True)
class _Leg:
    numerator: Decimal
    denominator: Decimal
    on: date
    source: str


class RateBook:
    """The known rates, indexed by currency pair and date, for `conversion(currency, target, on)`."""

    def __init__(self, rates: Iterable[Rate]) -> None:
        by_pair: dict[tuple[str, str], dict[date, Rate]] = defaultdict(dict)
        for rate in rates:
            by_pair[rate.base, rate.currency][rate.on] = rate  # the last of one day wins, as when stored
        self._days: dict[tuple[str, str], list[date]] = {}
        self._rates: dict[tuple[str, str], list[Rate]] = {}
        self._neighbours: dict[str, set[str]] = defaultdict(set)
        for pair, days in by_pair.items():
            ordered = sorted(days)
            self._days[pair] = ordered
            self._rates[pair] = [days[day] for day in ordered]
            self._neighbours[pair[0]].add(pair[1])
            self._neighbours[pair[1]].add(pair[0])

    def __bool__(self) -> bool:
        return bool(self._rates)

    def _latest(self, base: str, currency: str, on: date) -> Rate | None:
        days = self._days.get((base, currency))
        if not days:
            return None
        at = bisect_right(days, on)
        return self._rates[base, currency][at - 1] if at else None

    def _leg(self, currency: str, target: str, on: date) -> _Leg | None:
        """1 `currency` in `target` from one stored rate (as stored, or inverted): the latest ≤ `on`."""
        direct = self._latest(target, currency, on)
        inverse = self._latest(currency, target, on)
        if direct is not None and (inverse is None or direct.on >= inverse.on):
            return _Leg(direct.rate, Decimal(1), direct.on, direct.source)
        if inverse is not None:
            return _Leg(Decimal(1), inverse.rate, inverse.on, inverse.source)
        return None

    def conversion(self, currency: str, target: str, on: date) -> Conversion | None:
        """How to convert `currency` into `target` at the latest rate on or before `on`; None when unknown.

        A direct rate is preferred unless a cross rate through one pivot currency is more recent.
        """
        if currency == target:
            return Conversion(currency, target, Decimal(1), Decimal(1), on, "")
        best = self._leg(currency, target, on)
        for pivot in sorted(self._neighbours.get(currency, set()) & self._neighbours.get(target, set())):
            first, second = self._leg(currency, pivot, on), self._leg(pivot, target, on)
            if first is None or second is None:
                continue
            cross_on = min(first.on, second.on)
            if best is None or cross_on > best.on:
                source = first.source if first.source == second.source else f"{first.source}+{second.source}"
                best = _Leg(first.numerator * second.numerator, first.denominator * second.denominator,
                            cross_on, source)
        if best is None:
            return None
        return Conversion(currency, target, best.numerator, best.denominator, best.on, best.source)
