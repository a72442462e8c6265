"""What a renewal asks of each step, what it costs, and what it does to the contracts.

Every check is pure so the wizard, the repository and the tests agree: a step
"passes" when `step_problems` returns nothing; completing needs every step to
pass.  Missing proof of purchase is a warning, never a problem: vendors may
find the proof themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from tui.domain.contract import Contract, FieldChange, change_text
from tui.domain.coterm import CotermError, Quote, build_quote, check_coterm_date
from tui.domain.renewal import STEP_COUNT, Proof, Renewal
from tui.formatting import format_date
from tui.i18n import _

RENEWED_FIELDS = ("end", "quantity", "certificate", "order", "partner")


def proof_for(renewal: Renewal, contract: Contract) -> Proof:
    """The proof gathered so far, or one pre-filled from the contract's certificate and order."""
    return renewal.proofs.get(contract.id) or Proof(certificate=contract.certificate, order=contract.order)


def default_partner(contracts: Sequence[Contract]) -> str:
    """The partner most of the contracts already have (the first one on a tie); empty if none."""
    counts = Counter(c.partner for c in contracts if c.partner)
    if not counts:
        return ""
    best = max(counts.values())
    return next(c.partner for c in contracts if c.partner and counts[c.partner] == best)


def renewal_quote(renewal: Renewal, contracts: Sequence[Contract], today: date) -> Quote:
    """The quote for the renewal as it stands; raises CotermError (message for the user)."""
    if renewal.to is None:
        raise CotermError(_("choose the co-term date T"))
    return build_quote(
        contracts, renewal.to, today, uplift=renewal.uplift, fee_rate=renewal.fee_rate,
        new_quantities={c.id: renewal.quantities[c.id] for c in contracts if c.id in renewal.quantities},
    )


def try_quote(renewal: Renewal, contracts: Sequence[Contract], today: date) -> Quote | None:
    try:
        return renewal_quote(renewal, contracts, today)
    except CotermError:
        return None


def step_problems(step: int, renewal: Renewal, contracts: Sequence[Contract], today: date,
                  busy: Mapping[str, str] | None = None) -> list[str]:
    """What stops step `step` (1–5) from being done; `busy` maps contract id -> another open renewal."""
    if step == 1:
        return _contract_problems(renewal, contracts, busy or {}, today)
    if step == 2:
        return [future_purchase_text(proof.purchase_date, today, c.id) for c in contracts
                if (proof := renewal.proofs.get(c.id)) and proof.purchase_date and proof.purchase_date > today]
    if step == 3:
        problems = [_("contract {id}: the new quantity must be at least 1").format(id=c.id)
                    for c in contracts if renewal.quantity_for(c.id, c.quantity) < 1]
        if problems or _contract_problems(renewal, contracts, {}, today):
            return problems  # step 1 already says what is wrong with the date
        return _quote_problems(renewal, contracts, today)
    if step == 4:
        problems = []
        if not renewal.partner:
            problems.append(_("choose the partner who will quote"))
        if not renewal.request_path:
            problems.append(_("write the quote request to a file"))
        return problems
    if step == 5:
        return _confirmation_problems(renewal, contracts, today)
    return []


def future_purchase_text(purchase: date, today: date, contract_id: str = "") -> str:
    """A purchase date after today cannot be proof of anything."""
    text = _("the purchase date {date} is in the future (today is {today})").format(
        date=format_date(purchase), today=format_date(today))
    return _("contract {id}: {problem}").format(id=contract_id, problem=text) if contract_id else text


def completion_problems(renewal: Renewal, contracts: Sequence[Contract], today: date,
                        busy: Mapping[str, str] | None = None) -> list[str]:
    """Everything that stops the renewal from being applied (every step must pass)."""
    if not renewal.status.is_open:
        return [_("renewal {id} is {status}; it can no longer be completed").format(
            id=renewal.id, status=renewal.status.label)]
    return [p for step in range(1, STEP_COUNT + 1) for p in step_problems(step, renewal, contracts, today, busy)]


