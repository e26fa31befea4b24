"""``botox-chart note`` and ``botox-chart record``: files written, one-line errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pypdf
import pytest
from sqlalchemy.engine import Engine

from botox_chart import output
from botox_chart.cli import main
from botox_chart.store import StorageError, audit, transaction
from botox_chart.store.models import Clinician, Patient
from tests.helpers.factories import make_signed_session
from tests.note.samples import page_texts, save_clinic, standard_chart

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in as it


def test_note_writes_the_procedure_note(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session = make_signed_session(engine, patient, injector, standard_chart())
    target = tmp_path / "note.pdf"
    assert main(["note", str(session.id), "-o", str(target), "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {target}"
    assert "Øvergård, Zoë" in page_texts(target.read_bytes())[0]


def test_record_writes_the_treatment_record_beside_the_user_by_default(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_signed_session(engine, patient, injector, standard_chart())
    monkeypatch.chdir(tmp_path)
    assert main(["record", str(patient.id), "--db", sqlite_url]) == 0
    text = page_texts((tmp_path / f"patient-{patient.id}-record.pdf").read_bytes())[0]
    assert "Treatment record" in text


@pytest.mark.parametrize(
    ("clinic", "option", "size"),
    [
        ("", [], (612, 792)),  # the tests' computer is in the US
        ("letter", ["--paper", "a4"], (595, 842)),
        ("a4", ["--paper", "LETTER"], (612, 792)),
        ("a4", [], (595, 842)),
    ],
)
def test_paper_chooses_a4_or_letter_over_the_clinics_setting(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
    clinic: str,
    option: list[str],
    size: tuple[int, int],
) -> None:
    save_clinic(engine, paper=clinic)
    session = make_signed_session(engine, patient, injector, standard_chart())
    note, record = tmp_path / "note.pdf", tmp_path / "record.pdf"
    assert main(["note", str(session.id), "-o", str(note), *option, "--db", sqlite_url]) == 0
    assert main(["record", str(patient.id), "-o", str(record), *option, "--db", sqlite_url]) == 0
    assert page_size(note) == size
    assert page_size(record) == (size[1], size[0])  # landscape


def test_every_document_command_takes_paper(
    engine: Engine, sqlite_url: str, patient: Patient, injector: Clinician, tmp_path: Path
) -> None:
    make_signed_session(engine, patient, injector, standard_chart())
    commands = {
        "letter": ["letter", str(patient.id)],
        "due": ["due", "--within", "366"],
        "lot": ["lot", "C1234AB"],
        "report": ["report", "outcomes"],
    }
    for name, command in commands.items():
        target = tmp_path / f"{name}.pdf"
        argv = [*command, "-o", str(target), "--paper", "a4", "--db", sqlite_url]
        assert main(argv) == 0, name
        width, height = page_size(target)
        assert sorted((width, height)) == [595, 842], name


def test_an_unknown_paper_is_refused_before_anything_is_written(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "note.pdf"
    with pytest.raises(SystemExit) as exit_:
        main(["note", "1", "-o", str(target), "--paper", "legal", "--db", sqlite_url])
    assert exit_.value.code == 2
    assert "invalid choice: 'legal'" in capsys.readouterr().err
    assert not target.exists()


def page_size(path: Path) -> tuple[int, int]:
    box = pypdf.PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.mark.parametrize(("command", "what"), [("note", "session"), ("record", "patient")])
def test_an_unknown_id_is_one_line_on_stderr(
    engine: Engine,
    sqlite_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    what: str,
) -> None:
    target = tmp_path / "out.pdf"
    assert main([command, "4242", "-o", str(target), "--db", sqlite_url]) == 1
    err = capsys.readouterr().err
    assert err == f"botox-chart: There is no {what} 4242.\n"
    assert not target.exists()


def test_a_folder_that_does_not_exist_is_one_line_naming_the_file(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session = make_signed_session(engine, patient, injector, standard_chart())
    target = tmp_path / "missing" / "note.pdf"
    assert main(["note", str(session.id), "-o", str(target), "--db", sqlite_url]) == 1
    assert capsys.readouterr().err == (
        f"botox-chart: {target}: the folder {target.parent} does not exist.\n"
    )


# -- where a note may be written (issue 9, item 5) -----------------------------------------------


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("botox-chart: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    return err


@pytest.fixture
def signed_id(engine: Engine, patient: Patient, injector: Clinician) -> int:
    session = make_signed_session(engine, patient, injector, standard_chart())
    assert session.id is not None
    return session.id


def exports(engine: Engine) -> list[int | None]:
    with transaction(engine) as db:
        return [e.session_id for e in audit.events(db) if e.action == "export"]


def test_an_existing_file_is_kept_unless_forced(
    engine: Engine,
    sqlite_url: str,
    signed_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"the referral letter")
    assert main(["note", str(signed_id), "-o", str(target), "--db", sqlite_url]) == 1
    assert one_line_error(capsys) == (
        f"botox-chart: {target}: already exists; it was left unchanged. "
        f"Add --force to write over it.\n"
    )
    assert target.read_bytes() == b"the referral letter"
    assert exports(engine) == []

    argv = ["note", str(signed_id), "-o", str(target), "--force", "--db", sqlite_url]
    assert main(argv) == 0
    assert "Øvergård, Zoë" in page_texts(target.read_bytes())[0]
    assert exports(engine) == [signed_id]


@pytest.mark.parametrize("command", ["note", "record", "backup"])
def test_the_database_is_never_an_output_even_forced(
    engine: Engine,
    sqlite_url: str,
    signed_id: int,
    patient: Patient,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    database = tmp_path / "test.db"
    engine.dispose()  # everything in the main file: its bytes are what a user would lose
    before = database.read_bytes()
    (tmp_path / "x").mkdir()
    ident = {"note": [str(signed_id)], "record": [str(patient.id)], "backup": []}[command]
    for spelling in (str(database), f"{tmp_path}/x/../test.db", f"{database}-wal"):
        argv = [command, *ident, "-o", spelling, "--force", "--db", str(database)]
        assert main(argv) == 1
        assert "that is the database" in one_line_error(capsys)
    assert database.read_bytes() == before
    assert exports(engine) == []


@pytest.mark.parametrize("command", ["note", "record"])
def test_a_pipe_or_a_folder_is_refused_without_opening_it(
    engine: Engine,
    sqlite_url: str,
    signed_id: int,
    patient: Patient,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    ident = str(signed_id if command == "note" else patient.id)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)  # opening it to write would block until a reader came: the test would hang
    assert main([command, ident, "-o", str(fifo), "--force", "--db", sqlite_url]) == 1
    assert "not a regular file" in one_line_error(capsys)
    assert main([command, ident, "-o", str(tmp_path), "--db", sqlite_url]) == 1
    assert "is a folder" in one_line_error(capsys)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert exports(engine) == []


@pytest.mark.parametrize("command", ["note", "record", "backup"])
def test_an_empty_file_name_is_one_line(
    engine: Engine,
    sqlite_url: str,
    signed_id: int,
    patient: Patient,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    ident = {"note": [str(signed_id)], "record": [str(patient.id)], "backup": []}[command]
    assert main([command, *ident, "-o", "", "--db", sqlite_url]) == 1
    assert one_line_error(capsys) == "botox-chart: No output file name was given.\n"


def test_the_export_is_audited_before_the_note_appears(
    engine: Engine,
    sqlite_url: str,
    signed_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "note.pdf"
    publish = output._publish
    at_publish: list[tuple[bool, list[int | None]]] = []

    def watched(temporary: Path, path: Path, *, force: bool) -> None:
        at_publish.append((path.exists(), exports(engine)))  # what another reader would see
        publish(temporary, path, force=force)

    monkeypatch.setattr(output, "_publish", watched)
    assert main(["note", str(signed_id), "-o", str(target), "--db", sqlite_url]) == 0
    assert at_publish == [(False, [signed_id])]
    assert target.exists()


def test_no_note_appears_when_its_audit_fails(
    engine: Engine,
    sqlite_url: str,
    signed_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise StorageError("The disk holding the database is full. Free some space and try again.")

    monkeypatch.setattr(audit, "record", disk_full)
    target = tmp_path / "note.pdf"
    assert main(["note", str(signed_id), "-o", str(target), "--db", sqlite_url]) == 1
    assert "disk holding the database is full" in one_line_error(capsys)
    assert (
        sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name[0] == ".") == []
    )
