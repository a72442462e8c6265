"""F1 / ?: every key by tab, and the five renewal steps explained."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from tui.i18n import _
from tui.ui.tabs import TABS
from tui.ui.renewal.step_confirm import StepConfirm
from tui.ui.renewal.step_contracts import StepContracts
from tui.ui.renewal.step_growth import StepGrowth
from tui.ui.renewal.step_partner import StepPartner
from tui.ui.renewal.step_proof import StepProof
from tui.ui.renewal.wizard import RenewalWizard
from tui.ui.widgets.screens import Dialog

WIZARD_STEPS = (StepContracts, StepProof, StepGrowth, StepPartner, StepConfirm)  # in the order of renewal_steps()


def renewal_steps() -> list[tuple[str, str]]:
    return [
        (_("1 Which contracts"), _("Pick the contracts to renew and, if you like, one common end date for all of "
                                   "them (co-terming). The quote shows years + days to that date and any "
                                   "reinstatement fee for lapsed contracts.")),
        (_("2 Proof of purchase"), _("Licence certificate and order numbers for each contract: the reseller and "
                                     "the vendor ask for them.")),
        (_("3 Growth"), _("Forecast how many licences you will need at the new end date from the usage history, "
                          "and buy more (or fewer).")),
        (_("4 Partner and quote"), _("Choose a reseller (the partner locator finds one near you) and produce a "
                                     "quote request as a text file to carry across the air gap.")),
        (_("5 Order confirmation"), _("Enter the new certificate and order numbers: the contracts get their new "
                                      "end date, licences and certificate, and the history keeps the old terms.")),
    ]


def key_label(app: App, key: str) -> str:
    """What to press, as Textual's own Footer shows it: "minus" → "-", "plus,equals_sign" → "+, =", "ctrl+q" → "^q"."""
    return ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in key.split(","))


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", _("Close"))]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            with VerticalScroll():
                yield Static(self.help_text(), id="help-text")
            yield Footer()

    def help_text(self) -> Text:
        text = Text()
        text.append(_("Keys") + "\n", style="bold underline")
        text.append(_("Everywhere") + "\n", style="bold")
        self.key_lines(text, self.app.BINDINGS)
        text.append(f"  {key_label(self.app, self.app.COMMAND_PALETTE_BINDING):<14} "
                    + _("Command palette: jump to a contract or partner, …") + "\n")
        for spec in TABS:
            text.append(f"{spec.title}\n", style="bold")
            self.key_lines(text, spec.content_class().BINDINGS)
        text.append("\n" + _("The renewal process") + "\n", style="bold underline")
        text.append(_("In the wizard (n in the Renewal tab)") + "\n", style="bold")
        self.key_lines(text, RenewalWizard.BINDINGS)
        for (title, explanation), step in zip(renewal_steps(), WIZARD_STEPS):
            text.append(f"{title}: ", style="bold")
            text.append(explanation + "\n")
            self.key_lines(text, step.BINDINGS)
        text.append("\n" + _("Without a renewal: no updates or new versions, no technical support, and a later "
                             "upgrade needs a new licence.") + "\n")
        return text

    def key_lines(self, text: Text, bindings) -> None:
        """One line per key: its Footer label and what it does in words (the binding's tooltip); the
        wizard's ctrl+n is Next, and Complete… at step 5."""
        described: dict[str, list[str]] = {}
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                words = binding.tooltip if binding.tooltip.startswith(binding.description) else \
                    f"{binding.description}: {binding.tooltip}" if binding.tooltip else binding.description
                descriptions = described.setdefault(binding.key, [])
                if words not in descriptions:
                    descriptions.append(words)
        for key, descriptions in described.items():
            text.append(f"  {key_label(self.app, key):<14} {' / '.join(descriptions)}\n")
