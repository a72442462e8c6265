"""The whole app with hostile data and input: what was accepted shows correctly on one line per row at 80×24,
a paste cannot put escape sequences on screen, ids that look like markup are shown as written, search fields
and the renewal wizard's fields take anything, and a hostile path to import is a message, not a crash."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual import events
from textual.widgets import Input, Static

from tests.conftest import TODAY, make_contract
from tests.ui.abuse_helpers import ABUSE, SIZE, TYPED, assert_screen_fits_and_is_safe, enter_value, shown, until
from tests.ui.renewal_helpers import make_renewal_db, start_renewal, wizard
from tui.domain.partner import Partner
from tui.domain.text import has_control_chars
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.partners import PartnerRepository
from tui.ui.app import create_app
from tui.ui.overview.contract_form import ContractForm
from tui.ui.dialogs.import_screen import ImportScreen
from tui.ui.overview.pane import OverviewPane
from tui.ui.partners.pane import PartnersPane
from tui.ui.dialogs.partner_picker import PartnerPicker
from tui.ui.widgets.virtual_table import VirtualTable

# What the rules accept and a user may well have: each must show on one table line and whole in the detail.
SHOWN = {
    "emoji": "👍 Backup",
    "combining": "Cafe\u0301 Protection",
    "flag": "🇷🇴 Endpoint",
    "diacritics": "Protecție Brașov ȘȚĂÂÎ",
    "wide": "漢字" * 40,
    "longest": "W" * 200,
    "tab": "Backup\tExec",  # a CSV cell may hold a tab: the table must not let the terminal jump
}


def table_lines(table: VirtualTable) -> list[str]:
    lines = []
    for y in range(min(table.size.height, table.row_count + 1)):
        strip = table.render_line(y)
        assert strip.cell_length == table.content_width, (y, strip.text)
        assert "\t" not in strip.text and not has_control_chars(strip.text), strip.text
        lines.append(strip.text)
    return lines


async def test_accepted_values_show_on_one_table_line_and_whole_in_the_detail(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    store = Store(db)
    contracts = [make_contract(f"C-{i}", product=product, notes=product + "\nsecond line", certificate=product[:100],
                               end=date(2027, 1, 1 + i))
                 for i, product in enumerate(SHOWN.values())]
    ContractRepository(store).save_many(contracts, [], TODAY, source="test")
    PartnerRepository(store).save_many([Partner(f"u{i}", name, "Gold", "reseller", "RO", "Brașov")
                                        for i, name in enumerate(SHOWN.values())], [])
    store.close()
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one("#overview-table", VirtualTable)
        rows = table_lines(table)
        pane = app.query_one(OverviewPane)
        for index, contract in enumerate(pane.rows):
            row = rows[index + 1]
            assert row.startswith(contract.id)
            start = contract.product.replace("\t", " ")[:3]
            assert start in row  # the product's beginning, cut to its column with an ellipsis if need be
            table.cursor_row = index
            await pilot.pause()
            detail = str(app.query_one("#overview-detail").render())
            assert contract.product in detail and "second line" in detail
            assert_screen_fits_and_is_safe(app)
        await pilot.press("4")
        await pilot.pause()
        partners = app.query_one("#partners-table", VirtualTable)
        for index, name in enumerate(SHOWN.values()):
            app.query_one(PartnersPane).show_partner(f"u{index}")
            await pilot.pause()
            row = partners.cursor_row - round(partners.scroll_y) + 1
            assert table_lines(partners)[row].startswith(name.replace("\t", " ")[:3])
            assert name in str(app.query_one("#partners-detail").render())
            assert_screen_fits_and_is_safe(app)


async def test_a_paste_cannot_put_escape_sequences_on_screen(tmp_path: Path) -> None:
    app = create_app(tmp_path / "db.json", TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        field = app.query_one("#overview-filter", Input)
        assert app.focused is field
        app.post_message(events.Paste("\x1b[2J\x1b]0;title\x07red\x9b31m\u202e tail\nsecond line"))
        await until(pilot, lambda: field.value != "")
        assert field.value == "[2J]0;titlered31m tail"  # escapes, BEL, CSI and bidi override gone; first line
        assert_screen_fits_and_is_safe(app)
        await pilot.press("escape", "a")
        assert isinstance(app.screen, ContractForm)
        product = app.screen.query_one("#field-product", Input)
        product.focus()
        app.post_message(events.Paste("Protecție 👍 e\u0301\x1b[0m"))
        await until(pilot, lambda: product.value != "")
        assert product.value == "Protecție 👍 e\u0301[0m"
        assert_screen_fits_and_is_safe(app)


@pytest.mark.parametrize("contract_id", ["[/]", "[b]bold[/b]", "[@click=app.quit]x[/]", "[red", "a]b"])
async def test_ids_that_look_like_markup_are_shown_as_written(tmp_path: Path, contract_id: str) -> None:
    """Notifications used to parse their message as markup: "Added [/]." crashed the app."""
    app = create_app(tmp_path / "db.json", TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("a")
        form = app.screen
        for column, value in dict(id=contract_id, product="P", quantity="1", end="2027-01-01", unit_price="1",
                                  currency="RON").items():
            form.query_one(f"#field-{column}", Input).value = value
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(app.screen.query("Toast")))
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert f"Added {contract_id}." in toasts
        assert app.is_running
        cut = contract_id if len(contract_id) <= 13 else contract_id[:12] + "…"  # the id column is 13 wide
        assert table_lines(app.query_one("#overview-table", VirtualTable))[1].startswith(cut)


@pytest.mark.parametrize(("path", "message"), [
    ("x" * 10_000 + ".csv", "cannot be read"),
    ("~no-such-user-abuse/contracts.csv", "no such file"),
    ("Protecție Brașov ȘȚĂÂÎ 👍.csv", "no such file"),
    ("   ", "is a directory"),
])
async def test_a_hostile_path_to_import_is_a_message(tmp_path: Path, path: str, message: str) -> None:
    app = create_app(tmp_path / "db.json", TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.action_import()
        await until(pilot, lambda: isinstance(app.screen, ImportScreen))
        field = app.screen.query_one("#import-path", Input)
        field.value = path
        field.focus()
        await pilot.press("enter")
        await until(pilot, lambda: shown(app.screen, "#import-report") != "")
        report = shown(app.screen, "#import-report")
        assert message in report and len(report) < 11_000
        assert not has_control_chars(report.replace("\n", ""))
        assert app.is_running
        assert_screen_fits_and_is_safe(app)


SEARCHES = {"#overview-filter": "#overview-table", "#partners-search": "#partners-table",
            "#picker-query": "#picker-table"}


@pytest.mark.parametrize("search", list(SEARCHES))
async def test_search_fields_take_anything(tmp_path: Path, search: str) -> None:
    db = tmp_path / "db.json"
    ContractRepository(Store(db)).add(make_contract("RO-1", product="Protecție Brașov ȘȚĂÂÎ"), TODAY)
    app = create_app(db, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        if search == "#partners-search":
            await pilot.press("4")
            await pilot.pause()
        if search == "#picker-query":  # the renewal's partner picker (step 4, p)
            app.push_screen(PartnerPicker(app.partners.index()))
            await until(pilot, lambda: isinstance(app.screen, PartnerPicker))
        table = app.screen.query_one(SEARCHES[search], VirtualTable)
        field = app.screen.query_one(search, Input)
        for name in ABUSE:
            enter_value(pilot, field, name)
            await until(pilot, lambda: field.value == ABUSE[name])
            assert_screen_fits_and_is_safe(app, skip=None if name in TYPED else field)
            table_lines(table)
        enter_value(pilot, field, "diacritics")
        await until(pilot, lambda: field.value == ABUSE["diacritics"])
        if search == "#overview-filter":
            assert [c.id for c in app.query_one(OverviewPane).rows] == ["RO-1"]


# --- the renewal wizard's fields -----------------------------------------------------------------------------

# (step, field); in order of the steps.  A value the step refuses is named in the wizard's message; one it
# accepts lets ctrl+n move on (and ctrl+b come back), or on step 5 shows the completion summary (n declines).
WIZARD_FIELDS = [(1, "#coterm-date"), (1, "#coterm-uplift"), (1, "#coterm-fee"), (1, "#coterm-filter"),
                 (4, "#request-contact"),
                 (4, "#request-folder"), (4, "#request-sent"), (4, "#quoted-RON"), (5, "#confirm-order"),
                 (5, "#confirm-date")]
GOOD = {"#coterm-date": "2027-12-15", "#coterm-uplift": "0", "#coterm-fee": "25", "#coterm-filter": "",
        "#request-contact": "",
        "#request-folder": "", "#request-sent": "2026-11-27", "#quoted-RON": "", "#confirm-order": "PO-1",
        "#confirm-date": "2026-11-27"}


def wizard_pairs(every: bool) -> list[tuple[int, str, str]]:
    step = 1 if every else len(WIZARD_FIELDS)  # the normal run: each field and each value once
    return [(number, field_id, name) for i, (number, field_id) in enumerate(WIZARD_FIELDS)
            for j, name in enumerate(ABUSE) if (i + j) % step == 0]


async def keys(app, pilot, *pressed: str) -> None:
    """Keys for the step itself, not for a text field: focus leaves the fields first."""
    focus = wizard(app).current().first_focus()
    if focus is not None:
        focus.focus()
    await pilot.press(*pressed)
    await pilot.pause()


async def reach(app, pilot, number: int) -> None:
    screen = wizard(app)
    if screen.step == 1 and number > 1:  # T is set; A-1 gets a purchase date on step 2; step 3 as suggested
        await keys(app, pilot, "ctrl+n")
        await keys(app, pilot, "enter")
        await pilot.press("tab", "tab", *"2023-01-02", "ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        await keys(app, pilot, "ctrl+n")
        await keys(app, pilot, "ctrl+n")
    if screen.step == 4 and number > 4:
        await keys(app, pilot, "ctrl+n")
        await keys(app, pilot, "a")
        await pilot.press(*"LC-NEW", "enter")
        await until(pilot, lambda: app.screen is screen)
    assert screen.step == number


async def abuse_the_wizard(tmp_path: Path, tries) -> None:
    app = create_app(make_renewal_db(tmp_path), TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await start_renewal(app, pilot)
        await keys(app, pilot, "t")
        screen = wizard(app)
        for number, field_id, name in tries:
            if screen.step != number:
                await reach(app, pilot, number)
                for good_id, good in GOOD.items():
                    if screen.current().query(good_id):
                        screen.query_one(good_id, Input).value = good
            field = screen.query_one(field_id, Input)
            enter_value(pilot, field, name)
            await until(pilot, lambda: field.value == ABUSE[name])
            screen.query_one("#wizard-message", Static).update("(pending)")
            await keys(app, pilot, "ctrl+n")
            await until(pilot, lambda: app.screen is not screen or screen.step != number
                        or shown(screen, "#wizard-message") != "(pending)")
            case = (field_id, name)
            assert app.is_running, case
            if app.screen is not screen:  # step 5 accepted: the completion summary; decline it
                await pilot.press("n")
                await until(pilot, lambda: app.screen is screen)
            elif screen.step != number:  # accepted: come back to the step
                await keys(app, pilot, "ctrl+b")
                await until(pilot, lambda: screen.step == number)
                if field_id != "#coterm-filter":  # a filter is not stored; what the step kept is what it shows
                    assert not has_control_chars(screen.query_one(field_id, Input).value), case
            else:  # refused: the wizard says why, on screen, printably
                message = shown(screen, "#wizard-message")
                assert message != "(pending)" and not has_control_chars(message.replace("\n", "")), case
                assert len(message) < 1000, (case, message)
                assert_screen_fits_and_is_safe(app, skip=None if name in TYPED else field)
            assert screen.step == number and app.screen is screen, case
            screen.query_one(field_id, Input).value = GOOD[field_id]
        assert screen.renewal.id  # the draft was saved along the way and still is


async def test_the_wizards_fields_with_hostile_values(tmp_path: Path) -> None:
    await abuse_the_wizard(tmp_path, wizard_pairs(every=False))


@pytest.mark.slow
@pytest.mark.timeout(3600)
async def test_the_wizards_fields_with_every_hostile_value(tmp_path: Path) -> None:
    await abuse_the_wizard(tmp_path, wizard_pairs(every=True))


def test_the_wizard_run_covers_every_field_and_every_value():
    tried = wizard_pairs(every=False)
    assert {t[1] for t in tried} == {f[1] for f in WIZARD_FIELDS} and {t[2] for t in tried} == set(ABUSE)


def test_cell_widths_agree_with_the_terminal_library():
    """The table cuts text by terminal columns (rich's cell_len): the test data really is wide or combining."""
    assert cell_len(SHOWN["wide"]) == 160 and cell_len("e\u0301") == 1 and cell_len("👍") == 2
    assert Decimal  # (imported for the contracts above)


async def test_escape_sequences_put_into_the_data_file_by_hand_never_reach_the_screen(tmp_path: Path) -> None:
    """No user path can store them (they are refused when typed, pasted or imported), but the file can be
    edited by hand: the detail panel, the edit form and the table show them as text."""
    import json

    path = tmp_path / "db.json"
    ContractRepository(Store(path)).add(make_contract("HOSTILE-1"), TODAY)
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = next(iter(data["contracts"].values()))
    doc["notes"] = "before\x1b]0;TITLE\x07 after \x1b[41mred"
    doc["product"] = "Backup\x1b[5mExec"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = create_app(path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "before\\x1b]0;TITLE\\x07 after \\x1b[41mred" in shown(app.screen, "#overview-detail")
        assert_screen_fits_and_is_safe(app)
        await pilot.press("e")
        assert isinstance(app.screen, ContractForm)
        assert app.screen.query_one("#field-product", Input).value == "Backup\\x1b[5mExec"
        assert_screen_fits_and_is_safe(app)
