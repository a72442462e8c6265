"""Settings in a modal form; saved in the data file so every session on it shares them — except the
language, which each user chooses for themselves (tui/store/user_preferences.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Select, Static

from tui.domain.money import CURRENCIES
from tui.domain.settings import DATE_FORMATS, NUMBER_FORMATS, SETTING_FIELDS, THEMES, Settings, settings_to_text, \
    validate_settings
from tui.i18n import LANGUAGES, N_, _
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter


def setting_labels() -> dict[str, str]:
    return {"date_format": _("Date format"), "number_format": _("Number format"),
            "notice_days": _("Notice window (days)"), "fee_rate": _("Reinstatement fee %"),
            "headroom": _("Forecast headroom %"), "base_currency": _("Budget currency"),
            "rise": _("Yearly price rise %"), "fiscal_start": _("Fiscal year starts"), "theme": _("Theme")}


def month_names() -> dict[str, str]:
    """The fiscal year's first month as the dialog offers it: "1" -> January, …"""
    names = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"), _("August"),
             _("September"), _("October"), _("November"), _("December"))
    return {str(number): name for number, name in enumerate(names, start=1)}


AS_ENVIRONMENT = "auto"  # the language choice that follows the environment


def language_choices(environment_language: str) -> list[tuple[str, str]]:
    """As the environment (naming what that is now), then each language by its own name."""
    return [(_("as the environment ({language})").format(language=LANGUAGES[environment_language]),
             AS_ENVIRONMENT)] + [(name, code) for code, name in LANGUAGES.items()]


class SettingsScreen(Dialog[Settings | None]):
    BINDINGS = [Binding("ctrl+s", "save", N_("Save")), Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, settings: Settings, *, language: str | None = None, environment_language: str = "en") -> None:
        """`language`: the user's own choice (None: as the environment); `chosen_language` after saving."""
        super().__init__()
        self.settings = settings
        self.language = language
        self.environment_language = environment_language
        self.chosen_language = language

    def compose(self) -> ComposeResult:
        texts = settings_to_text(self.settings)
        labels = setting_labels()
        choices = {"date_format": {key: _(shown) for key, shown in DATE_FORMATS.items()},
                   "number_format": {key: _(shown) for key, shown in NUMBER_FORMATS.items()},
                   "theme": {theme: theme for theme in THEMES},
                   "base_currency": {code: code for code in sorted(CURRENCIES)}, "fiscal_start": month_names()}
        with Vertical(classes="dialog form"):
            yield Static(_("Settings"), classes="dialog-title")
            with Grid(classes="form-grid settings-grid"):
                for name in SETTING_FIELDS:
                    yield Label(labels[name], classes="form-label")
                    if name in choices:
                        options = [(f"{shown}" if shown == key else f"{shown} ({key})", key)
                                   for key, shown in choices[name].items()]
                        yield Select(options, value=texts[name], allow_blank=False, id=f"setting-{name}",
                                     compact=True)
                    else:
                        yield Input(texts[name], id=f"setting-{name}", compact=True)
                    yield Static("", id=f"setting-error-{name}", classes="form-error", markup=False)
                yield Label(_("Language"), classes="form-label")
                yield Select(language_choices(self.environment_language), value=self.language or AS_ENVIRONMENT,
                             allow_blank=False, id="setting-language", compact=True)
                yield Static(_("yours only: not in the data file"), classes="form-error", markup=False)
            yield Static(_("ansi-dark / ansi-light suit 16-colour terminals. ctrl+s save · esc cancel"),
                         classes="dialog-hint")
            yield TranslatedFooter()

    def values(self) -> dict[str, str]:
        values = {}
        for name in SETTING_FIELDS:
            widget = self.query_one(f"#setting-{name}")
            values[name] = str(widget.value)
        return values

    def action_save(self) -> None:
        settings, errors = validate_settings(self.values())
        for name in SETTING_FIELDS:
            self.query_one(f"#setting-error-{name}", Static).update(errors.get(name, ""))
        if settings is not None:
            language = str(self.query_one("#setting-language", Select).value)
            self.chosen_language = None if language == AS_ENVIRONMENT else language
            self.dismiss(settings)

    def action_cancel(self) -> None:
        self.dismiss(None)
