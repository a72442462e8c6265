"""Add or edit a partner in a modal form, validated with the same rules as the CSV import."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from tui.domain.countries import EUROPEAN_COUNTRIES
from tui.domain.partner import KINDS, LIST_SEPARATOR, PARTNER_COLUMNS, SPECIALISATIONS, TIERS, Partner, validate_partner
from tui.i18n import _
from tui.store.cities import shipped_cities
from tui.ui.partners.detail import partner_labels
from tui.ui.widgets.suggest import FoldedSuggester
from tui.ui.dialogs.validated_form import ValidatedForm
from tui.ui.widgets.translated_footer import TranslatedFooter


def placeholders() -> dict[str, str]:
    return {
        "tier": " / ".join(TIERS),
        "kind": " / ".join(KINDS),
        "country": _("two letters: RO, HU, DE, …"),
        "city": _("e.g. Brașov"),
        "specialisations": _("separated by ';': endpoint security; encryption"),
        "languages": _("e.g. ro; en"),
        "email": _("optional"),
        "phone": _("optional, e.g. +40 21 555 0100"),
        "website": _("optional, e.g. www.example.com"),
    }


def suggesters() -> dict[str, FoldedSuggester]:
    return {
        "tier": FoldedSuggester(TIERS),
        "kind": FoldedSuggester(KINDS),
        "country": FoldedSuggester(EUROPEAN_COUNTRIES),
        "city": FoldedSuggester(c.name for c in shipped_cities()),
        "specialisations": FoldedSuggester(SPECIALISATIONS, separator=LIST_SEPARATOR),
    }


class PartnerForm(ValidatedForm[Partner]):
    """Returns the valid Partner on save, or None when cancelled.  The id cannot change once saved:
    contracts refer to it."""

    def __init__(self, title: str, partner: Partner | None, id_taken: Callable[[str], bool], *,
                 note: str = "", suggested_id: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.partner = partner
        self.id_taken = id_taken
        self.note = note
        self.suggested_id = suggested_id
        self.errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        labels, hints, suggest = partner_labels(), placeholders(), suggesters()
        with Vertical(classes="dialog form"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            if self.note:
                yield Static(self.note, classes="dialog-note", markup=False)
            with Grid(classes="form-grid partner-grid"):
                for column in PARTNER_COLUMNS:
                    value = self.partner.field_text(column) if self.partner else ""
                    if column == "id" and self.partner is None:
                        value = self.suggested_id
                    yield Label(labels[column], classes="form-label")
                    yield Input(value, id=f"field-{column}", compact=True, placeholder=hints.get(column, ""),
                                suggester=suggest.get(column), disabled=column == "id" and self.partner is not None)
                    yield Static("", id=f"error-{column}", classes="form-error", markup=False)
            yield Static(self.default_hint(), id="partner-form-hint", classes="dialog-hint", markup=False)
        yield TranslatedFooter()

    @staticmethod
    def default_hint() -> str:
        return _("ctrl+s save · esc cancel · tab next field · → completes")

    def show_hint(self) -> None:
        """The focused field's whole error (the error column is cut short), else the keys."""
        focused = self.focused
        column = focused.id.removeprefix("field-") if focused is not None and focused.id else ""
        message = self.errors.get(column, "")
        hint = self.query_one("#partner-form-hint", Static)
        hint.update(f"{partner_labels()[column]}: {message}" if message else self.default_hint())
        hint.set_class(bool(message), "form-error")

    def on_descendant_focus(self) -> None:
        self.show_hint()

    def on_mount(self) -> None:
        self.query_one("#field-name" if self.partner else "#field-id", Input).focus()

    def values(self) -> dict[str, str]:
        return {column: self.query_one(f"#field-{column}", Input).value for column in PARTNER_COLUMNS}

    def check(self) -> Partner | None:
        partner, errors = validate_partner(self.values())
        if partner is not None and self.partner is None and self.id_taken(partner.id):
            errors["id"] = _("is already used by another partner")
        self.show_errors(PARTNER_COLUMNS, errors)
        self.errors = errors
        self.show_hint()
        return partner if not errors else None

