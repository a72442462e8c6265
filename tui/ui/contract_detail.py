"""The detail panel of the Overview: every field, the history, and what lapsing costs."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from tui.domain.contract import Contract, change_text
from tui.domain.status import Status, days_left, losses_if_not_renewed, status_of
from tui.formatting import format_count, format_date, format_money, format_unit_price
from tui.i18n import _, ngettext


def field_labels() -> dict[str, str]:
    """The name of each contract field, as the detail panel and the form show it."""
    return {
        "id": _("Contract no."), "product": _("Product"), "quantity": _("Licences"), "start": _("Start"),
        "end": _("End"), "unit_price": _("Price/licence/yr"), "currency": _("Currency"), "partner": _("Partner"),
        "certificate": _("Certificate"), "order": _("Order / PO"), "notes": _("Notes"),
    }


def describe_contract(contract: Contract, today: date, partner_label: str, notice_days: int,
                      renewal: str = "") -> Text:
    """Rich Text built with append(), so user data is never parsed as markup."""
    labels = field_labels()
    status = status_of(contract, today, notice_days)
    text = Text()
    text.append(f"{contract.id}\n", style="bold")
    left = days_left(contract, today)
    when = (ngettext("ended {n} day ago", "ended {n} days ago", -left).format(n=-left) if left < 0
            else ngettext("{n} day left", "{n} days left", left).format(n=left))
    text.append(f"{status.label.upper()} · {when}\n", style="bold")
    if renewal:
        text.append(_("↻ in open renewal {id} (Renewal tab, 2)").format(id=renewal) + "\n")
    rows = [
        (labels["product"], contract.product),
        (labels["quantity"], format_count(contract.quantity)),
        (labels["start"], format_date(contract.start) or "—"),
        (labels["end"], format_date(contract.end)),
        (labels["unit_price"], f"{format_unit_price(contract.unit_price)} {contract.currency}"),
        (_("Annual cost"), format_money(contract.annual_cost, contract.currency)),
        (_("Partner"), partner_label or "—"),  # the name, not the id the form asks for
        (labels["certificate"], contract.certificate or _("— missing (needed as proof of purchase)")),
        (labels["order"], contract.order or "—"),
        (labels["notes"], contract.notes or "—"),
    ]
    for label, value in rows:
        text.append(f"{label}: ", style="dim")
        text.append(f"{value}\n")
    heading = _("Lost since {date}:") if status is Status.EXPIRED else _("Lost if not renewed by {date}:")
    text.append("\n" + heading.format(date=format_date(contract.end)) + "\n", style="bold")
    for loss in losses_if_not_renewed():
        text.append(f" • {loss}\n")
    text.append("\n" + _("History") + "\n", style="bold")
    for entry in reversed(contract.history):
        text.append(f"{format_date(entry.on)} {entry.source}", style="dim")
        if not entry.changes:
            text.append("\n")
        for change in entry.changes:
            old, new = change_text(change)
            text.append(f"\n  {change.field}: {old} → {new}")
        if entry.changes:
            text.append("\n")
    return text


class ContractDetail(Static):
    _shown: Text | str | None = None

    def show(self, contract: Contract | None, today: date, partner_label: str = "", notice_days: int = 90,
             renewal: str = "") -> None:
        if contract is None:
            text: Text | str = _("No contract selected.")
        else:
            text = describe_contract(contract, today, partner_label, notice_days, renewal)
        if text != self._shown:  # the same text again (a keystroke that kept the cursor): no new layout
            self._shown = text
            self.update(text)
