"""Add or edit a contract in a modal form, validated with the same rules as the CSV import."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from tui.domain.contract import CONTRACT_COLUMNS, Contract
from tui.domain.text import printable
from tui.domain.contract_validation import validate_contract
from tui.formatting import current_styles, date_placeholder, format_date, format_decimal
from tui.i18n import _
from tui.store.errors import ConflictError, StoreError
from tui.ui.dialogs.validated_form import ValidatedForm
from tui.ui.overview.contract_detail import field_labels
from tui.ui.widgets.partner_field import PartnerField
from tui.ui.widgets.translated_footer import TranslatedFooter

if TYPE_CHECKING:
    from tui.store.partners import PartnerRepository


def initial_text(contract: Contract | None, column: str) -> str:
    if contract is None:
        return ""
    value = getattr(contract, column)
    if column in ("start", "end"):
        return format_date(value)
    if column == "unit_price" and current_styles().number == "ro":
        return str(value).replace(".", ",")
    return contract.field_text(column)


Write = Callable[[Contract, int], object]  # (the form's contract, the stored revision it was based on)
Reread = Callable[[], "Contract | None"]  # the stored contract as it is now


class ContractForm(ValidatedForm[Contract]):
    """Returns the valid Contract on save, or None when cancelled.

    With `write`, the form stores the contract itself: when another session changed (or removed) it
    since the form opened, the form stays open with what was typed and says what changed there;
    ctrl+s again puts the typed values over the stored ones, esc discards them.
    """

    def __init__(self, title: str, contract: Contract | None, id_taken: Callable[[str], bool],
                 partners: PartnerRepository | None = None, *, write: Write | None = None, reread: Reread | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.contract = contract
        self.id_taken = id_taken
        self.partners = partners  # the directory the partner is chosen from (None: not checked)
        self.partner_names: dict[str, str] = partners.names() if partners is not None else {}
        self.write = write
        self.reread = reread
        self.base = contract  # the stored contract the typed values go over

    def compose(self) -> ComposeResult:
        labels = field_labels()
        with Vertical(classes="dialog form"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with Grid(classes="form-grid"):
                for column in CONTRACT_COLUMNS:
                    yield Label(labels[column], classes="form-label")
                    if column == "partner" and self.partners is not None:
                        yield PartnerField(self.contract.partner if self.contract else "", self.partner_names,
                                           self.partners.index, id="field-partner")
                    else:
                        yield Input(initial_text(self.contract, column), id=f"field-{column}", compact=True,
                                    placeholder=self.placeholder(column))
                    yield Static("", id=f"error-{column}", classes="form-error", markup=False)
            yield Static("", id="form-conflict", classes="form-error", markup=False)
            yield Static(_("ctrl+s save · esc cancel · tab next field"), classes="dialog-hint")
        yield TranslatedFooter()

    @staticmethod
    def placeholder(column: str) -> str:
        return {"start": _("optional, {format}").format(format=date_placeholder()), "end": date_placeholder(),
                "currency": "RON, EUR, …", "quantity": _("whole number ≥ 1"),
                "unit_price": format_decimal(Decimal("1234.5"))}.get(column, "")

    def values(self) -> dict[str, str]:
        return {column: self.query_one(f"#field-{column}").value for column in CONTRACT_COLUMNS}  # type: ignore

    def on_partner_field_changed(self, event: PartnerField.Changed) -> None:
        if self.tried:
            self.check()

    def on_mount(self) -> None:
        self.query_one("#form-conflict").display = False

    def commit(self, contract: Contract) -> bool:
        if self.write is None:
            return True
        try:
            self.write(contract, self.base.revision if self.base else 0)
        except ConflictError as error:
            self.show_conflict(str(error))
            return False
        except StoreError as error:
            self.notify(str(error), title=_("Not saved"), severity="error", timeout=10)
            return False
        return True

    def show_conflict(self, problem: str) -> None:
        """Say what the other session changed; the next ctrl+s goes over the contract as stored now."""
        stored = self.reread() if self.reread else None
        labels = field_labels()
        if stored is not None and self.base is not None and stored.id == self.base.id:
            changes = "; ".join(_("{field}: {old} → {new}").format(
                field=labels.get(ch.field, ch.field), old=printable(ch.old) or "∅", new=printable(ch.new) or "∅")
                for ch in self.base.changes_to(stored)) or _("no field you can see")
            for column in CONTRACT_COLUMNS:  # a field not typed in takes their value; typed ones stay yours
                field = self.query_one(f"#field-{column}")
                if isinstance(field, PartnerField):
                    if field.value == self.base.partner:
                        field.set_value(stored.partner)
                elif isinstance(field, Input) and field.value == initial_text(self.base, column):
                    field.value = initial_text(stored, column)
            text = _("Not saved: changed in another session since you opened it — {changes}. The fields you "
                     "did not change now show theirs; ctrl+s saves yours over it, esc discards yours.").format(
                changes=changes)
            self.base = stored
        else:
            text = _("Not saved: {problem}. Your values are still here; esc discards them.").format(problem=problem)
        conflict = self.query_one("#form-conflict", Static)
        conflict.update(text)
        conflict.display = True

    def check(self) -> Contract | None:
        known = self.partner_names if self.partners is not None else None
        contract, errors = validate_contract(self.values(), decimal_comma=current_styles().number == "ro",
                                             partners=known, keep_partner=self.contract.partner if self.contract
                                             else "")
        if contract is not None and contract.id != (self.contract.id if self.contract else None):
            if self.id_taken(contract.id):
                errors["id"] = _("is already used by another contract")
                contract = None
        self.show_errors(CONTRACT_COLUMNS, errors)
        return contract if not errors else None

