"""`renewals partners`, `renewals import partners` and `renewals export partners`, run through `main()`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.run_cli import run
from tui.store.demo import create_demo_database
from tui.domain.geo import haversine_km
from tui.domain.partner import PARTNER_COLUMNS
from tui.store.cities import city_named
from tui.store.file.database import Store
from tui.store.partners import PartnerRepository

TODAY = "2026-11-27"
HEADER = ",".join(PARTNER_COLUMNS)


@pytest.fixture
def empty_db(db_path: Path) -> Path:
    """A new, empty data file: the directory searched is the shipped one."""
    Store(db_path).create()
    return db_path


def partners_json(capsys, db: Path, *argv: str) -> list[dict]:
    status, out, err = run(capsys, "partners", "--db", str(db), *argv, "--format", "json")
    assert status == 0, err
    return json.loads(out)


def test_query_ignores_diacritics_and_a_missing_letter_in_the_tabs_order(capsys, empty_db: Path) -> None:
    before = empty_db.read_bytes()
    found = partners_json(capsys, empty_db, "timsoara")
    assert found and {p["city"] for p in found} == {"Timișoara"}
    index = PartnerRepository(Store(empty_db)).index()
    assert [p["id"] for p in found] == [h.partner.id for h in index.search("timsoara")]
    assert empty_db.read_bytes() == before  # searching never writes


def test_filters_combine_and_json_carries_the_csv_fields(capsys, empty_db: Path) -> None:
    found = partners_json(capsys, empty_db, "--country", "ro", "--tier", "gold", "--kind", "RESELLER",
                          "--specialisation", "Encryption")
    assert found
    for partner in found:
        assert list(partner) == list(PARTNER_COLUMNS)
        assert (partner["country"], partner["tier"], partner["kind"]) == ("RO", "Gold", "reseller")
        assert "encryption" in partner["specialisations"].split(";")


def test_near_sorts_nearest_first_within_the_radius(capsys, empty_db: Path) -> None:
    found = partners_json(capsys, empty_db, "--near", "cluj napoca", "--km", "120")
    distances = [p["distance_km"] for p in found]
    assert found and distances == sorted(distances) and max(distances) <= 120
    assert distances[0] == 0.0 and found[0]["city"] == "Cluj-Napoca"
    cluj = city_named("Cluj-Napoca")
    last = found[-1]
    assert abs(haversine_km(cluj, city_named(last["city"])) - last["distance_km"]) < 0.1


def test_near_in_text_shows_a_distance_column(capsys, empty_db: Path) -> None:
    status, out, _ = run(capsys, "partners", "--db", str(empty_db), "--near", "Brasov", "--km", "30")
    lines = out.splitlines()
    assert status == 0 and "distance" in lines[0]
    assert lines[2].rstrip().endswith("0 km") and "Brașov" in lines[2]
    assert lines[-1].rstrip().endswith("29 km") and "Sfântu Gheorghe" in lines[-1]


def test_unknown_tier_or_city_is_an_error_listing_the_choices(capsys, empty_db: Path) -> None:
    status, out, err = run(capsys, "partners", "--db", str(empty_db), "--tier", "bronze")
    assert status == 1 and out == ""
    assert "bronze" in err and "Platinum, Gold, Silver, Registered" in err
    status, _, err = run(capsys, "partners", "--db", str(empty_db), "--near", "Atlantis")
    assert status == 1 and "Atlantis" in err and "Cluj-Napoca" in err and "Timișoara" in err
    status, _, err = run(capsys, "partners", "--db", str(empty_db), "--near", "Timisora")
    assert status == 1 and "did you mean Timișoara" in err
    status, _, err = run(capsys, "partners", "--db", str(empty_db), "--km", "10")
    assert status == 1 and "--near" in err


def test_import_then_search_and_export(capsys, tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(HEADER + "\nu1,Ardeal Licențe SRL,silver,Reseller,ro,Sibiu,Backup & Recovery,ro;en,"
                      "office@ardeal.example.com,+40 269 555 000,ardeal.example.com\n", encoding="utf-8")
    status, out, _ = run(capsys, "import", "partners", str(source), "--db", str(db_path))
    assert status == 0 and "+ u1" in out and "1 new" in out
    found = partners_json(capsys, db_path, "licente")
    assert [p["id"] for p in found] == ["u1"]
    assert found[0]["tier"] == "Silver" and found[0]["website"] == "https://ardeal.example.com"
    status, out, _ = run(capsys, "export", "partners", "--own", "--db", str(db_path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["u1"] and rows[0]["specialisations"] == "backup & recovery"
    status, out, _ = run(capsys, "export", "partners", "--db", str(db_path))
    assert out.splitlines()[0] == HEADER and len(out.splitlines()) == len(PartnerRepository(Store(db_path))) + 1


def test_a_bad_import_lists_every_problem_and_writes_nothing(capsys, tmp_path: Path, today) -> None:
    db = tmp_path / "demo.json"
    create_demo_database(db, today).close()
    before = db.read_bytes()
    source = tmp_path / "bad.csv"
    source.write_text(HEADER + "\n"
                      "u1,Good SRL,Gold,reseller,RO,Arad,,,,,\n"
                      "u2,Tin SRL,Bronze,reseller,RO,Arad,,,,,\n"
                      "u3,Far SRL,Gold,reseller,ZZ,Arad,,,,,\n"
                      "u4,,Gold,reseller,RO,Arad,,,,,\n"
                      "u1,Again SRL,Gold,reseller,RO,Arad,,,,,\n"
                      "u5,Mail SRL,Gold,reseller,RO,Arad,,,not-an-address,,\n", encoding="utf-8")
    status, out, err = run(capsys, "import", "partners", str(source), "--db", str(db))
    assert status == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"{source}:3: tier: unknown tier 'Bronze'")
    assert lines[1].startswith(f"{source}:4: country: unknown country code 'ZZ'")
    assert lines[2].startswith(f"{source}:5: name: ")
    assert lines[3] == f"{source}:6: id: 'u1' is also on line 2"
    assert lines[4].startswith(f"{source}:7: email: 'not-an-address' is not an e-mail address")
    assert "Nothing was imported (5 problems)" in lines[5]
    assert db.read_bytes() == before


def test_import_dry_run_and_an_edit_of_a_shipped_partner(capsys, tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "edit.csv"
    source.write_text("id,phone\np0001,+40 21 555 0199\n", encoding="utf-8")
    status, out, _ = run(capsys, "import", "partners", str(source), "--dry-run", "--db", str(db_path))
    assert status == 0 and "~ p0001  phone: +40 21 555 0101 → +40 21 555 0199" in out and not db_path.exists()
    run(capsys, "import", "partners", str(source), "--db", str(db_path))
    repository = PartnerRepository(Store(db_path))
    assert repository.get("p0001").phone == "+40 21 555 0199" and repository.origin_of("p0001") == "edited"


def test_due_shows_partner_names(capsys, tmp_path: Path, today) -> None:
    db = tmp_path / "demo.json"
    create_demo_database(db, today).close()
    _, out, _ = run(capsys, "due", "--db", str(db), "--today", TODAY)
    assert "Zorvanta Systems SRL" in out and " p0001" not in out
