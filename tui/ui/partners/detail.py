"""The detail panel of the Partners tab: everything about one partner, and which contracts use it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from tui.domain.contract import Contract
from tui.domain.countries import country_name
from tui.domain.geo import City
from tui.domain.partner import Partner, vocabulary_label
from tui.formatting import format_date, format_km
from tui.i18n import _

MAX_CONTRACTS_LISTED = 12


def partner_labels() -> dict[str, str]:
    return {
        "id": _("Partner id"), "name": _("Name"), "tier": _("Tier"), "kind": _("Type"), "country": _("Country"),
        "city": _("City"), "specialisations": _("Specialisations"), "languages": _("Languages"),
        "email": _("E-mail"), "phone": _("Phone"), "website": _("Website"),
    }


def origin_label(origin: str | None) -> str:
    return {
        "shipped": _("shipped directory"),
        "edited": _("shipped directory, edited by you"),
        "user": _("added by you"),
    }.get(origin or "", "—")


def describe_partner(partner: Partner, origin: str | None, contracts: Sequence[Contract],
                     distance: tuple[float, City] | None = None) -> Text:
    """Rich Text built with append(), so user data is never parsed as markup.

    Where and who first, then the user's contracts with the partner, then the
    contact details: the first lines are what a short panel (80×24) shows.
    """
    labels = partner_labels()
    text = Text()
    text.append(f"{partner.name}\n", style="bold")
    text.append(f"{partner.tier} {vocabulary_label(partner.kind)}", style="bold")
    text.append(f" · {partner.id} · {origin_label(origin)}\n", style="dim")
    text.append(f"{partner.city}, {country_name(partner.country)} ({partner.country})")
    if distance is not None:
        km, origin_city = distance
        text.append(" · " + _("{km} from {city}").format(km=format_km(km), city=origin_city.name))
    text.append("\n")
    if contracts:
        text.append(_("Your contracts with this partner ({n}):").format(n=len(contracts)) + "\n", style="bold")
        for contract in contracts[:MAX_CONTRACTS_LISTED]:
            text.append(f" • {contract.id} ", style="bold")
            text.append(f"{contract.product} · {format_date(contract.end)}\n")
        if len(contracts) > MAX_CONTRACTS_LISTED:
            text.append(" " + _("… and {n} more").format(n=len(contracts) - MAX_CONTRACTS_LISTED) + "\n", style="dim")
    else:
        text.append(_("None of your contracts has this partner.") + "\n", style="dim")
    rows = [
        (labels["specialisations"], ", ".join(map(vocabulary_label, partner.specialisations)) or "—"),
        (labels["languages"], ", ".join(partner.languages) or "—"),
        (labels["email"], partner.email or "—"),
        (labels["phone"], partner.phone or "—"),
        (labels["website"], partner.website or "—"),
    ]
    for label, value in rows:
        text.append(f"{label}: ", style="dim")
        text.append(f"{value}\n")
    return text


class PartnerDetail(Static, can_focus=True):
    """Focusable (tab) so that a long detail can be scrolled with the arrow keys on a short screen."""

    BINDINGS = [
        Binding("up", "scroll_up", show=False),
        Binding("down", "scroll_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
    ]

    _shown: tuple | None = None

    def show(self, partner: Partner | None, origin: str | None = None, contracts: Sequence[Contract] = (),
             distance: tuple[float, City] | None = None) -> None:
        """Show a partner; nothing is redrawn when it is what is shown already (typing often keeps
        the same partner first, and each redraw costs a layout pass)."""
        shown = (partner, origin, tuple(contracts), distance)
        if shown == self._shown:
            return
        self._shown = shown
        if partner is None:
            self.update(_("No partner matches. Press x to clear the search and filters."))
        else:
            self.update(describe_partner(partner, origin, contracts, distance))
        self.scroll_home(animate=False)
