"""Every argument of every `renewals` command fed hostile values, run through `main()` on real files: a clear
message and an exit status, never a traceback, and nothing printed that could drive the terminal."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.abuse_values import HOSTILE_VALUES
from tui.cli import main
from tui.commands.text_table import render_table
from tui.domain.partner import PARTNER_COLUMNS
from tui.domain.text import cell_width, has_control_chars
from tui.store.demo import create_demo_database

TODAY = "2026-11-27"
ABUSE = {
    "empty": "",
    "whitespace": "  \t ",
    "long": "x" * 10_000,
    "long digits": "9" * 10_000,
    "undecodable": "caf\udce9",  # how Python hands over argv bytes that are not UTF-8
    **HOSTILE_VALUES,
}

# Each command line with V where the hostile value goes.
COMMANDS = {
    "due --within": ["due", "--within", "V"],
    "due --format": ["due", "--format", "V"],
    "due extra argument": ["due", "V"],
    "--today": ["due", "--today", "V"],
    "coterm id": ["coterm", "V", "--to", "2027-12-31"],
    "coterm --to": ["coterm", "SEP-2021-0417", "--to", "V"],
    "coterm --uplift": ["coterm", "SEP-2021-0417", "--to", "2027-12-31", "--uplift", "V"],
    "coterm --fee-rate": ["coterm", "SEP-2021-0417", "--to", "2027-12-31", "--fee-rate", "V"],
    "coterm --format": ["coterm", "SEP-2021-0417", "--to", "2027-12-31", "--format", "V"],
    "check --warning": ["check", "--warning", "V"],
    "calendar --alarm": ["calendar", "--alarm", "V"],
    "restore N": ["restore", "V"],
    "import contracts FILE": ["import", "contracts", "V"],
    "import partners FILE": ["import", "partners", "--dry-run", "V"],
    "import usage FILE": ["import", "usage", "V"],
    "export --format": ["export", "contracts", "--format", "V"],
    "partners QUERY": ["partners", "V"],
    "partners --country": ["partners", "--country", "V"],
    "partners --tier": ["partners", "--tier", "V"],
    "partners --kind": ["partners", "--kind", "V"],
    "partners --specialisation": ["partners", "--specialisation", "V"],
    "partners --near": ["partners", "--near", "V"],
    "partners --km": ["partners", "--near", "Brașov", "--km", "V"],
    "forecast PRODUCT": ["forecast", "V"],
    "forecast --months": ["forecast", "Endpoint Protection", "--months", "V"],
    "forecast --at": ["forecast", "Endpoint Protection", "--at", "V"],
    "forecast --headroom": ["forecast", "Endpoint Protection", "--headroom", "V"],
}


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory) -> bytes:
    from datetime import date

    path = tmp_path_factory.mktemp("demo") / "demo.json"
    create_demo_database(path, date(2026, 11, 27)).close()
    return path.read_bytes()


@pytest.fixture
def db(tmp_path: Path, demo_copy: bytes) -> Path:
    path = tmp_path / "demo.json"
    path.write_bytes(demo_copy)
    return path


def run(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        status = main(argv)
    except SystemExit as stop:  # argparse's own usage errors
        status = stop.code
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_terminal_safe(*texts: str) -> None:
    for text in texts:
        for line in text.replace("\r\n", "\n").split("\n"):  # CRLF: the line ends of an .ics file
            assert not has_control_chars(line), repr(line[:200])
        text.encode("utf-8")  # a lone surrogate would crash the write to a UTF-8 terminal


@pytest.mark.parametrize("value", list(ABUSE.values()), ids=list(ABUSE))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_argument_with_every_hostile_value(capsys, db: Path, command, value):
    check_command(capsys, db, command, value)


def check_command(capsys, db: Path, command: str, value: str) -> None:
    argv = [value if part == "V" else part for part in COMMANDS[command]] + ["--db", str(db)]
    if "--today" not in argv:
        argv += ["--today", TODAY]
    before = db.read_bytes()
    status, out, err = run(capsys, argv)
    assert status in (0, 1, 2, 3), (status, err)
    assert out or err
    assert_terminal_safe(out, err)
    if status and not command.startswith(("due", "check", "restore")):  # those exit 1 / 3 by design
        assert err.strip() or out.strip(), "an error status needs a message"
    if command.startswith("import"):
        assert db.read_bytes() == before  # nothing imported from a file that does not exist


@pytest.mark.parametrize("value", ["\x1b[31mred\x1b[0m.json", "x" * 10_000, "dir"], ids=["ansi", "long", "directory"])
@pytest.mark.parametrize("command", [["due"], ["check"], ["export", "contracts"], ["restore"], ["import", "contracts",
                                                                                                   "missing.csv"]])
def test_a_hostile_data_file_path_is_a_message(capsys, tmp_path: Path, command, value):
    """--db pointing at a directory or a name too long for the file system used to end in an OSError traceback."""
    (tmp_path / "dir").mkdir()
    status, out, err = run(capsys, [*command, "--db", str(tmp_path / value), "--today", TODAY])
    assert status in (0, 1, 2, 3)
    assert_terminal_safe(out, err)
    if command != ["restore"]:  # a missing file, a directory or a name too long: refused
        assert status and (err or out).strip()
        assert "Traceback" not in err


def test_argparse_errors_echo_arguments_escaped(capsys, db: Path):
    status, _out, err = run(capsys, ["due", "\x1b]0;pwned\x07", "--db", str(db)])
    assert status == 2 and "unrecognized arguments: \\x1b]0;pwned\\x07" in err


def test_an_import_with_hostile_cells_reports_every_problem_escaped(capsys, db: Path, tmp_path: Path):
    path = tmp_path / "\x1b[2Jin.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "product", "quantity", "end", "unit_price", "currency", "\x1b[31mcolour"])
    status, out, err = run(capsys, ["import", "contracts", str(path), "--db", str(db)])
    assert status == 1 and "\\x1b[2Jin.csv:1: \\x1b[31mcolour: unknown column" in err
    assert_terminal_safe(out, err)


def test_echoed_values_are_clipped(capsys, db: Path):
    status, _out, err = run(capsys, ["forecast", "x" * 10_000, "--db", str(db), "--today", TODAY])
    assert status == 1 and "unknown product" in err and len(err) < 300
    status, _out, err = run(capsys, ["partners", "--tier", "x" * 10_000, "--db", str(db)])
    assert status == 1 and len(err) < 300


def write_partners(path: Path, *rows: dict[str, str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, PARTNER_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def partner(id: str, name: str) -> dict[str, str]:
    return dict(id=id, name=name, tier="Gold", kind="reseller", country="RO", city="Brașov",
                specialisations="backup & recovery", languages="ro", email="", phone="", website="")


def test_emoji_and_diacritics_are_imported_exported_and_listed_aligned(capsys, tmp_path: Path):
    db = tmp_path / "db.json"
    names = ["👍 Thumbs SRL", "Protecție Brașov ȘȚĂÂÎ", "Café e\u0301 🇷🇴", "漢字 Partners"]
    path = write_partners(tmp_path / "p.csv", *[partner(f"u{i}", name) for i, name in enumerate(names)])
    status, out, err = run(capsys, ["import", "partners", str(path), "--db", str(db)])
    assert status == 0, err
    status, out, _err = run(capsys, ["export", "partners", "--own", "--db", str(db)])
    assert sorted(row["name"] for row in csv.DictReader(out.splitlines())) == sorted(names)
    status, out, _err = run(capsys, ["partners", "--tier", "gold", "backup", "--db", str(db), "--country", "RO"])
    lines = [line for line in out.splitlines() if line.startswith("u")]
    assert {line.split()[0] for line in lines} == {"u0", "u1", "u2", "u3"}
    tier_at = {cell_width(line[: line.index("Gold")]) for line in lines}
    assert len(tier_at) == 1, out  # the tier column starts at the same terminal column on every row


def test_text_tables_pad_by_terminal_columns():
    table = render_table(["name", "n"], [["👍", "1"], ["e\u0301", "2"], ["漢字", "3"], ["a\tb", "4"], ["plain", "5"]])
    lines = table.splitlines()
    assert {cell_width(line) for line in lines[2:]} == {cell_width(lines[1])}
    assert "\t" not in table


def test_json_export_keeps_unicode_and_escapes_nothing_it_should_not(capsys, tmp_path: Path):
    db = tmp_path / "db.json"
    path = tmp_path / "c.csv"
    path.write_text("id,product,quantity,end,unit_price,currency,notes\n"
                    "RO-1,Protecție Brașov ȘȚĂÂÎ,1,2027-01-01,\"1,234.56\",RON,\"👍\nline two\"\n", encoding="utf-8")
    assert run(capsys, ["import", "contracts", str(path), "--db", str(db)])[0] == 0
    status, out, _err = run(capsys, ["export", "contracts", "--format", "json", "--db", str(db)])
    [item] = json.loads(out)
    assert (item["product"], item["unit_price"], item["notes"]) == ("Protecție Brașov ȘȚĂÂÎ", "1234.56",
                                                                   "👍\nline two")


def test_every_line_a_command_prints_is_escaped(tmp_path: Path):
    """Commands print through CliContext.out / err: data in their messages never drives the terminal."""
    import io
    from datetime import date

    from tui.commands.context import CliContext

    ctx = CliContext(db_path=tmp_path / "db.json", today=date(2026, 11, 27), stdout=io.StringIO(),
                     stderr=io.StringIO())
    ctx.out("id \x1b[2J\nnext\u2028line")
    ctx.err("problem \x07\x9b")
    assert ctx.stdout.getvalue() == "id \\x1b[2J\nnext\\u2028line\n"
    assert ctx.stderr.getvalue() == "problem \\x07\\x9b\n"
