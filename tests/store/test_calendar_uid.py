"""Calendar event UIDs: ASCII, nothing to escape, one per contract, the old form kept where it was safe."""

from __future__ import annotations

import re
from datetime import date

from icalendar import Calendar

from tests.conftest import make_contract
from tui.store.transfer.calendar_export import contracts_calendar

TODAY = date(2026, 7, 1)
AWKWARD_IDS = ["Contract ș/2027", "A,B", "A;B", "A\\,B", "A%2CB", "A:B", "Cloud 👍", "A B", "x" * 200]


def raw_uids(ics: bytes) -> list[bytes]:
    unfolded = ics.replace(b"\r\n ", b"")
    return re.findall(rb"^UID:(.*)\r$", unfolded, flags=re.MULTILINE)


def test_uids_are_ascii_without_characters_that_need_escaping_and_distinct() -> None:
    contracts = [make_contract(contract_id) for contract_id in AWKWARD_IDS]
    ics = contracts_calendar(contracts, TODAY)
    uids = raw_uids(ics)
    assert len(uids) == len(AWKWARD_IDS) == len(set(uids))
    for uid in uids:
        assert uid.isascii() and re.fullmatch(rb"[A-Za-z0-9._~%@-]+", uid), uid
    parsed = [str(e["uid"]) for e in Calendar.from_ical(ics).walk("VEVENT")]
    assert [u.encode() for u in parsed] == uids  # a parser reads back exactly the bytes written


def test_a_uid_that_was_already_safe_keeps_its_old_form() -> None:
    """Calendars imported before keep updating these events instead of gaining copies."""
    ics = contracts_calendar([make_contract("SEP-2021-0417"), make_contract("BE_2022.0112~a")], TODAY)
    assert sorted(raw_uids(ics)) == [b"contract-BE_2022.0112~a@renewal-planner",
                                     b"contract-SEP-2021-0417@renewal-planner"]
