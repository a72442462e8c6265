"""The Forecast tab: per product, licences owned vs the forecast need at a horizon, and the usage behind it.

Nothing is computed while the tab is hidden: `reload` only marks the data
stale, and the tab reads the store again when it is shown.  Plans are made
per product on first use (`PlanBook`), so moving the cursor costs at most
one forecast.
"""

from __future__ import annotations


from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui.domain.forecast import MAX_HORIZON_MONTHS, METHODS
from tui.domain.usage import UsageSample
from tui.i18n import N_, _
from tui.ui.forecast.chart import ChartData, ForecastChart
from tui.ui.forecast.detail import heading_text, month_rows, warning_text
from tui.ui.forecast.plans import HEADROOM_DEFAULT, ForecastData, ForecastSettings, PlanBook, ProductRow
from tui.ui.forecast.samples import SampleEditing
from tui.ui.forecast.tables import (
    MonthRow,
    month_cells,
    month_columns,
    product_cells,
    product_columns,
    sample_cells,
    sample_columns,
)
from tui.ui.forecast.headroom_prompt import HeadroomPrompt
from tui.ui.session import Session
from tui.ui.widgets.layout import BlankColumn, BlankRow
from tui.ui.widgets.tab_pane import TabPane
from tui.ui.widgets.virtual_table import VirtualTable

if TYPE_CHECKING:
    from tui.store.usage import UsageRepository

VIEWS = ("chart", "numbers", "samples")  # what the lower half shows on a narrow screen
HORIZON = Binding.Group(N_("Horizon"), compact=True)
SAMPLE = Binding.Group(N_("Sample"), compact=True)


