"""validate_partner: one directory row in, a Partner or one message per bad column out."""

from __future__ import annotations

import csv
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.countries import COUNTRY_CODES, EUROPEAN_COUNTRIES, country_name
from tui.domain.partner import (
    KINDS,
    PARTNER_COLUMNS,
    PRODUCT_FAMILIES,
    SPECIALISATIONS,
    TIERS,
    Partner,
    validate_partner,
)

GOOD = {
    "id": "p9001",
    "name": "Zorvanta Systems SRL",
    "tier": "Gold",
    "kind": "reseller",
    "country": "RO",
    "city": "Cluj-Napoca",
    "specialisations": "endpoint security;backup & recovery",
    "languages": "ro;en;hu",
    "email": "office@zorvanta.example.com",
    "phone": "+40 264 555 0101",
    "website": "https://www.zorvanta.example.com",
}


def row(**changes: str) -> dict[str, str]:
    return {**GOOD, **changes}


def errors_of(**changes: str) -> dict[str, str]:
    partner, errors = validate_partner(row(**changes))
    assert partner is None
    return errors


def test_a_good_row_becomes_a_partner():
    partner, errors = validate_partner(GOOD)
    assert errors == {}
    assert partner == Partner(
        id="p9001",
        name="Zorvanta Systems SRL",
        tier="Gold",
        kind="reseller",
        country="RO",
        city="Cluj-Napoca",
        specialisations=("endpoint security", "backup & recovery"),
        languages=("ro", "en", "hu"),
        email="office@zorvanta.example.com",
        phone="+40 264 555 0101",
        website="https://www.zorvanta.example.com",
        origin="user",
    )


def test_origin_is_user_unless_the_caller_says_shipped():
    assert validate_partner(GOOD)[0].origin == "user"
    assert validate_partner(GOOD, origin="shipped")[0].origin == "shipped"


def test_choices_are_accepted_in_any_case_and_normalised():
    partner, errors = validate_partner(
        row(
            tier=" platinum ",
            kind="DISTRIBUTOR",
            country="ro",
            specialisations=" Email Security ; DATA LOSS  PREVENTION;email security",
            languages="RO; en",
        )
    )
    assert errors == {}
    assert (partner.tier, partner.kind, partner.country) == ("Platinum", "distributor", "RO")
    assert partner.specialisations == ("email security", "data loss prevention")
    assert partner.languages == ("ro", "en")


def test_optional_columns_may_be_blank():
    partner, errors = validate_partner(row(specialisations="", languages="", email="", phone="", website=""))
    assert errors == {}
    assert partner.specialisations == () and partner.email == "" and partner.website == ""


def test_missing_id_and_name_are_reported_separately():
    errors = errors_of(id="  ", name="")
    assert errors == {"id": "is required", "name": "is required"}


def test_a_missing_column_counts_as_blank():
    raw = dict(GOOD)
    del raw["city"]
    assert validate_partner(raw)[1] == {"city": "is required"}


def test_id_must_not_contain_spaces():
    assert "spaces" in errors_of(id="p 9001")["id"]


def test_bad_tier_lists_the_valid_ones():
    message = errors_of(tier="Diamond")["tier"]
    assert "'Diamond'" in message
    for tier in TIERS:
        assert tier in message


def test_bad_kind_lists_the_valid_ones():
    message = errors_of(kind="integrator")["kind"]
    assert "'integrator'" in message and all(kind in message for kind in KINDS)


@pytest.mark.parametrize("code", ["ZZ", "Romania", "R", "ROU", "UK"])
def test_bad_country_code(code):
    assert "ISO 3166" in errors_of(country=code)["country"]


def test_unknown_specialisation_lists_the_vocabulary():
    message = errors_of(specialisations="endpoint security;antivirus")["specialisations"]
    assert "'antivirus'" in message
    for family in SPECIALISATIONS:
        assert family in message


@pytest.mark.parametrize("email", ["office", "office@", "@example.com", "a b@example.com", "x@example", "a@@b.com"])
def test_bad_email(email):
    assert "e-mail" in errors_of(email=email)["email"]


@pytest.mark.parametrize("phone", ["call us", "+40 21", "40+21 555 0101", "+40 21 555 0101 0101 0101 01"])
def test_bad_phone(phone):
    assert "phone" in errors_of(phone=phone)["phone"]


@pytest.mark.parametrize("website", ["ftp://zorvanta.example.com", "https://", "not a site", "https://localhost"])
def test_bad_website(website):
    assert "web address" in errors_of(website=website)["website"]


def test_a_bare_host_gets_https():
    assert validate_partner(row(website="www.zorvanta.example.com"))[0].website == "https://www.zorvanta.example.com"


@pytest.mark.parametrize("languages", ["romanian", "r", "ro;e1"])
def test_bad_language_code(languages):
    assert "ISO 639-1" in errors_of(languages=languages)["languages"]


@pytest.mark.parametrize("column", ["id", "name", "city", "email", "specialisations"])
def test_control_characters_are_refused(column):
    assert errors_of(**{column: GOOD[column] + "\x1b[31m"})[column] == "contains control characters"


@pytest.mark.parametrize(("column", "limit"), [("id", 64), ("name", 200), ("city", 100), ("website", 200)])
def test_over_long_values_are_refused(column, limit):
    value = "x" * (limit + 1) if column != "website" else "https://" + "x" * limit + ".example.com"
    message = errors_of(**{column: value})[column]
    assert "too long" in message and str(limit) in message


def test_every_bad_column_gets_one_message_in_column_order():
    errors = errors_of(id="", tier="Bronze", country="XX", email="nope")
    assert list(errors) == ["id", "tier", "country", "email"]


def test_field_texts_round_trip():
    partner = validate_partner(GOOD)[0]
    again, errors = validate_partner({name: partner.field_text(name) for name in PARTNER_COLUMNS})
    assert errors == {} and again == partner


def test_product_families_cover_every_demo_product_with_a_known_specialisation():
    with (files("tui.data") / "demo_contracts.csv").open(encoding="utf-8", newline="") as handle:
        products = {contract["product"] for contract in csv.DictReader(handle)}
    assert set(PRODUCT_FAMILIES) == products
    assert set(PRODUCT_FAMILIES.values()) == set(SPECIALISATIONS)


def test_country_codes_are_the_iso_set():
    assert len(COUNTRY_CODES) == 250  # 249 ISO codes + XK
    assert {"RO", "MD", "DE", "GB", "XK"} <= COUNTRY_CODES and "UK" not in COUNTRY_CODES
    assert set(EUROPEAN_COUNTRIES) <= COUNTRY_CODES
    assert country_name("md") == "Moldova" and country_name("JP") == "JP"


@given(st.dictionaries(st.sampled_from(PARTNER_COLUMNS), st.text(max_size=60)))
def test_any_text_gives_a_partner_or_messages_never_an_exception(raw):
    partner, errors = validate_partner(raw)
    assert (partner is None) == bool(errors)
    assert set(errors) <= set(PARTNER_COLUMNS)
    assert all(isinstance(message, str) and message for message in errors.values())
