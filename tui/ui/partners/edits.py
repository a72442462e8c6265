"""The writing actions of the Partners tab: add, edit, delete, and "use for the selected contracts"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.domain.geo import CityLookup
from tui.domain.partner import Partner
from tui.i18n import _, ngettext
from tui.store.cities import shipped_cities
from tui.store.errors import StoreError
from tui.store.partners import PartnerInUse
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.partners.form import PartnerForm

if TYPE_CHECKING:
    from tui.ui.session import Session

MAX_IDS_NAMED = 6


def some_ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:MAX_IDS_NAMED])
    if len(ids) > MAX_IDS_NAMED:
        shown += " " + _("and {n} more").format(n=len(ids) - MAX_IDS_NAMED)
    return shown


class PartnerEdits:
    """Mixed into PartnersPane, which provides `current()`, `session` and `app`."""

    if TYPE_CHECKING:
        session: Session

        def current(self) -> Partner | None: ...

        def neighbour_id(self) -> str | None: ...

        def refilter(self, keep_id: str | None = None) -> None: ...

    def action_add(self) -> None:
        def saved(partner: Partner | None) -> None:
            if partner is not None:
                self.write(lambda: self.session.partners.add(partner), _("Added {name}.").format(name=partner.name),
                           keep_id=partner.id)
                self.warn_unknown_city(partner)

        self.app.push_screen(PartnerForm(_("New partner"), None, self.id_taken, suggested_id=self.free_id()), saved)

    def action_edit(self) -> None:
        original = self.current()
        if original is None:
            return
        partners = self.session.partners
        revision = partners.revision_of(original.id)
        note = ""
        if partners.origin_of(original.id) == "shipped":
            note = _("This partner comes from the shipped directory. Once you change it, directory updates "
                     "leave your version alone.")

        def saved(partner: Partner | None) -> None:
            if partner is not None:
                self.write(lambda: partners.update(partner, base_revision=revision),
                           _("Saved {name}.").format(name=partner.name), keep_id=partner.id)
                self.warn_unknown_city(partner)

        self.app.push_screen(PartnerForm(_("Edit {name}").format(name=original.name), original, self.id_taken,
                                         note=note), saved)

    def action_delete(self) -> None:
        partner = self.current()
        if partner is None:
            return
        partners = self.session.partners
        using = partners.contracts_using(partner.id)
        if using:
            self.app.notify(
                _("{name} is still the partner of {contracts}. Give those contracts another partner first "
                  "(Overview: mark them with space, then u here on the new partner).").format(
                    name=partner.name, contracts=some_ids(using)),
                title=_("Not deleted"), severity="error", timeout=10)
            return
        revision = partners.revision_of(partner.id)
        neighbour = self.neighbour_id()

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda: partners.delete(partner.id, base_revision=revision),
                           _("Deleted {name}.").format(name=partner.name), keep_id=neighbour)

        question = _("Delete partner {name} ({city})?").format(name=partner.name, city=partner.city)
        if partners.origin_of(partner.id) != "user":
            question += " " + _("It comes from the shipped directory; directory updates will not bring it back.")
        self.app.push_screen(ConfirmScreen(question, yes=_("Delete")), answered)

    def action_assign(self) -> None:
        """Make the highlighted partner the partner of the contracts marked (or highlighted) in the Overview."""
        partner = self.current()
        if partner is None:
            return
        chosen = self.session.marked_or_highlighted()
        changing = [c for c in chosen if c.partner != partner.id]
        if not chosen:
            self.app.notify(_("No contract to give a partner: add one in the Overview first."), severity="warning")
            return
        if not changing:
            self.app.notify(_("{name} already is the partner of {contracts}.").format(
                name=partner.name, contracts=some_ids([c.id for c in chosen])))
            return
        session = self.session

        def assign() -> None:
            with session.store.transaction():
                session.partners.load_directory()  # the contracts then name a partner stored in the file
                session.contracts.save_many([], [(c, replace(c, partner=partner.id)) for c in changing],
                                            session.today, source="partner")

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(assign, ngettext("{name} is now the partner of {n} contract.",
                                            "{name} is now the partner of {n} contracts.",
                                            len(changing)).format(name=partner.name, n=len(changing)),
                           keep_id=partner.id)

        question = ngettext("Make {name} the partner of {n} contract: {contracts}?",
                            "Make {name} the partner of {n} contracts: {contracts}?",
                            len(changing)).format(name=partner.name, n=len(changing),
                                                  contracts=some_ids([c.id for c in changing]))
        self.app.push_screen(ConfirmScreen(question, yes=_("Set partner")), answered)

    # -- helpers -----------------------------------------------------------
    def id_taken(self, partner_id: str) -> bool:
        return self.session.partners.get(partner_id) is not None

    def free_id(self) -> str:
        """The first unused id of the form u0001, u0002, … for a new partner of the user's."""
        taken = self.session.partners.names()
        number = 1
        while f"u{number:04d}" in taken:
            number += 1
        return f"u{number:04d}"

    def warn_unknown_city(self, partner: Partner) -> None:
        if CityLookup(shipped_cities())(partner.city, partner.country) is None:
            self.app.notify(_("{city} ({country}) is not in the city table, so “near” searches cannot find "
                              "{name}.").format(city=partner.city, country=partner.country, name=partner.name),
                            severity="warning", timeout=8)

    def write(self, operation, done: str, keep_id: str | None = None) -> None:
        """Run a store write; on failure say why (nothing was changed) and show the file's current state."""
        try:
            operation()
        except PartnerInUse as error:
            self.app.notify(str(error), title=_("Not deleted"), severity="error", timeout=10)
        except StoreError as error:
            self.app.notify(str(error), title=_("Not saved"), severity="error", timeout=8)
        else:
            self.app.notify(done)
        self.session.data_changed()  # no keep_id: it would move the other tabs' cursors
        if keep_id:
            self.refilter(keep_id)
