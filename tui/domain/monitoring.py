"""The monitoring-plugin verdict (Nagios, Icinga, …): one status, one line, performance data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from tui.domain.contract import Contract
from tui.domain.status import days_left
from tui.domain.text import printable
from tui.i18n import _, ngettext

MAX_NAMED = 5  # contract ids named in the status line before "…"


class CheckState(IntEnum):
    """The plugin convention's exit codes."""

    OK = 0
    WARNING = 1
    CRITICAL = 2
    UNKNOWN = 3


@dataclass(frozen=True)
class CheckResult:
    state: CheckState
    summary: str
    perfdata: str = ""

    def line(self) -> str:
        """The plugin's one line.  `|` starts the performance data and a line break ends the output, so
        neither may appear in the text (a contract id or a path may hold them): `|` is shown as `¦`, line
        breaks and other control characters escaped (`\\n`)."""
        summary = printable(self.summary.replace("|", "¦"))
        text = f"RENEWALS {self.state.name} - {summary}"
        return f"{text} | {self.perfdata}" if self.perfdata else text


def _named(contracts: Sequence[Contract]) -> str:
    ids = [c.id for c in sorted(contracts, key=lambda c: (c.end, c.id))]
    shown = ", ".join(ids[:MAX_NAMED])
    return shown + (", …" if len(ids) > MAX_NAMED else "")


def check_contracts(contracts: Sequence[Contract], today: date, *, warning_days: int,
                    critical_days: int) -> CheckResult:
    """Expired → CRITICAL; ending within `critical_days` → CRITICAL; within `warning_days` → WARNING."""
    expired = [c for c in contracts if days_left(c, today) < 0]
    critical = [c for c in contracts if 0 <= days_left(c, today) <= critical_days]
    warning = [c for c in contracts if critical_days < days_left(c, today) <= warning_days]
    # label=value;warn;crit;min: a threshold N alerts above N, so `0` alerts on any contract counted,
    # as the status does (Monitoring Plugins development guidelines, threshold and ranges).
    perfdata = (f"expired={len(expired)};;0;0 due_critical={len(critical)};;0;0 "
                f"due_warning={len(warning)};0;;0 contracts={len(contracts)};;;0")
    parts = []
    if expired:
        parts.append(_("{n} expired ({ids})").format(n=len(expired), ids=_named(expired)))
    if critical:
        parts.append(ngettext("{n} ending within {days} day ({ids})", "{n} ending within {days} days ({ids})",
                              critical_days).format(n=len(critical), days=critical_days, ids=_named(critical)))
    if warning:
        parts.append(ngettext("{n} ending within {days} day ({ids})", "{n} ending within {days} days ({ids})",
                              warning_days).format(n=len(warning), days=warning_days, ids=_named(warning)))
    if expired or critical:
        state = CheckState.CRITICAL
    elif warning:
        state = CheckState.WARNING
    else:
        state = CheckState.OK
        parts.append(ngettext("{n} contract", "{n} contracts", len(contracts)).format(n=len(contracts)) + ngettext(
            ", none ending within {days} day", ", none ending within {days} days", warning_days).format(
            days=warning_days))
    return CheckResult(state, "; ".join(parts), perfdata)
