"""The command line in Romanian: chosen as a Linux user expects, and machine output byte-identical in every
language. Real processes, so that the environment and `--lang` reach the command as they do for a user."""

from __future__ import annotations

import argparse
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import TODAY
from tui.argparse_words import MESSAGES

ROOT = Path(__file__).resolve().parents[2]

# Each command's machine formats (and `check`, whose status word and performance data are for machines).
MACHINE_COMMANDS = {
    "due json": ["due", "--format", "json"],
    "due csv": ["due", "--format", "csv"],
    "coterm json": ["coterm", "--to", "2027-12-31", "--format", "json", "MG-2023-0050", "DLP-2023-0091"],
    "forecast json": ["forecast", "Endpoint Protection", "--format", "json"],
    "forecast json headroom": ["forecast", "Backup Exec", "--method", "headroom", "--format", "json"],
    "partners json": ["partners", "--near", "Cluj-Napoca", "--format", "json"],
    "partners csv": ["partners", "gold", "--format", "csv"],
    "budget json": ["budget", "--format", "json"],
    "budget csv": ["budget", "--format", "csv"],
    "spend json": ["budget", "--spend", "--format", "json"],
    "export contracts": ["export", "contracts"],
    "export partners": ["export", "partners"],
    "export usage": ["export", "usage"],
    "export renewals json": ["export", "renewals", "--format", "json"],
    "export renewals csv": ["export", "renewals", "--format", "csv"],
    "export rates csv": ["export", "rates", "--format", "csv"],
    "export rates json": ["export", "rates", "--format", "json"],
    "check": ["check"],
    "calendar": ["calendar"],
}

# Runs every command in one process (the language is chosen per `main` call, as per process), so that three
# environments cost three interpreters, not sixty.
DRIVER = """
import contextlib, io, json, sys
from tui.cli import main
results = {}
for name, argv in json.loads(sys.argv[1]).items():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as leaving:
            status = leaving.code
    results[name] = [status, out.getvalue(), err.getvalue()]
print(json.dumps(results))
"""


