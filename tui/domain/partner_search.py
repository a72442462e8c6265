"""Search the partner directory by keyword, filters and distance, fast enough for every keystroke.

Matching is a small subsequence scorer in the spirit of `textual.fuzzy.Matcher`
(which `tui.domain` may not import): every query word must appear in one
field (name, city, country code or name, a specialisation), ignoring case and
diacritics.  A word that is a whole field, a field's start or a word's start
scores higher than one found inside a word, which scores higher than one whose
letters only appear in order with small gaps ("timsoara" still finds
Timișoara, "bkup" finds backup).  Gaps are capped at MAX_GAP letters so that a
short word does not match every long name that happens to hold its letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import repeat
from operator import or_
from typing import NamedTuple

from tui.domain.countries import EUROPEAN_COUNTRIES, country_name
from tui.domain.geo import City, CityLookup, haversine_km, name_key
from tui.domain.partner import KINDS, SPECIALISATIONS, TIERS, Partner

# Field separator in a haystack; name_key() never produces it.
_SEP = "\x00"
# Shorter words are only matched as substrings: a two-letter subsequence matches nearly anything.
MIN_SUBSEQUENCE = 3
# At most this many letters may be missing between two typed letters.
MAX_GAP = 2

SCORE_FIELD = 100.0  # the word is a whole field ("ro", "brasov")
SCORE_FIELD_START = 80.0
SCORE_WORD = 70.0  # a whole word of a field
SCORE_WORD_START = 60.0
SCORE_INSIDE = 40.0
SCORE_SUBSEQUENCE = 10.0  # plus up to 20 for letters close together; always below SCORE_INSIDE
PHRASE_BONUS = 50.0  # a multi-word query that is a whole field ("endpoint security")
PHRASE_START_BONUS = 25.0  # … or the start of one ("zorvanta sys")

CityOf = Callable[[Partner], City | None] | Mapping[str, City]


class PartnerHit(NamedTuple):
    """One search result.  A NamedTuple rather than a dataclass: thousands are built per keystroke."""

    partner: Partner
    score: float  # 0 for an empty query
    distance_km: float | None = None  # set when searching near a city


@dataclass(frozen=True, slots=True)
class _Entry:
    partner: Partner
    haystack: str  # "\0field\0field\0…\0", each field through name_key()
    letters: int  # letter_bits(haystack)
    city: City | None


class PartnerIndex:
    """The directory with its search texts precomputed once, then searched on every keystroke.

    Entries are kept in the no-query order (tier, then name), so a stable sort
    on score alone gives "best match, then tier, then name".  With `cities`,
    each partner's city is located once here (by name and country), so
    `search(near=...)` needs no `city_of`.
    """

    def __init__(self, partners: Iterable[Partner], cities: Iterable[City] | None = None) -> None:
        self._cities = tuple(cities) if cities is not None else None
        self._keys: dict[str, str] = {}  # cities, countries and specialisations repeat: fold each once
        ordered = sorted(partners, key=lambda p: (p.tier_rank, self._key(p.name), p.id))
        self.partners: tuple[Partner, ...] = tuple(ordered)
        self._everyone = [PartnerHit(partner, 0.0) for partner in ordered]
        self._built: list[_Entry] | None = None

    def __len__(self) -> int:
        return len(self.partners)

    def _key(self, text: str) -> str:
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = name_key(text)
        return key

    @property
    def _entries(self) -> list[_Entry]:
        """The search texts, built by the first search that needs them: listing everyone
        (`renewals partners` with no query) needs none, which halves its time at 5,000 partners."""
        if self._built is None:
            lookup = CityLookup(self._cities) if self._cities is not None else None
            self._built = [self._entry(partner, self._key, lookup) for partner in self.partners]
        return self._built

    def _entries_near(self, near: tuple[City, float]) -> list[_Entry]:
        """The entries of the partners within `near`'s radius only, for a search made before the
        search texts exist (a single one: the command line). Locating 5,000 partners is cheap; making
        their search texts is most of such a search, and half of them are far away."""
        assert self._cities is not None
        origin, radius = near
        lookup = CityLookup(self._cities)
        within: dict[City, bool] = {}  # a directory names the same few cities thousands of times

        def is_near(city: City) -> bool:
            if city not in within:
                within[city] = haversine_km(origin, city) <= radius
            return within[city]

        return [self._entry(partner, self._key, lookup) for partner in self.partners
                if (city := lookup(partner.city, partner.country)) is not None and is_near(city)]

    def prepare(self) -> None:
        """Build the search texts now, e.g. before the first keystroke rather than during it."""
        self._entries

    @staticmethod
    def _entry(partner: Partner, key: Callable[[str], str], lookup: CityLookup | None) -> _Entry:
        fields = [partner.name, partner.city, partner.country, *partner.specialisations]
        if partner.country in EUROPEAN_COUNTRIES:
            fields.append(EUROPEAN_COUNTRIES[partner.country])
            fields.append(country_name(partner.country))  # the translated name, when there is one
        haystack = _SEP + _SEP.join(key(text) for text in fields) + _SEP
        city = lookup(partner.city, partner.country) if lookup else None
        return _Entry(partner, haystack, letter_bits(haystack), city)

    def search(
        self,
        query: str = "",
        *,
        country: str | None = None,
        tier: str | None = None,
        kind: str | None = None,
        specialisation: str | None = None,
        near: tuple[City, float] | None = None,
        city_of: CityOf | None = None,
    ) -> list[PartnerHit]:
        """Partners matching every word of `query` and every filter given, best first.

        Filters compare case-insensitively; an unknown tier, kind or
        specialisation is a programming error (ValueError).  With `near=(city,
        radius_km)` only partners whose city is known and within the radius
        are returned, nearest first, then by tier; `city_of` locates a partner
        (a function, or a mapping from partner id to City), else the cities
        given to the index are used.  Without `near`: best match first, then
        tier (Platinum first), then name; an empty query lists everyone by
        tier, then name.
        """
        words = name_key(query).split()
        within = None  # the partners near the city, when only they need search texts
        if near is not None and city_of is None and self._built is None and self._cities is not None:
            within = self._entries_near(near)
        entries = self._filtered(
            country.upper() if country else None,
            _canonical(tier, TIERS, "tier"),
            _canonical(kind, KINDS, "kind"),
            _canonical(specialisation, SPECIALISATIONS, "specialisation"),
            within,
        )
        if entries is None and not words and near is None:
            return list(self._everyone)
        if entries is None:
            entries = self._entries if within is None else within
        if len(words) == 1:
            word = words[0]
            scored = [(score, e) for e in entries if (score := _word_score(word, e.haystack, e.letters)) is not None]
        elif words:
            scored = [(score, e) for e in entries if (score := _score(words, e)) is not None]
        else:
            scored = [(0.0, e) for e in entries]
        if near is not None:
            return _nearest(scored, near, _locator(city_of))
        scored.sort(key=lambda pair: -pair[0])  # stable: equal scores stay in tier, name order
        return [PartnerHit(e.partner, score) for score, e in scored]

    def _filtered(
        self, country: str | None, tier: str | None, kind: str | None, family: str | None,
        among: list[_Entry] | None = None,
    ) -> list[_Entry] | None:
        """The entries (of `among`, else all) passing every filter, or None when no filter is set."""
        if not (country or tier or kind or family):
            return None
        return [
            e
            for e in (self._entries if among is None else among)
            if (country is None or e.partner.country == country)
            and (tier is None or e.partner.tier == tier)
            and (kind is None or e.partner.kind == kind)
            and (family is None or family in e.partner.specialisations)
        ]


def _nearest(
    scored: list[tuple[float, _Entry]],
    near: tuple[City, float],
    locate: Callable[[Partner], City | None] | None,
) -> list[PartnerHit]:
    """The scored entries located within the radius, nearest first, then tier, match and name."""
    origin, radius = near
    found = []
    for position, (score, e) in enumerate(scored):
        city = locate(e.partner) if locate else e.city
        if city is None:
            continue
        distance = haversine_km(origin, city)
        if distance <= radius:
            found.append((distance, e.partner.tier_rank, -score, position, PartnerHit(e.partner, score, distance)))
    found.sort(key=lambda row: row[:4])
    return [row[4] for row in found]


def _score(words: list[str], entry: _Entry) -> float | None:
    """Sum of each word's best match, or None when some word matches no field."""
    haystack = entry.haystack
    total = 0.0
    for word in words:
        score = _word_score(word, haystack, entry.letters)
        if score is None:
            return None
        total += score
    if len(words) > 1:
        phrase = _SEP + " ".join(words)
        if phrase + _SEP in haystack:
            total += PHRASE_BONUS
        elif phrase in haystack:
            total += PHRASE_START_BONUS
    return total


