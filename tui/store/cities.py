"""The shipped city table (`tui/data/cities.csv`): where "near" can be measured from."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files

from tui.domain.geo import City, find_city

# "Near" without a radius means within this many km (the locators' usual first choice).
DEFAULT_RADIUS_KM = 50.0


def parse_cities(text: str) -> tuple[City, ...]:
    """Cities from `city,country,latitude,longitude` CSV text, in file order."""
    rows = csv.DictReader(text.splitlines())
    return tuple(
        City(row["city"].strip(), row["country"].strip().upper(), float(row["latitude"]), float(row["longitude"]))
        for row in rows
    )


@lru_cache(maxsize=1)
def shipped_cities() -> tuple[City, ...]:
    """Every partner city, every Romanian county seat and every European capital (read once)."""
    return parse_cities((files("tui.data") / "cities.csv").read_text(encoding="utf-8"))


def city_named(text: str) -> City | None:
    """The shipped city called `text`, ignoring case, diacritics and hyphens; None when unknown."""
    return find_city(shipped_cities(), text)
