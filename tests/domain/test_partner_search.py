"""PartnerIndex.search: keywords without diacritics or with a letter missing, filters, distance."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.geo import City
from tui.domain.partner import KINDS, SPECIALISATIONS, TIERS, Partner
from tui.domain.partner_search import SCORE_INSIDE, PartnerIndex, letter_bits

BUCURESTI = City("București", "RO", 44.4268, 26.1025)
PLOIESTI = City("Ploiești", "RO", 44.9365, 26.0129)
BRASOV = City("Brașov", "RO", 45.6427, 25.5887)
CLUJ = City("Cluj-Napoca", "RO", 46.7712, 23.6236)
TIMISOARA = City("Timișoara", "RO", 45.7489, 21.2087)
BERLIN = City("Berlin", "DE", 52.5200, 13.4050)
CITIES = [BUCURESTI, PLOIESTI, BRASOV, CLUJ, TIMISOARA, BERLIN]


def partner(pid: str, name: str, city: str = "București", *, tier: str = "Silver", kind: str = "reseller",
            country: str = "RO", specs: tuple[str, ...] = ("endpoint security",)) -> Partner:
    return Partner(pid, name, tier, kind, country, city, specs)


DIRECTORY = [
    partner("p1", "Zorvanta Systems SRL", tier="Platinum", specs=("endpoint security", "backup & recovery")),
    partner("p2", "Quelmira Secure SRL", tier="Gold", specs=("email security", "data loss prevention")),
    partner("p3", "Trevalon Networks SRL", "Cluj-Napoca", tier="Gold", specs=("web security", "encryption")),
    partner("p4", "Ardelix Soft SRL", "Cluj-Napoca", specs=("endpoint security", "backup & recovery")),
    partner("p5", "Begavox IT SRL", "Timișoara", tier="Registered"),
    partner("p6", "Brasvel Data SRL", "Brașov", kind="distributor", specs=SPECIALISATIONS),
    partner("p7", "Ploinet Cyber SRL", "Ploiești", tier="Gold", specs=("compliance",)),
    partner("p8", "Spreeworx GmbH", "Berlin", country="DE", tier="Platinum", kind="distributor"),
    partner("p9", "Nowhere Labs SRL", "Atlantis", tier="Platinum"),  # a city with no coordinates
]
INDEX = PartnerIndex(DIRECTORY, CITIES)


def ids(hits) -> list[str]:
    return [hit.partner.id for hit in hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("timisoara", ["p5"]),
        ("TIMIȘOARA", ["p5"]),
        ("Timişoara", ["p5"]),  # s-cedilla, as old keyboards type it
        ("brasov", ["p6"]),
        ("ploiesti", ["p7"]),
    ],
)
def test_city_names_match_without_case_or_diacritics(query, expected):
    assert ids(INDEX.search(query)) == expected


@pytest.mark.parametrize(("query", "expected"), [("timsoara", "p5"), ("zorvnta", "p1"), ("quelmra", "p2")])
def test_a_missing_letter_still_matches(query, expected):
    hits = INDEX.search(query)
    assert ids(hits) == [expected]
    assert hits[0].score < SCORE_INSIDE  # but ranks as a scattered match


def test_letters_far_apart_do_not_match():
    # z, o, m, s do appear in order in "zorvanta systems", but with most of the name missing.
    assert INDEX.search("zoms") == []


def test_two_missing_letters_in_a_row_still_match():
    assert ids(INDEX.search("bkup")) == ["p1", "p4", "p6"]  # b(ac)kup, by tier then name


def test_letters_out_of_order_do_not_match():
    assert INDEX.search("tmisoaar") == []


def test_short_words_are_not_matched_as_subsequences():
    assert INDEX.search("tm") == []  # t…m is in "timisoara", but two letters match almost anything


def test_a_subsequence_never_spans_two_fields():
    # "zorvbuc": z-o-r-v from the name, b-u-c from the city.
    assert INDEX.search("zorvbuc") == []


def test_every_word_must_match_some_field():
    assert ids(INDEX.search("endpoint cluj")) == ["p4"]
    assert ids(INDEX.search("cluj endpoint")) == ["p4"]
    assert INDEX.search("endpoint xyzzy") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ro", {"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p9"}), ("germany", {"p8"}), ("de", {"p8"})],
)
def test_country_code_and_name_match(query, expected):
    assert expected <= set(ids(INDEX.search(query)))


def test_country_code_matches_rank_above_names_that_merely_contain_it():
    hits = INDEX.search("de")  # DE, and "de" inside "Ardelix"
    assert ids(hits) == ["p8", "p4"]
    assert hits[0].score > hits[1].score


def test_specialisations_match():
    assert set(ids(INDEX.search("backup"))) == {"p1", "p4", "p6"}
    assert set(ids(INDEX.search("data loss"))) == {"p2", "p6"}


def test_exact_name_beats_a_scattered_match_even_from_a_better_tier():
    index = PartnerIndex(
        [
            partner("a", "Arcibus Systems", tier="Platinum"),  # a-r-c-(ib)-u-s
            partner("b", "Arcus", tier="Registered"),
        ]
    )
    hits = index.search("arcus")
    assert ids(hits) == ["b", "a"]
    assert hits[0].score > hits[1].score


def test_prefix_beats_inside_a_word():
    index = PartnerIndex([partner("a", "Valorix"), partner("b", "Lorix")])
    assert ids(index.search("lorix")) == ["b", "a"]


def test_platinum_before_gold_at_equal_score_then_name():
    index = PartnerIndex(
        [
            partner("g2", "Alpha Beta", tier="Gold"),
            partner("g1", "Alpha Acme", tier="Gold"),
            partner("p", "Alpha Zeta", tier="Platinum"),
        ]
    )
    hits = index.search("alpha")
    assert len({hit.score for hit in hits}) == 1
    assert ids(hits) == ["p", "g1", "g2"]


def test_a_whole_phrase_beats_the_same_words_apart():
    index = PartnerIndex([partner("a", "Secure Endpoint"), partner("b", "Endpoint Secure")])
    assert ids(index.search("endpoint secure")) == ["b", "a"]


def test_empty_query_lists_everyone_by_tier_then_name():
    hits = INDEX.search("")
    assert ids(hits) == ["p9", "p8", "p1", "p7", "p2", "p3", "p4", "p6", "p5"]
    assert all(hit.score == 0 and hit.distance_km is None for hit in hits)
    assert ids(INDEX.search("  &  ")) == ids(hits)


def test_filters():
    assert set(ids(INDEX.search(country="de"))) == {"p8"}
    assert set(ids(INDEX.search(tier="gold"))) == {"p2", "p3", "p7"}
    assert set(ids(INDEX.search(kind="DISTRIBUTOR"))) == {"p6", "p8"}
    assert set(ids(INDEX.search(specialisation="Compliance"))) == {"p6", "p7"}
    assert ids(INDEX.search("srl", tier="Gold", specialisation="web security")) == ["p3"]


@pytest.mark.parametrize("bad", [{"tier": "Diamond"}, {"kind": "integrator"}, {"specialisation": "antivirus"}])
def test_unknown_filter_values_are_a_programming_error(bad):
    with pytest.raises(ValueError):
        INDEX.search(**bad)


def test_near_sorts_nearest_first_within_the_radius_only():
    hits = INDEX.search(near=(BUCURESTI, 200))
    assert ids(hits) == ["p1", "p2", "p7", "p6"]  # Bucharest (Platinum, Gold), Ploiești ~57 km, Brașov ~140 km
    assert [round(hit.distance_km) for hit in hits][:2] == [0, 0]
    assert 50 < hits[2].distance_km < 65 and 130 < hits[3].distance_km < 150


def test_near_excludes_partners_whose_city_is_unknown():
    everyone = INDEX.search(near=(BUCURESTI, 100_000))
    assert "p9" not in ids(everyone) and len(everyone) == len(DIRECTORY) - 1


def test_near_combines_with_a_query():
    # Cluj-Napoca, then Brașov (~210 km), Timișoara (~245 km), București (~324 km).
    assert ids(INDEX.search("endpoint", near=(CLUJ, 500))) == ["p4", "p6", "p5", "p1"]


def test_city_of_may_be_a_mapping_or_a_function():
    unlocated = PartnerIndex(DIRECTORY)  # no cities: nobody can be located
    assert unlocated.search(near=(BUCURESTI, 50)) == []
    by_id = {"p3": CLUJ, "p5": TIMISOARA}
    assert ids(unlocated.search(near=(CLUJ, 300), city_of=by_id)) == ["p3", "p5"]
    gold_in_cluj = unlocated.search(near=(CLUJ, 300), city_of=lambda p: CLUJ if p.tier == "Gold" else None)
    assert ids(gold_in_cluj) == ["p7", "p2", "p3"]  # same place, same tier: by name


queries = st.text(alphabet="abcdeilmnorstuvzșțăâî -", max_size=12)


@given(
    queries,
    st.none() | st.sampled_from(TIERS),
    st.none() | st.sampled_from(KINDS),
    st.none() | st.sampled_from(SPECIALISATIONS),
)
def test_hits_always_satisfy_the_filters_and_are_unique(query, tier, kind, specialisation):
    hits = INDEX.search(query, tier=tier, kind=kind, specialisation=specialisation)
    assert len(set(ids(hits))) == len(hits)
    for hit in hits:
        assert tier is None or hit.partner.tier == tier
        assert kind is None or hit.partner.kind == kind
        assert specialisation is None or specialisation in hit.partner.specialisations


@given(st.sampled_from(DIRECTORY))
def test_a_partners_full_name_finds_it_first(wanted):
    assert INDEX.search(wanted.name)[0].partner == wanted


@given(st.text(min_size=1, max_size=30), st.data())
def test_the_letter_bits_never_rule_out_a_word_made_of_the_haystacks_letters(haystack: str, data) -> None:
    word = "".join(data.draw(st.lists(st.sampled_from(haystack), min_size=1, max_size=10)))
    assert letter_bits(word) & ~letter_bits(haystack) == 0


def test_the_letter_bits_rule_out_a_word_with_a_letter_the_haystack_lacks() -> None:
    assert letter_bits("timisoara") & ~letter_bits("\0brasov\0cluj-napoca\0") != 0


@given(
    queries,
    st.none() | st.sampled_from(TIERS),
    st.none() | st.sampled_from(["RO", "DE"]),
    st.sampled_from(CITIES),
    st.sampled_from([0, 60, 150, 250, 400, 2000]),
)
def test_a_first_search_near_a_city_finds_what_a_search_after_the_texts_exist_finds(
        query, tier, country, origin, radius):
    """A search near a city made before the search texts exist (the command line's only search) makes
    the texts of the partners within the radius only; the hits are the same."""
    first = PartnerIndex(DIRECTORY, CITIES).search(query, tier=tier, country=country, near=(origin, radius))
    prepared = PartnerIndex(DIRECTORY, CITIES)
    prepared.prepare()
    assert first == prepared.search(query, tier=tier, country=country, near=(origin, radius))


def test_a_first_search_near_a_city_makes_the_texts_of_the_partners_within_the_radius_only() -> None:
    index = PartnerIndex(DIRECTORY, CITIES)
    assert ids(index.search("srl", near=(BUCURESTI, 200))) == ["p1", "p2", "p7", "p6"]
    assert index._built is None  # the whole directory's texts are made by the next search that needs them
    assert len(index.search("srl")) == 8 and index._built is not None and len(index._built) == len(DIRECTORY)
