"""`botox-chart patients import FILE.csv`: a clinic's patient list in one step, checked row by row
with the patient form's rules, never half done, and audited without a name."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.store import audit, patients, transaction
from botox_chart.store.models import Role
from tests.cli.test_cli import run
from tests.helpers import raw
from tests.helpers.factories import make_clinician, make_patient

HEADER = (
    "family_name,given_names,date_of_birth,chart_number,health_card,phone,email,"
    "referring_physician,referral_date,allergies"
)
NAMES = [
    ("Côté", "Élise-Noémie", "A-001"),  # accents
    ("Żółć", "Łukasz", "A-002"),
    ("王", "小明", "A-003"),  # Chinese
    ("الحسن", "فاطمة", "A-004"),  # Arabic
    ("Смирнова", "Наталья", "A-005"),  # Cyrillic
    ("Nguyễn", "Thị Hồng", "A-006"),
]


def write_csv(tmp_path: Path, lines: list[str], *, name: str = "patients.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def a_row(family: str, given: str, chart: str, **fields: str) -> str:
    values = {
        "date_of_birth": "1980-05-17",
        "health_card": "",
        "phone": "",
        "email": "",
        "referring_physician": "",
        "referral_date": "",
        "allergies": "",
    }
    values.update(fields)
    return ",".join(
        [
            family,
            given,
            values["date_of_birth"],
            chart,
            values["health_card"],
            values["phone"],
            values["email"],
            values["referring_physician"],
            values["referral_date"],
            values["allergies"],
        ]
    )


def import_events(engine: Engine) -> list[dict[str, object]]:
    with transaction(engine) as db:
        return [e.changes for e in audit.events(db) if e.action == "import"]


@pytest.fixture
def url(sqlite_url: str, cli_admin: int) -> str:
    return sqlite_url


def test_a_valid_file_adds_every_patient_with_names_in_every_script_exactly(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path,
        [
            HEADER,
            *(a_row(f, g, c) for f, g, c in NAMES),
            a_row(
                "Tremblay",
                "Marie",
                "A-007",
                health_card="TREM 8005 1712",
                phone="+1 514-555-0101",
                email="marie@example.org",
                referring_physician="Dr Gagnon",
                referral_date="2026-09-01",
                allergies='"latex, penicillin"',
            ),
        ],
    )
    code, out, err = run(capsys, "patients", "import", str(path), "--db", url)

    assert (code, err) == (0, ""), out
    assert (
        out == "Imported patients.csv: 7 added, 0 skipped as duplicates, 0 refused (of 7 rows).\n"
    )
    assert raw.patients(engine) == [*NAMES, ("Tremblay", "Marie", "A-007")]
    with transaction(engine) as db:
        (marie,) = patients.search(db, text="A-007")
        (elise,) = patients.search(db, text="cote")  # found as a typed patient is
    assert (marie.phone, marie.email, marie.referral_date, marie.allergies) == (
        "+1 514-555-0101",
        "marie@example.org",
        date(2026, 9, 1),
        "latex, penicillin",
    )
    assert elise.chart_number == "A-001"


def test_a_byte_order_mark_and_semicolons_as_excel_saves_in_french(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "liste.csv"
    header = "family_name;given_names;date_of_birth;chart_number"
    text = f'{header}\r\nCôté;Élise;1980-05-17;F-1\r\n"Dupont; fils";Jean;1975-01-02;F-2\r\n'
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    code, out, _ = run(capsys, "patients", "import", str(path), "--db", url)
    assert code == 0, out
    assert raw.patients(engine) == [("Côté", "Élise", "F-1"), ("Dupont; fils", "Jean", "F-2")]


TOMORROW = (date.today() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (a_row("", "Marie", "B-1"), "The family name is missing."),
        (a_row("Roy", "  ", "B-1"), "The given name is missing."),
        (a_row("Roy", "Marie", ""), "The chart number is missing."),
        (a_row("Roy", "Marie", "B-1", date_of_birth=""), "The date of birth is missing"),
        (
            a_row("Roy", "Marie", "B-1", date_of_birth="17/05/1980"),
            "The date of birth '17/05/1980' is not a date: write it YYYY-MM-DD",
        ),
        (
            a_row("Roy", "Marie", "B-1", date_of_birth="1980-02-30"),
            "The date of birth '1980-02-30' is not a date",
        ),
        (
            a_row("Roy", "Marie", "B-1", referral_date="May 2026"),
            "The referral date 'May 2026' is not a date",
        ),
        (
            a_row("Roy", "Marie", "B-1", date_of_birth=TOMORROW),
            "The date of birth is in the future.",
        ),
        (
            a_row("Roy", "Marie", "B-1", email="marie.example.org"),
            "The e-mail address 'marie.example.org' needs one @",
        ),
        (
            a_row("Roy" * 41, "Marie", "B-1"),
            "The family name is too long (123 characters; at most 120).",
        ),
        (
            a_row("Roy", "Marie", "B" * 41),
            "The chart number is too long (41 characters; at most 40).",
        ),
        (
            a_row("Roy", "Marie", "B-1", referral_date="1970-01-01"),
            "The referral date is before the date of birth.",
        ),
        (
            a_row("Roy", "Marie", "B-1") + ",extra",
            "More values than the 10 columns of the first row",
        ),
    ],
)
def test_every_kind_of_bad_row_is_refused_with_its_row_and_reason_and_nothing_imported(
    capsys: pytest.CaptureFixture[str],
    url: str,
    engine: Engine,
    tmp_path: Path,
    row: str,
    reason: str,
) -> None:
    path = write_csv(tmp_path, [HEADER, a_row("Good", "Row", "G-1"), row])
    code, out, _ = run(capsys, "patients", "import", str(path), "--db", url)

    assert code == 1
    (refusal,) = [line for line in out.splitlines() if line.startswith("Row 3: refused: ")]
    assert reason in refusal
    assert "Nothing was imported" in out and "--partial" in out
    assert raw.patients(engine) == []
    assert import_events(engine) == []


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([HEADER + ",nickname"], "Unknown column 'nickname' (column 11)"),
        (["family_name,given_names,chart_number"], "Required column missing: date_of_birth"),
    ],
)
def test_an_unknown_or_missing_column_refuses_the_file_naming_it(
    capsys: pytest.CaptureFixture[str],
    url: str,
    engine: Engine,
    tmp_path: Path,
    lines: list[str],
    message: str,
) -> None:
    path = write_csv(tmp_path, [*lines, "A,B,1980-05-17,C,,,,,,,"])
    code, out, err = run(capsys, "patients", "import", str(path), "--db", url)
    assert (code, out) == (1, "")
    assert err.startswith("botox-chart: patients.csv: ") and message in err
    assert len(err.splitlines()) == 1
    assert raw.patients(engine) == []


def test_a_file_that_is_not_utf8_says_to_save_it_as_csv_utf8(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes(f"{HEADER}\r\n{a_row('Côté', 'Élise', 'A-1')}\r\n".encode("cp1252"))
    code, out, err = run(capsys, "patients", "import", str(path), "--db", url)
    assert (code, out) == (1, "")
    assert "not UTF-8" in err and "CSV UTF-8" in err
    assert raw.patients(engine) == []


def test_duplicates_in_the_database_and_in_the_file_are_skipped_not_refused(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    make_patient(engine, family_name="Déjà", given_names="Là", chart_number="D-1")
    path = write_csv(
        tmp_path,
        [
            HEADER,
            a_row("Other", "Person", "D-1"),  # row 2: a patient's already
            a_row("New", "One", "D-2"),  # row 3: added
            a_row("New", "Again", "D-2"),  # row 4: row 3's
        ],
    )
    code, out, _ = run(capsys, "patients", "import", str(path), "--db", url)

    assert code == 0
    assert out.splitlines() == [
        "Row 2: skipped: Chart number D-1 is already a patient's.",
        "Row 4: skipped: Chart number D-2 is row 3's too.",
        "Imported patients.csv: 1 added, 2 skipped as duplicates, 0 refused (of 3 rows).",
    ]
    assert raw.patients(engine) == [("Déjà", "Là", "D-1"), ("New", "One", "D-2")]
    # Run again: nobody is added twice.
    code, out, _ = run(capsys, "patients", "import", str(path), "--db", url)
    assert code == 0 and "0 added, 3 skipped as duplicates" in out
    assert len(raw.patients(engine)) == 2


def test_partial_imports_the_valid_rows_only_and_still_exits_1(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path,
        [
            HEADER,
            a_row("Good", "One", "P-1"),
            a_row("Bad", "Date", "P-2", date_of_birth="1980/05/17"),
            a_row("Good", "Two", "P-3"),
        ],
    )
    code, out, _ = run(capsys, "patients", "import", str(path), "--db", url)
    assert code == 1 and raw.patients(engine) == []
    assert "import the valid 2 rows only" in out

    code, out, _ = run(capsys, "patients", "import", str(path), "--partial", "--db", url)
    assert code == 1
    assert out.splitlines()[-1] == (
        "Imported patients.csv: 2 added, 0 skipped as duplicates, 1 refused (of 3 rows)."
    )
    assert raw.patients(engine) == [("Good", "One", "P-1"), ("Good", "Two", "P-3")]


def test_a_dry_run_leaves_the_database_file_byte_for_byte(
    url: str, engine: Engine, tmp_path: Path
) -> None:
    make_patient(engine, chart_number="D-1")
    path = write_csv(
        tmp_path,
        [HEADER, a_row("New", "One", "N-1"), a_row("Dup", "Row", "D-1"), a_row("", "X", "N-2")],
    )
    database = raw.database_file(engine)
    engine.dispose()
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _files(database)}

    done = _cli("patients", "import", str(path), "--dry-run", "--db", url)

    assert done.returncode == 1, done.stderr  # a row is refused
    assert done.stdout.splitlines()[-1] == (
        "Dry run, nothing was changed: 1 could be added, 1 skipped as duplicates, "
        "1 refused (of 3 rows)."
    )
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _files(database)}
    assert after == before

    valid = write_csv(tmp_path, [HEADER, a_row("New", "One", "N-1")], name="valid.csv")
    done = _cli("patients", "import", str(valid), "--dry-run", "--db", url)
    assert done.returncode == 0
    assert "Dry run, nothing was changed: 1 would be added" in done.stdout
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _files(database)}
    assert after == before


def test_a_refused_import_run_by_another_process_leaves_nothing_behind(
    url: str, engine: Engine, tmp_path: Path
) -> None:
    """The import runs as its own process; raw SQL from outside finds no patient and no audit
    event it could have written."""
    path = write_csv(
        tmp_path,
        [HEADER, *(a_row(f, g, c) for f, g, c in NAMES), a_row("Bad", "Mail", "Z", email="@")],
    )
    connection = raw.connect(raw.database_file(engine))
    events_before = connection.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    connection.close()

    done = _cli("patients", "import", str(path), "--db", url)

    assert done.returncode == 1
    assert "Row 8: refused: The e-mail address '@' needs one @" in done.stdout
    connection = raw.connect(raw.database_file(engine))
    try:
        assert connection.execute("SELECT count(*) FROM patient").fetchone()[0] == 0
        events = connection.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    finally:
        connection.close()
    assert events == events_before


def test_the_import_is_audited_with_the_counts_and_a_digest_never_a_name(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    make_patient(engine, chart_number="A-001")
    path = write_csv(
        tmp_path,
        [HEADER, *(a_row(f, g, c) for f, g, c in NAMES), a_row("X", "Y", "Q", email="bad")],
        name="Quillfeather Wenonah referrals.csv",  # a file's name may hold a patient's
    )
    code, _out, _ = run(capsys, "patients", "import", str(path), "--partial", "--db", url)
    assert code == 1
    (event,) = import_events(engine)
    data = path.read_bytes()
    assert event == {
        "document": "patients CSV",
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest()[:16],
        "rows": 7,
        "added": 5,
        "duplicates": 1,
        "refused": 1,
    }
    with transaction(engine) as db:
        every = audit.events(db)
    said = json.dumps([e.changes for e in every], ensure_ascii=False)
    assert not any(name in said for family, given, _c in NAMES for name in (family, given))
    assert "Quillfeather" not in said and "referrals" not in said
    created = [e for e in every if e.action == "create" and e.patient_id is not None]
    assert len(created) == 1 + 5  # the factory's patient, and each one imported


def test_staff_may_not_import_not_even_a_dry_run(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from botox_chart import cli
    from botox_chart.store import clinicians

    make_clinician(engine)
    with transaction(engine) as db:
        clinicians.add(
            db,
            name="Pat Park",
            role=Role.STAFF,
            username="park",
            password="staff password",
            by=None,
        )
    monkeypatch.setenv(cli.USER_ENV, "park")
    monkeypatch.setenv(cli.PASSWORD_ENV, "staff password")
    path = write_csv(tmp_path, [HEADER, a_row("A", "B", "C")])
    for extra in ([], ["--dry-run"]):
        code, out, err = run(capsys, "patients", "import", str(path), *extra, "--db", sqlite_url)
        assert (code, out) == (1, "")
        assert "Only an injector or a physician can import patients" in err
    assert raw.patients(engine) == []


def test_a_missing_file_is_one_line(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "patients", "import", str(tmp_path / "nope.csv"), "--db", url)
    assert (code, out) == (1, "")
    assert err == f"botox-chart: {tmp_path / 'nope.csv'}: No such file or directory\n"


def _files(database: Path) -> list[Path]:
    """The database and whatever SQLite keeps beside it."""
    return sorted(p for p in database.parent.iterdir() if p.name.startswith(database.name))


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "botox_chart", *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=dict(os.environ),
    )


def test_a_list_saved_again_without_leading_zeros_lists_each_possible_duplicate_with_its_chart(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    # Imported once as 000123; Excel saved the list again as 123. The same person is not
    # charted twice: the row is skipped and the output says which chart it may be.
    make_patient(engine, family_name="Côté", given_names="Élise", chart_number="000123")
    path = write_csv(
        tmp_path,
        [
            HEADER,
            a_row("COTE", "Elise", "123"),
            a_row("Côté", "Élise", "124", date_of_birth="1981-01-01"),
        ],
    )
    code, out, _ = run(capsys, "patients", "import", str(path), "--db", url)
    assert code == 0
    assert out.splitlines()[0].startswith(
        "Row 2: skipped: Possible duplicate of chart 000123: the same name and date of birth "
        "(chart number 123 in the file)."
    )
    assert "1 added, 1 skipped as duplicates" in out.splitlines()[-1]
    assert raw.patients(engine) == [("Côté", "Élise", "000123"), ("Côté", "Élise", "124")]


def test_refusals_are_said_in_french_with_lang_fr(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_csv(tmp_path, [HEADER + ",Surnom", a_row("A", "B", "C") + ",x"])
    code, out, err = run(capsys, "patients", "import", str(path), "--db", url, "--lang", "fr")
    assert (code, out) == (1, "")
    assert "Colonne inconnue 'Surnom' (colonne 11) : les colonnes sont" in err

    path = write_csv(tmp_path, [HEADER, a_row("A", "B", "C") + ",trop"], name="extra.csv")
    code, out, _ = run(capsys, "patients", "import", str(path), "--db", url, "--lang", "fr")
    assert code == 1
    assert "Plus de valeurs que la première ligne n’a de colonnes (10)" in out


def test_a_named_pipe_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], url: str, engine: Engine, tmp_path: Path
) -> None:
    fifo = tmp_path / "patients.csv"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    code, out, err = run(capsys, "patients", "import", str(fifo), "--db", url)
    assert (code, out) == (1, "")
    assert "is not a file (a pipe or a device)" in err
