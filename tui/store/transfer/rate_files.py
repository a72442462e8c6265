"""Reading exchange-rate files: BNR and ECB XML as the banks publish them, or a CSV; all or nothing.

- BNR `nbrfxrates.xml` / `nbrfxrates{YEAR}.xml`: `DataSet/Body/Cube[@date]/Rate[@currency][@multiplier]`,
  the text = RON (the file's `OrigCurrency`) per `multiplier` units (absent: 1).
- ECB `eurofxref-daily.xml` / `eurofxref-hist.xml`: `Cube/Cube[@time]/Cube[@currency][@rate]`, units
  per 1 EUR; stored as base = that currency, currency = EUR, so nothing is divided.
- CSV `date,base,currency,rate[,source]`: units of `base` per 1 `currency`.
Which one a file is comes from its content, not its name.  XML is parsed by defusedxml with entity
declarations and external references refused: these files come from outside.  Problems read
`FILE:LINE: element@attribute: problem` (CSV: `FILE:LINE: column: problem`).  The banks publish rates
for currencies no contract can have (AED, XAU, …): those are skipped and counted; in a CSV, where
someone chose them, they are refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from tui.domain.exchange import Rate
from tui.domain.money import CURRENCIES
from tui.domain.parsing import ParseError
from tui.domain.rate_validation import parse_multiplier, parse_rate, parse_rate_day, validate_rate
from tui.domain.text import printable
from tui.i18n import _, ngettext
from tui.store.transfer.csv_reader import CsvRejected, Problem, parse_csv_text, text_line_of
from tui.store.transfer.import_plan import ImportPlan
from tui.store.rates import Key

RATE_COLUMNS = ("date", "base", "currency", "rate", "source")
REQUIRED_RATE_COLUMNS = frozenset(RATE_COLUMNS[:4])
_CODE = re.compile(r"^[A-Z]{3}$", re.ASCII)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


@dataclass
class RateImportPlan(ImportPlan[Rate]):
    kind: str = "CSV"  # BNR, ECB, CSV
    skipped: dict[str, int] = field(default_factory=dict)  # currency no contract can have -> rates skipped

    @property
    def rates(self) -> list[Rate]:
        return self.new + [new for _old, new in self.changed]

    def item_lines(self) -> list[str]:
        lines = [_("~ {date} {currency}: {old} → {new} {base} (replaces the stored rate)").format(
            date=new.on.isoformat(), currency=new.currency, old=old.rate, new=new.rate, base=new.base)
            for old, new in self.changed]
        if self.skipped:
            count = sum(self.skipped.values())
            lines.append(ngettext("skipped {count} rate of currencies no contract can have: {currencies}",
                                  "skipped {count} rates of currencies no contract can have: {currencies}",
                                  count).format(count=count, currencies=", ".join(sorted(self.skipped))))
        return lines

    def summary(self) -> str:
        return _("{kind} file: {new} new rates, {changed} replaced, {unchanged} unchanged").format(
            kind=self.kind, new=len(self.new), changed=len(self.changed), unchanged=self.unchanged)


def _same_rate(stored: Rate, rate: Rate) -> bool:
    return (stored.rate, stored.source) == (rate.rate, rate.source)


def plan_rate_import(path: Path | str, existing: Mapping[Key, Rate], *, today: date,
                     name: str | None = None) -> RateImportPlan:
    """Read and check the whole file; raise CsvRejected listing every problem."""
    kind, rates, skipped = read_rate_file(path, today=today, name=name)
    plan = RateImportPlan(kind=kind, skipped=skipped)
    for rate in rates:
        plan.add(existing.get(rate.key), rate, _same_rate)
    return plan


def read_rate_file(path: Path | str, *, today: date, name: str | None = None
                   ) -> tuple[str, list[Rate], dict[str, int]]:
    """(BNR | ECB | CSV, the rates, skipped currencies with their counts); raises CsvRejected."""
    path = Path(path)
    label = name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CsvRejected([Problem(label, 0, "file", _("no such file"))]) from None
    except IsADirectoryError:
        raise CsvRejected([Problem(label, 0, "file", _("is a directory"))]) from None
    except OSError as error:
        raise CsvRejected([Problem(label, 0, "file", _("cannot be read: {reason}").format(
            reason=error.strerror or error))]) from None
    except ValueError:
        raise CsvRejected([Problem(label, 0, "file", _("no such file"))]) from None
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _read_xml(raw, label, today)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvRejected([Problem(label, text_line_of(raw, error.start), "file", _("not UTF-8 text"))]) from None
    return ("CSV", *_read_csv(text, label, today))


# -- CSV -----------------------------------------------------------------------

def _read_csv(text: str, label: str, today: date) -> tuple[list[Rate], dict[str, int]]:
    table = parse_csv_text(text, known=RATE_COLUMNS, required=REQUIRED_RATE_COLUMNS, label=label)
    problems: list[Problem] = []
    rates: list[Rate] = []
    first_line: dict[Key, int] = {}
    for line, raw in table:
        rate, errors = validate_rate(raw, today, decimal_comma=table.decimal_comma, source="CSV")
        problems += [Problem(label, line, column, errors[column]) for column in RATE_COLUMNS if column in errors]
        if rate is None:
            continue
        if rate.key in first_line:
            problems.append(Problem(label, line, "date", _("{date} {base}/{currency} is also on line {line}").format(
                date=rate.on.isoformat(), base=rate.base, currency=rate.currency, line=first_line[rate.key])))
            continue
        first_line[rate.key] = line
        rates.append(rate)
    if problems:
        raise CsvRejected(problems)
    if not rates:
        raise CsvRejected([Problem(label, 1, "file", _("no rates in the file"))])
    return rates, {}


# -- XML -----------------------------------------------------------------------

@dataclass
class _Element:
    line: int
    name: str  # without namespace prefix
    attributes: dict[str, str]
    text: str = ""


class _Collector(ContentHandler):
    """Keeps each element's line, local name, attributes and text (the files are small and flat)."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[_Element] = []
        self._open: list[_Element] = []
        self.locator = None

    def setDocumentLocator(self, locator) -> None:  # noqa: N802 (SAX's name)
        self.locator = locator

    @property
    def line(self) -> int:
        return self.locator.getLineNumber() if self.locator is not None else 1

    def startElement(self, name, attrs) -> None:  # noqa: N802
        element = _Element(self.line, name.rpartition(":")[2],
                           {key.rpartition(":")[2]: value for key, value in attrs.items()})
        self.elements.append(element)
        self._open.append(element)

    def endElement(self, name) -> None:  # noqa: N802
        self._open.pop()

    def characters(self, content) -> None:
        if self._open:
            self._open[-1].text += content


