"""Documents in the clinic's language: a Québec clinic's note and record print in French (headings,
« 2 novembre 2026 », « 2,5 U ») with the patient's name exactly as typed; --lang overrides the
clinic's setting for one command, and the command line's own messages follow --lang or the
computer's locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from botox_chart import i18n
from botox_chart.cli import main
from botox_chart.note import render
from botox_chart.store import settings, transaction
from botox_chart.store.models import Clinician, Patient
from botox_chart.store.settings import ClinicSettings, SettingsError
from tests.helpers.factories import an_administrator, make_signed_session
from tests.note.samples import pdftotext, save_clinic, standard_chart, tailored_chart

pytestmark = pytest.mark.usefixtures("cli_admin")  # the command line signs in as it


def test_a_french_note_from_the_command_line(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    save_clinic(engine)  # an English clinic: --lang fr wins for this one note
    session = make_signed_session(engine, patient, injector, tailored_chart())
    target = tmp_path / "note.pdf"
    assert (
        main(["note", str(session.id), "-o", str(target), "--lang", "fr", "--db", sqlite_url]) == 0
    )
    assert capsys.readouterr().out.strip() == f"Fichier écrit : {target}"
    words = " ".join(pdftotext(target).split())
    for heading in (
        "Note d’intervention",
        "Sites d’injection",
        "Tableau des sites",
        "Produit et préparation",
        "Indication, consentement et dépistage",
        "Évolution et soins après l’intervention",
        "Écarts par rapport au protocole standard",
        "UNITÉS TOTALES",
        "Signé électroniquement par Ярослава Коваленко",
    ):
        assert heading in words, heading
    assert "ØVERGÅRD, Zoë" in words  # the page header's name, exactly as typed
    assert "Date du service : 2 novembre 2026" in words
    assert "DDN " in words and "Page 1 de " in words
    assert "2,5 U au lieu de 5 U" in words  # the changed corrugator dose, decimal comma
    assert "7,5" in words and "2.5" not in words
    assert "Procedure note" not in words and "Injection sites" not in words


def test_the_clinic_setting_makes_the_window_s_note_and_record_french(
    engine: Engine, patient: Patient, injector: Clinician, tmp_path: Path
) -> None:
    """The window prints through render.session_note_pdf and render.treatment_record_pdf: the
    clinic's language decides, whatever the process (an English window) speaks."""
    save_clinic(engine, language="fr")
    session = make_signed_session(engine, patient, injector, standard_chart())
    assert session.id is not None and patient.id is not None
    note = tmp_path / "note.pdf"
    note.write_bytes(render.session_note_pdf(engine, session_ids=[session.id]))
    record = tmp_path / "record.pdf"
    record.write_bytes(render.treatment_record_pdf(engine, patient_id=patient.id))
    assert i18n.language() == "en"  # the window's own messages stay as they were
    note_words = " ".join(pdftotext(note).split())
    assert "Note d’intervention" in note_words
    assert "Date du service : 2 novembre 2026" in note_words
    record_words = " ".join(pdftotext(record).split())
    for said in (
        "Dossier de traitement",
        "Séances",
        "1 séance, du 2 novembre 2026 au 2 novembre 2026",
        "Effets indésirables",
        "Douleur cervicale",  # the stored pick-list value "Neck pain", printed in French
        "Øvergård",
        "ØVERGÅRD, Zoë",
        "2026-11-02",  # the table's dates: fr_CA's numeric form
        "Page 1 de 1",
    ):
        assert said in record_words, said
    assert "Treatment record" not in record_words


def test_lang_en_prints_english_for_a_french_clinic(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    save_clinic(engine, language="fr")
    make_signed_session(engine, patient, injector, standard_chart())
    target = tmp_path / "record.pdf"
    command = ["record", str(patient.id), "-o", str(target), "--db", sqlite_url]
    assert main([*command, "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {target}"
    words = " ".join(pdftotext(target).split())
    assert "Treatment record" in words and "Dossier de traitement" not in words
    assert "1 session, 2026-11-02 to 2026-11-02" in words


def test_the_command_line_speaks_the_computer_s_language(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """LANG=fr_CA: the messages are French; the document follows the clinic (English here)."""
    save_clinic(engine)
    session = make_signed_session(engine, patient, injector, standard_chart())
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    target = tmp_path / "note.pdf"
    assert main(["note", str(session.id), "-o", str(target), "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.strip() == f"Fichier écrit : {target}"
    assert "Procedure note" in pdftotext(target)
    assert main(["note", "4242", "-o", str(tmp_path / "x.pdf"), "--db", sqlite_url]) == 1
    assert capsys.readouterr().err.startswith("botox-chart: ")
    assert main(["sessions", "--db", sqlite_url]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["ID", "Date", "Patient", "Statut", "Unités", "Sites"]
    assert "signée" in table[1] and "2026-11-02" in table[1]


def test_the_json_output_stays_iso_and_english_whatever_the_language(
    engine: Engine,
    sqlite_url: str,
    patient: Patient,
    injector: Clinician,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_signed_session(engine, patient, injector, tailored_chart())
    assert main(["sessions", "--json", "--lang", "fr", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert '"date": "2026-11-02"' in out and '"status": "signed"' in out


def test_the_french_help_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "note", "--help"])
    out = capsys.readouterr().out
    assert "--lang {en,fr}" in out
    assert "écraser un fichier existant" in out


def test_the_document_language_is_a_clinic_setting(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert ClinicSettings().language == "fr"  # until chosen: the computer's
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert ClinicSettings().language == "en"
    admin = an_administrator(engine)
    with transaction(engine) as db, pytest.raises(SettingsError, match="language"):
        settings.save(db, settings=ClinicSettings(language="de"), clinician_id=admin)
    with transaction(engine) as db:
        settings.save(db, settings=ClinicSettings(language="fr"), clinician_id=admin)
        assert settings.load(db).language == "fr"


def test_a_value_another_version_stored_falls_back_rather_than_failing_documents(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer workstation on a shared database (or a hand edit) may store a language or paper
    this version does not speak: documents then use the defaults instead of all failing."""
    from botox_chart.store.models import Setting

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    with transaction(engine) as db:
        db.add(Setting(key=settings.KEY, value={"language": "es", "paper": "legal", "name": "X"}))
        db.commit()
    with transaction(engine) as db:
        loaded = settings.load(db)
    assert (loaded.name, loaded.language, loaded.paper) == ("X", "en", "")


def test_a_rise_keeps_its_plus_sign_in_french() -> None:
    """A worsening must not read like an improvement: +12 % in French as +12% in English."""
    from botox_chart import i18n

    with i18n.using("fr"):
        assert i18n.percent("+12") == "+12\u00a0%"
        assert i18n.percent("-30") == "-30\u00a0%"
        assert i18n.number("+2.5") == "+2,5"
    with i18n.using("en"):
        assert i18n.percent("+12") == "+12%"
