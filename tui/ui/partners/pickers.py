"""Small modal pickers of the Partners tab: one value from a list, and "near a city within N km"."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.domain.geo import City, name_key
from tui.formatting import current_styles
from tui.i18n import N_, _
from tui.store.cities import city_named, shipped_cities
from tui.ui.widgets.suggest import FoldedSuggester
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter

ANY = "\x00any"  # the option id of "no filter"; no real value starts with a NUL


class ChoiceScreen(Dialog[str | None]):
    """Pick one of `choices` ((value, label) pairs) or "any": dismisses with the value, "" for any,
    or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, title: str, any_label: str, choices: list[tuple[str, str]], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.any_label = any_label
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            options = [Option(self.any_label, id=ANY)] + [Option(label, id=value) for value, label in self.choices]
            yield OptionList(*options, id="picker-options", markup=False, compact=True)
            yield Static(_("↑↓ or a letter choose · enter apply · esc cancel"), classes="dialog-hint")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current:
            options.highlighted = options.get_option_index(self.current)
        options.focus()

    def on_key(self, event: events.Key) -> None:
        """A letter jumps to the next choice starting with it ("r" → RO Romania, then RS Serbia …)."""
        if not (event.character and event.character.isalnum()):
            return
        options = self.query_one(OptionList)
        letter = name_key(event.character)
        labels = [name_key(label) for _value, label in self.choices]
        start = options.highlighted or 0  # option 0 is "any"; choice i is option i + 1
        for step in range(1, len(labels) + 1):
            option = (start + step - 1) % len(labels) + 1
            if labels[option - 1].startswith(letter):
                options.highlighted = option
                break
        event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option_id == ANY else event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class NearChoice:
    city: City | None  # None: stop searching near a city
    km: float


def parse_km(text: str) -> float | None:
    """A radius as typed ("50", "12.5", or "12,5" in the Romanian number style), or None."""
    cleaned = text.strip().removesuffix("km").strip()
    if current_styles().number == "ro":
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return float(value) if value.is_finite() and 0 < value <= 20_000 else None


class NearScreen(Dialog[NearChoice | None]):
    """Ask for a city (completed from the shipped city table) and a radius in km."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel")), Binding("ctrl+s", "apply", N_("Apply"))]

    def __init__(self, city: City | None, km: float) -> None:
        super().__init__()
        self.city = city
        self.km = km

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog near"):
            yield Static(_("Partners near a city"), classes="dialog-title")
            with Grid(classes="form-grid near-grid"):
                yield Label(_("City"), classes="form-label")
                yield Input(self.city.name if self.city else "", id="near-city", compact=True,
                            placeholder=_("e.g. Brașov (empty: anywhere)"),
                            suggester=FoldedSuggester(c.name for c in shipped_cities()))
                yield Static("", id="near-city-error", classes="form-error", markup=False)
                yield Label(_("Within km"), classes="form-label")
                yield Input(f"{self.km:g}", id="near-km", compact=True)
                yield Static("", id="near-km-error", classes="form-error", markup=False)
            yield Static(_("→ completes the city · enter apply · esc cancel · an empty city shows partners "
                           "anywhere"), classes="dialog-hint")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.query_one("#near-city", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_apply()

    def action_apply(self) -> None:
        city_text = self.query_one("#near-city", Input).value
        km = parse_km(self.query_one("#near-km", Input).value)
        city = city_named(city_text) if city_text.strip() else None
        city_error = "" if city or not city_text.strip() else _("unknown city")
        km_error = "" if km is not None else _("a distance in km, more than 0")
        self.query_one("#near-city-error", Static).update(city_error)
        self.query_one("#near-km-error", Static).update(km_error)
        if city_error or km_error:
            self.query_one("#near-city" if city_error else "#near-km", Input).focus()
            return
        self.dismiss(NearChoice(city, km or self.km))

    def action_cancel(self) -> None:
        self.dismiss(None)