def _read_xml(raw: bytes, label: str, today: date) -> tuple[str, list[Rate], dict[str, int]]:
    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.sax import parseString

    collector = _Collector()
    try:
        parseString(raw, collector, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as refused:
        raise CsvRejected([Problem(label, collector.line, "!ENTITY", _(
            "entity declarations are refused (an XML bomb or an external entity?): {name}").format(
            name=printable(refused.name or "")[:40])), ]) from None
    except ExternalReferenceForbidden:
        raise CsvRejected([Problem(label, collector.line, "!DOCTYPE",
                                   _("references to external files are refused"))]) from None
    except (DTDForbidden, DefusedXmlException):
        raise CsvRejected([Problem(label, collector.line, "!DOCTYPE", _("refused as unsafe XML"))]) from None
    except SAXParseException as error:
        raise CsvRejected([Problem(label, error.getLineNumber(), "file", _("not well-formed XML: {reason}").format(
            reason=printable(error.getMessage())[:80]))]) from None
    root = collector.elements[0] if collector.elements else None
    if root is not None and root.name == "DataSet":
        return ("BNR", *_bnr_rates(collector.elements, label, today))
    if root is not None and root.name == "Envelope":
        return ("ECB", *_ecb_rates(collector.elements, label, today))
    raise CsvRejected([Problem(label, root.line if root else 1, root.name if root else "file", _(
        "not a rates file: expected a BNR DataSet, an ECB Envelope or a CSV date,base,currency,rate"))])


class _Rates:
    """Rates being gathered from one XML file, with their problems and skipped currencies."""

    def __init__(self, label: str, today: date) -> None:
        self.label, self.today = label, today
        self.problems: list[Problem] = []
        self.rates: list[Rate] = []
        self.skipped: dict[str, int] = {}
        self.first_line: dict[Key, int] = {}

    def problem(self, element: _Element, attribute: str, message: str) -> None:
        place = f"{element.name}@{attribute}" if attribute else element.name
        self.problems.append(Problem(self.label, element.line, place, message))

    def day(self, element: _Element, attribute: str) -> date | None:
        text = element.attributes.get(attribute)
        if text is None:
            self.problem(element, attribute, _("missing"))
            return None
        try:
            if not _ISO_DATE.match(text.strip()):
                raise ParseError(_("'{value}' is not a YYYY-MM-DD date").format(value=printable(text)[:30]))
            return parse_rate_day(text, self.today)
        except ParseError as error:
            self.problem(element, attribute, str(error))
            return None

    def currency(self, element: _Element, attribute: str) -> str | None:
        code = (element.attributes.get(attribute) or "").strip()
        if not _CODE.match(code):
            self.problem(element, attribute, _("'{code}' is not a currency code").format(code=printable(code)[:12]))
            return None
        if code not in CURRENCIES:
            self.skipped[code] = self.skipped.get(code, 0) + 1
            return None
        return code

    def add(self, element: _Element, rate: Rate) -> None:
        if rate.key in self.first_line:
            self.problem(element, "currency", _("{date} {currency} is also on line {line}").format(
                date=rate.on.isoformat(), currency=rate.currency if rate.currency != "EUR" else rate.base,
                line=self.first_line[rate.key]))
            return
        self.first_line[rate.key] = element.line
        self.rates.append(rate)

    def result(self) -> tuple[list[Rate], dict[str, int]]:
        if self.problems:
            raise CsvRejected(self.problems)
        if not self.rates:
            raise CsvRejected([Problem(self.label, 1, "file", _("no rates for the app's currencies in the file"))])
        return self.rates, self.skipped


def _bnr_rates(elements: list[_Element], label: str, today: date) -> tuple[list[Rate], dict[str, int]]:
    found = _Rates(label, today)
    base = next((e.text.strip() for e in elements if e.name == "OrigCurrency"), "RON") or "RON"
    day: date | None = None
    cube_seen = False
    for element in elements:
        if element.name == "Cube":
            cube_seen = True
            day = found.day(element, "date")
        elif element.name == "Rate":
            if not cube_seen:
                found.problem(element, "", _("a Rate outside a Cube (no date)"))
                continue
            currency = found.currency(element, "currency")
            try:
                multiplier = parse_multiplier(element.attributes.get("multiplier"))
            except ParseError as error:
                found.problem(element, "multiplier", str(error))
                continue
            try:
                value = parse_rate(element.text)
            except ParseError as error:
                found.problem(element, "", str(error))
                continue
            if day is not None and currency is not None and currency != base:
                found.add(element, Rate(day, base, currency, value / multiplier, "BNR"))
    return found.result()


def _ecb_rates(elements: list[_Element], label: str, today: date) -> tuple[list[Rate], dict[str, int]]:
    found = _Rates(label, today)
    day: date | None = None
    time_seen = False
    for element in elements:
        if element.name != "Cube":
            continue
        if "time" in element.attributes:
            time_seen = True
            day = found.day(element, "time")
        elif "currency" in element.attributes or "rate" in element.attributes:
            if not time_seen:
                found.problem(element, "", _("a rate outside a Cube with a time (no date)"))
                continue
            currency = found.currency(element, "currency")
            try:
                value = parse_rate(element.attributes.get("rate") or "")
            except ParseError as error:
                found.problem(element, "rate", str(error))
                continue
            if day is not None and currency is not None and currency != "EUR":
                found.add(element, Rate(day, currency, "EUR", value, "ECB"))
    return found.result()
