"""``botox-chart note`` and ``botox-chart record``: files written, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart.cli import main
from botox_chart.store.models import Clinician, Patient
from tests.helpers.factories import make_signed_session
from tests.note.samples import page_texts, standard_chart


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
    assert capsys.readouterr().err == f"botox-chart: {target}: No such file or directory\n"