# A bit for each letter up to U+024F (search texts are folded: hardly anything is above); others have none.
_LETTER_BIT = {chr(code): 1 << (code & 63) for code in range(0x250)}


def letter_bits(text: str) -> int:
    """A bit for each letter in `text` (by code point, modulo 64): a word whose bits are not all
    among a haystack's has a letter the haystack lacks (a letter without a bit rules nothing out).
    A set of letters per partner took 2 KB."""
    return reduce(or_, map(_LETTER_BIT.get, set(text), repeat(0)), 0)


_word_bits = lru_cache(maxsize=256)(letter_bits)


def _word_score(word: str, haystack: str, letters: int) -> float | None:
    if word in haystack:
        if _SEP + word + _SEP in haystack:
            return SCORE_FIELD
        if _SEP + word in haystack:
            return SCORE_FIELD_START
        if " " + word + " " in haystack or " " + word + _SEP in haystack:
            return SCORE_WORD
        if " " + word in haystack:
            return SCORE_WORD_START
        return SCORE_INSIDE
    if len(word) < MIN_SUBSEQUENCE or _word_bits(word) & ~letters:
        return None
    match = _subsequence(word).search(haystack)
    if match is None:
        return None
    # Letters close together ("timsoara" in "timisoara") beat letters spread over a long field.
    return SCORE_SUBSEQUENCE + 20.0 * len(word) / (match.end() - match.start())


@lru_cache(maxsize=256)
def _subsequence(word: str) -> re.Pattern[str]:
    """The word's letters in order, within one field of a haystack, at most MAX_GAP apart."""
    gap = f"[^{_SEP}]{{0,{MAX_GAP}}}?"
    return re.compile(gap.join(re.escape(letter) for letter in word))


def _canonical(value: str | None, choices: tuple[str, ...], what: str) -> str | None:
    if not value:
        return None
    for choice in choices:
        if value.casefold() == choice.casefold():
            return choice
    raise ValueError(f"unknown {what} {value!r}; expected one of {choices}")


def _locator(city_of: CityOf | None) -> Callable[[Partner], City | None] | None:
    if city_of is None or callable(city_of):
        return city_of
    mapping = city_of
    return lambda partner: mapping.get(partner.id)
