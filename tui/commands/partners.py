"""`renewals partners`: search the partner directory as the Partners tab does."""

from __future__ import annotations

import argparse
import csv
import difflib
import gc
import json

from tui.commands.context import CliContext, CommandFailed
from tui.commands.text_table import render_table
from tui.domain.countries import COUNTRY_CODES
from tui.domain.geo import City, name_key
from tui.domain.partner import KINDS, PARTNER_COLUMNS, SPECIALISATIONS, TIERS, vocabulary_label
from tui.domain.partner_search import PartnerHit
from tui.domain.text import clip
from tui.formatting import format_km
from tui.i18n import _
from tui.store.cities import DEFAULT_RADIUS_KM, city_named, shipped_cities
from tui.store.transfer.partner_csv import partner_to_json

def add_parser(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "partners", parents=[common], help=_("search the partner directory (name, city, country, specialisation)"))
    parser.add_argument("query", nargs="*", metavar="QUERY",
                        help=_("words to look for; case, diacritics and a missing letter are forgiven"))
    parser.add_argument("--country", metavar="CC", help=_("only partners in this country (ISO code, e.g. RO)"))
    parser.add_argument("--tier", help=_("only this tier: {tiers}").format(tiers=", ".join(TIERS)))
    parser.add_argument("--kind", help=_("only this type: {kinds}").format(kinds=", ".join(KINDS)))
    parser.add_argument("--specialisation", metavar="NAME",
                        help=_("only partners with this specialisation: {names}").format(
                            names=", ".join(SPECIALISATIONS)))
    parser.add_argument("--near", metavar="CITY",
                        help=_("only partners within --km of this city, nearest first"))
    parser.add_argument("--km", type=float, metavar="N",
                        help=_("radius for --near in km (default {km})").format(km=int(DEFAULT_RADIUS_KM)))
    parser.add_argument("--format", choices=("text", "csv", "json"), default="text")
    parser.set_defaults(run=run)


def choice(value: str | None, choices: tuple[str, ...], option: str) -> str | None:
    """`value` spelled as in `choices` (any case), or CommandFailed listing the valid ones."""
    if value is None:
        return None
    for known in choices:
        if value.strip().casefold() == known.casefold():
            return known
    raise CommandFailed(_("renewals partners: {option}: unknown value '{value}'; use one of: {known}").format(
        option=option, value=clip(value), known=", ".join(choices)))


def country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in COUNTRY_CODES:
        raise CommandFailed(_("renewals partners: --country: unknown country code '{value}' "
                              "(use a two-letter ISO 3166 code such as RO, DE or HU)").format(value=clip(value)))
    return code


def near(city_text: str | None, km: float | None) -> tuple[City, float] | None:
    if city_text is None:
        if km is not None:
            raise CommandFailed(_("renewals partners: --km needs --near CITY"))
        return None
    radius = DEFAULT_RADIUS_KM if km is None else km
    if not radius > 0:
        raise CommandFailed(_("renewals partners: --km must be more than 0"))
    city = city_named(city_text)
    if city is None:
        names = [c.name for c in shipped_cities()]
        keys = {name_key(n): n for n in names}
        typed = name_key(city_text)
        close = [keys[k] for k in keys if typed and k.startswith(typed)][:3] or [
            keys[k] for k in difflib.get_close_matches(typed, list(keys), n=3, cutoff=0.6)]
        hint = _("did you mean {names}? ").format(names=" / ".join(close)) if close else ""
        raise CommandFailed(_("renewals partners: --near: unknown city '{value}'; {hint}known cities: {known}").format(
            value=clip(city_text), hint=hint, known=", ".join(sorted(names, key=name_key))))
    return city, radius


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    options = dict(
        country=country(args.country),
        tier=choice(args.tier, TIERS, "--tier"),
        kind=choice(args.kind, KINDS, "--kind"),
        specialisation=choice(args.specialisation, SPECIALISATIONS, "--specialisation"),
        near=near(args.near, args.km),
    )
    hits = ctx.repositories().partners.index().search(" ".join(args.query), **options)
    # Everything read so far lives until the process ends: spare the collector from walking it
    # again and again while thousands of output rows are built (as the app does after start-up).
    gc.freeze()
    with_distance = options["near"] is not None
    if args.format == "json":
        items = [partner_to_json(h.partner, h.distance_km) for h in hits]
        json.dump(items, ctx.stdout, ensure_ascii=False, indent=2)
        ctx.out()
    elif args.format == "csv":
        writer = csv.writer(ctx.stdout, lineterminator="\n")
        writer.writerow(PARTNER_COLUMNS + (("distance_km",) if with_distance else ()))
        for h in hits:
            writer.writerow([h.partner.field_text(c) for c in PARTNER_COLUMNS]
                            + ([f"{h.distance_km:.1f}"] if with_distance else []))
    elif hits:
        ctx.out(render_table(*text_rows(hits, with_distance), right=frozenset({7}) if with_distance else frozenset()))
    else:
        ctx.out(_("No partners match."))
    return 0


def text_rows(hits: list[PartnerHit], with_distance: bool) -> tuple[list[str], list[list[str]]]:
    headers = [_("id"), _("name"), _("tier"), _("type"), _("city"), _("country"), _("specialisations")]
    if with_distance:
        headers.append(_("distance"))
    rows = []
    for h in hits:
        p = h.partner
        row = [p.id, p.name, p.tier, vocabulary_label(p.kind), p.city, p.country,
               ", ".join(vocabulary_label(s) for s in p.specialisations)]
        if with_distance:
            row.append(format_km(h.distance_km or 0.0))
        rows.append(row)
    return headers, rows
