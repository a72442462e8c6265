"""Reading BNR, ECB and CSV rate files written here: detection, all-or-nothing problems, unsafe XML."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tui.domain.exchange import Rate
from tui.store.transfer.csv_reader import CsvRejected
from tui.store.file.database import Store
from tui.store.transfer.rate_files import plan_rate_import, read_rate_file
from tui.store.rates import RateRepository

TODAY = date(2026, 12, 6)
D = Decimal


def bnr(*cubes: str, base: str = "RON") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<DataSet xmlns="http://www.bnr.ro/xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<Header><Publisher>National Bank of Romania</Publisher><MessageType>DR</MessageType></Header>\n'
            f'<Body><Subject>Reference rates</Subject><OrigCurrency>{base}</OrigCurrency>\n'
            + "".join(cubes) + "</Body>\n</DataSet>\n")


def cube(day: str, *rates: str) -> str:
    return f'<Cube date="{day}">\n' + "".join(r + "\n" for r in rates) + "</Cube>\n"


BNR_DAY = bnr(cube("2026-12-04", '<Rate currency="AED">1.1806</Rate>', '<Rate currency="EUR">4.9750</Rate>',
                   '<Rate currency="HUF" multiplier="100">1.2345</Rate>', '<Rate currency="USD">4.3210</Rate>'))

ECB_DAYS = """<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
\t<Cube>
\t\t<Cube time='2026-12-04'>
\t\t\t<Cube currency='USD' rate='1.0500'/>
\t\t\t<Cube currency='JPY' rate='161.41'/>
\t\t\t<Cube currency='RON' rate='4.9750'/>
\t\t</Cube>
\t\t<Cube time='2026-12-03'>
\t\t\t<Cube currency='USD' rate='1.0480'/>
\t\t</Cube>
\t</Cube>
</gesmes:Envelope>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(CsvRejected) as rejected:
        read_rate_file(path, today=TODAY)
    return [str(p) for p in rejected.value.problems]


def test_a_bnr_day_is_ron_per_multiplier_units_and_other_currencies_are_skipped(tmp_path: Path) -> None:
    kind, rates, skipped = read_rate_file(write(tmp_path, "nbrfxrates.xml", BNR_DAY), today=TODAY)
    day = date(2026, 12, 4)
    assert kind == "BNR" and skipped == {"AED": 1}
    assert rates == [Rate(day, "RON", "EUR", D("4.9750"), "BNR"), Rate(day, "RON", "HUF", D("0.012345"), "BNR"),
                     Rate(day, "RON", "USD", D("4.3210"), "BNR")]


def test_a_bnr_year_file_has_one_cube_per_day(tmp_path: Path) -> None:
    text = bnr(cube("2026-01-05", '<Rate currency="EUR">4.9700</Rate>'),
               cube("2026-01-06", '<Rate currency="EUR">4.9712</Rate>'))
    _kind, rates, _skipped = read_rate_file(write(tmp_path, "nbrfxrates2026.xml", text), today=TODAY)
    assert [(r.on, r.rate) for r in rates] == [(date(2026, 1, 5), D("4.9700")), (date(2026, 1, 6), D("4.9712"))]


def test_ecb_rates_are_stored_as_units_per_euro(tmp_path: Path) -> None:
    kind, rates, skipped = read_rate_file(write(tmp_path, "eurofxref-hist.xml", ECB_DAYS), today=TODAY)
    assert kind == "ECB" and skipped == {"JPY": 1}
    assert rates == [Rate(date(2026, 12, 4), "USD", "EUR", D("1.0500"), "ECB"),
                     Rate(date(2026, 12, 4), "RON", "EUR", D("4.9750"), "ECB"),
                     Rate(date(2026, 12, 3), "USD", "EUR", D("1.0480"), "ECB")]


def test_a_csv_is_units_of_base_per_currency_with_an_optional_source(tmp_path: Path) -> None:
    path = write(tmp_path, "rates.csv", "date,base,currency,rate\n2026-12-01,RON,EUR,4.97\n"
                                        "2026-12-01,ron,gbp,5.7764\n")
    kind, rates, _skipped = read_rate_file(path, today=TODAY)
    assert kind == "CSV"
    assert rates == [Rate(date(2026, 12, 1), "RON", "EUR", D("4.97"), "CSV"),
                     Rate(date(2026, 12, 1), "RON", "GBP", D("5.7764"), "CSV")]
    semicolons = write(tmp_path, "ro.csv", "date;base;currency;rate;source\n01.12.2026;RON;EUR;4,97;BNR\n")
    assert read_rate_file(semicolons, today=TODAY)[1] == [Rate(date(2026, 12, 1), "RON", "EUR", D("4.97"), "BNR")]


