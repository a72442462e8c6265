"""At start-up, offer to resume the draft renewal touched last (the others are listed in the Renewal tab).

It lives apart from the Renewal tab so that asking does not build that tab before the Overview paints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.formatting import format_date
from tui.i18n import _, ngettext
from tui.store.renewals import RenewalRepository
from tui.ui.confirm import ConfirmScreen
from tui.ui.renewal.step_titles import short_step_titles

if TYPE_CHECKING:
    from tui.ui.app import RenewalsApp


def offer_resume(app: RenewalsApp) -> None:
    drafts = RenewalRepository(app.store, app.contracts).open()
    if not drafts:
        return
    latest = drafts[0]
    question = ngettext(
        "Renewal {id} is not finished (step {step} of 5: {title}; {n} contract; last saved {date}). Resume it now?",
        "Renewal {id} is not finished (step {step} of 5: {title}; {n} contracts; last saved {date}). Resume it now?",
        len(latest.contract_ids)).format(id=latest.id, step=latest.step,
                                           title=short_step_titles()[latest.step - 1],
                                           n=len(latest.contract_ids), date=format_date(latest.updated_on))
    if len(drafts) > 1:
        question += "\n" + ngettext("{n} other open renewal is listed in the Renewal tab (2).",
                                     "{n} other open renewals are listed in the Renewal tab (2).",
                                     len(drafts) - 1).format(n=len(drafts) - 1)

    async def answered(yes: bool | None) -> None:
        if yes:
            await app.action_show_tab("renewal")
            (await app.tab_content("renewal")).open_wizard(latest)  # type: ignore[attr-defined]

    app.push_screen(ConfirmScreen(question, yes=_("Resume")), answered)
