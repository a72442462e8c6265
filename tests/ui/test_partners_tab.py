"""Pilot tests of the Partners tab: keys a user presses, what they see, what gets saved."""

from __future__ import annotations

from pathlib import Path

from tests.ui.notices import notices
from tui.domain.partner import TIERS
from tui.store.contracts import ContractRepository
from tui.store.file.database import Store
from tui.store.partners import PartnerRepository
from tui.ui.app import create_app
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.overview.pane import OverviewPane
from tui.ui.partners.form import PartnerForm
from tui.ui.partners.pickers import ChoiceScreen, NearScreen
from tui.ui.partners.pane import PartnersPane
from tui.ui.widgets.virtual_table import VirtualTable

SIZE = (100, 30)


def pane(app) -> PartnersPane:
    return app.query_one(PartnersPane)


def shown(app) -> list[str]:
    return [h.partner.name for h in pane(app).hits]


def row_text(app, row: int) -> str:
    return app.query_one("#partners-table", VirtualTable).render_line(row).text


def detail_text(app) -> str:
    return str(app.query_one("#partners-detail").render())


async def test_typing_narrows_the_list_ignoring_diacritics_and_a_missing_letter(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "slash", *"timsoara")
        await pilot.pause()
        hits = pane(app).hits
        assert hits and {h.partner.city for h in hits} == {"Timișoara"}
        assert "Timișoara" in row_text(app, 1)
        assert app.query_one("#partners-count").render().plain == f"{len(hits)}/239"
        await pilot.press("escape")
        assert app.focused is app.query_one("#partners-table")
        await pilot.press("slash", *["backspace"] * 8, *"zorvanta")
        await pilot.pause()
        assert shown(app)[0] == "Zorvanta Systems SRL"
        assert "SEP-2021-0417" in detail_text(app)  # the demo contracts with this partner


async def test_t_cycles_the_tier_filter_and_x_clears_it(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "t", "t")
        await pilot.pause()
        tiers = {h.partner.tier for h in pane(app).hits}
        assert tiers == {"Gold"}
        assert "tier Gold" in app.query_one("#partners-filters").render().plain
        await pilot.press("y")
        assert {h.partner.kind for h in pane(app).hits} == {"distributor"}
        await pilot.press("x")
        await pilot.pause()
        assert len(pane(app).hits) == 239
        assert [h.partner.tier for h in pane(app).hits][0] == TIERS[0]


async def test_country_and_specialisation_are_picked_from_a_list(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "c")
        assert isinstance(app.screen, ChoiceScreen)
        options = app.screen.query_one("#picker-options")
        target = options.get_option_index("HU")
        await pilot.press(*["down"] * target, "enter")
        await pilot.pause()
        assert {h.partner.country for h in pane(app).hits} == {"HU"}
        await pilot.press("s", "down", "down", "enter")  # any, endpoint security, backup & recovery
        await pilot.pause()
        hits = pane(app).hits
        assert hits and all("backup & recovery" in h.partner.specialisations for h in hits)
        assert all(h.partner.country == "HU" for h in hits)


async def test_near_a_city_shows_distances_nearest_first(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        assert isinstance(app.screen, NearScreen)
        await pilot.press(*"atlantis", "enter")
        assert isinstance(app.screen, NearScreen)
        assert "unknown city" in str(app.screen.query_one("#near-city-error").render())
        await pilot.press(*["backspace"] * 8, *"brasov", "tab", *["backspace"] * 2, *"90", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, NearScreen)
        distances = [h.distance_km for h in pane(app).hits]
        assert distances and distances == sorted(distances) and max(distances) <= 90
        assert "Distance" in row_text(app, 0) and row_text(app, 1).rstrip().endswith("0 km")
        assert "Sfântu Gheorghe" in shown_cities(app) and "București" not in shown_cities(app)
        assert "km from Brașov" in detail_text(app)


def shown_cities(app) -> set[str]:
    return {h.partner.city for h in pane(app).hits}


async def test_setting_the_partner_of_marked_contracts_shows_in_the_overview_after_a_restart(
        demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        first, second = [c.id for c in app.query_one(OverviewPane).rows[:2]]
        await pilot.press("space", "space")  # mark the two soonest contracts in the Overview
        await pilot.press("4", "slash", *"kilfesta", "enter", "u")
        assert isinstance(app.screen, ConfirmScreen)
        assert first in app.screen.question and second in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert f"{first}" in detail_text(app) and f"{second}" in detail_text(app)
    restarted = create_app(demo_db, today)
    async with restarted.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = restarted.query_one("#overview-table", VirtualTable)
        assert "Kilfesta Software" in table.render_line(1).text
        assert "Kilfesta Software" in table.render_line(2).text
    contract = ContractRepository(Store(demo_db)).get(first)
    assert contract.partner == "p0030" and contract.history[-1].source == "partner"


async def test_add_validates_then_saves_a_partner_of_the_users(tmp_path: Path, today) -> None:
    db = tmp_path / "db.json"
    app = create_app(db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        assert isinstance(app.screen, PartnerForm)
        assert app.screen.query_one("#field-id").value == "u0001"
        await pilot.press("tab", *"Ardeal Ș.A.", "tab", *"gold", "tab", *"dis", "right", "tab", *"ro",
                          "tab", *"Sibiu", "tab", *"enc", "right", "tab", "tab", *"a-b.ro")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PartnerForm)
        assert "not an e-mail address" in str(app.screen.query_one("#error-email").render())
        assert not db.exists()
        await pilot.press("home", "right", "delete", "@", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PartnerForm)
        assert pane(app).current().name == "Ardeal Ș.A."
    stored = PartnerRepository(Store(db))
    partner = stored.get("u0001")
    assert (partner.tier, partner.kind, partner.country, partner.city, partner.specialisations, partner.email) == (
        "Gold", "distributor", "RO", "Sibiu", ("encryption",), "a@b.ro")
    assert stored.origin_of("u0001") == "user"


async def test_edit_of_a_shipped_partner_is_kept_as_the_users(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "slash", *"zorvanta", "enter", "e")
        assert isinstance(app.screen, PartnerForm)
        assert app.screen.query_one("#field-id").disabled  # contracts refer to the id
        app.screen.query_one("#field-phone").focus()
        await pilot.press("end", *["backspace"] * 4, *"0199", "ctrl+s")
        await pilot.pause()
        assert "edited by you" in detail_text(app)
    stored = PartnerRepository(Store(demo_db))
    assert stored.get("p0001").phone == "+40 21 555 0199" and stored.origin_of("p0001") == "edited"


async def test_delete_names_the_contracts_that_still_use_the_partner(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "slash", *"zorvanta", "enter", "d")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert any("SEP-2021-0417" in n and "BE-2022-0112" in n for n in notices(app))
        assert PartnerRepository(Store(demo_db)).get("p0001") is not None
        await pilot.press("slash", *["backspace"] * 8, *"kilfesta", "enter", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert PartnerRepository(Store(demo_db)).get("p0030") is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Kilfesta Software SRL" not in shown(app)
    assert PartnerRepository(Store(demo_db)).get("p0030") is None


async def test_usable_at_80x24(demo_db: Path, today) -> None:
    app = create_app(demo_db, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        header = row_text(app, 0)
        for label in ("Partner", "Tier", "Type", "City"):
            assert label in header
        assert app.query_one("#partners-detail").region.height >= 6
        assert app.query_one("#partners-table").region.height >= 8
        await pilot.press("1")
        assert app.active_tab == "overview"
