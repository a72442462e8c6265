"""Great-circle distances and finding a city by what the user typed."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.geo import EARTH_RADIUS_KM, City, CityLookup, find_city, haversine_km, name_key

BUCURESTI = City("București", "RO", 44.4268, 26.1025)
CLUJ = City("Cluj-Napoca", "RO", 46.7712, 23.6236)
TIMISOARA = City("Timișoara", "RO", 45.7489, 21.2087)
LODZ = City("Łódź", "PL", 51.7592, 19.4560)
VALENCIA_ES = City("Valencia", "ES", 39.4699, -0.3763)
VALENCIA_VE = City("Valencia", "VE", 10.1620, -68.0077)
CITIES = [BUCURESTI, CLUJ, TIMISOARA, LODZ, VALENCIA_ES, VALENCIA_VE]


def test_bucharest_to_cluj_is_about_324_km():
    assert haversine_km(BUCURESTI, CLUJ) == pytest.approx(324, abs=3)


def test_a_quarter_of_the_equator():
    assert haversine_km(City("a", "XX", 0, 0), City("b", "XX", 0, 90)) == pytest.approx(
        math.pi / 2 * EARTH_RADIUS_KM
    )


def test_antipodes_are_half_the_circumference_apart():
    assert haversine_km(City("n", "XX", 90, 0), City("s", "XX", -90, 0)) == pytest.approx(math.pi * EARTH_RADIUS_KM)


latitudes = st.floats(min_value=-90, max_value=90)
longitudes = st.floats(min_value=-180, max_value=180)
cities = st.builds(City, st.just("x"), st.just("XX"), latitudes, longitudes)


@given(cities, cities)
def test_distance_is_symmetric_non_negative_and_bounded(a, b):
    d = haversine_km(a, b)
    assert d == pytest.approx(haversine_km(b, a), abs=1e-6)
    assert 0 <= d <= math.pi * EARTH_RADIUS_KM + 1e-6


@given(cities)
def test_a_city_is_zero_km_from_itself(a):
    assert haversine_km(a, a) == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize(
    "typed",
    ["timisoara", "TIMIȘOARA", "Timişoara", "  timișoara "],  # the third is spelled with s-cedilla
)
def test_find_city_ignores_case_and_diacritics(typed):
    assert find_city(CITIES, typed) == TIMISOARA


@pytest.mark.parametrize("typed", ["cluj napoca", "Cluj-Napoca", "CLUJ - NAPOCA"])
def test_find_city_treats_hyphens_as_spaces(typed):
    assert find_city(CITIES, typed) == CLUJ


def test_find_city_knows_letters_unicode_does_not_decompose():
    assert find_city(CITIES, "lodz") == LODZ


@pytest.mark.parametrize("typed", ["", "   ", "Atlantis", "timi", "clujnapoca"])
def test_unknown_city_is_none(typed):
    assert find_city(CITIES, typed) is None


def test_country_picks_between_cities_of_the_same_name():
    assert find_city(CITIES, "valencia") == VALENCIA_ES  # first listed
    assert find_city(CITIES, "valencia", country="ve") == VALENCIA_VE
    assert find_city(CITIES, "timisoara", country="HU") is None


def test_city_lookup_agrees_with_find_city():
    lookup = CityLookup(CITIES)
    assert lookup("BUCURESTI") == BUCURESTI
    assert lookup("valencia") == VALENCIA_ES
    assert lookup("valencia", "VE") == VALENCIA_VE
    assert lookup("Atlantis") is None
    assert lookup("Cluj-Napoca", "HU") is None


def test_name_key():
    assert name_key("Târgu-Mureș") == "targu mures"
    assert name_key("Backup & Recovery") == "backup recovery"
    assert name_key("Düsseldorf") == "dusseldorf"
