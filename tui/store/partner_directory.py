"""The shipped partner directory, and how a version of it is merged into the stored partners.

Every stored partner document carries an `origin`:

* "shipped" — exactly as the directory shipped it; a newer directory replaces
  it, or removes it when it is gone (unless a contract still names it: then it
  is kept as the user's own, so the contract keeps its partner's name);
* "edited" — a directory partner the user changed; updates leave it alone;
* "user" — added by the user (form or import); updates leave it alone.

The `partner_directory` table remembers which version of the directory the
stored rows came from (a fingerprint of the file) and which directory partners
the user deleted, so that an update does not bring them back.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from tui.domain.partner import PARTNER_COLUMNS, Partner, validate_partner

TABLE = "partners"
STATE_TABLE = "partner_directory"
ORIGINS = ("shipped", "edited", "user")


@dataclass(frozen=True)
class ShippedDirectory:
    fingerprint: str  # changes whenever the shipped file changes
    partners: tuple[Partner, ...]


def fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def parse_directory(raw: bytes, name: str = "partners.csv") -> ShippedDirectory:
    """The directory in `raw` CSV bytes; a row that breaks the partner rules is a packaging bug."""
    partners = []
    for line, row in enumerate(csv.DictReader(raw.decode("utf-8-sig").splitlines()), start=2):
        partner, errors = validate_partner(row, origin="shipped")
        if partner is None:
            raise ValueError(f"{name}:{line}: {errors}")
        partners.append(partner)
    return ShippedDirectory(fingerprint(raw), tuple(partners))


def _shipped_bytes() -> bytes:
    return (files("tui.data") / "partners.csv").read_bytes()


@lru_cache(maxsize=1)
def shipped_fingerprint() -> str:
    """The shipped directory's version, without validating it (enough to see it is already stored)."""
    return fingerprint(_shipped_bytes())


@lru_cache(maxsize=1)
def shipped_directory() -> ShippedDirectory:
    """`tui/data/partners.csv`, read and validated once per process (only when it must be stored)."""
    return parse_directory(_shipped_bytes())


@dataclass(frozen=True)
class DirectoryState:
    fingerprint: str | None = None  # None: the directory was never stored
    removed: frozenset[str] = field(default_factory=frozenset)  # directory ids the user deleted

    @classmethod
    def from_table(cls, table: dict[str, dict] | None) -> DirectoryState:
        raw = next(iter((table or {}).values()), None)
        if not raw:
            return cls()
        return cls(raw.get("fingerprint"), frozenset(raw.get("removed", ())))

    def to_record(self) -> dict[str, Any]:
        return {"fingerprint": self.fingerprint, "removed": sorted(self.removed)}


def partner_to_record(partner: Partner, origin: str, revision: int) -> dict[str, Any]:
    record: dict[str, Any] = {column: getattr(partner, column) for column in PARTNER_COLUMNS}
    record["specialisations"] = list(partner.specialisations)
    record["languages"] = list(partner.languages)
    record["origin"] = origin
    record["revision"] = revision
    return record


_KNOWN_KEYS = frozenset((*PARTNER_COLUMNS, "specialisations", "languages", "origin", "revision"))


def unknown_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of a stored partner this version does not know (a newer version's): kept on every write."""
    return {key: value for key, value in record.items() if key not in _KNOWN_KEYS}


def partner_from_record(raw: dict[str, Any], shared: dict | None = None, _new=object.__new__) -> Partner:
    """The Partner of a stored record (validated when it was stored).  Pass the same `shared` dict
    when reading many: the texts and lists many partners repeat are then one object each.

    The fields are filled in directly: a frozen dataclass's __init__ sets each
    field through object.__setattr__, which made reading 5,000 partners take
    20 ms of the 60 ms `renewals partners` adds to reading the file; this is 4x
    faster.  A round-trip test checks that every field is set.
    """
    same = (shared if shared is not None else {}).setdefault
    specialisations = tuple(raw.get("specialisations", ()))
    languages = tuple(raw.get("languages", ()))
    partner = _new(Partner)
    partner.__dict__.update(
        id=raw["id"],
        name=raw["name"],
        tier=same(raw["tier"], raw["tier"]),
        kind=same(raw["kind"], raw["kind"]),
        country=same(raw["country"], raw["country"]),
        city=same(raw["city"], raw["city"]),
        specialisations=same(specialisations, specialisations),
        languages=same(languages, languages),
        email=raw.get("email", ""),
        phone=raw.get("phone", ""),
        website=raw.get("website", ""),
        origin="shipped" if raw.get("origin") == "shipped" else "user",
    )
    return partner


def same_partner(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two records describe the same partner (origin and revision aside)."""
    return all(a.get(column) == b.get(column) for column in PARTNER_COLUMNS)


def merge_directory(
    records: dict[str, dict[str, Any]],
    state: DirectoryState,
    directory: ShippedDirectory,
    used_ids: Callable[[], Iterable[str]],
) -> tuple[dict[str, dict[str, Any]], DirectoryState]:
    """The stored partners (id → record) once `directory` is applied; the inputs are not changed.

    `used_ids` (the partner ids named by contracts) is only called when a
    shipped partner left the directory.
    """
    shipped = {partner.id: partner for partner in directory.partners}
    merged: dict[str, dict[str, Any]] = {}
    gone: list[str] = []
    for partner_id, record in records.items():
        if record.get("origin") != "shipped":
            merged[partner_id] = record
        elif partner_id in shipped:
            fresh = partner_to_record(shipped[partner_id], "shipped", record.get("revision", 1))
            if not same_partner(fresh, record):
                fresh["revision"] += 1
            merged[partner_id] = unknown_fields(record) | fresh
        else:
            gone.append(partner_id)
    if gone:
        used = set(used_ids())
        for partner_id in gone:
            if partner_id in used:
                record = records[partner_id]
                merged[partner_id] = {**record, "origin": "user", "revision": record.get("revision", 1) + 1}
    for partner in directory.partners:
        if partner.id not in merged and partner.id not in state.removed:
            merged[partner.id] = partner_to_record(partner, "shipped", 1)
    return merged, DirectoryState(directory.fingerprint, state.removed)
