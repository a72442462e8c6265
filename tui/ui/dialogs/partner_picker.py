"""Search the partner directory from the wizard and pick the partner who will quote."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.domain.partner import Partner
from tui.domain.partner_search import PartnerHit, PartnerIndex
from tui.i18n import N_, _, ngettext
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter


def picker_columns() -> list[Column]:
    return [
        Column("name", _("Partner"), 22, flex=True, keep=9),
        Column("tier", _("Tier"), 10, keep=6),
        Column("kind", _("Type"), 11, keep=3),
        Column("city", _("City"), 14, keep=7),
        Column("specialisations", _("Specialisations"), 14, flex=True, keep=2),
    ]


class PartnerPicker(Dialog[Partner | None]):
    """Type to search (name, city, country, specialisation; case and diacritics ignored), enter picks."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("enter", "pick", N_("Choose"), priority=True),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
    ]

    def __init__(self, index: PartnerIndex, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.query_text = query
        self.hits: list[PartnerHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker partner-picker"):
            yield Static(_("Choose the partner"), classes="dialog-title", markup=False)
            yield Input(self.query_text, id="picker-query", compact=True, select_on_focus=False,  # typed on
                        placeholder=_("search: name, city, country, product family…"))
            yield VirtualTable(picker_columns(), self.cells_for, id="picker-table")
            yield Static("", id="picker-count", classes="dialog-hint", markup=False)
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.search(self.query_text)

    def type_more(self, text: str) -> None:
        """Keys typed for the search before it was on screen (one burst from a slow link)."""
        inputs = self.query("#picker-query").results(Input)
        field = next(iter(inputs), None)
        if field is None:
            self.query_text += text  # not composed yet: the field starts with it
        else:
            field.insert_text_at_cursor(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    def search(self, text: str) -> None:
        self.hits = self.index.search(text)
        self.query_one(VirtualTable).set_row_count(len(self.hits), cursor=0)
        self.query_one("#picker-count", Static).update(
            ngettext("{n} partner · ↑↓ move · enter choose · esc cancel",
                     "{n} partners · ↑↓ move · enter choose · esc cancel", len(self.hits)).format(n=len(self.hits)))

    def cells_for(self, index: int) -> list[Cell]:
        partner = self.hits[index].partner
        return [partner.name, partner.tier, partner.kind, f"{partner.city}, {partner.country}",
                ", ".join(partner.specialisations)]

    def action_move(self, delta: int) -> None:
        self.query_one(VirtualTable).action_cursor(delta)

    def action_pick(self) -> None:
        row = self.query_one(VirtualTable).cursor_row
        if 0 <= row < len(self.hits):
            self.dismiss(self.hits[row].partner)

    def action_cancel(self) -> None:
        self.dismiss(None)
