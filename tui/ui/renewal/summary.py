"""The last word before a renewal is applied: every change listed, `y` applies, `n` goes back.

The same text, without the question, shows a completed or cancelled renewal.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from tui.domain.contract import Contract
from tui.domain.coterm import Quote
from tui.domain.renewal import Renewal
from dataclasses import replace

from tui.domain.renewal_plan import describe_changes, other_partners, planned_changes
from tui.formatting import format_count, format_date, format_money
from tui.i18n import N_, _, ngettext
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter


def renewal_text(renewal: Renewal, quote: Quote | None, change_lines: Sequence[str], partner_label: str = "") -> Text:
    """Rich Text built with append(), so typed data is never read as markup.

    `partner_label` names the partner ("Name (p0001)"); without it the partner's id is shown.
    """
    text = Text()
    if change_lines:
        text.append(_("Contracts") + "\n", style="bold")
        for line in change_lines:
            text.append(f" • {line}\n")
    if quote is not None:
        text.append(_("Estimate") + ": ", style="bold")
        text.append(" · ".join(format_money(v, k) for k, v in quote.totals.items()) + "\n")
    if renewal.quoted:
        text.append(_("Quoted by the partner") + ": ", style="bold")
        text.append(" · ".join(format_money(v, k) for k, v in renewal.quoted.items()) + "\n")
    for label, value in ((_("Partner"), partner_label or renewal.partner), (_("Quote request"), renewal.request_path),
                         (_("Sent on"), format_date(renewal.sent_on)), (_("Order / PO"), renewal.order),
                         (_("Confirmed on"), format_date(renewal.confirmed_on))):
        if value:
            text.append(f"{label}: ", style="bold")
            text.append(f"{value}\n")
    return text


def partner_label(partner_names: dict[str, str], renewal: Renewal) -> str:
    """"Name (p0001)" of the renewal's partner, or "" when it has none."""
    if not renewal.partner:
        return ""
    name = partner_names.get(renewal.partner)
    return f"{name} ({renewal.partner})" if name else renewal.partner


def event_labels() -> dict[str, str]:
    return {"created": _("created"), "saved": _("saved"), "request": _("quote request written"),
            "completed": _("completed"), "cancelled": _("cancelled")}


class CompletionSummary(Dialog[Renewal | None]):
    """Dismisses with the renewal to apply (with the user's choice of setting the partner), or None."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Apply")),
        Binding("n,escape", "answer(False)", N_("Back")),
        Binding("p", "toggle_partner", N_("Set partner"),
                tooltip=N_("Also make the renewal's partner the partner of every contract (again: not)")),
    ]

    def __init__(self, renewal: Renewal, pairs: Sequence[tuple[Contract, Contract]], quote: Quote | None,
                 partner_names: dict[str, str]) -> None:
        super().__init__()
        self.renewal = renewal
        self.pairs = pairs
        self.quote = quote
        self.partner_names = partner_names
        self.contracts = [old for old, _new in pairs]
        self.others = other_partners(renewal, self.contracts) if renewal.partner else {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.others) if action == "toggle_partner" else True

    def summary_text(self) -> Text:
        text = renewal_text(self.renewal, self.quote, describe_changes(self.pairs), partner_label(self.partner_names, self.renewal))
        if self.others:
            listed = ", ".join(f"{cid} {partner or _('none')}" for cid, partner in self.others.items())
            text.append("\n" + (_("✓ The partner will be set on every contract (p: keep theirs: {listed}).")
                                if self.renewal.set_partner else
                                _("⚠ Not every contract has this partner ({listed}): p sets it on them all."))
                        .format(listed=listed) + "\n")
        return text

    def action_toggle_partner(self) -> None:
        self.renewal = replace(self.renewal, set_partner=not self.renewal.set_partner)
        self.pairs = planned_changes(self.renewal, self.contracts)
        self.query_one("#summary-text", Static).update(self.summary_text())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog summary"):
            yield Static(_("Complete renewal {id}? These changes will be saved:").format(id=self.renewal.id),
                         classes="dialog-title", markup=False)
            with VerticalScroll(id="summary-scroll"):
                yield Static(self.summary_text(), id="summary-text")
            yield Static(_("Each contract's history keeps its old end date, licences and certificate."),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Apply (y)"), id="yes", variant="success", compact=True)
                yield Button(_("Back (n)"), id="no", compact=True)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#summary-scroll").focus()  # arrows and page keys scroll; y / n answer

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(self.renewal if answer else None)


class RenewalView(Dialog[None]):
    """A completed or cancelled renewal, read only."""

    BINDINGS = [Binding("escape,q,enter", "dismiss(None)", N_("Close"))]

    def __init__(self, renewal: Renewal, partner_names: dict[str, str]) -> None:
        super().__init__()
        self.renewal = renewal
        self.partner_names = partner_names

    def compose(self) -> ComposeResult:
        renewal = self.renewal
        with Vertical(classes="dialog summary"):
            yield Static(_("Renewal {id} · {status} · T {to}").format(
                id=renewal.id, status=renewal.status.label, to=format_date(renewal.to) or "—"),
                classes="dialog-title", markup=False)
            with VerticalScroll(id="summary-scroll"):
                lines = list(renewal.contract_ids)
                if renewal.quote is not None:
                    lines = [ngettext("{id} {product}: end {end} → {to}; {n} licence; {total}",
                                      "{id} {product}: end {end} → {to}; {n} licences; {total}",
                                      line.quantity + line.added).format(
                        id=line.contract_id, product=line.product, end=format_date(line.end),
                        to=format_date(renewal.quote.to), n=format_count(line.quantity + line.added),
                        total=format_money(line.total, line.currency)) for line in renewal.quote.lines]
                text = renewal_text(renewal, renewal.quote, lines, partner_label(self.partner_names, renewal))
                text.append("\n" + _("History") + "\n", style="bold")
                labels = event_labels()
                for event in renewal.events:
                    text.append(f" {format_date(event.on)} #{event.seq} {labels.get(event.what, event.what)}"
                                f" {event.detail}\n")
                yield Static(text, id="summary-text")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#summary-scroll").focus()
