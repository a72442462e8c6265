"""Contract end dates as an RFC 5545 calendar (via the `icalendar` library)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import quote

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneStandard

from tui.domain.contract import Contract
from tui.i18n import _, ngettext

PRODID = "-//renewal-planner//renewals//EN"
DEFAULT_ALARM_DAYS = (90, 60, 30)


def event_uid(contract: Contract) -> str:
    """Stable per contract: re-importing the file updates the event instead of adding a copy.

    The id is percent-encoded (UTF-8) but for letters, digits and `-._~`: calendar programs drop or
    replace a non-ASCII UID and disagree on unescaping `\\,` `\\;`.  An id made only of those
    characters (every demo id) keeps the UID it always had; `%` itself is encoded, so no two ids meet.
    """
    return f"contract-{quote(contract.id, safe='-._~')}@renewal-planner"


def contracts_calendar(contracts: Iterable[Contract], today: date,
                       alarm_days: Sequence[int] = DEFAULT_ALARM_DAYS) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Maintenance contract renewals"))
    stamp = datetime.combine(today, time(0, 0), tzinfo=timezone.utc)
    for contract in sorted(contracts, key=lambda c: (c.end, c.id)):
        event = Event()
        event.add("uid", event_uid(contract))
        event.add("dtstamp", stamp)
        event.add("sequence", contract.revision)  # bumped on every change, so calendars take the update
        event.add("dtstart", contract.end)
        event.add("dtend", contract.end + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("summary", _("Maintenance ends: {product} ({id})").format(product=contract.product, id=contract.id))
        event.add("description", ngettext(
            "{n} licence of {product}, contract {id}, certificate {certificate}. "
            "Renew before this date to keep updates and technical support.",
            "{n} licences of {product}, contract {id}, certificate {certificate}. "
            "Renew before this date to keep updates and technical support.", contract.quantity).format(
            n=contract.quantity, product=contract.product, id=contract.id, certificate=contract.certificate or "—"))
        for days in alarm_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", ngettext("{id} ends in {days} day", "{id} ends in {days} days", days).format(
                id=contract.id, days=days))
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    if not calendar.subcomponents:
        calendar.add_component(_utc_timezone())
    return calendar.to_ical()


def _utc_timezone() -> Timezone:
    """What a calendar with no contracts holds: RFC 5545 wants at least one component in a VCALENDAR,
    and strict readers refuse one without.  A time zone that no event uses shows nothing anywhere, so a
    subscribed calendar published from an emptied file still loads, and drops the old events."""
    zone = Timezone()
    zone.add("tzid", "UTC")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(0))
    standard.add("tzoffsetto", timedelta(0))
    standard.add("tzname", "UTC")
    zone.add_component(standard)
    return zone
