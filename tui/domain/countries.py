"""ISO 3166-1 alpha-2 country codes, with English names for the European countries.

The code set is the full ISO list (249 codes) plus `XK` (Kosovo), the
user-assigned code that the EU and most data sets use, so a Prishtina partner
can be entered.  Names are only kept for Europe, where the partner directory
lives; any other valid code is shown as the bare code.
"""

from __future__ import annotations

from tui.i18n import _


def N_(message: str) -> str:
    """Mark a name for the translation catalogue without translating it at import time."""
    return message


COUNTRY_CODES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
    BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
    GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
    KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
    MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
    TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
    ZW
    XK
    """.split()
)

EUROPEAN_COUNTRIES: dict[str, str] = {
    "AD": N_("Andorra"),
    "AL": N_("Albania"),
    "AM": N_("Armenia"),
    "AT": N_("Austria"),
    "AZ": N_("Azerbaijan"),
    "BA": N_("Bosnia and Herzegovina"),
    "BE": N_("Belgium"),
    "BG": N_("Bulgaria"),
    "BY": N_("Belarus"),
    "CH": N_("Switzerland"),
    "CY": N_("Cyprus"),
    "CZ": N_("Czechia"),
    "DE": N_("Germany"),
    "DK": N_("Denmark"),
    "EE": N_("Estonia"),
    "ES": N_("Spain"),
    "FI": N_("Finland"),
    "FR": N_("France"),
    "GB": N_("United Kingdom"),
    "GE": N_("Georgia"),
    "GR": N_("Greece"),
    "HR": N_("Croatia"),
    "HU": N_("Hungary"),
    "IE": N_("Ireland"),
    "IS": N_("Iceland"),
    "IT": N_("Italy"),
    "LI": N_("Liechtenstein"),
    "LT": N_("Lithuania"),
    "LU": N_("Luxembourg"),
    "LV": N_("Latvia"),
    "MC": N_("Monaco"),
    "MD": N_("Moldova"),
    "ME": N_("Montenegro"),
    "MK": N_("North Macedonia"),
    "MT": N_("Malta"),
    "NL": N_("Netherlands"),
    "NO": N_("Norway"),
    "PL": N_("Poland"),
    "PT": N_("Portugal"),
    "RO": N_("Romania"),
    "RS": N_("Serbia"),
    "RU": N_("Russia"),
    "SE": N_("Sweden"),
    "SI": N_("Slovenia"),
    "SK": N_("Slovakia"),
    "SM": N_("San Marino"),
    "TR": N_("Türkiye"),
    "UA": N_("Ukraine"),
    "VA": N_("Vatican City"),
    "XK": N_("Kosovo"),
}


def country_name(code: str) -> str:
    """The (translated) name of a European country, or the code itself for any other."""
    name = EUROPEAN_COUNTRIES.get(code.upper())
    return _(name) if name else code.upper()
