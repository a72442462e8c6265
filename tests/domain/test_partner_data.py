"""The shipped partner directory and city table: complete, valid and consistent with each other."""

from __future__ import annotations

import csv
import re
from importlib.resources import files

import pytest

from tui.domain.countries import COUNTRY_CODES, EUROPEAN_COUNTRIES
from tui.domain.geo import City, CityLookup, find_city, haversine_km
from tui.domain.partner import PARTNER_COLUMNS, PRODUCT_FAMILIES, validate_partner

RO_COUNTY_SEATS = (
    "București", "Alba Iulia", "Arad", "Pitești", "Bacău", "Oradea", "Bistrița", "Botoșani", "Brașov", "Brăila",
    "Buzău", "Reșița", "Călărași", "Cluj-Napoca", "Constanța", "Sfântu Gheorghe", "Târgoviște", "Craiova", "Galați",
    "Giurgiu", "Târgu Jiu", "Miercurea Ciuc", "Deva", "Slobozia", "Iași", "Buftea", "Baia Mare",
    "Drobeta-Turnu Severin", "Târgu Mureș", "Piatra Neamț", "Slatina", "Ploiești", "Satu Mare", "Zalău",
    "Sibiu", "Suceava", "Alexandria", "Timișoara", "Tulcea", "Vaslui", "Râmnicu Vâlcea", "Focșani",
)  # fmt: skip
EUROPEAN_CAPITALS = {
    "AL": "Tirana", "AD": "Andorra la Vella", "AT": "Vienna", "BY": "Minsk", "BE": "Brussels", "BA": "Sarajevo",
    "BG": "Sofia", "HR": "Zagreb", "CY": "Nicosia", "CZ": "Prague", "DK": "Copenhagen", "EE": "Tallinn",
    "FI": "Helsinki", "FR": "Paris", "DE": "Berlin", "GR": "Athens", "HU": "Budapest", "IS": "Reykjavík",
    "IE": "Dublin", "IT": "Rome", "XK": "Pristina", "LV": "Riga", "LI": "Vaduz", "LT": "Vilnius",
    "LU": "Luxembourg", "MT": "Valletta", "MD": "Chișinău", "MC": "Monaco", "ME": "Podgorica", "NL": "Amsterdam",
    "MK": "Skopje", "NO": "Oslo", "PL": "Warsaw", "PT": "Lisbon", "RO": "București", "RU": "Moscow",
    "SM": "San Marino", "RS": "Belgrade", "SK": "Bratislava", "SI": "Ljubljana", "ES": "Madrid", "SE": "Stockholm",
    "CH": "Bern", "UA": "Kyiv", "GB": "London", "VA": "Vatican City",
}  # fmt: skip
# The demo contracts' partners: (city, tier or None for any).
DEMO_PARTNERS = {
    "p0001": ("București", "Platinum"),
    "p0002": ("București", "Gold"),
    "p0003": ("Cluj-Napoca", None),
    "p0004": ("Cluj-Napoca", None),
    "p0005": ("București", None),
    "p0006": ("Timișoara", None),
    "p0007": ("Iași", None),
    "p0008": ("Constanța", None),
}
FICTIONAL_DOMAINS = re.compile(r"(^|\.)(example\.com|example\.org|[a-z0-9-]+\.test)$")


