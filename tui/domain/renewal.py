"""A renewal: one pass through the vendor's five renewal steps, kept as a record of its own.

The record holds every answer of the wizard (contracts, co-term date, proof
of purchase, new quantities, partner, quote request, order confirmation), the
quote as last saved, and a small event log.  Timestamps are the app's "today"
(never the clock) plus a per-renewal counter `seq` that orders events of the
same day.  Records are immutable: every change makes a new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import Enum

from tui.domain.coterm import DEFAULT_FEE_RATE, Quote
from tui.i18n import _

STEP_COUNT = 5


class RenewalStatus(Enum):
    DRAFT = "draft"
    REQUESTED = "requested"  # the quote request was sent to the partner
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            RenewalStatus.DRAFT: _("draft"),
            RenewalStatus.REQUESTED: _("requested"),
            RenewalStatus.COMPLETED: _("completed"),
            RenewalStatus.CANCELLED: _("cancelled"),
        }[self]

    @property
    def is_open(self) -> bool:
        """Draft and requested renewals can still be edited, completed or cancelled."""
        return self in (RenewalStatus.DRAFT, RenewalStatus.REQUESTED)


def step_titles() -> tuple[str, ...]:
    """The five steps of the vendor's renewal FAQ, in order (index 0 is step 1)."""
    return (
        _("Which contracts"),
        _("Proof of purchase"),
        _("Growth"),
        _("Partner and quote request"),
        _("Order confirmation"),
    )


# What a vendor may ask for as proof of purchase (domain.md, "Proof of purchase").
CHECKLIST = ("certificate", "order", "agreement", "purchase_date", "contacts")


def checklist_labels() -> dict[str, str]:
    return {
        "certificate": _("licence certificate at hand"),
        "order": _("order / PO document at hand"),
        "agreement": _("agreement / site / account ID noted"),
        "purchase_date": _("invoice with the purchase date"),
        "contacts": _("customer contacts ready"),
    }


@dataclass(frozen=True)
class Proof:
    """Proof of purchase for one contract, as the administrator gathered it."""

    certificate: str = ""
    order: str = ""
    purchase_date: date | None = None
    checked: frozenset[str] = frozenset()  # items of CHECKLIST ticked off

    def missing(self) -> list[str]:
        """What a vendor would ask for and is not there yet (flagged, never blocking)."""
        found = []
        if not self.certificate:
            found.append(_("certificate"))
        if not self.order:
            found.append(_("order number"))
        if self.purchase_date is None:
            found.append(_("purchase date"))
        return found


@dataclass(frozen=True)
class RenewalEvent:
    on: date  # the app's today
    seq: int  # 1, 2, 3… within this renewal: orders events of one day
    what: str  # created, saved, request, sent, completed, cancelled
    detail: str = ""


@dataclass(frozen=True)
class Renewal:
    id: str  # "R-0001"; empty until first saved
    status: RenewalStatus = RenewalStatus.DRAFT
    step: int = 1  # the step to resume at
    contract_ids: tuple[str, ...] = ()
    to: date | None = None  # the co-term date T
    uplift: Decimal = Decimal(0)  # fractions: 0.05 = 5 %
    fee_rate: Decimal = DEFAULT_FEE_RATE
    proofs: Mapping[str, Proof] = field(default_factory=dict)
    quantities: Mapping[str, int] = field(default_factory=dict)  # new quantity; absent = keep
    quote: Quote | None = None  # as last saved
    partner: str = ""  # partner id
    contact: str = ""  # the customer's contact for the partner
    request_folder: str = ""  # empty: the default folder next to the data file
    request_path: str = ""  # where the quote request was last written
    request_text: str = ""  # what was written there
    sent_on: date | None = None
    quoted: Mapping[str, Decimal] = field(default_factory=dict)  # currency -> the partner's quoted amount
    certificates: Mapping[str, str] = field(default_factory=dict)  # new certificate per contract
    order: str = ""  # order / PO number of the renewal
    confirmed_on: date | None = None
    set_partner: bool = False  # completing also makes `partner` the partner of every contract
    events: tuple[RenewalEvent, ...] = ()
    revision: int = field(default=0, compare=False)

    @property
    def created_on(self) -> date | None:
        return self.events[0].on if self.events else None

    @property
    def updated_on(self) -> date | None:
        return self.events[-1].on if self.events else None

    def quantity_for(self, contract_id: str, current: int) -> int:
        return self.quantities.get(contract_id, current)

    def with_event(self, on: date, what: str, detail: str = "") -> Renewal:
        seq = self.events[-1].seq + 1 if self.events else 1
        return replace(self, events=self.events + (RenewalEvent(on, seq, what, detail),))

    def pruned(self) -> Renewal:
        """Drop answers kept for contracts no longer in the renewal."""
        ids = set(self.contract_ids)
        return replace(
            self,
            proofs={k: v for k, v in self.proofs.items() if k in ids},
            quantities={k: v for k, v in self.quantities.items() if k in ids},
            certificates={k: v for k, v in self.certificates.items() if k in ids},
        )

    def with_sent_status(self) -> Renewal:
        """An open renewal is `requested` once the request has a sent date, else a draft."""
        if not self.status.is_open:
            return self
        status = RenewalStatus.REQUESTED if self.sent_on else RenewalStatus.DRAFT
        return replace(self, status=status)


def new_renewal(contract_ids: tuple[str, ...] | list[str], today: date, **values) -> Renewal:
    """A draft not yet stored (id empty), opened today."""
    return Renewal(id="", contract_ids=tuple(contract_ids), **values).with_event(today, "created")


def renewal_number(renewal_id: str) -> int:
    """R-0042 -> 42; 0 for anything else."""
    prefix, _sep, number = renewal_id.partition("-")
    return int(number) if prefix == "R" and number.isdigit() else 0


def format_renewal_id(number: int) -> str:
    return f"R-{number:04d}"
