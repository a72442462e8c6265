"""The Overview's first screen, kept in a small file beside the data file so the app can paint it
before it has read a large data file.

Reading 10,000 contracts (parse, check, build the objects, sort) takes longer
than Textual takes to set up its screen, and the first screen shows a few
dozen of them.  So the app, when it closes, writes `<data file>.glance`: the
first contracts in the Overview's default order (soonest end first), their
partners' names, every contract's end date and the annual totals (for the
summary line on any day), and the settings — marked with the data file's
signature (`locking.file_signature`).  The next start paints from the glance
when that signature still matches, and reads the data file right after.

Any write to the data file, by any process, changes its signature, so a
glance of another state is never shown.  A missing, stale or damaged glance
only means a slower start; deleting it is always safe.

This module is imported before the first paint, so it imports neither the
data file's storage nor the repositories; writing the glance of an open store
is `tui.store.first_screen`.
"""

from __future__ import annotations

import heapq
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tui.domain.contract import Contract
from tui.domain.money import totals_by_currency
from tui.domain.settings import Settings
from tui.store.file.atomic import atomic_write
from tui.store.file.locking import file_signature
from tui.store.records import SharedValues, contract_from_record, contract_to_record
from tui.store.settings import settings_from_record, to_record

GLANCE_VERSION = 1
GLANCE_ROWS = 200  # more rows than a terminal shows
PART_SUFFIX = ".part"  # of a glance being written


@dataclass(frozen=True)
class Glance:
    settings: Settings
    first: list[Contract]  # the first contracts in the Overview's default order
    partner_names: dict[str, str]  # of the partners of `first`
    ends: list[int]  # every contract's end date as `date.toordinal()`, sorted
    annual_totals: dict[str, Decimal]

    @property
    def count(self) -> int:
        return len(self.ends)


def glance_path(path: Path) -> Path:
    return path.with_name(path.name + ".glance")


def first_in_default_order(contracts: list[Contract]) -> list[Contract]:
    """The Overview's first rows before any key is pressed: soonest end first (as `ContractIndex`)."""
    return heapq.nsmallest(GLANCE_ROWS, contracts, key=lambda c: (c.end, c.id))


def make_glance(contracts: list[Contract], partner_names: dict[str, str], settings: Settings) -> Glance:
    first = first_in_default_order(contracts)
    return Glance(
        settings=settings,
        first=first,
        partner_names={c.partner: partner_names[c.partner] for c in first if c.partner in partner_names},
        ends=sorted(c.end.toordinal() for c in contracts),
        annual_totals=totals_by_currency((c.currency, c.annual_cost) for c in contracts),
    )


def _stored(path: Path, signature: tuple | None) -> dict | None:
    """The glance file's contents if it is a glance of the data file's state `signature`, else None."""
    if signature is None:
        return None
    try:
        raw = json.loads(glance_path(path).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("version") != GLANCE_VERSION or raw.get("of") != list(signature):
        return None
    return raw


def read_glance(path: Path) -> Glance | None:
    """The glance of the data file at `path` as it is now on disk, or None (none, stale or unreadable)."""
    raw = _stored(path, file_signature(path))
    if raw is None:
        return None
    try:
        shared = SharedValues()
        return Glance(
            settings=settings_from_record(raw["settings"]),
            first=[contract_from_record(record, shared) for record in raw["first"]],
            partner_names={str(k): str(v) for k, v in raw["partners"].items()},
            ends=[int(day) for day in raw["ends"]],
            annual_totals={str(k): Decimal(v) for k, v in raw["totals"].items()},
        )
    except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError):
        return None  # a glance edited by hand: start the slow way


def write_glance(path: Path, signature: tuple, glance: Glance) -> None:
    """Replace the glance of the data file at `path` (its state `signature`).  Raises OSError."""
    payload = json.dumps({
        "version": GLANCE_VERSION,
        "of": list(signature),
        "settings": to_record(glance.settings),
        "first": [contract_to_record(c) for c in glance.first],
        "partners": glance.partner_names,
        "ends": glance.ends,
        "totals": {currency: str(total) for currency, total in glance.annual_totals.items()},
    }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    target = glance_path(path)
    for leftover in target.parent.glob(f".{target.name}.*{PART_SUFFIX}"):  # a writer killed mid-write left it
        leftover.unlink(missing_ok=True)  # (another one writing now loses its write: harmless)
    # Not the data file's temporary suffix: its writers sweep those up as a killed writer's. Not durable:
    # a glance lost in a power cut only means a slower start. As readable as the data file, no more.
    atomic_write(target, payload, suffix=PART_SUFFIX, mode=path.stat().st_mode & 0o666, durable=False)


def glance_is_current(path: Path, signature: tuple | None) -> bool:
    """Is the glance on disk the one of the data file's state `signature`?"""
    return _stored(path, signature) is not None