def read(name: str) -> list[dict[str, str]]:
    with (files("tui.data") / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read("partners.csv")


@pytest.fixture(scope="module")
def partners(rows):
    found = []
    for row in rows:
        partner, errors = validate_partner(row, origin="shipped")
        assert errors == {}, (row["id"], errors)
        found.append(partner)
    return found


@pytest.fixture(scope="module")
def cities() -> list[City]:
    return [
        City(row["city"], row["country"], float(row["latitude"]), float(row["longitude"])) for row in read("cities.csv")
    ]


def test_partner_file_has_the_columns_in_order():
    with (files("tui.data") / "partners.csv").open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == PARTNER_COLUMNS


def test_at_least_150_partners_all_valid_with_ids_in_order(rows, partners):
    assert len(partners) >= 150
    assert [p.id for p in partners] == [f"p{n:04d}" for n in range(1, len(partners) + 1)]
    assert len({p.name for p in partners}) == len(partners)


def test_every_partner_city_is_in_the_city_table_spelled_the_same(partners, cities):
    places = {(city.name, city.country) for city in cities}
    missing = {(p.city, p.country) for p in partners} - places
    assert not missing
    lookup = CityLookup(cities)
    assert all(lookup(p.city, p.country) is not None for p in partners)


def test_city_table_rows_are_unique_valid_and_in_europe(cities):
    assert len({(c.name, c.country) for c in cities}) == len(cities)
    for city in cities:
        assert city.country in COUNTRY_CODES
        assert 34 <= city.latitude <= 72 and -25 <= city.longitude <= 50, city


def test_coordinates_have_four_decimals():
    for row in read("cities.csv"):
        assert re.fullmatch(r"-?\d+\.\d{4}", row["latitude"]) and re.fullmatch(r"-?\d+\.\d{4}", row["longitude"]), row


@pytest.mark.parametrize("seat", RO_COUNTY_SEATS)
def test_every_romanian_county_seat_is_listed(cities, seat):
    assert any(c.name == seat and c.country == "RO" for c in cities)


def test_there_are_42_county_seats():
    assert len(set(RO_COUNTY_SEATS)) == 42


@pytest.mark.parametrize(("country", "capital"), sorted(EUROPEAN_CAPITALS.items()))
def test_every_european_capital_is_listed(cities, country, capital):
    assert any(c.name == capital and c.country == country for c in cities)
    assert country in EUROPEAN_COUNTRIES


def test_romanian_names_use_comma_below_not_cedilla(rows, cities):
    text = " ".join(c.name for c in cities) + " ".join(r["city"] + r["name"] for r in rows)
    assert not set("şţŞŢ") & set(text)


def test_directory_covers_romania_and_at_least_twelve_other_countries(partners):
    countries = {p.country for p in partners}
    assert len(countries - {"RO"}) >= 12
    assert {"MD", "HU", "BG", "DE", "AT", "PL", "CZ", "IT", "FR", "ES", "NL", "GB"} <= countries
    ro_cities = {p.city for p in partners if p.country == "RO"}
    assert {"București", "Cluj-Napoca", "Timișoara", "Iași", "Constanța", "Craiova", "Brașov", "Galați",
            "Ploiești", "Oradea", "Sibiu", "Arad", "Pitești", "Bacău", "Târgu Mureș", "Baia Mare", "Buzău",
            "Suceava", "Satu Mare"} <= ro_cities  # fmt: skip


def test_every_tier_and_kind_occurs(partners):
    assert {p.tier for p in partners} == {"Platinum", "Gold", "Silver", "Registered"}
    assert {p.kind for p in partners} == {"distributor", "reseller"}


def test_contacts_are_obviously_fictional(partners):
    for p in partners:
        assert FICTIONAL_DOMAINS.search(p.email.rsplit("@", 1)[1]), p.email
        host = p.website.split("://", 1)[1].split("/", 1)[0]
        assert FICTIONAL_DOMAINS.search(host), p.website
        assert " 555 " in p.phone, p.phone


def test_demo_partners_are_romanian_resellers_able_to_renew_their_contracts(partners):
    by_id = {p.id: p for p in partners}
    for pid, (city, tier) in DEMO_PARTNERS.items():
        p = by_id[pid]
        assert (p.country, p.kind, p.city) == ("RO", "reseller", city)
        assert tier is None or p.tier == tier
    for contract in read("demo_contracts.csv"):
        family = PRODUCT_FAMILIES[contract["product"]]
        assert family in by_id[contract["partner"]].specialisations, contract["id"]


def test_shipped_coordinates_give_the_known_distance(cities):
    bucuresti, cluj = find_city(cities, "bucuresti"), find_city(cities, "cluj napoca")
    assert haversine_km(bucuresti, cluj) == pytest.approx(324, abs=3)
