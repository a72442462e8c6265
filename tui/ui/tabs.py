"""The five tabs, and what fills each one.

Only the Overview is built at start-up, and only its styles (app.tcss) are parsed then. The other tabs' modules (the forecast engine, the partner
search, the renewal wizard) and their panes are imported and mounted after the Overview has painted,
or at once when one of them is wanted sooner: start-up then costs one tab, not four.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from tui.i18n import _
from tui.ui.session import Session
from tui.ui.widgets.tab_pane import TabPane


@dataclass(frozen=True)
class TabSpec:
    id: str
    module: str
    class_name: str
    styles: str | None = None  # the tab's own .tcss (relative to this module), read when the tab is built

    @property
    def styles_path(self) -> Path | None:
        return Path(__file__).parent / self.styles if self.styles else None

    @property
    def title(self) -> str:
        return {"overview": _("1 Overview"), "renewal": _("2 Renewal"), "forecast": _("3 Forecast"),
                "partners": _("4 Partners"), "budget": _("5 Budget")}[self.id]

    @property
    def pane_id(self) -> str:
        return f"{self.id}-pane"

    def content_class(self) -> type[TabPane]:
        return getattr(import_module(self.module), self.class_name)

    def build(self, session: Session) -> TabPane:
        """The tab's pane (a TabPane, with the class `data-pane`)."""
        return self.content_class()(session, id=self.pane_id, classes="data-pane")


TABS = (
    TabSpec("overview", "tui.ui.overview.pane", "OverviewPane"),
    TabSpec("renewal", "tui.ui.renewal.pane", "RenewalPane", "renewal/renewal.tcss"),
    TabSpec("forecast", "tui.ui.forecast.pane", "ForecastPane", "forecast/forecast.tcss"),
    TabSpec("partners", "tui.ui.partners.pane", "PartnersPane", "partners/partners.tcss"),
    TabSpec("budget", "tui.ui.budget.pane", "BudgetPane", "budget/budget.tcss"),
)
TAB_BY_ID = {spec.id: spec for spec in TABS}
