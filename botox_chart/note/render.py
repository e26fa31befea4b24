"""Procedure notes, treatment records, continuation letters, the clinic outcomes report and the
due list as PDF (the due list also as CSV), the lot recall list as PDF and a patient's treatment
as a FHIR bundle (JSON, botox_chart.fhir): what the CLI writes and the window prints or saves.

The window's preview and printer rasterise exactly these bytes, so what is previewed, printed and
saved is one document. Writing a file records an "export" audit event: patient data left the
database. The file is written through ``botox_chart.output`` and appears only once that event is
committed: never an unaudited copy, never over the database or an existing file unless forced.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, PageBreak

from botox_chart import i18n
from botox_chart import paper as papers
from botox_chart.i18n import _
from botox_chart.note import data, file_names, layout, procedure
from botox_chart.store import patients, transaction
from botox_chart.store import sessions as store_sessions
from botox_chart.store import settings as clinic_settings
from botox_chart.store.releases import record_release as record_release
from botox_chart.store.releases import write_exported

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.due import DueList
    from botox_chart.outcomes import OutcomesReport, RuleProfile
    from botox_chart.recall import Recall
    from botox_chart.store.settings import ClinicSettings

# The other documents' modules (record, letter, reports, lists, FHIR) are imported by the
# functions that write them: a procedure note, printed most, loads only what it prints.

RECORD_LANDSCAPE = True
"""The treatment record is a wide table: one session per row, a column per muscle."""
DUE_LIST_LANDSCAPE = True
"""The due list is a wide table with room to write: landscape."""
RECALL_LANDSCAPE = True
"""The lot recall list is a wide table with a box to tick: landscape."""
LETTER_DOCUMENT = "continuation letter"
REPORT_DOCUMENT = "clinic outcomes report"
DUE_LIST_DOCUMENT = "due list"
DUE_LIST_CSV_DOCUMENT = "due list (CSV)"
"""What the audit trail says left the database (never a file name: it may hold a name)."""


def page_size(
    clinic: ClinicSettings, paper: str | None = None, *, landscape: bool = False
) -> tuple[float, float]:
    """A document's page: the ``paper`` asked for (the command line's ``--paper``), else the
    clinic's setting, else the paper of the computer's locale (botox_chart.paper)."""
    return papers.size(papers.resolve(paper or clinic.paper), landscape=landscape)


def document_language(engine: Engine, language: str | None = None) -> str:
    """The language a document prints in: ``language`` when the caller chose one (the command
    line's --lang), else the clinic's setting (ClinicSettings.language)."""
    if language:
        return language
    with transaction(engine) as db:
        return clinic_settings.load(db).language


@dataclass(frozen=True)
class SessionNotes:
    """Everything procedure notes print, read now: the notes' values, the language and paper,
    the logo file as it is on disk and the minute printed in the footer.

    Two readings that compare equal lay out the same pages (:func:`lay_out_session_notes`), so
    the window can show notes laid out ahead of the click once a new reading matches them
    (``ui/notes_ahead.py``): an addendum, a new signature, an edited patient, another language,
    paper, logo or minute makes a reading that does not."""

    notes: tuple[data.SessionNote, ...]
    language: str
    pagesize: tuple[float, float]
    logo: tuple[int, int] | None
    """The logo file's modification time (ns) and size: a new logo at the same path differs."""
    printed: datetime
    """The footer's "Printed" time, to the minute it shows."""


def read_session_notes(
    engine: Engine,
    *,
    session_ids: Sequence[int],
    paper: str | None = None,
    language: str | None = None,
) -> SessionNotes:
    """What the notes of ``session_ids`` print, read now (in ``language``:
    :func:`document_language`). Raises SessionError for an unknown session."""
    if not session_ids:
        raise ValueError("No sessions to print.")
    chosen = document_language(engine, language)
    with i18n.using(chosen), transaction(engine) as db:
        notes = tuple(data.load_session_notes(db, session_ids=session_ids))
    clinic = notes[0].clinic
    return SessionNotes(
        notes=notes,
        language=chosen,
        pagesize=page_size(clinic, paper),
        logo=layout.logo_stamp(clinic),
        printed=datetime.now().astimezone().replace(second=0, microsecond=0),
    )


def lay_out_session_notes(read: SessionNotes) -> bytes:
    """The notes of ``read`` in one PDF, each from a new page, each with its own "page X of Y"."""
    with i18n.using(read.language):
        width = layout.frame_width(read.pagesize)
        story: list[Flowable] = []
        for n, note in enumerate(read.notes):
            if n:
                story.append(PageBreak())
            story += procedure.story(note, width)
        return layout.build(
            story,
            pagesize=read.pagesize,
            title=_("Procedure note"),
            subject=_("OnabotulinumtoxinA procedure note"),
            printed=read.printed,
        )


def session_note_pdf(
    engine: Engine,
    *,
    session_ids: Sequence[int],
    paper: str | None = None,
    language: str | None = None,
) -> bytes:
    """Procedure notes for ``session_ids`` in one PDF, each from a new page, each with its own
    "page X of Y", in ``language`` (:func:`document_language`). Raises SessionError for an
    unknown session."""
    return lay_out_session_notes(
        read_session_notes(engine, session_ids=session_ids, paper=paper, language=language)
    )


def write_session_note(
    engine: Engine,
    *,
    session_id: int,
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> Path:
    """Write one session's procedure note to ``path``; it appears once its export is audited.

    Raises OutputRefused for a path that must not be written (an existing file unless ``force``).
    """
    pdf = session_note_pdf(engine, session_ids=[session_id], paper=paper, language=language)
    return write_exported(
        engine, path, pdf, force=force, session_ids=[session_id], clinician_id=clinician_id
    )


def treatment_record_pdf(
    engine: Engine, *, patient_id: int, paper: str | None = None, language: str | None = None
) -> bytes:
    """Every session of a patient in date order, in ``language`` (:func:`document_language`).
    Raises PatientError for an unknown patient."""
    with i18n.using(document_language(engine, language)):
        with transaction(engine) as db:
            treatment = data.load_record(db, patient_id=patient_id)
        return render_record(treatment, paper=paper)


def render_record(treatment: data.TreatmentRecord, *, paper: str | None = None) -> bytes:
    """A treatment record (note.record) from its plain values."""
    pagesize = page_size(treatment.clinic, paper, landscape=RECORD_LANDSCAPE)
    from botox_chart.note import record

    return layout.build(
        record.story(treatment, layout.frame_width(pagesize)),
        pagesize=pagesize,
        title=_("Treatment record"),
        subject=_("OnabotulinumtoxinA treatment record"),
    )


def render_letter(letter_data: data.LetterData, *, paper: str | None = None) -> bytes:
    """The continuation letter (note.letter) from its plain values: one portrait page."""
    pagesize = page_size(letter_data.clinic, paper)
    from botox_chart.note import letter

    return layout.build(
        letter.story(letter_data, layout.frame_width(pagesize)),
        pagesize=pagesize,
        title=_("Continuation letter"),
        subject=_("OnabotulinumtoxinA for chronic migraine: continuation of treatment"),
    )


def render_outcomes_report(
    report: OutcomesReport, *, clinic: ClinicSettings, day: date, paper: str | None = None
) -> bytes:
    """The clinic outcomes report (note.outcomes_report) of ``outcomes.report(...)``, dated
    ``day``: one portrait page."""
    pagesize = page_size(clinic, paper)
    from botox_chart.note import outcomes_report

    return layout.build(
        outcomes_report.story(report, clinic=clinic, day=day, width=layout.frame_width(pagesize)),
        pagesize=pagesize,
        title=_("Clinic outcomes report"),
        subject=_("OnabotulinumtoxinA for chronic migraine: responders after treatment"),
    )


def write_treatment_record(
    engine: Engine,
    *,
    patient_id: int,
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> Path:
    """Write a patient's treatment record to ``path``; it appears once its export is audited."""
    pdf = treatment_record_pdf(engine, patient_id=patient_id, paper=paper, language=language)
    return write_exported(
        engine, path, pdf, force=force, patient_id=patient_id, clinician_id=clinician_id
    )


def letter_pdf(
    engine: Engine,
    *,
    patient_id: int,
    profile: RuleProfile | None = None,
    written_on: date | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> bytes:
    """A patient's continuation letter under ``profile`` (the clinic's payer profile, else NICE
    TA260), dated ``written_on`` (today), in ``language`` (:func:`document_language`)."""
    with i18n.using(document_language(engine, language)):
        with transaction(engine) as db:
            letter_data = data.load_letter(
                db,
                patient_id=patient_id,
                profile=profile or data.letter_profile(db),
                written_on=written_on or date.today(),
            )
        return render_letter(letter_data, paper=paper)


def letter_file_name(engine: Engine, *, patient_id: int, day: date | None = None) -> str:
    """The file name to suggest for a patient's letter. Raises PatientError."""
    with transaction(engine) as db:
        patient = patients.get(db, patient_id=patient_id)
        return file_names.letter_name(patient.family_name, patient.given_names, day or date.today())


def write_letter(
    engine: Engine,
    *,
    patient_id: int,
    profile: RuleProfile | None,
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> Path:
    """Write a patient's continuation letter to ``path``; it appears once its export is audited."""
    pdf = letter_pdf(engine, patient_id=patient_id, profile=profile, paper=paper, language=language)
    return write_exported(
        engine,
        path,
        pdf,
        force=force,
        patient_id=patient_id,
        clinician_id=clinician_id,
        document=LETTER_DOCUMENT,
    )


def outcomes_report_pdf(
    engine: Engine,
    *,
    day: date | None = None,
    found: OutcomesReport | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> bytes:
    """The clinic outcomes report over every patient's course (or ``found``, the report already
    computed, so the PDF says what the caller printed), dated ``day`` (today)."""
    from botox_chart.outcomes import report
    from botox_chart.store import outcomes as store_outcomes

    with transaction(engine) as db:
        if found is None:
            found = report(store_outcomes.clinic_courses(db))
        clinic = clinic_settings.load(db)
    with i18n.using(language or clinic.language):
        return render_outcomes_report(found, clinic=clinic, day=day or date.today(), paper=paper)


def write_outcomes_report(
    engine: Engine,
    *,
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
    found: OutcomesReport | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> Path:
    """Write the clinic outcomes report to ``path`` (audited as an export; it names no patient)."""
    pdf = outcomes_report_pdf(engine, found=found, paper=paper, language=language)
    return write_exported(
        engine, path, pdf, force=force, clinician_id=clinician_id, document=REPORT_DOCUMENT
    )


def outcomes_report_file_name(day: date | None = None) -> str:
    return f"clinic-outcomes-report_{(day or date.today()).isoformat()}.pdf"


def render_due_list(found: DueList, *, clinic: ClinicSettings, paper: str | None = None) -> bytes:
    """The due list worklist (note.due_list) from its plain values."""
    pagesize = page_size(clinic, paper, landscape=DUE_LIST_LANDSCAPE)
    from botox_chart.note import due_list

    return layout.build(
        due_list.story(found, clinic=clinic, width=layout.frame_width(pagesize)),
        pagesize=pagesize,
        title=_("Due list"),
        subject=_("Patients due for onabotulinumtoxinA: {period}").format(period=found.period),
    )


def due_list_pdf(
    engine: Engine, *, found: DueList, paper: str | None = None, language: str | None = None
) -> bytes:
    """The worklist of ``found`` (the list the caller shows), under the clinic's letterhead."""
    with transaction(engine) as db:
        clinic = clinic_settings.load(db)
    with i18n.using(language or clinic.language):
        return render_due_list(found, clinic=clinic, paper=paper)


def write_due_list(
    engine: Engine,
    *,
    found: DueList,
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> Path:
    """Write the due list's worklist PDF to ``path``; it appears once its export is audited."""
    return write_exported(
        engine,
        path,
        due_list_pdf(engine, found=found, paper=paper, language=language),
        force=force,
        clinician_id=clinician_id,
        document=DUE_LIST_DOCUMENT,
    )


def write_due_list_csv(
    engine: Engine,
    *,
    found: DueList,
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
) -> Path:
    """Write the due list as CSV to ``path``; it appears once its export is audited."""
    from botox_chart.note import due_list

    return write_exported(
        engine,
        path,
        due_list.csv_bytes(found),
        force=force,
        clinician_id=clinician_id,
        document=DUE_LIST_CSV_DOCUMENT,
    )


def due_list_file_name(found: DueList, suffix: str = ".pdf") -> str:
    """ "due-list_2026-12-02.pdf"; "due-list_overdue_2026-12-02.csv" for the overdue only."""
    what = "due-list_overdue" if found.overdue else "due-list"
    return f"{what}_{found.today.isoformat()}{suffix}"


def render_lot_recall(
    found: Recall, *, clinic: ClinicSettings, day: date, paper: str | None = None
) -> bytes:
    """The lot recall list (note.lot_recall) of ``found``, printed ``day``."""
    pagesize = page_size(clinic, paper, landscape=RECALL_LANDSCAPE)
    from botox_chart.note import lot_recall

    return layout.build(
        lot_recall.story(found, clinic=clinic, day=day, width=layout.frame_width(pagesize)),
        pagesize=pagesize,
        title=lot_recall.title_of(found),
        subject=_("Patients who received a lot of onabotulinumtoxinA"),
    )


def lot_recall_pdf(
    engine: Engine,
    *,
    found: Recall,
    day: date | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> bytes:
    """The recall list of ``found`` (the list the caller shows) under the clinic's letterhead."""
    with transaction(engine) as db:
        clinic = clinic_settings.load(db)
    with i18n.using(language or clinic.language):
        return render_lot_recall(found, clinic=clinic, day=day or date.today(), paper=paper)


def write_lot_recall(
    engine: Engine,
    *,
    found: Recall,
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
    paper: str | None = None,
    language: str | None = None,
) -> Path:
    """Write the lot recall list to ``path``; it appears once its export (the lot and the counts,
    no name) is audited."""
    from botox_chart.store import recall as store_recall

    return write_exported(
        engine,
        path,
        lot_recall_pdf(engine, found=found, paper=paper, language=language),
        force=force,
        clinician_id=clinician_id,
        details=store_recall.audit_changes(found),
    )


def lot_recall_file_name(found: Recall, day: date | None = None) -> str:
    """ "lot-recall_C6812AB_2026-12-02.pdf" (the lot's characters that are safe in a file name)."""
    lot = "".join(c if c.isalnum() or c in "-_" else "-" for c in found.lot)
    return f"lot-recall_{lot}_{(day or date.today()).isoformat()}.pdf"


def fhir_bundle(
    engine: Engine, *, patient_id: int | None = None, since: date | None = None
) -> dict[str, object]:
    """The FHIR bundle of a patient's signed sessions (every patient's without ``patient_id``),
    from ``since`` on. Raises PatientError for an unknown patient."""
    from botox_chart import fhir
    from botox_chart.store import fhir as store_fhir

    with transaction(engine) as db:
        found = store_fhir.export_data(db, patient_id=patient_id, since=since)
    return fhir.bundle(found)


def write_fhir_bundle(
    engine: Engine,
    *,
    found: Mapping[str, object],
    path: str | os.PathLike[str],
    force: bool = False,
    clinician_id: int | None = None,
    patient_id: int | None = None,
    since: date | None = None,
) -> Path:
    """Write the bundle ``found`` (:func:`fhir_bundle`) as JSON to ``path``; it appears once its
    export (the counts of what left, no name) is audited, a clinic-wide one (no ``patient_id``)
    with an event for each patient exported."""
    from botox_chart import fhir
    from botox_chart.store import fhir as store_fhir

    exported: list[int] = []
    if patient_id is None:
        with transaction(engine) as db:
            exported = store_fhir.exported_patients(db, found)
    return write_exported(
        engine,
        path,
        fhir.to_json(found),
        force=force,
        clinician_id=clinician_id,
        patient_id=patient_id,
        details=store_fhir.audit_changes(found, since=since),
        patient_ids=exported,
    )


def fhir_bundle_file_name(engine: Engine, *, patient_id: int, day: date | None = None) -> str:
    """The file name to suggest for a patient's FHIR bundle. Raises PatientError."""
    with transaction(engine) as db:
        patient = patients.get(db, patient_id=patient_id)
        return file_names.fhir_bundle_name(
            patient.family_name, patient.given_names, day or date.today()
        )


def session_notes_file_name(engine: Engine, *, session_ids: Sequence[int]) -> str:
    """The file name to suggest for these sessions' notes (note.file_names): their patient's name
    (none if they are several patients') and the dates of service. Raises SessionError."""
    with transaction(engine) as db:
        rows = [store_sessions.get(db, session_id=session_id) for session_id in session_ids]
        family = given = ""
        if len({row.patient_id for row in rows}) == 1:
            patient = patients.get(db, patient_id=rows[0].patient_id)
            family, given = patient.family_name, patient.given_names
    return file_names.procedure_note_name(family, given, [row.date_of_service for row in rows])


def treatment_record_file_name(engine: Engine, *, patient_id: int) -> str:
    """The file name to suggest for a patient's treatment record. Raises PatientError."""
    with transaction(engine) as db:
        patient = patients.get(db, patient_id=patient_id)
        return file_names.treatment_record_name(patient.family_name, patient.given_names)
