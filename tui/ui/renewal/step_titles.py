"""The wizard's steps in a word each: its step bar, the Renewal tab's list and the resume question."""

from __future__ import annotations

from tui.i18n import _


def short_step_titles() -> tuple[str, ...]:
    return (_("Contracts"), _("Proof"), _("Growth"), _("Partner"), _("Order"))