class ForecastPane(SampleEditing, TabPane):
    BINDINGS = [
        Binding("minus", "horizon(-1)", N_("Horizon −1 month"), group=HORIZON),
        Binding("plus,equals_sign", "horizon(1)", N_("Horizon +1 month"), key_display="+", group=HORIZON),
        Binding("c", "horizon_at_end", N_("Horizon at each product's contract end (again: back to months)"),
                group=HORIZON),
        Binding("m", "cycle_method", N_("Method"), tooltip=N_("Forecast method: auto → linear → holt → headroom")),
        Binding("h", "headroom", N_("Headroom"),
                tooltip=N_("Headroom % added to the recent peak by the headroom method")),
        Binding("v", "cycle_view", N_("View"), tooltip=N_("Show the chart → the monthly numbers → the samples")),
        Binding("a", "add_sample", N_("Add a usage sample"), group=SAMPLE),
        Binding("e", "edit_sample", N_("Edit the highlighted usage sample"), group=SAMPLE),
        Binding("d,delete", "delete_sample", N_("Delete the highlighted usage sample"), group=SAMPLE),
    ]

    def __init__(self, session: Session, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(session, id=id, classes=classes)
        self.settings = ForecastSettings()
        self.headroom_chosen = False  # until `h` is used, the headroom follows the app's settings
        self.months_before_end = self.settings.months or 12  # restored when leaving "contract end"
        self.view = VIEWS[0]
        self.data: ForecastData | None = None
        self.book: PlanBook | None = None
        self.samples: list[UsageSample] = []  # the highlighted product's, newest first
        self.months: list[MonthRow] = []
        self._stale = True
        self._keep: tuple[str | None, object] = (None, None)  # (product, sample day) to select after a reload

    @property
    def usage(self) -> UsageRepository:
        return self.session.usage

    def compose(self) -> ComposeResult:
        """Nothing yet: the widgets are made by `prepare`, after start-up or when the tab is first opened."""
        yield from ()

    def compose_tab(self) -> ComposeResult:
        yield Static("", id="forecast-settings", markup=False)
        yield Static("", id="forecast-empty", markup=False)
        with BlankColumn(id="forecast-body"):
            with BlankColumn(id="forecast-top"):
                yield VirtualTable(product_columns(), self.product_cells, id="forecast-products")
            yield Static("", id="forecast-heading")
            yield Static("", id="forecast-warning", markup=False)
            with BlankRow(id="forecast-bottom"):
                yield ForecastChart(id="forecast-chart")
                with Vertical(id="forecast-side"):
                    yield VirtualTable(month_columns(), lambda i: month_cells(self.months[i]), id="forecast-months")
                    yield VirtualTable(sample_columns(), lambda i: sample_cells(self.samples[i]),
                                       id="forecast-samples")

    def on_mount(self) -> None:
        self.set_class(True, f"-view-{self.view}")

    # -- data --------------------------------------------------------------
    def reload(self, keep_id: str | None = None) -> None:
        """Called after any write: re-read now if the tab is on screen, else when it is next shown."""
        self._stale = True
        if self.is_on_screen and self.built:
            self.refresh_data()

    async def prepare(self) -> None:
        """Build the widgets and compute the first plans before the tab is first opened (the app calls
        this in a quiet moment after start-up), so that opening it only has to show them."""
        await self._build_and_load()
        self.plan_first_rows()  # while hidden (shown, drawing the rows plans what is on screen)

    async def _build_and_load(self) -> None:
        await self.build_once()
        if self._stale:
            self.refresh_data()

    def plan_first_rows(self) -> None:
        """Work out the plans of the products the list shows first (each is computed on first use: ~1 ms a
        product at 36 months of usage), so that the tab's first display does not."""
        if self.book is None or self.data is None:
            return
        table = self.query_one("#forecast-products", VirtualTable)
        first = max(0, table.cursor_row - 40)
        for product in self.data.products[first:table.cursor_row + 80]:  # more than a screen holds
            self.book.row(product)

    async def on_show(self, event: events.Show) -> None:
        await self._build_and_load()
        focused = self.app.focused
        if focused is None or self not in focused.ancestors:
            self.query_one("#forecast-products", VirtualTable).focus()

    def refresh_data(self) -> None:
        session = self.session
        if not self.headroom_chosen:
            settings = getattr(session, "settings", None)
            headroom = float(getattr(settings, "headroom", HEADROOM_DEFAULT))
            self.settings = replace(self.settings, headroom=headroom)
        current = self.current_product()
        self.data = ForecastData(session.contracts.all(), self.usage.by_product())
        self._stale = False
        product = self._keep[0] or current
        products = self.data.products
        cursor = products.index(product) if product in products else 0
        self.query_one("#forecast-empty", Static).display = not products
        self.query_one("#forecast-body").display = bool(products)
        self.query_one("#forecast-empty", Static).update(
            _("No products yet: add contracts, then import usage from the shell:\n"
              "    renewals import usage FILE.csv   (columns product,date,in_use)"))
        self.apply(self.settings, cursor=cursor)

    def apply(self, settings: ForecastSettings, cursor: int | None = None) -> None:
        """Use `settings` from now on: new plans, the list repainted, the highlighted product redrawn."""
        self.settings = settings
        if self.data is None:
            return
        self.book = PlanBook(self.data, self.session.today, settings)
        self.query_one("#forecast-settings", Static).update(settings.describe(self.session.today), layout=False)
        self.query_one("#forecast-products", VirtualTable).set_row_count(len(self.data.products), cursor=cursor)
        self.show_product()

    def current_product(self) -> str | None:
        if self.data is None:
            return None
        index = self.query_one("#forecast-products", VirtualTable).cursor_row
        return self.data.products[index] if 0 <= index < len(self.data.products) else None

    def current_row(self) -> ProductRow | None:
        product = self.current_product()
        return self.book.row(product) if product and self.book else None

    def product_cells(self, index: int):
        assert self.book is not None and self.data is not None
        return product_cells(self.book.row(self.data.products[index]))

    def on_virtual_table_cursor_moved(self, event: VirtualTable.CursorMoved) -> None:
        if event.table.id == "forecast-products":
            self.show_product()

    # -- the highlighted product ---------------------------------------------
    def show_product(self) -> None:
        row = self.current_row()
        heading, warning = self.query_one("#forecast-heading", Static), self.query_one("#forecast-warning", Static)
        chart = self.query_one(ForecastChart)
        # Fixed-size texts (see app.tcss): no layout pass on every cursor move, which would cost ~30 ms.
        if row is None or self.book is None or self.data is None:
            self.samples, self.months = [], []
            heading.update("", layout=False)
            warning.update("", layout=False)
            chart.show(None)
        else:
            heading.update(heading_text(row), layout=False)
            warning.update(warning_text(row, self.session.today), layout=False)
            self.samples = list(reversed(self.data.samples_for(row.product)))
            self.months = month_rows(self.book, row)
            if row.plan is None:
                chart.show(None, _("No chart: {problem}.").format(problem=row.problem))
            else:
                chart.show(ChartData(row.plan.result.history, row.plan.result.points, [m.owned for m in self.months]))
        first_forecast = next((i for i, m in enumerate(self.months) if m.point is not None), 0)
        self.query_one("#forecast-months", VirtualTable).set_row_count(len(self.months), cursor=first_forecast)
        self.call_after_refresh(self.scroll_forecast_into_view)
        day = self._keep[1]
        self._keep = (None, None)
        picked = next((i for i, s in enumerate(self.samples) if s.on == day), 0)
        self.query_one("#forecast-samples", VirtualTable).set_row_count(len(self.samples), cursor=picked)

    def scroll_forecast_into_view(self) -> None:
        """Show the monthly table from the last observed month on: the forecast is what was asked for."""
        months = self.query_one("#forecast-months", VirtualTable)
        months.scroll_to(y=max(0, months.cursor_row - 1), animate=False, immediate=True)

    # -- settings keys -------------------------------------------------------
    def action_horizon(self, delta: int) -> None:
        months = min(MAX_HORIZON_MONTHS, max(1, (self.settings.months or self.months_before_end) + delta))
        self.apply(replace(self.settings, months=months))

    def action_horizon_at_end(self) -> None:
        """Toggle between "+N months" and each product's contract end date."""
        if self.settings.months is None:
            self.apply(replace(self.settings, months=self.months_before_end))
        else:
            self.months_before_end = self.settings.months
            self.apply(replace(self.settings, months=None))

    def action_cycle_method(self) -> None:
        method = METHODS[(METHODS.index(self.settings.method) + 1) % len(METHODS)]
        self.apply(replace(self.settings, method=method))

    def action_headroom(self) -> None:
        def chosen(value: float | None) -> None:
            if value is not None:
                self.headroom_chosen = True
                self.apply(replace(self.settings, headroom=value))

        self.app.push_screen(HeadroomPrompt(self.settings.headroom), chosen)

    def action_cycle_view(self) -> None:
        """Chart → monthly numbers → samples (narrow screens); the product list keeps the focus."""
        self.set_class(False, f"-view-{self.view}")
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.set_class(True, f"-view-{self.view}")
        if self.app.focused is not None and self.app.focused.id in ("forecast-months", "forecast-samples"):
            self.query_one("#forecast-products", VirtualTable).focus()  # it may have just been hidden
        self.call_after_refresh(self.scroll_forecast_into_view)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_view":  # only a narrow screen hides part of the detail
            return self.screen.has_class("-narrow")
        return True

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_bindings()