def test_every_bad_csv_row_is_named_and_nothing_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "date,base,currency,rate\n"
                                      "2026-02-30,RON,EUR,4.9\n"  # 2: no such day
                                      "2026-12-07,RON,EUR,4.9\n"  # 3: after today
                                      "2026-12-01,RON,EUR,0\n"  # 4: not more than 0
                                      "2026-12-01,RON,USD,abc\n"  # 5: not a number
                                      "2026-12-01,RON,XYZ,4.9\n"  # 6: unknown currency
                                      "2026-12-02,RON,EUR,4.9\n"
                                      "2026-12-02,RON,EUR,4.8\n")  # 8: the same day, base, currency as 7
    found = problems(path)
    assert [p.split(": ")[0] + ": " + p.split(": ")[1] for p in found] == [
        f"{path}:2: date", f"{path}:3: date", f"{path}:4: rate", f"{path}:5: rate", f"{path}:6: currency",
        f"{path}:8: date"]
    assert "not a real date" in found[0] and "after today" in found[1] and "more than 0" in found[2]
    assert "not a number" in found[3] and "unknown currency 'XYZ'" in found[4] and "also on line 7" in found[5]


@pytest.mark.parametrize(("rate", "place", "message"), [
    ('<Rate currency="HUF" multiplier="0">1.2345</Rate>', "Rate@multiplier", "not a positive whole number"),
    ('<Rate currency="HUF" multiplier="1.5">1.2345</Rate>', "Rate@multiplier", "not a positive whole number"),
    ('<Rate currency="EUR">-4.97</Rate>', "Rate", "not a number"),
    ('<Rate currency="EUR">0.0000</Rate>', "Rate", "more than 0"),
    ('<Rate currency="eu">4.97</Rate>', "Rate@currency", "not a currency code"),
])
def test_a_bad_bnr_rate_names_the_line_element_and_attribute(tmp_path: Path, rate: str, place: str,
                                                             message: str) -> None:
    path = write(tmp_path, "nbrfxrates.xml", bnr(cube("2026-12-04", '<Rate currency="USD">4.3210</Rate>', rate)))
    [problem] = problems(path)
    assert problem.startswith(f"{path}:7: {place}: ") and message in problem


def test_a_bad_date_in_a_bank_file_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "nbrfxrates.xml", bnr(cube("2026-12-31", '<Rate currency="EUR">4.97</Rate>')))
    assert problems(path) == [f"{path}:5: Cube@date: 2026-12-31 is after today"]
    ecb = write(tmp_path, "eurofxref-daily.xml", ECB_DAYS.replace("2026-12-03", "2026-13-03"))
    [problem] = problems(ecb)
    assert problem.startswith(f"{ecb}:11: Cube@time: ") and "not a real date" in problem


XML_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<DataSet><Body><Cube date="2026-12-04"><Rate currency="EUR">&lol3;</Rate></Cube></Body></DataSet>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE DataSet [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<DataSet><Body><Cube date="2026-12-04"><Rate currency="EUR">&secret;</Rate></Cube></Body></DataSet>
"""


@pytest.mark.parametrize("text", [XML_BOMB, EXTERNAL_ENTITY], ids=["bomb", "external-entity"])
def test_entity_declarations_are_refused_before_anything_is_expanded(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "nbrfxrates.xml", text)
    [problem] = problems(path)
    assert problem.startswith(f"{path}:") and "!ENTITY" in problem and "refused" in problem


def test_a_file_in_none_of_the_three_formats_is_refused(tmp_path: Path) -> None:
    html = write(tmp_path, "page.xml", "<html><body>rates</body></html>")
    assert "not a rates file" in problems(html)[0]
    broken = write(tmp_path, "broken.xml", bnr(cube("2026-12-04", '<Rate currency="EUR">4.97</Rat>')))
    assert problems(broken)[0].startswith(f"{broken}:6: file: not well-formed XML")
    other_csv = write(tmp_path, "contracts.csv", "id,product\nC-1,Backup Exec\n")
    assert "unknown column" in problems(other_csv)[0]
    assert problems(tmp_path / "missing.xml") == [f"{tmp_path / 'missing.xml'}:0: file: no such file"]


def test_an_import_plan_replaces_a_stored_rate_of_the_same_day_base_and_currency(tmp_path: Path) -> None:
    store = Store(tmp_path / "renewals.json")
    repository = RateRepository(store)
    repository.save_many([Rate(date(2026, 12, 4), "RON", "EUR", D("4.9000"), "CSV"),
                          Rate(date(2026, 12, 4), "RON", "USD", D("4.3210"), "BNR")])
    plan = plan_rate_import(write(tmp_path, "nbrfxrates.xml", BNR_DAY), repository.by_key(), today=TODAY)
    assert [r.currency for r in plan.new] == ["HUF"] and plan.unchanged == 1
    assert [(old.rate, new.rate) for old, new in plan.changed] == [(D("4.9000"), D("4.9750"))]
    assert plan.describe()[-1] == "BNR file: 1 new rates, 1 replaced, 1 unchanged"
    repository.save_many(plan.rates)
    reread = RateRepository(Store(tmp_path / "renewals.json")).all()
    assert [(r.currency, r.rate, r.source) for r in reread] == [
        ("EUR", D("4.9750"), "BNR"), ("HUF", D("0.012345"), "BNR"), ("USD", D("4.3210"), "BNR")]