def _contract_problems(renewal: Renewal, contracts: Sequence[Contract], busy: Mapping[str, str],
                       today: date) -> list[str]:
    problems = []
    found = {c.id for c in contracts}
    for contract_id in renewal.contract_ids:
        if contract_id not in found:
            problems.append(_("contract {id} no longer exists; remove it").format(id=contract_id))
    if not contracts:
        problems.append(_("select at least one contract"))
    for contract in contracts:
        if contract.id in busy:
            problems.append(_("contract {id} is already in open renewal {other}").format(
                id=contract.id, other=busy[contract.id]))
    if renewal.to is None:
        problems.append(_("choose the co-term date T"))
        return problems
    try:
        check_coterm_date(renewal.to, today)
    except CotermError as error:
        problems.append(str(error))
    for contract in contracts:
        if contract.end > renewal.to:
            problems.append(
                _("contract {id} ends on {end}, after T ({to}); choose T on or after {end}").format(
                    id=contract.id, end=format_date(contract.end), to=format_date(renewal.to)))
    return problems


def _quote_problems(renewal: Renewal, contracts: Sequence[Contract], today: date) -> list[str]:
    try:
        renewal_quote(renewal, contracts, today)
    except CotermError as error:
        return [str(error)]
    return []


def _confirmation_problems(renewal: Renewal, contracts: Sequence[Contract], today: date) -> list[str]:
    problems = [_("contract {id}: enter the new certificate number").format(id=c.id)
                for c in contracts if not renewal.certificates.get(c.id, "").strip()]
    if not renewal.order.strip():
        problems.append(_("enter the order / PO number"))
    if renewal.confirmed_on is None:
        problems.append(_("enter the confirmation date"))
    elif renewal.confirmed_on > today:
        problems.append(_("the confirmation date {date} is in the future").format(
            date=format_date(renewal.confirmed_on)))
    return problems


def renewed_contract(contract: Contract, renewal: Renewal) -> Contract:
    """The contract as the completed renewal leaves it: end T, new quantity, certificate and order (and the
    renewal's partner, when the user chose to set it on the contracts)."""
    assert renewal.to is not None
    return replace(
        contract,
        end=renewal.to,
        quantity=renewal.quantity_for(contract.id, contract.quantity),
        certificate=renewal.certificates.get(contract.id, contract.certificate).strip() or contract.certificate,
        order=renewal.order.strip() or contract.order,
        partner=renewal.partner if renewal.set_partner and renewal.partner else contract.partner,
    )


def other_partners(renewal: Renewal, contracts: Sequence[Contract]) -> dict[str, str]:
    """Contract id -> its partner, for the contracts whose partner is not the renewal's ("" = none)."""
    return {c.id: c.partner for c in contracts if c.partner != renewal.partner}


def planned_changes(renewal: Renewal, contracts: Sequence[Contract]) -> list[tuple[Contract, Contract]]:
    """(stored, renewed) pairs, one per contract of the renewal."""
    return [(c, renewed_contract(c, renewal)) for c in contracts]


def describe_changes(pairs: Sequence[tuple[Contract, Contract]]) -> list[str]:
    """One line per contract, "id: end a → b; licences a → b; …" for the confirmation summary."""
    lines = []
    for old, new in pairs:
        changes = sorted(old.changes_to(new), key=lambda c: RENEWED_FIELDS.index(c.field)
                         if c.field in RENEWED_FIELDS else len(RENEWED_FIELDS))
        parts = [_describe(change) for change in changes]
        lines.append(f"{old.id}: " + ("; ".join(parts) if parts else _("no change")))
    return lines


def _describe(change: FieldChange) -> str:
    label = {"end": _("end"), "quantity": _("licences"), "certificate": _("certificate"),
             "order": _("order"), "partner": _("partner")}.get(change.field, change.field)
    old, new = change_text(change)
    return f"{label} {old} → {new}"
