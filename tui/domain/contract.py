"""A maintenance contract and the record of how it changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from tui.formatting import format_count, format_date, format_unit_price

# The CSV columns, in file order; also the keys of the JSON export.
CONTRACT_COLUMNS = (
    "id",
    "product",
    "quantity",
    "start",
    "end",
    "unit_price",
    "currency",
    "partner",
    "certificate",
    "order",
    "notes",
)
REQUIRED_COLUMNS = frozenset({"id", "product", "quantity", "end", "unit_price", "currency"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change to a contract: when (the app's "today"), why, and each field's old and new text."""

    on: date
    source: str  # "edit", "import", "renewal", "partner"
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class Contract:
    id: str
    product: str
    quantity: int
    end: date
    unit_price: Decimal  # annual maintenance per licence
    currency: str
    start: date | None = None
    partner: str = ""  # partner id
    certificate: str = ""  # licence certificate number
    order: str = ""  # order / purchase-order number
    notes: str = ""
    history: tuple[HistoryEntry, ...] = field(default=(), compare=False)
    # Bumped on every stored change; lets a writer refuse to overwrite a newer version.
    revision: int = field(default=0, compare=False)

    @property
    def annual_cost(self) -> Decimal:
        return self.unit_price * self.quantity

    def field_text(self, name: str) -> str:
        """The CSV text of one column (ISO dates, plain decimal prices)."""
        value = getattr(self, name)
        if value is None:
            return ""
        if isinstance(value, date):
            return value.isoformat()
        return str(value)

    def changes_to(self, other: Contract) -> tuple[FieldChange, ...]:
        """The column-by-column differences from this contract to `other`."""
        return tuple(
            FieldChange(name, self.field_text(name), other.field_text(name))
            for name in CONTRACT_COLUMNS
            if self.field_text(name) != other.field_text(name)
        )



def change_text(change: FieldChange) -> tuple[str, str]:
    """A change's old and new value as people read them, in the current date and number formats ("∅" for
    empty); the history stores ISO dates and plain decimals."""
    return _value_text(change.field, change.old), _value_text(change.field, change.new)


def _value_text(name: str, stored: str) -> str:
    if not stored:
        return "∅"
    try:
        if name in ("start", "end"):
            return format_date(date.fromisoformat(stored))
        if name == "quantity":
            return format_count(int(stored))
        if name == "unit_price":
            return format_unit_price(Decimal(stored))
    except (ValueError, InvalidOperation):  # a hand-edited file: show what is stored
        pass
    return stored
