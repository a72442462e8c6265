"""The Budget tab: the payments of a period, a bar chart of them converted, the totals and the rates used.

Nothing is computed while the tab is hidden: `reload` only marks the data stale.  The payments of the
period are worked out and converted once (`convert_events`, the costly part); grouping them again (`g`),
or a period inside the one already converted, only sums them up again (`summarise`).

The tab reaches the data through `_data()` and leaves itself through `_go_to()`, one place each.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.domain.budget import LAPSED, RENEWAL, BudgetEvent, budget_events, spend_events
from tui.domain.budget_period import YEARS, Period
from tui.domain.budget_summary import BudgetSummary, ConvertedEvent, convert_events, summarise
from tui.domain.exchange import Rate
from tui.domain.settings import Settings
from tui.formatting import format_date
from tui.i18n import N_, _
from tui.ui.budget.chart import BudgetChart, ChartData, bars_for
from tui.ui.budget.choice import TYPED, BudgetChoice
from tui.ui.budget.period_form import PeriodForm
from tui.ui.budget.rate_form import RateForm
from tui.ui.budget.texts import event_cells, event_columns, kind_labels, legend, rate_text, totals_text
from tui.ui.messages import ShowContract, ShowRenewals
from tui.ui.session import Session
from tui.ui.widgets.layout import BlankColumn, BlankRow
from tui.ui.widgets.tab_pane import TabPane
from tui.ui.widgets.virtual_table import Cell, VirtualTable

if TYPE_CHECKING:
    from tui.store.contracts import ContractRepository
    from tui.store.rates import RateRepository
    from tui.store.renewals import RenewalRepository

PERIOD = Binding.Group(N_("Period"), compact=True)
RATE = Binding.Group(N_("Rate"), compact=True)
CONTRACT_KINDS = (RENEWAL, LAPSED)  # the other kinds are a renewal's


@dataclass(frozen=True)
class BudgetSources:
    """What the tab reads, and how it says it wrote (every tab then shows the stored state again)."""

    contracts: ContractRepository
    renewals: RenewalRepository
    rates: RateRepository
    settings: Settings
    today: date
    changed: Callable[[], object]


class BudgetPane(TabPane):
    BINDINGS = [
        Binding("left_square_bracket", "move(-1)", N_("Previous period"), key_display="[", group=PERIOD,
                tooltip=N_("The period one length earlier")),
        Binding("right_square_bracket", "move(1)", N_("Next period"), key_display="]", group=PERIOD,
                tooltip=N_("The period one length later")),
        Binding("y", "cycle_year", N_("Next 12 months / calendar year / fiscal year"), group=PERIOD),
        Binding("p", "type_period", N_("Type the period"), group=PERIOD),
        Binding("g", "regroup", N_("Group"), tooltip=N_("By month / by quarter")),
        Binding("v", "toggle_spend", N_("Spend"), tooltip=N_("The budget / what completed renewals cost, by year")),
        Binding("enter", "open_event", N_("Go to"), tooltip=N_("The highlighted payment's contract or renewal")),
        Binding("r", "add_rate", N_("Add an exchange rate"), group=RATE),
        Binding("e", "edit_rate", N_("Edit the rate of the payment's currency"), group=RATE),
    ]

    def __init__(self, session: Session, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(session, id=id, classes=classes)
        self.choice: BudgetChoice | None = None
        self.summary: BudgetSummary | None = None
        self._converted: list[ConvertedEvent] = []
        self._covers: tuple[bool, str, Period] | None = None  # (spend, target, period) of `_converted`
        self._labels: dict[str, str] = {}
        self._stale = True
        self.built = False  # the widgets exist (see `prepare`)
        self._preparing = asyncio.Lock()

    # -- the one way in and the one way out ------------------------------------------
    def _data(self) -> BudgetSources:
        """Everything the tab reads, from the session."""
        session = self.session
        return BudgetSources(session.contracts, session.renewals, session.rates, session.settings, session.today,
                             session.data_changed)

    async def _go_to(self, event: BudgetEvent) -> None:
        """Show a payment's contract in the Overview, or its renewal in the Renewal tab (asked of the App)."""
        self.post_message(ShowContract(event.ref) if event.kind in CONTRACT_KINDS else ShowRenewals(event.ref))

    # -- widgets ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        """Nothing yet: the widgets are made by `prepare`, after start-up or when the tab is first opened."""
        yield from ()

    def compose_tab(self) -> ComposeResult:
        yield Static("", id="budget-settings", markup=False)
        with BlankColumn(id="budget-body"):
            with BlankRow(id="budget-top"):
                yield BudgetChart(id="budget-chart")
                yield Static("", id="budget-totals", markup=False)
            yield VirtualTable(event_columns(""), self.cells_for, id="budget-events")

    async def prepare(self) -> None:
        """Build the widgets and the budget before the tab is first opened (the app calls this in a quiet
        moment after start-up), so that opening it only has to show them."""
        async with self._preparing:  # the background build and a first visit can both ask at once
            if not self.built:
                await self.mount_compose(self.compose_tab())
                self.built = True
            if self._stale:
                self.refresh_data()

    async def on_show(self) -> None:
        await self.prepare()
        focused = self.app.focused
        if focused is None or self not in focused.ancestors:
            self.query_one("#budget-events", VirtualTable).focus()

    # -- data --------------------------------------------------------------------------
    def reload(self, keep_id: str | None = None) -> None:
        """Called after any write: work the budget out again now if the tab is shown, else when it is."""
        self._stale = True
        self._covers = None
        if self.built and self.is_on_screen:
            self.refresh_data()

    def refresh_data(self) -> None:
        self._stale = False
        self._covers = None
        self._labels = kind_labels()
        self.show(self.choice or BudgetChoice.first(self._data().today), keep_row=True)

    def show(self, choice: BudgetChoice, *, keep_row: bool = False) -> None:
        """Show `choice`: its payments converted (again only when the period is not covered yet), summed up."""
        self.choice = choice
        sources = self._data()
        target = sources.settings.base_currency
        covers = self._covers
        if covers is None or covers[:2] != (choice.spend, target) or not (
                choice.spend or (covers[2].start <= choice.period.start and choice.period.end <= covers[2].end)):
            self._converted = self._convert(sources, choice, target)
            self._covers = (choice.spend, target, choice.period)
        table = self.query_one("#budget-events", VirtualTable)
        if choice.spend:
            self.summary = summarise(self._converted, target, None, YEARS)
        else:
            self.summary = summarise(self._converted, target, choice.period, choice.grouping)
        summary = self.summary
        self.query_one("#budget-settings", Static).update(choice.describe(target, sources.settings.rise), layout=False)
        grouping = YEARS if choice.spend else choice.grouping
        self.query_one(BudgetChart).show(ChartData(bars_for([(g.key, g.converted) for g in summary.groups]),
                                                   legend(target, grouping)))
        totals = self.query_one("#budget-totals", Static)
        totals.update(totals_text(summary, spend=choice.spend), layout=False)
        totals.set_class(bool(summary.missing_rates), "-missing")
        columns = event_columns(target, spend=choice.spend)
        if table.columns != columns:
            table.set_columns(columns)
        table.set_row_count(len(summary.events), cursor=None if keep_row else 0)

    @staticmethod
    def _convert(sources: BudgetSources, choice: BudgetChoice, target: str) -> list[ConvertedEvent]:
        book = sources.rates.book()
        if choice.spend:
            return convert_events(spend_events(sources.renewals.all()), book, target)
        settings, period = sources.settings, choice.period
        events = budget_events(sources.contracts.all(), sources.renewals.all(), period.start, period.end,
                               sources.today, rise=settings.rise, fee_rate=settings.fee_rate)
        return convert_events(events, book, target)

    def cells_for(self, index: int) -> list[Cell]:
        assert self.summary is not None
        return event_cells(self.summary.events[index], self.summary.target, self._labels)

    def current_event(self) -> BudgetEvent | None:
        if self.summary is None:
            return None
        row = self.query_one("#budget-events", VirtualTable).cursor_row
        events = self.summary.events
        return events[row].event if 0 <= row < len(events) else None

    # -- keys ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move", "cycle_year", "type_period", "regroup"):  # the spend is every year's, by year
            return not (self.choice and self.choice.spend)
        return True

    def action_move(self, steps: int) -> None:
        if self.choice is not None:
            self.show(self.choice.moved(steps))

    def action_cycle_year(self) -> None:
        if self.choice is not None:
            sources = self._data()
            self.show(self.choice.next_span(sources.today, sources.settings.fiscal_start))

    def action_type_period(self) -> None:
        if self.choice is None:
            return

        def typed(period: Period | None) -> None:
            if period is not None and self.choice is not None:
                self.show(replace(self.choice, period=period, span=TYPED))

        self.app.push_screen(PeriodForm(self.choice.period), typed)

    def action_regroup(self) -> None:
        if self.choice is not None:
            self.show(self.choice.regrouped(), keep_row=True)

    def action_toggle_spend(self) -> None:
        if self.choice is not None:
            self.show(replace(self.choice, spend=not self.choice.spend))
            self.refresh_bindings()

    async def action_open_event(self) -> None:
        event = self.current_event()
        if event is not None:
            await self._go_to(event)

    # -- exchange rates -----------------------------------------------------------------
    def action_add_rate(self) -> None:
        sources = self._data()
        target = sources.settings.base_currency
        event = self.current_event()
        missing = self.summary.missing_rates if self.summary else ()
        if missing:
            currency = missing[0]
        elif event is not None and event.currency != target:
            currency = event.currency
        else:
            currency = "EUR" if target != "EUR" else "RON"
        self._ask_rate(_("New exchange rate"), Rate(sources.today, target, currency, Decimal(0)), None)

    def action_edit_rate(self) -> None:
        sources = self._data()
        target = sources.settings.base_currency
        event = self.current_event()
        if event is None or event.currency == target:
            self.app.notify(_("Highlight a payment in another currency than {target} (or press r to add a rate).")
                            .format(target=target), severity="warning")
            return
        pair = {target, event.currency}
        stored = [r for r in sources.rates.all() if {r.base, r.currency} == pair and r.on <= event.on]
        if not stored:
            self._ask_rate(_("New exchange rate"), Rate(sources.today, target, event.currency, Decimal(0)), None)
            return
        rate = max(stored, key=lambda r: r.on)
        self._ask_rate(_("Edit the rate of {date} ({source})").format(date=format_date(rate.on),
                                                                      source=rate.source or _("typed")), rate, rate)

    def _ask_rate(self, title: str, initial: Rate, old: Rate | None) -> None:
        """Ask for a rate and store it (replacing `old` when its day, base or currency was changed)."""
        sources = self._data()

        def write(rate: Rate) -> None:
            with sources.rates.store.transaction():  # one write: the old key goes as the new one comes
                if old is not None and old.key != rate.key:
                    sources.rates.delete(old)
                sources.rates.save_many([rate])

        def saved(rate: Rate | None) -> None:
            if rate is not None:
                self.app.notify(_("Saved: 1 {currency} = {rate} {base} on {date}.").format(
                    currency=rate.currency, rate=rate_text(rate.rate), base=rate.base, date=format_date(rate.on)))
                sources.changed()

        self.app.push_screen(RateForm(title, initial, sources.today, with_rate=old is not None, write=write), saved)
