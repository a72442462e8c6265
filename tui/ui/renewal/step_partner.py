"""Step 4: the partner, the plain-text quote request (shown and saved to a file), sent date, quoted amount."""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from tui.domain.contract_validation import check_text
from tui.domain.parsing import ParseError, parse_amount
from tui.domain.quote_request import quote_request_text
from tui.domain.renewal_plan import default_partner, other_partners
from tui.formatting import current_styles, date_placeholder, format_date, format_decimal
from tui.i18n import N_, _
from tui.store.errors import StoreError
from tui.store.transfer.quote_requests import default_folder, request_folder, write_quote_request
from tui.ui.dialogs.partner_picker import PartnerPicker
from tui.ui.renewal.step_base import WizardStep, read_date


def same_request(written: str, now: str) -> bool:
    """The request says the same as the one written, apart from its "Date:" line (a later day alone does
    not make a written request out of date)."""
    def without_date(text: str) -> list[str]:
        lines = text.splitlines()
        return lines[:1] + lines[2:]

    return without_date(written) == without_date(now)


class StepPartner(WizardStep):
    number = 4
    BINDINGS = [
        Binding("p", "pick_partner", N_("Partner"), tooltip=N_("Search the partner directory for the partner")),
        Binding("w", "write", N_("Write file"), tooltip=N_("Write the quote request to its file (again: rewrite it)")),
        Binding("s", "sent_today", N_("Sent today"), tooltip=N_("Record that the request was sent today")),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.currencies: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("", id="request-partner", markup=False)
        with Horizontal(classes="wizard-row"):
            yield Label(_("Your contact"), classes="wizard-label")
            yield Input(id="request-contact", compact=True, placeholder=_("name, e-mail, phone (in the request)"))
        with Horizontal(classes="wizard-row"):
            yield Label(_("Folder"), classes="wizard-label")
            yield Input(id="request-folder", compact=True)
        yield Static("", id="request-file", markup=False)
        with Horizontal(classes="wizard-row"):
            yield Label(_("Sent on"), classes="wizard-label")
            yield Input(id="request-sent", compact=True, placeholder=date_placeholder(), classes="wizard-date")
            yield Label(_("Quoted:"), classes="wizard-label-short")
            yield Horizontal(id="request-quoted")
        with VerticalScroll(id="request-preview"):
            yield Static("", id="request-text", markup=False)

    def first_focus(self):
        return self.query_one("#request-preview")

    # -- state <-> widgets ---------------------------------------------------
    def load(self) -> None:
        wizard = self.wizard
        renewal = wizard.renewal
        if not renewal.partner:
            wizard.update(partner=default_partner(wizard.selected()))
        with self.prevent(Input.Changed):
            self.query_one("#request-contact", Input).value = renewal.contact
            self.query_one("#request-folder", Input).value = renewal.request_folder
            self.query_one("#request-folder", Input).placeholder = str(default_folder(wizard.session.store.path))
            self.query_one("#request-sent", Input).value = format_date(renewal.sent_on)
        self.build_quoted_inputs()
        self.refresh_request()

    def build_quoted_inputs(self) -> None:
        quote = self.wizard.quote()
        currencies = tuple(quote.totals) if quote else ()
        box = self.query_one("#request-quoted", Horizontal)
        if currencies != self.currencies:
            box.remove_children()
            widgets = []
            for currency in currencies:
                widgets.append(Input(id=f"quoted-{currency}", compact=True, placeholder=format_decimal(Decimal(0)),
                                     classes="wizard-amount"))
                widgets.append(Label(currency, classes="wizard-currency"))  # after the amount, as everywhere
            box.mount_all(widgets)
            self.currencies = currencies
        quoted = self.wizard.renewal.quoted
        for currency in currencies:
            widget = box.query_one(f"#quoted-{currency}", Input)
            with self.prevent(Input.Changed):
                widget.value = format_decimal(quoted[currency]) if currency in quoted else ""

    def collect(self) -> list[str]:
        problems: list[str] = []
        changes: dict = {}
        for field, widget_id, label in (("contact", "#request-contact", _("Your contact")),
                                        ("request_folder", "#request-folder", _("Folder"))):
            try:
                changes[field] = check_text(self.query_one(widget_id, Input).value, field, required=False)
            except ParseError as error:
                problems.append(f"{label}: {error}")
        changes["sent_on"] = read_date(self.query_one("#request-sent", Input), _("Sent on"), problems)
        if changes["sent_on"] and changes["sent_on"] > self.wizard.session.today:
            problems.append(_("Sent on: is in the future"))
        quoted: dict[str, Decimal] = {}
        for currency in self.currencies:
            text = self.query_one(f"#quoted-{currency}", Input).value
            if text.strip():
                try:
                    quoted[currency] = parse_amount(text, decimal_comma=current_styles().number == "ro",
                                                    max_places=2)
                except ParseError as error:
                    problems.append(_("Quoted {currency}: {problem}").format(currency=currency, problem=error))
        changes["quoted"] = quoted
        self.wizard.update(**changes)
        return problems

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.wizard.typed()
        if event.input.id in ("request-contact", "request-folder"):
            problems = self.collect()  # refused at once (e.g. too long), not left out of the file unsaid
            self.wizard.say(problems, _("Not taken:") if problems else "")
            self.refresh_request()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#request-preview").focus()

    # -- the request ---------------------------------------------------------
    def request_text(self) -> str:
        wizard = self.wizard
        partner = wizard.session.partners.get(wizard.renewal.partner) if wizard.renewal.partner else None
        return quote_request_text(wizard.renewal, wizard.selected(), wizard.quote(), wizard.session.today,
                                  partner=partner)

    def refresh_request(self) -> None:
        wizard = self.wizard
        renewal = wizard.renewal
        partner = wizard.session.partners.get(renewal.partner) if renewal.partner else None
        if partner is not None:
            line = _("Partner: {name} ({id}) · {tier} {kind} · {city}, {country}").format(
                name=partner.name, id=partner.id, tier=partner.tier, kind=partner.kind, city=partner.city,
                country=partner.country)
        elif renewal.partner:
            line = _("Partner: {id} (not in the directory)").format(id=renewal.partner)
        else:
            line = _("Partner: none chosen — press p to search the partner directory")
        others = other_partners(renewal, wizard.selected()) if renewal.partner else {}
        if others:
            names = wizard.session.partner_names()
            listed = ", ".join(f"{cid} {names.get(p, p) if p else _('none')}" for cid, p in others.items())
            line += "\n" + _("⚠ Not every contract has this partner ({listed}); completing offers to set it on "
                             "them.").format(listed=listed)
        self.query_one("#request-partner", Static).update(line)
        text = self.request_text()
        self.query_one("#request-text", Static).update(text)
        if not renewal.request_path:
            state = _("File: not written yet — w writes it (going on writes it too)")
        elif self.out_of_date():
            state = _("⚠ Out of date (w rewrites): {path}").format(path=renewal.request_path)
        else:
            state = _("✓ Written: {path}").format(path=renewal.request_path)
        self.query_one("#request-file", Static).update(state)

    def write(self) -> list[str]:
        self.collect()
        wizard = self.wizard
        text = self.request_text()
        folder = request_folder(wizard.renewal.request_folder, wizard.session.store.path)
        try:
            path = write_quote_request(folder, wizard.renewal.id or "R-new", text)
        except StoreError as error:
            return [str(error)]
        wizard.update(request_path=str(path), request_text=text)
        wizard.save(what="request", detail=str(path))
        self.refresh_request()
        return []

    def out_of_date(self) -> bool:
        """A request was written, and what it would say now differs (the date aside)."""
        renewal = self.wizard.renewal
        return bool(renewal.request_path) and not same_request(renewal.request_text, self.request_text())

    def before_next(self) -> list[str]:
        """Going on writes the request when it is missing, and rewrites it when it is out of date."""
        renewal = self.wizard.renewal
        if not renewal.partner:
            return []
        if not renewal.request_path:
            return self.write()
        return self.rewrite_if_out_of_date()

    def before_back(self) -> list[str]:
        return self.rewrite_if_out_of_date()

    def rewrite_if_out_of_date(self) -> list[str]:
        self.collect()
        if not self.out_of_date():
            return []
        problems = self.write()
        if not problems:
            self.app.notify(_("Quote request rewritten: {path}").format(path=self.wizard.renewal.request_path))
        return problems

    # -- keys --------------------------------------------------------------
    def action_pick_partner(self) -> None:
        def chosen(partner) -> None:
            if partner is not None:
                self.wizard.update(partner=partner.id)
                self.wizard.keep()
                self.refresh_request()

        self.app.push_screen(PartnerPicker(self.wizard.session.partners.index()), chosen)

    def action_write(self) -> None:
        problems = self.write()
        if problems:
            self.app.notify(problems[0], title=_("Not written"), severity="error", timeout=10)
        else:
            self.app.notify(_("Quote request written to {path}").format(path=self.wizard.renewal.request_path))

    def action_sent_today(self) -> None:
        self.query_one("#request-sent", Input).value = format_date(self.wizard.session.today)
