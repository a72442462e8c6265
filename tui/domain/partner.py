"""A partner in the directory (distributor or reseller) and the rules for one directory row.

The shipped directory (`tui/data/partners.csv`) and partners the user adds go
through the same `validate_partner`, so a row is accepted or refused the same
way wherever it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from tui.domain.contract_validation import check_text
from tui.domain.countries import COUNTRY_CODES
from tui.domain.parsing import ParseError
from tui.i18n import N_, _

# Rank order: a Platinum partner is listed before a Gold one.
TIERS = ("Platinum", "Gold", "Silver", "Registered")
TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}
KINDS = ("distributor", "reseller")

# The one vocabulary of specialisations: the vendor's product families.
SPECIALISATIONS = (
    "endpoint security",
    "backup & recovery",
    "email security",
    "data loss prevention",
    "web security",
    "encryption",
    "compliance",
    "server security",
)

# How people read the vocabulary above (the values themselves are data: stored, searched, typed as options).
_WORDS = {"distributor": N_("distributor"), "reseller": N_("reseller"),
          "endpoint security": N_("endpoint security"), "backup & recovery": N_("backup & recovery"),
          "email security": N_("email security"), "data loss prevention": N_("data loss prevention"),
          "web security": N_("web security"), "encryption": N_("encryption"), "compliance": N_("compliance"),
          "server security": N_("server security")}


def vocabulary_label(value: str) -> str:
    """A partner type or specialisation in the current language; a value outside the vocabulary as it is."""
    return _(_WORDS[value]) if value in _WORDS else value


# Every product of the demo contracts, and the family a partner must know to renew it.
PRODUCT_FAMILIES: dict[str, str] = {
    "Endpoint Protection": "endpoint security",
    "Backup Exec": "backup & recovery",
    "Messaging Gateway": "email security",
    "Mail Security for Exchange": "email security",
    "Data Loss Prevention": "data loss prevention",
    "Web Security Service": "web security",
    "ProxySG": "web security",
    "Endpoint Encryption": "encryption",
    "Control Compliance Suite": "compliance",
    "Critical System Protection": "server security",
}

# The CSV columns, in file order.
PARTNER_COLUMNS = (
    "id",
    "name",
    "tier",
    "kind",
    "country",
    "city",
    "specialisations",
    "languages",
    "email",
    "phone",
    "website",
)
LIST_SEPARATOR = ";"
MAX_LENGTH = {"id": 64, "name": 200, "city": 100, "email": 254, "phone": 40, "website": 200}

Origin = Literal["shipped", "user"]


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    tier: str  # one of TIERS
    kind: str  # one of KINDS
    country: str  # ISO 3166-1 alpha-2, upper case
    city: str
    specialisations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639-1, lower case
    email: str = ""
    phone: str = ""
    website: str = ""
    origin: Origin = "user"  # "shipped" rows come from the directory and are read-only

    @property
    def tier_rank(self) -> int:
        return TIER_RANK.get(self.tier, len(TIERS))

    def field_text(self, name: str) -> str:
        """The CSV text of one column (lists joined with `;`)."""
        value = getattr(self, name)
        if isinstance(value, tuple):
            return LIST_SEPARATOR.join(value)
        return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


def validate_partner(
    raw: Mapping[str, str], *, origin: Origin = "user"
) -> tuple[Partner | None, dict[str, str]]:
    """Turn one directory row into a Partner, or say what is wrong with each column.

    Returns `(partner, {})` when every column is valid, else `(None, errors)`
    with one message per failing column, in column order.  Tier, kind,
    country and specialisations are accepted in any case and normalised.
    """
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for name in PARTNER_COLUMNS:
        try:
            values[name] = _PARSERS[name](raw.get(name) or "", name)
        except ParseError as error:
            errors[name] = str(error)
    if errors:
        return None, errors
    return Partner(**values, origin=origin), {}


def _text(value: str, name: str, *, required: bool = False) -> str:
    return check_text(value, name, required=required, limit=MAX_LENGTH[name])


def _id(value: str, name: str) -> str:
    text = _text(value, name, required=True)
    if any(ch.isspace() for ch in text):
        raise ParseError(_("must not contain spaces"))
    return text


def _choice(value: str, choices: tuple[str, ...], message: str) -> str:
    text = check_text(value, "choice", required=True)
    for choice in choices:
        if text.casefold() == choice.casefold():
            return choice
    raise ParseError(message.format(value=_clip(text), known=", ".join(choices)))


def _tier(value: str, name: str) -> str:
    return _choice(value, TIERS, _("unknown tier '{value}' (use one of {known})"))


def _kind(value: str, name: str) -> str:
    return _choice(value, KINDS, _("unknown partner type '{value}' (use one of {known})"))


def _country(value: str, name: str) -> str:
    code = check_text(value, name, required=True).upper()
    if code not in COUNTRY_CODES:
        raise ParseError(
            _("unknown country code '{code}' (use a two-letter ISO 3166 code such as RO, DE or HU)").format(
                code=_clip(code)
            )
        )
    return code


def _items(value: str, name: str) -> list[str]:
    text = check_text(value, name, required=False)
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def _specialisations(value: str, name: str) -> tuple[str, ...]:
    known = {s.casefold(): s for s in SPECIALISATIONS}
    found: list[str] = []
    for item in _items(value, name):
        family = known.get(" ".join(item.split()).casefold())
        if family is None:
            raise ParseError(
                _("unknown specialisation '{value}' (use one of {known}, separated by ';')").format(
                    value=_clip(item), known=", ".join(SPECIALISATIONS)
                )
            )
        if family not in found:
            found.append(family)
    return tuple(found)


def _languages(value: str, name: str) -> tuple[str, ...]:
    found: list[str] = []
    for item in _items(value, name):
        code = item.lower()
        if not _LANGUAGE.match(code):
            raise ParseError(
                _("'{value}' is not a two-letter language code (ISO 639-1, e.g. ro, en)").format(value=_clip(item))
            )
        if code not in found:
            found.append(code)
    return tuple(found)


def _email(value: str, name: str) -> str:
    text = _text(value, name)
    if text and not _EMAIL.match(text):
        raise ParseError(_("'{value}' is not an e-mail address").format(value=_clip(text)))
    return text


def _phone(value: str, name: str) -> str:
    text = _text(value, name)
    digits = sum(ch.isdigit() for ch in text)
    if text and (not _PHONE.match(text) or not 6 <= digits <= 15):
        raise ParseError(
            _("'{value}' is not a phone number (digits, spaces and an optional leading +)").format(value=_clip(text))
        )
    return text


def _website(value: str, name: str) -> str:
    """Accept `https://host/...`, `http://host/...` or a bare `host`; a bare host gets `https://`."""
    text = _text(value, name)
    if not text:
        return text
    address = text if "://" in text else "https://" + text
    scheme, _sep, rest = address.partition("://")
    host = rest.split("/", 1)[0].lower()
    if scheme.lower() not in ("http", "https") or not _HOST.match(host):
        raise ParseError(_("'{value}' is not a web address").format(value=_clip(text)))
    return address


def _clip(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


_PARSERS = {
    "id": _id,
    "name": lambda value, name: _text(value, name, required=True),
    "tier": _tier,
    "kind": _kind,
    "country": _country,
    "city": lambda value, name: _text(value, name, required=True),
    "specialisations": _specialisations,
    "languages": _languages,
    "email": _email,
    "phone": _phone,
    "website": _website,
}
