"""The renewal wizard: five steps, one screen, the draft saved every time the step changes.

The wizard keeps one immutable `Renewal` and replaces it as answers come in.
Every accepted dialog value and every field left is saved in the draft at once
(`keep`), and typing is saved when it pauses, so a dropped connection loses
nothing typed.  ctrl+n / ctrl+b (or page down / page up) move between steps: forward only
when the step's requirements are met (the missing ones are listed), back
always, keeping what was typed.  Esc closes and keeps the draft.  Step 5's
ctrl+n opens the summary of every change; nothing touches the contracts until
that summary is confirmed.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, Static

from tui.domain.contract import Contract
from tui.domain.contract_query import ContractIndex
from tui.domain.renewal import STEP_COUNT, Renewal, step_titles
from tui.domain.renewal_plan import completion_problems, planned_changes, step_problems, try_quote
from tui.i18n import N_, _
from tui.store.errors import ConflictError, NotFoundError, StoreError
from tui.store.renewals import RenewalRefused
from tui.ui.renewal.step_base import WizardStep
from tui.ui.renewal.step_confirm import StepConfirm
from tui.ui.renewal.step_contracts import StepContracts
from tui.ui.renewal.step_growth import StepGrowth
from tui.ui.renewal.step_partner import StepPartner
from tui.ui.renewal.step_proof import StepProof
from tui.ui.renewal.step_titles import short_step_titles
from tui.ui.renewal.summary import CompletionSummary, RenewalView
from tui.ui.session import Session
from tui.ui.widgets.footer import KeysFooter
from tui.ui.widgets.layout import BlankColumn, BlankSwitcher
from tui.ui.widgets.screens import Dialog, focus_now, in_one_layout


def wizard_steps() -> list[tuple[type[WizardStep], str, str]]:
    """The steps in order, each with the title and explanation the help shows (tui/ui/dialogs/help_screen.py)."""
    return [
        (StepContracts, _("1 Which contracts"),
         _("Pick the contracts to renew and, if you like, one common end date for all of "
           "them (co-terming). The quote shows years + days to that date and any "
           "reinstatement fee for lapsed contracts.")),
        (StepProof, _("2 Proof of purchase"),
         _("Licence certificate and order numbers for each contract: the reseller and "
           "the vendor ask for them.")),
        (StepGrowth, _("3 Growth"),
         _("Forecast how many licences you will need at the new end date from the usage history, "
           "and buy more (or fewer).")),
        (StepPartner, _("4 Partner and quote"),
         _("Choose a reseller (the partner locator finds one near you) and produce a "
           "quote request as a text file to carry across the air gap.")),
        (StepConfirm, _("5 Order confirmation"),
         _("Enter the new certificate and order numbers: the contracts get their new "
           "end date, licences and certificate, and the history keeps the old terms.")),
    ]

SAVE_AFTER_TYPING_SECONDS = 1.0  # typing is saved once it pauses this long


class RenewalWizard(Dialog[str | None]):
    """Dismisses with the renewal's id when it was saved (or completed), else None."""

    BLANK = True  # opaque and full-screen: painted as blank lines (see tui/ui/widgets/layout.py)
    BINDINGS = [
        Binding("ctrl+n,pagedown", "next", N_("Next"), key_display="^n", priority=True,
                tooltip=N_("Next step (saves the draft; says what is missing)")),
        Binding("ctrl+n,pagedown", "complete", N_("Complete…"), key_display="^n", priority=True,
                tooltip=N_("At step 5: the summary of every change, applied only with y")),
        Binding("ctrl+b,pageup", "back", N_("Back"), key_display="^b", priority=True,
                tooltip=N_("Previous step (nothing typed is lost)")),
        Binding("escape", "close", N_("Close"), tooltip=N_("Leave the text field; again: close, keeping the draft")),
    ]

    def __init__(self, renewal: Renewal, session: Session) -> None:
        super().__init__(classes="renewal-wizard")
        self.renewal = renewal
        self.session = session
        self.repository = session.renewals
        self.step = min(max(renewal.step, 1), STEP_COUNT)
        self.completed = False
        self.superseded = False  # the last save failed: the stored renewal moved on elsewhere, or is gone
        self.last_saved: Renewal | None = renewal if renewal.id else None
        self.opened_as = renewal  # a new renewal is not stored until something is answered
        self.typing_timer: Timer | None = None

    # -- state -------------------------------------------------------------
    def on_mount(self) -> None:
        self.reload_contracts()
        self.show_step()
        if self.session.changes is not None:  # after the tabs': the data file changed (the App's signal)
            self.session.changes.subscribe(self, self.data_changed, immediate=True)

    def data_changed(self, _keep_id: str | None) -> None:
        if self in self.app.screen_stack:  # not once dismissed (it stays attached a moment longer)
            self.stored_changed()

    def reload_contracts(self) -> None:
        """Read the contracts again; ones deleted (or renamed) since the draft was saved leave it."""
        self.everyone: dict[str, Contract] = {c.id: c for c in self.session.contracts.all()}
        self.index = ContractIndex(list(self.everyone.values()), self.session.partner_names())
        gone = [i for i in self.renewal.contract_ids if i not in self.everyone]
        if gone:
            self.update(contract_ids=tuple(i for i in self.renewal.contract_ids if i in self.everyone))
            self.app.notify(_("No longer in the data, so left out of the renewal: {ids}").format(
                ids=", ".join(gone)), severity="warning", timeout=10)

    def selected(self) -> list[Contract]:
        return [self.everyone[i] for i in self.renewal.contract_ids if i in self.everyone]

    def update(self, **changes) -> None:
        """Replace answers of the renewal (not saved until the step changes)."""
        self.renewal = replace(self.renewal, **changes)

    def busy(self) -> dict[str, str]:
        return self.repository.busy_contracts(self.renewal.id)

    def quote(self):
        return try_quote(self.renewal, self.selected(), self.session.today)

    # -- layout ------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with BlankColumn(id="wizard"):
            yield Static("", id="wizard-progress")
            yield Static("", id="wizard-title", markup=False)
            with BlankSwitcher(id="wizard-steps"):
                for number, (step, _title, _help) in enumerate(wizard_steps(), 1):
                    yield step(id=f"step-{number}")
            yield Static("", id="wizard-message", markup=False)
        yield KeysFooter()

    def current(self) -> WizardStep:
        return self.query_one(f"#step-{self.step}", WizardStep)

    def show_step(self) -> None:
        self.query_one(ContentSwitcher).current = f"step-{self.step}"
        self.update_header()
        self.say([])
        step = self.current()
        step.load()
        focus = step.first_focus()
        if focus is not None:
            focus_now(self, focus)
        self.refresh_bindings()

    def update_header(self) -> None:
        renewal = self.renewal
        text = Text()
        text.append(renewal.id or _("New renewal"), style="bold")
        text.append(f" · {renewal.status.label} │ ")
        for number, title in enumerate(short_step_titles(), 1):
            style = "bold reverse" if number == self.step else ("" if number < self.step else "dim")
            text.append(f" {number} {title} ", style=style)
            if number < STEP_COUNT:
                text.append("›", style="dim")
        self.query_one("#wizard-progress", Static).update(text)
        self.query_one("#wizard-title", Static).update(
            _("Step {n} of {count}: {title}").format(n=self.step, count=STEP_COUNT,
                                                    title=step_titles()[self.step - 1]))

    def say(self, problems: list[str], heading: str = "") -> None:
        message = self.query_one("#wizard-message", Static)
        message.display = bool(problems)
        if problems:
            shown = problems[:3] + ([_("… and {n} more").format(n=len(problems) - 3)] if len(problems) > 3 else [])
            message.update((heading + "\n" if heading else "") + "\n".join("• " + p for p in shown))

    # -- moving ------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.step < STEP_COUNT
        if action == "complete":
            return self.step == STEP_COUNT
        if action == "back":
            return True if self.step > 1 else None
        return True

    async def action_next(self) -> None:
        problems = self.current().collect() or self.current().before_next()
        if not problems:
            problems = step_problems(self.step, self.renewal, self.selected(), self.session.today, self.busy())
        if problems:
            self.say(problems, _("Before step {n}:").format(n=self.step + 1))
            return
        self.step += 1
        if self.save():
            await self.show_step_at_once()
        else:
            self.step -= 1

    async def action_back(self) -> None:
        if self.step == 1:
            return
        self.current().collect()  # keep what was typed, even if not valid yet
        problems = self.current().before_back()
        if problems:
            self.app.notify(problems[0], title=_("Not written"), severity="error", timeout=10)
        self.step -= 1
        self.save()
        await self.show_step_at_once()

    async def show_step_at_once(self) -> None:
        await in_one_layout(self.app, self.show_step)

    def action_close(self) -> None:
        """Esc leaves a text field first (like the Overview's filter); from elsewhere it closes, keeping the draft."""
        focus = self.current().first_focus()
        if isinstance(self.focused, Input) and focus is not None:
            focus.focus()
            return
        self.current().collect()
        if self.renewal.id or self.renewal.contract_ids:
            if not self.save():
                if not self.superseded:
                    return  # e.g. the disk is full: stay, so the answers are not lost
                # Another session changed the stored renewal: these answers cannot be saved over it,
                # and staying would refuse every Esc.  Reopening shows the stored renewal.
                self.app.notify(_("Closed without saving this window's answers; reopen {id} from the Renewal tab "
                                  "(2) to see it as stored.").format(id=self.renewal.id), severity="warning")
                self.dismiss(None)
                return
            self.app.notify(_("Draft {id} kept; resume it from the Renewal tab (2).").format(id=self.renewal.id))
        self.dismiss(self.renewal.id or None)

    def keep(self) -> None:
        """Save the draft now with what the step shows, when it changed since the last save (called for
        every accepted dialog value, every field left, and when typing pauses)."""
        if self.typing_timer is not None:
            self.typing_timer.stop()
            self.typing_timer = None
        if self.completed or self.superseded or not self.is_attached:
            return
        self.current().collect()
        if not (self.renewal.id or self.renewal.contract_ids) or self.renewal in (self.last_saved, self.opened_as):
            return
        self.save()

    def typed(self) -> None:
        """Something was typed: saved once typing pauses (a keystroke is not worth a write of the file)."""
        if self.typing_timer is not None:
            self.typing_timer.stop()
        self.typing_timer = self.set_timer(SAVE_AFTER_TYPING_SECONDS, self.keep)

    def stored_changed(self) -> None:
        """The data file changed: when another session changed this renewal, show that at once — reload
        its answers as saved there, or close read-only when it was completed, cancelled or removed there."""
        if self.completed or not self.renewal.id or not self.is_attached:
            return
        stored = self.repository.get(self.renewal.id)
        if stored is not None and stored.revision == self.renewal.revision:
            return
        self.superseded = True  # nothing of this window's may be saved over it meanwhile
        if self.typing_timer is not None:
            self.typing_timer.stop()
            self.typing_timer = None
        while self.app.screen is not self:  # a dialog over the wizard was for the old answers
            self.app.pop_screen()
        if stored is None or not stored.status.is_open:
            self.app.notify(_("Renewal {id} was {what} in another session; closed, nothing here was saved over "
                              "it.").format(id=self.renewal.id,
                                            what=stored.status.label if stored else _("removed")),
                            severity="warning", timeout=10)
            self.dismiss(None)
            if stored is not None:
                self.app.push_screen(RenewalView(stored, self.session.partner_names()))
            return
        self.renewal = self.last_saved = stored
        self.superseded = False
        self.reload_contracts()
        self.show_step()
        self.say([_("Renewal {id} was changed in another session: this window now shows it as saved there "
                    "(step {n} there).").format(id=stored.id, n=stored.step)])

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, Input):
            self.keep()

    def save(self, what: str = "saved", detail: str | None = None) -> bool:
        """Store the draft as it stands (with the quote, if it can be priced); say why when it cannot."""
        renewal = replace(self.renewal, step=self.step, quote=self.quote())
        self.superseded = False
        try:
            self.renewal = self.repository.save(renewal, self.session.today, what=what,
                                                detail=_("step {n}").format(n=self.step) if detail is None else detail)
            self.last_saved = self.renewal
        except (StoreError, ValueError) as error:
            self.superseded = isinstance(error, (ConflictError, NotFoundError))
            self.app.notify(str(error), title=_("Draft not saved"), severity="error", timeout=10)
            return False
        self.update_header()
        return True

    # -- completing --------------------------------------------------------
    def action_complete(self) -> None:
        problems = self.current().collect()
        if not problems:
            problems = completion_problems(self.renewal, self.selected(), self.session.today, self.busy())
        if not problems and self.query_one(StepPartner).out_of_date():
            problems = [_("the quote request {path} no longer says what the renewal does: go back to step 4 "
                          "(ctrl+b), which rewrites it").format(path=self.renewal.request_path)]
        if problems:
            self.say(problems, _("Before completing:"))
            return
        if not self.save():
            return
        pairs = planned_changes(self.renewal, self.selected())
        self.app.push_screen(CompletionSummary(self.renewal, pairs, self.quote(), self.session.partner_names()),
                             self.apply)

    def apply(self, confirmed: Renewal | None) -> None:
        """`confirmed`: the renewal as the summary confirmed it (with the choice of setting the partner)."""
        if confirmed is None:
            self.say([_("Nothing was applied.")])
            return
        self.update(set_partner=confirmed.set_partner)
        try:
            done = self.repository.complete(self.renewal, self.selected(), self.session.today)
        except RenewalRefused as refused:
            self.say(refused.problems, _("Not applied:"))
            return
        except ConflictError as error:
            self.reload_contracts()
            self.say([str(error), _("The contracts were reloaded; check the steps and complete again.")],
                     _("Not applied:"))
            return
        except StoreError as error:
            self.say([str(error)], _("Not applied:"))
            return
        self.renewal = done
        self.completed = True
        self.dismiss(done.id)
