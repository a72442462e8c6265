"""F1 / ?: every key by tab, and the five renewal steps explained."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.i18n import N_, _
from tui.ui.tabs import TABS
from tui.ui.renewal.wizard import RenewalWizard, wizard_steps
from tui.ui.widgets.footer import shown
from tui.ui.widgets.screens import Dialog
from tui.ui.widgets.translated_footer import TranslatedFooter


def key_label(app: App, key: str) -> str:
    """What to press, as Textual's own Footer shows it: "minus" → "-", "plus,equals_sign" → "+, =", "ctrl+q" → "^q"."""
    return ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in key.split(","))


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", N_("Close"))]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            with VerticalScroll():
                yield Static(self.help_text(), id="help-text")
            yield TranslatedFooter()

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
        for step, title, explanation in wizard_steps():
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
                label, tooltip = shown(binding.description), shown(binding.tooltip)
                words = tooltip if tooltip.startswith(label) else f"{label}: {tooltip}" if tooltip else label
                descriptions = described.setdefault(binding.key, [])
                if words not in descriptions:
                    descriptions.append(words)
        for key, descriptions in described.items():
            text.append(f"  {key_label(self.app, key):<14} {' / '.join(descriptions)}\n")
