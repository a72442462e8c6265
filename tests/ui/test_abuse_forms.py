"""Every text field of every dialog fed hostile values through the keyboard (or, for what no keyboard can
type, set directly): the dialog shows the rules' message for that field, or saves the value exactly as
typed — never a crash, never an escape sequence on screen, and the dialog still fits 80×24."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input, Static

import tui.ui.app
from tests.ui.abuse_helpers import ABUSE, SIZE, TYPED, assert_screen_fits_and_is_safe, enter_value, shown, until
from tui.domain.budget_period import Period
from tui.domain.contract import Contract
from tui.domain.exchange import Rate
from tui.domain.contract_validation import MAX_QUANTITY, check_text, validate_contract
from tui.domain.parsing import ParseError, parse_date, parse_percent, parse_whole
from tui.domain.partner import validate_partner
from tui.domain.rate_validation import validate_rate
from tui.domain.renewal import Proof
from tui.domain.settings import Settings, validate_settings
from tui.domain.text import has_control_chars
from tui.domain.usage import UsageSample, validate_usage
from tui.store.cities import city_named
from tui.ui.budget.choice import validate_period
from tui.ui.budget.period_form import PeriodForm
from tui.ui.budget.rate_form import RateForm
from tui.ui.overview.contract_form import ContractForm
from tui.ui.forecast.headroom_prompt import HeadroomPrompt
from tui.ui.partners.form import PartnerForm
from tui.ui.partners.pickers import NearChoice, NearScreen, parse_km
from tui.ui.renewal.proof_form import ProofForm
from tui.ui.renewal.value_form import ValueForm
from tui.ui.dialogs.settings_screen import SettingsScreen
from tui.ui.forecast.usage_form import UsageForm

TODAY = date(2026, 11, 27)


class Host(App):
    """Just the dialogs, styled as in the app."""

    CSS_PATH = str(Path(tui.ui.app.__file__).with_name("app.tcss"))

    def __init__(self) -> None:
        super().__init__()
        self.results: list[Any] = []

    def open(self, screen: Screen) -> None:
        self.push_screen(screen, self.results.append)


# --- the dialogs --------------------------------------------------------------------------------------------


@dataclass
class Dialog:
    make: Callable[[], Screen]
    fields: dict[str, tuple[str, str]]  # field → (its Input, its error label)
    base: dict[str, str]  # a valid value for each field
    verdict: Callable[[dict[str, str]], tuple[Any, dict[str, str]]]  # the rules: (result, errors by field)
    save: str = "ctrl+s"
    free_text: frozenset[str] = field(default_factory=frozenset)  # fields that keep what was typed


def contract_verdict(values):
    return validate_contract(values)


def proof_verdict(values):
    errors, result = {}, {}
    for name in ("certificate", "order"):
        try:
            result[name] = check_text(values[name], name, required=False)
        except ParseError as error:
            errors[name] = str(error)
    try:
        result["purchase"] = parse_date(values["purchase"]) if values["purchase"].strip() else None
    except ParseError as error:
        errors["purchase"] = str(error)
    return (None if errors else Proof(result["certificate"], result["order"], result["purchase"])), errors


def one_value(parse):
    def verdict(values):
        try:
            return parse(values["value"]), {}
        except ParseError as error:
            return None, {"value": str(error)}
    return verdict


def headroom(text: str) -> float:
    value = float(parse_percent(text))
    if value > 10:
        raise ParseError("a percentage must be at most 1000")
    return value


def near_verdict(values):
    city = city_named(values["city"]) if values["city"].strip() else None
    km = parse_km(values["km"])
    errors = {}
    if values["city"].strip() and city is None:
        errors["city"] = "unknown city"
    if km is None:
        errors["km"] = "a distance in km, more than 0"
    return (None if errors else NearChoice(city, km)), errors


CONTRACT_BASE = dict(id="C-1", product="Backup Exec", quantity="10", start="", end="2027-03-31", unit_price="20",
                     currency="RON", partner="", certificate="", order="", notes="")
PARTNER_BASE = dict(id="p1", name="Alfa SRL", tier="Gold", kind="reseller", country="RO", city="Brașov",
                    specialisations="", languages="", email="", phone="", website="")
CONTRACT = Contract(id="C-9", product="Backup Exec", quantity=3, end=date(2027, 1, 31), unit_price=Decimal("10"),
                    currency="RON")

DIALOGS = {
    "contract": Dialog(
        lambda: ContractForm("Add contract", None, lambda contract_id: False),
        {c: (f"#field-{c}", f"#error-{c}") for c in CONTRACT_BASE}, CONTRACT_BASE, contract_verdict,
        free_text=frozenset({"id", "product", "partner", "certificate", "order", "notes"})),
    "partner": Dialog(
        lambda: PartnerForm("Add partner", None, lambda partner_id: False),
        {c: (f"#field-{c}", f"#error-{c}") for c in PARTNER_BASE}, PARTNER_BASE,
        lambda values: validate_partner(values), free_text=frozenset({"name", "city"})),
    "usage": Dialog(
        lambda: UsageForm("Usage", UsageSample("Backup Exec", date(2026, 11, 1), 3), known_products=["Backup Exec"],
                          today=TODAY, taken=lambda product, day: False, editing=True),
        {c: (f"#usage-{c}", f"#usage-error-{c}") for c in ("product", "date", "in_use")},
        dict(product="Backup Exec", date="2026-11-01", in_use="3"),
        lambda values: validate_usage(values, today=TODAY, known_products=["Backup Exec"])),
    "settings": Dialog(
        lambda: SettingsScreen(Settings()),
        {c: (f"#setting-{c}", f"#setting-error-{c}") for c in ("notice_days", "fee_rate", "headroom", "rise")},
        dict(notice_days="90", fee_rate="25", headroom="15", rise="0"),
        lambda values: validate_settings({**values, "date_format": "iso", "number_format": "en",
                                          "theme": "textual-dark", "base_currency": "RON", "fiscal_start": "1"})),
    "headroom": Dialog(
        lambda: HeadroomPrompt(0.15), {"value": ("#headroom-value", "#headroom-error")}, {"value": "15"},
        one_value(headroom), save="enter"),
    "proof": Dialog(
        lambda: ProofForm(CONTRACT, Proof()),
        {c: (f"#proof-{c}", f"#proof-{c}-error") for c in ("certificate", "order", "purchase")},
        dict(certificate="", order="", purchase=""), proof_verdict, free_text=frozenset({"certificate", "order"})),
    "quantity": Dialog(
        lambda: ValueForm("New quantity · C-9", "Licences", "3",
                          lambda text: parse_whole(text, minimum=1, maximum=MAX_QUANTITY)),
        {"value": ("#value-input", "#value-error")}, {"value": "3"},
        one_value(lambda text: parse_whole(text, minimum=1, maximum=MAX_QUANTITY)), save="enter"),
    "certificate": Dialog(
        lambda: ValueForm("New licence certificate · C-9", "Certificate", "",
                          lambda text: check_text(text, "certificate", required=True)),
        {"value": ("#value-input", "#value-error")}, {"value": "LC-1"},
        one_value(lambda text: check_text(text, "certificate", required=True)), save="enter",
        free_text=frozenset({"value"})),
    "near": Dialog(
        lambda: NearScreen(None, 50.0), {c: (f"#near-{c}", f"#near-{c}-error") for c in ("city", "km")},
        dict(city="Brașov", km="50"), near_verdict),
    "rate": Dialog(
        lambda: RateForm("New exchange rate", Rate(TODAY, "RON", "EUR", Decimal(0)), TODAY, with_rate=False),
        {c: (f"#rate-{c}", f"#rate-error-{c}") for c in ("date", "base", "currency", "rate")},
        dict(date="2026-11-02", base="RON", currency="EUR", rate="4.975"), lambda values: validate_rate(values, TODAY)),
    "period": Dialog(
        lambda: PeriodForm(Period(TODAY, date(2027, 11, 26))),
        {c: (f"#period-{c}", f"#period-error-{c}") for c in ("from", "to")},
        {"from": "2026-11-27", "to": "2027-11-26"}, validate_period),
}


def same_result(got, expected) -> bool:
    if isinstance(expected, Proof):  # the checklist comes from the SelectionList
        return (got.certificate, got.order, got.purchase_date) == (expected.certificate, expected.order,
                                                                 expected.purchase_date)
    return got == expected


# The normal run tries every field of every dialog and every value on every dialog, but not every pair in
# the big forms (one in STEP of them, rotating); the slow run tries every pair.
STEP = {"contract": 6, "partner": 6, "proof": 3, "usage": 3, "settings": 3, "near": 2, "rate": 2, "period": 2}


def pairs(dialog: str, every: bool) -> list[tuple[str, str]]:
    step = 1 if every else STEP.get(dialog, 1)
    return [(field_name, name) for i, field_name in enumerate(DIALOGS[dialog].fields)
            for j, name in enumerate(ABUSE) if (i + j) % step == 0]


def test_the_normal_run_still_tries_every_field_and_every_value_on_every_dialog():
    for dialog, spec in DIALOGS.items():
        tried = pairs(dialog, every=False)
        assert {f for f, _n in tried} == set(spec.fields) and {n for _f, n in tried} == set(ABUSE), dialog


@pytest.mark.parametrize("dialog", list(DIALOGS))
async def test_every_field_of_every_dialog_with_hostile_values(dialog: str) -> None:
    await abuse_dialog(dialog, pairs(dialog, every=False))


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.parametrize("dialog", list(DIALOGS))
async def test_every_field_of_every_dialog_with_every_hostile_value(dialog: str) -> None:
    await abuse_dialog(dialog, pairs(dialog, every=True))


PENDING = "(not answered yet)"


def answered(form: Screen, error_id: str) -> bool:
    try:
        return shown(form, error_id) != PENDING
    except NoMatches:  # dismissed: its widgets are going
        return False


def ready(form: Screen, spec: Dialog) -> bool:
    inputs = form.query(Input)
    return len(inputs) == len(spec.fields) and all(w.is_mounted for w in inputs)


async def abuse_dialog(dialog: str, tries: list[tuple[str, str]]) -> None:
    spec = DIALOGS[dialog]
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        form: Screen | None = None
        for name_of_field, name in tries:
            input_id, error_id = spec.fields[name_of_field]
            if form is None or app.screen is not form:
                form = spec.make()
                app.open(form)
                await until(pilot, lambda: app.screen is form and ready(form, spec))
            for other, (other_id, _error) in spec.fields.items():
                other_input = form.query_one(other_id, Input)
                if other_input.value != spec.base[other]:
                    other_input.value = spec.base[other]
            widget = form.query_one(input_id, Input)
            enter_value(pilot, widget, name)
            results = len(app.results)
            form.query_one(error_id, Static).update(PENDING)  # every refused save rewrites the field's message
            app.post_message(events.Key(spec.save, None))  # after the typed keys, in order
            await until(pilot, lambda: len(app.results) > results or answered(form, error_id))
            case = (dialog, name_of_field, name)
            expected, errors = spec.verdict({**spec.base, name_of_field: ABUSE[name]})
            if errors:
                assert app.screen is form and len(app.results) == results, case
                assert widget.value == ABUSE[name], case
                message = shown(form, error_id)
                assert message == errors[name_of_field], case
                assert "\n" not in message and not has_control_chars(message) and len(message) < 300, case
                assert_screen_fits_and_is_safe(app, skip=None if name in TYPED else widget)
            else:
                assert app.screen is not form and len(app.results) == results + 1, case
                assert same_result(app.results[-1], expected), case
                if name_of_field in spec.free_text and name in TYPED and ABUSE[name].strip():
                    saved = app.results[-1]
                    kept = saved if isinstance(saved, str) else getattr(saved, name_of_field)
                    assert kept == ABUSE[name], case  # exactly as typed: emoji, accents, flags
        assert app.is_running
