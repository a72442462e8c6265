"""F1 / ?: every key by tab, and the five renewal steps explained."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TabPane

from tui.i18n import _


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


def key_label(key: str) -> str:
    return ", ".join(k.replace("ctrl+", "^") for k in key.split(","))


class HelpScreen(ModalScreen[None]):
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
        for binding in self.app.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                text.append(f"  {key_label(binding.key):<14} {binding.description}\n")
        for tab in self.app.query(TabPane):
            panes = tab.query(".data-pane")
            if not panes:
                continue
            text.append(f"{tab._title}\n", style="bold")
            for binding in type(panes.first()).BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    text.append(f"  {key_label(binding.key):<14} {binding.description}\n")
        text.append("\n" + _("The renewal process") + "\n", style="bold underline")
        for title, explanation in renewal_steps():
            text.append(f"{title}: ", style="bold")
            text.append(explanation + "\n")
        text.append("\n" + _("Without a renewal: no updates or new versions, no technical support, and a later "
                             "upgrade needs a new licence.") + "\n")
        return text
