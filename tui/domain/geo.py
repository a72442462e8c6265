"""Cities and great-circle distances for "partners within 50 km of Brașov"."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tui.domain.text import fold

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2
    latitude: float  # degrees north
    longitude: float  # degrees east


def haversine_km(a: City, b: City) -> float:
    """Great-circle distance between two cities on a sphere of radius 6371 km."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


# Letters that Unicode does not decompose into base letter + accent, so fold() keeps them.
_UNSPLIT_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)


_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """How names are compared: folded, letters and digits only, words separated by one space.

    So "cluj napoca", "Cluj-Napoca" and "CLUJ-NAPOCA" are the same city, and
    "lodz" finds "Łódź".
    """
    folded = fold(name)
    if folded.isascii():  # the common case, 3x faster: for ASCII, isalnum() is exactly [a-z0-9] once lowered
        return _NOT_ASCII_ALNUM.sub(" ", folded).strip()
    folded = folded.translate(_UNSPLIT_LETTERS)
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def find_city(cities: Iterable[City], text: str, *, country: str | None = None) -> City | None:
    """The city called `text` (any case, with or without diacritics), or None when unknown.

    With `country`, only cities of that country are considered.  When two
    countries have a city of that name the first one listed wins.
    """
    key = name_key(text)
    if not key:
        return None
    wanted = country.upper() if country else None
    for city in cities:
        if (wanted is None or city.country == wanted) and name_key(city.name) == key:
            return city
    return None


class CityLookup:
    """`find_city` precomputed for many look-ups, e.g. one per partner of a directory."""

    def __init__(self, cities: Iterable[City]) -> None:
        self._by_place: dict[tuple[str, str], City] = {}
        self._by_name: dict[str, City] = {}
        self._keys: dict[str, str] = {}
        for city in cities:
            key = name_key(city.name)
            self._by_place.setdefault((key, city.country), city)
            self._by_name.setdefault(key, city)

    def __call__(self, name: str, country: str | None = None) -> City | None:
        key = self._keys.get(name)
        if key is None:  # a directory names the same few cities thousands of times
            key = self._keys[name] = name_key(name)
        if country:
            return self._by_place.get((key, country.upper()))
        return self._by_name.get(key)
