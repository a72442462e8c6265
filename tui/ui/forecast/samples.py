"""Adding, correcting and deleting usage samples from the Forecast tab (a mixin of ForecastPane).

`e` and `d` act on the highlighted row of the samples table (newest first,
so by default the latest sample); the form refuses a day that already has a
sample, and every write names the sample as shown, so a change made
elsewhere meanwhile is refused rather than overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tui.domain.usage import UsageSample
from tui.formatting import format_count, format_date
from tui.i18n import _
from tui.store.errors import StoreError
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.forecast.usage_form import UsageForm
from tui.ui.widgets.virtual_table import VirtualTable


class SampleEditing:
    """Needs from the pane: `usage`, `data`, `samples`, `current_product()`, `session`, `_keep`."""

    def current_sample(self) -> UsageSample | None:
        index = self.query_one("#forecast-samples", VirtualTable).cursor_row
        return self.samples[index] if 0 <= index < len(self.samples) else None

    def sample_taken(self, product: str, day: date) -> bool:
        return self.usage.get(product, day) is not None

    def open_form(self, title: str, initial: UsageSample, editing: bool,
                  save: Callable[[UsageSample], None], done: str) -> None:
        """Ask for a sample; `save(sample)` writes it, then `done` (formatted with the sample) is shown."""
        def saved(sample: UsageSample | None) -> None:
            if sample is not None:
                self.write(lambda: save(sample), done.format(
                    product=sample.product, date=format_date(sample.on), n=format_count(sample.in_use)), sample)

        form = UsageForm(title, initial, known_products=self.data.products, today=self.session.today,
                         taken=self.sample_taken, editing=editing)
        self.app.push_screen(form, saved)

    def action_add_sample(self) -> None:
        product = self.current_product()
        if product is None:
            self.app.notify(_("Add a contract first: usage is recorded per product."), severity="warning")
            return
        self.open_form(_("New usage sample"), UsageSample(product, self.session.today, 0), False,
                       self.usage.add, _("Added {product} {date}: {n} in use."))

    def action_edit_sample(self) -> None:
        old = self.current_sample()
        if old is None:
            self.app.notify(_("No usage samples for this product yet; press a to add one."), severity="warning")
            return
        self.open_form(_("Edit the sample of {date}").format(date=format_date(old.on)), old, True,
                       lambda new: self.usage.update(old, new), _("Saved {product} {date}: {n} in use."))

    def action_delete_sample(self) -> None:
        sample = self.current_sample()
        if sample is None:
            self.app.notify(_("No usage samples for this product yet."), severity="warning")
            return
        question = _("Delete the usage sample of {product} on {date} ({n} in use)?").format(
            product=sample.product, date=format_date(sample.on), n=format_count(sample.in_use))

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda: self.usage.delete(sample),
                           _("Deleted the sample of {date}.").format(date=format_date(sample.on)), sample)

        self.app.push_screen(ConfirmScreen(question, yes=_("Delete")), answered)

    def write(self, operation: Callable[[], object], done: str, sample: UsageSample) -> None:
        """Run a store write; on failure say why (nothing was changed) and show the file's current state."""
        try:
            operation()
        except StoreError as error:
            self.app.notify(str(error), title=_("Not saved"), severity="error", timeout=8)
        else:
            self.app.notify(done)
            self._keep = (sample.product, sample.on)
        self.session.data_changed()