def environment(**changes: str | None) -> dict[str, str]:
    """The test machine's environment without any language variable, then `changes`."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "RENEWALS_LANG")}
    env.update({k: v for k, v in changes.items() if v is not None})
    env["COLUMNS"] = "100"
    return env


def run_all(commands: dict[str, list[str]], env: dict[str, str], *, lang: str | None = None) -> dict[str, list]:
    extra = ["--lang", lang] if lang else []
    argvs = {name: argv[:1] + extra + argv[1:] for name, argv in commands.items()}
    result = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(argvs)], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def demo_commands(demo_db: Path) -> dict[str, list[str]]:
    common = ["--db", str(demo_db), "--today", TODAY.isoformat()]
    return {name: argv + common for name, argv in MACHINE_COMMANDS.items()}


def test_machine_output_is_byte_identical_in_every_language(demo_db: Path, demo_commands) -> None:
    before = demo_db.read_bytes()
    english = run_all(demo_commands, environment(LANG="en_US.UTF-8"))
    by_option = run_all(demo_commands, environment(LANG="en_US.UTF-8"), lang="ro")
    by_locale = run_all(demo_commands, environment(LANG="ro_RO.UTF-8"))
    assert demo_db.read_bytes() == before
    for name in MACHINE_COMMANDS:
        assert english[name][0] == by_option[name][0] == by_locale[name][0], name  # the exit status
        assert english[name][1], name
        if name in ("check", "calendar"):
            continue
        assert english[name][1] == by_option[name][1] == by_locale[name][1], name
    assert json.loads(english["due json"][1])[0]["status"] == "expired"
    assert "2027-12-31" in english["coterm json"][1] and '"1234' not in english["budget csv"][1]


def test_check_keeps_its_status_word_and_performance_data(demo_commands) -> None:
    english = run_all({"check": demo_commands["check"]}, environment())["check"]
    romanian = run_all({"check": demo_commands["check"]}, environment(LANG="ro_RO.UTF-8"))["check"]
    assert english[0] == romanian[0] == 2
    word, _, rest = romanian[1].partition(" - ")
    assert word == english[1].partition(" - ")[0] == "RENEWALS CRITICAL"
    text, _, perfdata = rest.rpartition(" | ")
    assert perfdata == english[1].rpartition(" | ")[2] and perfdata.startswith("expired=2;;0;0 ")
    assert text.startswith("expirate: 2 (") and "expired" not in text


def test_the_calendar_speaks_the_language_but_keeps_its_uids_and_dates(demo_commands) -> None:
    def events(language_env: dict[str, str]):
        text = run_all({"calendar": demo_commands["calendar"]}, language_env)["calendar"][1]
        return [(str(e["uid"]), e.decoded("dtstart"), str(e["summary"]), str(e["description"]),
                 [str(a["description"]) for a in e.walk("VALARM")]) for e in Calendar.from_ical(text).walk("VEVENT")]

    english, romanian = events(environment()), events(environment(RENEWALS_LANG="ro"))
    assert [e[:2] for e in english] == [e[:2] for e in romanian] and english
    uid, _, summary, description, alarms = romanian[0]
    assert uid == "contract-SEP-2021-0417@renewal-planner"
    assert summary == "Se încheie întreținerea: Endpoint Protection (SEP-2021-0417)"
    assert description.startswith("250 de licențe Endpoint Protection, contractul SEP-2021-0417")
    assert alarms == ["SEP-2021-0417 se încheie peste 90 de zile", "SEP-2021-0417 se încheie peste 60 de zile",
                      "SEP-2021-0417 se încheie peste 30 de zile"]
    assert english[0][2:4] == ("Maintenance ends: Endpoint Protection (SEP-2021-0417)",
                               "250 licences of Endpoint Protection, contract SEP-2021-0417, certificate "
                               "LC-7781-2201. Renew before this date to keep updates and technical support.")


@pytest.mark.parametrize(("env", "argv", "romanian"), [
    ({"LANG": "ro_RO.UTF-8"}, ["due"], True),
    ({"LANG": "ro_RO.UTF-8", "LC_ALL": "en_US.UTF-8"}, ["due"], False),
    ({"LANGUAGE": "ro", "LANG": "en_US.UTF-8"}, ["due"], True),
    ({"LANGUAGE": "en", "LANG": "ro_RO.UTF-8"}, ["due"], False),
    ({"LC_MESSAGES": "ro_RO.UTF-8", "LANG": "C"}, ["due"], True),
    ({"RENEWALS_LANG": "ro", "LANGUAGE": "en"}, ["due"], True),
    ({"RENEWALS_LANG": "en", "LANG": "ro_RO.UTF-8"}, ["due"], False),
    ({"LANG": "ro_RO.UTF-8"}, ["--lang", "en", "due"], False),
    ({"LANG": "ro_RO.UTF-8"}, ["due", "--lang", "en"], False),
    ({"RENEWALS_LANG": "en"}, ["--lang", "ro", "due"], True),
    ({"RENEWALS_LANG": "en"}, ["due", "--lang=ro"], True),
    ({}, ["due"], False),
])
def test_the_language_comes_from_lang_then_renewals_lang_then_gettexts_variables(
        demo_db: Path, env: dict[str, str], argv: list[str], romanian: bool) -> None:
    result = subprocess.run([sys.executable, "-m", "tui", *argv, "--db", str(demo_db), "--today", TODAY.isoformat()],
                            capture_output=True, text=True, env=environment(**env), cwd=ROOT, timeout=60)
    assert result.returncode == 1
    header = result.stdout.splitlines()[0]
    if romanian:
        assert header.split()[:3] == ["id", "produs", "licențe"] and "20.02.2027" in result.stdout
    else:
        assert header.split()[:3] == ["id", "product", "licences"] and "2027-02-20" in result.stdout


def test_argparse_speaks_romanian_usage_options_and_errors() -> None:
    env = environment(LANG="ro_RO.UTF-8")
    help_text = subprocess.run([sys.executable, "-m", "tui", "--help"], capture_output=True, text=True, env=env,
                               cwd=ROOT, timeout=60).stdout
    assert help_text.startswith("utilizare: renewals")
    assert "\nopțiuni:\n" in help_text and "\nargumente poziționale:\n" in help_text
    assert "afișează acest mesaj de ajutor" in help_text and "cât vor costa reînnoirile" in help_text
    assert "usage:" not in help_text and "show this help" not in help_text
    wrong = subprocess.run([sys.executable, "-m", "tui", "due", "--within", "x"], capture_output=True, text=True,
                           env=env, cwd=ROOT, timeout=60)
    assert wrong.returncode == 2
    assert "renewals due: eroare: argumentul --within: valoare int nevalidă: 'x'" in wrong.stderr
    missing = subprocess.run([sys.executable, "-m", "tui", "forecast", "--lang", "ro"], capture_output=True,
                             text=True, env=environment(), cwd=ROOT, timeout=60)
    assert missing.returncode == 2 and "sunt necesare următoarele argumente: PRODUCT" in missing.stderr


def test_every_argparse_word_we_translate_is_still_argparses_own() -> None:
    """A Python whose argparse words a message differently would leave it in English: fail here instead."""
    source = inspect.getsource(argparse)
    missing = [message for message in MESSAGES if repr(message) not in source and f'"{message}"' not in source]
    assert not missing


def test_the_data_file_written_is_byte_identical_in_every_language(tmp_path: Path, demo_commands) -> None:
    contracts_csv = tmp_path / "contracts.csv"
    contracts_csv.write_text(run_all({"export": demo_commands["export contracts"]}, environment())["export"][1])
    written = []
    for name, env, lang in (("en", environment(), None), ("option", environment(), "ro"),
                            ("locale", environment(LANG="ro_RO.UTF-8"), None)):
        db = tmp_path / f"{name}.json"
        argv = ["import", "contracts", str(contracts_csv), "--db", str(db), "--today", TODAY.isoformat()]
        status, out, _err = run_all({"import": argv}, env, lang=lang)["import"]
        assert status == 0 and str(db) in out
        written.append(db.read_bytes())
    assert written[0] == written[1] == written[2]


@pytest.mark.parametrize(("argv", "romanian", "english"), [
    (["due"], ["produs", "zile rămase", "EXPIRAT", "20.02.2027", "23.750,00 RON"], ["product", "EXPIRED"]),
    (["due", "--within", "1", "--today", "2020-01-01"], ["Niciun contract expirat sau scadent în următoarea zi."],
     ["Nothing"]),
    (["coterm", "--to", "2027-12-31", "MG-2023-0050"], ["Dată finală comună 31.12.2027", "taxă de reactivare"],
     ["Co-term", "reinstatement"]),
    (["forecast", "Endpoint Protection"], ["prognoză până la", "Deținute azi", "Utilizare, vârf lunar:"],
     ["forecast to", "Owned today"]),
    (["partners", "--near", "Cluj-Napoca"], ["revânzător", "securitate endpoint", "distanță"], ["reseller", "distance"]),
    (["check"], ["RENEWALS CRITICAL - expirate: 2"], ["expired ("]),
    (["budget", "--months", "3"], ["Buget 27.11.2026 – 26.02.2027", "expirat + taxă", "Total RON:"], ["Budget", "lapsed"]),
    (["budget", "--spend"], ["Cheltuielile tuturor reînnoirilor finalizate"], ["Spend"]),
])
def test_the_commands_print_romanian_for_people(capsys, demo_db: Path, argv, romanian, english) -> None:
    from tests.cli.run_cli import run

    argv = argv if "--today" in argv else [*argv, "--today", TODAY.isoformat()]
    _status, out, err = run(capsys, argv[0], "--lang", "ro", *argv[1:], "--db", str(demo_db))
    assert all(word in out for word in romanian), out + err
    assert not any(word in out for word in english), out
