"""The Partners tab: an offline partner locator with search, filters, "near", details and edits."""

from __future__ import annotations


from collections import Counter
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.domain.contract import Contract
from tui.domain.countries import country_name
from tui.domain.partner import KINDS, SPECIALISATIONS, TIERS, Partner, vocabulary_label
from tui.domain.partner_search import PartnerHit, PartnerIndex
from tui.formatting import format_count, format_km
from tui.i18n import N_, _
from tui.store.cities import DEFAULT_RADIUS_KM
from tui.ui.partners.detail import PartnerDetail
from tui.ui.partners.edits import PartnerEdits
from tui.ui.partners.filters import PartnerFilters, cycle
from tui.ui.partners.pickers import ChoiceScreen, NearChoice, NearScreen
from tui.ui.session import Session
from tui.ui.widgets.layout import BlankRow
from tui.ui.widgets.tab_pane import TabPane
from tui.ui.widgets.virtual_table import Cell, Column, VirtualTable
from tui.ui.widgets.screens import focus_now

FILTER_GROUP = Binding.Group(N_("Filter"), compact=True)
EDIT_GROUP = Binding.Group(N_("Partner"), compact=True)


def partner_columns(with_distance: bool) -> list[Column]:
    columns = [
        Column("name", _("Partner"), 22, flex=True, keep=9),
        Column("tier", _("Tier"), 10, keep=7),
        Column("kind", _("Type"), max(len(vocabulary_label(kind)) for kind in KINDS), keep=4),  # whole
        Column("city", _("City"), 14, keep=6),
        Column("country", _("CC"), 2, keep=5),
        Column("specialisations", _("Specialisations"), 30, keep=3),  # the first to go: the detail has them
    ]
    if with_distance:
        columns.append(Column("km", _("Distance"), 8, align="right", keep=8))
    return columns


