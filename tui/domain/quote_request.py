"""The plain-text quote request carried to the partner (often across an air gap).

Plain text on purpose: it prints, it pastes into any mail client, and it
reads the same in a terminal.  Lines stay within 78 columns where the data
allows.  Prices are our estimate by the co-terming rules; the partner quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tui.domain.contract import Contract
from tui.domain.coterm import Quote, method_note
from tui.domain.partner import Partner
from tui.domain.renewal import Renewal
from tui.domain.renewal_plan import proof_for
from tui.domain.text import printable
from tui.formatting import format_count, format_date, format_money, format_percent
from tui.i18n import _, ngettext


def quote_request_text(renewal: Renewal, contracts: Sequence[Contract], quote: Quote | None, today: date, *,
                       partner: Partner | None = None) -> str:
    """The request for `renewal`; `quote` is our estimate (None when it cannot be priced yet)."""
    lines = [_("REQUEST FOR QUOTATION — maintenance renewal {id}").format(id=renewal.id or _("(draft)")),
             _("Date: {date}").format(date=format_date(today))]
    lines += _partner_lines(renewal, partner)
    if renewal.contact:
        lines.append(_("From: {contact}").format(contact=_clean(renewal.contact)))
    lines.append("")
    lines.append(ngettext(
        "Please quote the renewal of the maintenance contract below,",
        "Please quote the renewal of the {n} maintenance contracts below,", len(contracts)).format(n=len(contracts)))
    if renewal.to is not None:
        lines.append(_("co-termed to end on one date: {to}.").format(to=format_date(renewal.to)))
    lines.append("")
    by_id = {line.contract_id: line for line in quote.lines} if quote else {}
    for number, contract in enumerate(contracts, 1):
        lines += _contract_block(number, contract, renewal, by_id.get(contract.id), today)
        lines.append("")
    lines += _estimate_lines(renewal, quote)
    lines.append("")
    lines.append(_("Prices are without VAT."))
    lines.append(_("Please confirm with a new licence certificate per contract."))
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    return printable(text).replace("\n", " ").strip()


def _partner_lines(renewal: Renewal, partner: Partner | None) -> list[str]:
    if partner is None:
        return [_("To: {partner}").format(partner=renewal.partner)] if renewal.partner else []
    lines = [_("To: {name} ({id})").format(name=_clean(partner.name), id=partner.id)]
    contact = " · ".join(x for x in (partner.email, partner.phone) if x)
    if contact:
        lines.append("    " + _clean(contact))
    return lines


def _contract_block(number: int, contract: Contract, renewal: Renewal, line, today: date) -> list[str]:
    wanted = renewal.quantity_for(contract.id, contract.quantity)
    if wanted == contract.quantity:
        licences = format_count(contract.quantity)
    else:
        licences = _("{old} now, {new} after the renewal").format(
            old=format_count(contract.quantity), new=format_count(wanted))
    proof = proof_for(renewal, contract)
    block = [
        f"{number}. {_clean(contract.id)} — {_clean(contract.product)}",
        "   " + _("Licences: {licences}").format(licences=licences),
        "   " + _("Current end: {end}  ->  new end: {to}").format(
            end=format_date(contract.end), to=format_date(renewal.to) if renewal.to else "?"),
        "   " + _("Certificate: {certificate} · Order: {order} · Purchased: {purchased}").format(
            certificate=_clean(proof.certificate) or "—", order=_clean(proof.order) or "—",
            purchased=format_date(proof.purchase_date) or "—"),
    ]
    missing = proof.missing()
    if missing:
        block.append("   " + _("Proof of purchase missing: {what}").format(what=", ".join(missing)))
    if line is not None:
        span = _("{years} y {days} d").format(years=line.years, days=line.days)
        block.append("   " + _("Estimate: renewal {span} {amount}").format(
            span=span, amount=format_money(line.amount, line.currency)))
        if line.reinstatement_fee:
            block.append("   " + _("  + reinstatement fee (lapsed) {fee}").format(
                fee=format_money(line.reinstatement_fee, line.currency)))
        if line.added:
            block.append("   " + ngettext("  + {n} additional licence from {today} {amount}",
                                          "  + {n} additional licences from {today} {amount}", line.added).format(
                n=format_count(line.added), today=format_date(today),
                amount=format_money(line.additional_amount, line.currency)))
        if line.total != line.amount:
            block.append("   " + _("  = {total}").format(total=format_money(line.total, line.currency)))
    return block


def _estimate_lines(renewal: Renewal, quote: Quote | None) -> list[str]:
    if quote is None:
        return [_("Estimate: not available yet.")]
    lines = [_("Our estimate (uplift {uplift}, reinstatement fee {fee} of the lapsed part):").format(
        uplift=format_percent(renewal.uplift), fee=format_percent(renewal.fee_rate))]
    for currency, total in quote.totals.items():
        lines.append("    " + _("Total {currency}: {amount}").format(
            currency=currency, amount=format_money(total, currency)))
    lines.append(method_note())
    return lines