class PartnersPane(PartnerEdits, TabPane):
    BINDINGS = [
        # the search bar says "/ search"; a priority binding: see the Overview's filter
        Binding("slash", "focus_search", N_("Search"), show=False, priority=True,
                tooltip=N_("Search as you type: name, city, country, specialisation")),
        Binding("c", "pick_country", N_("Country"), group=FILTER_GROUP, tooltip=N_("Filter by country")),
        Binding("t", "cycle_tier", N_("Tier"), group=FILTER_GROUP, tooltip=N_("Filter by tier (next tier each press)")),
        Binding("y", "cycle_kind", N_("Type"), group=FILTER_GROUP,
                tooltip=N_("Filter by type: distributor, reseller (next each press)")),
        Binding("s", "pick_specialisation", N_("Specialisation"), group=FILTER_GROUP,
                tooltip=N_("Filter by specialisation")),
        Binding("n", "near", N_("Near"), group=FILTER_GROUP, tooltip=N_("Partners near a city, within a radius in km")),
        Binding("x", "clear", N_("Clear"), show=False, tooltip=N_("Clear the search and the filters")),
        Binding("u", "assign", N_("Set partner"),
                tooltip=N_("Make this the partner of the contracts marked in the Overview (or the highlighted one)")),
        Binding("a", "add", N_("Add"), group=EDIT_GROUP, tooltip=N_("Add a partner of your own")),
        Binding("e,enter", "edit", N_("Edit"), group=EDIT_GROUP, tooltip=N_("Edit the highlighted partner")),
        Binding("d,delete", "delete", N_("Delete"), group=EDIT_GROUP,
                tooltip=N_("Delete the highlighted partner (asks first; refused while a contract uses it)")),
    ]

    def __init__(self, session: Session, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(session, id=id, classes=classes)
        self.text = ""
        self.filters = PartnerFilters()
        self.index = PartnerIndex([])
        self.hits: list[PartnerHit] = []
        self.by_partner: dict[str, list[Contract]] = {}
        self.shown = False  # the tab is open: otherwise reloads wait until it is
        self.loaded = False  # what is shown is the stored state
        self._show_when_built: str | None = None  # a partner asked for before then

    def compose(self) -> ComposeResult:
        """Nothing yet: the widgets are made by `prepare`, after start-up or when the tab is first opened."""
        yield from ()

    def compose_tab(self) -> ComposeResult:
        with BlankRow(id="partners-search-bar"):
            yield Input(placeholder=_("/ search: name, city, country, specialisation"), id="partners-search",
                        compact=True)
            yield Static("", id="partners-count", markup=False)
        yield Static("", id="partners-filters", markup=False)
        with BlankRow(id="partners-body"):
            yield VirtualTable(partner_columns(False), self.cells_for, id="partners-table")
            # The box keeps the focusable detail from being the table's sibling: Textual moves focus
            # from a hidden widget to a focusable sibling, which would switch this tab back on.
            with Vertical(id="partners-detail-box"):
                yield PartnerDetail("", id="partners-detail")

    async def prepare(self) -> None:
        """Build the widgets and index the partners before the tab is first opened (the app calls this
        in a quiet moment after start-up), so that opening it only has to show them."""
        await self.build_once()
        if not self.loaded:
            self.load()

    async def on_show(self) -> None:
        """When the tab is opened: build it the first time, catch up with the data, put the keyboard in the tab."""
        self.shown = True
        await self.prepare()
        if self._show_when_built is not None:
            partner_id, self._show_when_built = self._show_when_built, None
            self.show_partner(partner_id)
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            self.query_one(VirtualTable).focus()

    def on_hide(self) -> None:
        self.shown = False

    # -- data --------------------------------------------------------------
    def reload(self, keep_id: str | None = None) -> None:
        """Re-read partners and contracts (after a write, or when another process changed the file).

        While the tab is closed this only notes that the data changed: start-up
        and the other tabs' edits do not pay for indexing thousands of partners.
        """
        if not self.shown:
            self.loaded = False
            return
        self.load(keep_id)

    def load(self, keep_id: str | None = None) -> None:
        self.loaded = True
        session = self.session
        self.index = session.partners.index()
        self.index.prepare()  # the search texts, now rather than on the first keystroke
        by_partner: dict[str, list[Contract]] = {}
        for contract in session.contracts.all():
            if contract.partner:
                by_partner.setdefault(contract.partner, []).append(contract)
        for contracts in by_partner.values():
            contracts.sort(key=lambda c: (c.end, c.id))
        self.by_partner = by_partner
        self.refilter(keep_id)

    def refilter(self, keep_id: str | None = None) -> None:
        table = self.query_one(VirtualTable)
        current = self.current()
        keep_id = keep_id or (current.id if current else None)
        f = self.filters
        self.hits = self.index.search(self.text, country=f.country, tier=f.tier, kind=f.kind,
                                      specialisation=f.specialisation, near=f.near)
        cursor = next((i for i, h in enumerate(self.hits) if h.partner.id == keep_id), None) if keep_id else None
        table.set_row_count(len(self.hits), cursor=cursor if cursor is not None else 0)
        self.update_texts()
        self.show_detail()

    def update_texts(self) -> None:
        """The count and the filter line; both have a fixed size, so no layout pass is needed."""
        self.query_one("#partners-count", Static).update(
            _("{shown}/{total}").format(shown=format_count(len(self.hits)), total=format_count(len(self.index))),
            layout=False)
        parts = self.filters.describe()
        text = (_("Filters: {filters} · x clears").format(filters=" · ".join(parts)) if parts else
                _("Filters: c country · t tier · y type · s specialisation · n near a city"))
        line = self.query_one("#partners-filters", Static)
        line.update(text, layout=False)
        line.set_class(bool(parts), "-active")

    def cells_for(self, index: int) -> list[Cell]:
        hit = self.hits[index]
        p = hit.partner
        cells: list[Cell] = [p.name, p.tier, vocabulary_label(p.kind), p.city, p.country,
                              ", ".join(map(vocabulary_label, p.specialisations))]
        if self.filters.near:
            cells.append(format_km(hit.distance_km or 0.0))
        return cells

    def current(self) -> Partner | None:
        table = self.query_one(VirtualTable)
        if 0 <= table.cursor_row < len(self.hits):
            return self.hits[table.cursor_row].partner
        return None

    def neighbour_id(self) -> str | None:
        """The partner below the highlighted one (or above, at the end): where the cursor goes after a delete."""
        row = self.query_one(VirtualTable).cursor_row
        for index in (row + 1, row - 1):
            if 0 <= index < len(self.hits):
                return self.hits[index].partner.id
        return None

    def show_detail(self) -> None:
        table = self.query_one(VirtualTable)
        hit = self.hits[table.cursor_row] if 0 <= table.cursor_row < len(self.hits) else None
        detail = self.query_one(PartnerDetail)
        if hit is None:
            detail.show(None)
            return
        near = self.filters.near
        distance = (hit.distance_km or 0.0, near[0]) if near else None
        detail.show(hit.partner, self.session.partners.origin_of(hit.partner.id),
                    tuple(self.by_partner.get(hit.partner.id, ())), distance)

    def show_partner(self, partner_id: str) -> None:
        """Highlight one partner (from the command palette), clearing what would hide it."""
        if not self.built:  # the tab is being opened for the first time: done once it is built
            self._show_when_built = partner_id
            return
        if not self.loaded:
            self.shown = True
            self.reload()
        if all(h.partner.id != partner_id for h in self.hits):
            self.text, self.filters = "", PartnerFilters()
            self.query_one("#partners-search", Input).value = ""
            self.set_columns()
        self.refilter(partner_id)
        self.query_one(VirtualTable).focus()

    def on_virtual_table_cursor_moved(self, event: VirtualTable.CursorMoved) -> None:
        self.show_detail()

    # -- search and filters ------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "partners-search":
            self.text = event.value
            self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "partners-search":
            focus_now(self.screen, self.query_one(VirtualTable))

    def on_key(self, event) -> None:
        if event.key in ("escape", "down") and self.query_one("#partners-search", Input).has_focus:
            focus_now(self.screen, self.query_one(VirtualTable))
            event.stop()

    def action_focus_search(self) -> None:
        field = self.query_one("#partners-search", Input)
        if field.has_focus:
            field.insert_text_at_cursor("/")
        else:
            focus_now(self.screen, field)  # now: the next key read is the search's

    def set_filters(self, filters: PartnerFilters) -> None:
        self.filters = filters
        self.set_columns()
        self.refilter()

    def set_columns(self) -> None:
        table = self.query_one(VirtualTable)
        with_distance = self.filters.near is not None
        if with_distance != any(c.key == "km" for c in table.columns):
            table.set_columns(partner_columns(with_distance))

    def action_cycle_tier(self) -> None:
        self.set_filters(replace(self.filters, tier=cycle(self.filters.tier, TIERS)))

    def action_cycle_kind(self) -> None:
        self.set_filters(replace(self.filters, kind=cycle(self.filters.kind, KINDS)))

    def action_pick_country(self) -> None:
        counts = Counter(p.country for p in self.index.partners)
        choices = [(code, f"{code}  {country_name(code)} ({n})")
                   for code, n in sorted(counts.items(), key=lambda item: country_name(item[0]))]

        def picked(code: str | None) -> None:
            if code is not None:
                self.set_filters(replace(self.filters, country=code or None))

        self.app.push_screen(ChoiceScreen(_("Partners in which country?"), _("Any country"), choices,
                                          self.filters.country), picked)

    def action_pick_specialisation(self) -> None:
        counts = Counter(s for p in self.index.partners for s in p.specialisations)
        choices = [(name, f"{vocabulary_label(name)} ({counts[name]})") for name in SPECIALISATIONS]

        def picked(name: str | None) -> None:
            if name is not None:
                self.set_filters(replace(self.filters, specialisation=name or None))

        self.app.push_screen(ChoiceScreen(_("Partners with which specialisation?"), _("Any specialisation"),
                                          choices, self.filters.specialisation), picked)

    def action_near(self) -> None:
        city, km = self.filters.near or (None, DEFAULT_RADIUS_KM)

        def picked(choice: NearChoice | None) -> None:
            if choice is not None:
                self.set_filters(replace(self.filters, near=(choice.city, choice.km) if choice.city else None))

        self.app.push_screen(NearScreen(city, km), picked)

    def action_clear(self) -> None:
        self.text = ""
        self.query_one("#partners-search", Input).value = ""
        self.set_filters(PartnerFilters())
