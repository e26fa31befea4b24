"""Patient data leaving the database: the audit event of a print or an export, and a file written
only once its export is in the audit trail.

One way for every document: the note, the record, the letter and the clinic lists (note.render)
and the spreadsheets of botox_chart.exchange all write through :func:`write_exported`, which goes
through ``botox_chart.output`` (never over the database or an existing file unless forced) and
publishes the file only after :func:`record_release` committed its event.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy.engine import Engine

from botox_chart import output
from botox_chart.store import audit, transaction
from botox_chart.store import sessions as store_sessions
from botox_chart.store.engine import sqlite_path


def write_exported(
    engine: Engine,
    path: str | os.PathLike[str],
    content: bytes,
    *,
    force: bool,
    clinician_id: int | None,
    session_ids: Sequence[int] = (),
    patient_id: int | None = None,
    document: str = "",
    details: Mapping[str, object] | None = None,
    patient_ids: Sequence[int] = (),
) -> Path:
    """Write ``content`` (a PDF, a CSV) to ``path`` through the one safe output path; the file
    appears only once its export is in the audit trail (:func:`record_release`)."""
    return output.write_bytes(
        path,
        content,
        force=force,
        database=sqlite_path(engine),
        before_publish=lambda: record_release(
            engine,
            action="export",
            session_ids=session_ids,
            patient_id=patient_id,
            clinician_id=clinician_id,
            document=document,
            details=details,
            patient_ids=patient_ids,
        ),
    )


def record_release(
    engine: Engine,
    *,
    action: str,
    session_ids: Sequence[int] = (),
    patient_id: int | None = None,
    clinician_id: int | None = None,
    document: str = "",
    details: Mapping[str, object] | None = None,
    patient_ids: Sequence[int] = (),
) -> None:
    """Audit that a document ("print" or "export") left the database: one event per session's
    note, or one for a patient's record or letter, or one for a clinic's list (the due list, a lot
    recall) or report (``document`` names it, or ``details``, the whole of what the event says, as
    a lot recall's lot and counts). No file names: they may hold the patient's name.

    A clinic-wide export (the FHIR bundle of every treated patient, the injections CSV) names in
    ``patient_ids`` whose records left: each gets an event of its own (the patient's id, the
    document and the id of the export's event; no name), in the same transaction, so the trail
    shows which patients' records left and the file still appears only once all are committed."""
    what = document or ("procedure note" if session_ids else "treatment record")
    said = dict(details) if details is not None else {"document": what}
    with transaction(engine) as db:
        for session_id in session_ids:
            row = store_sessions.get(db, session_id=session_id)
            audit.record(
                db,
                action=action,
                clinician_id=clinician_id,
                patient_id=row.patient_id,
                session_id=session_id,
                changes={"document": what},
            )
        if patient_id is not None or not session_ids:
            event_id = audit.record(
                db,
                action=action,
                clinician_id=clinician_id,
                patient_id=patient_id,
                changes=said,
            )
            if patient_ids:
                document_name = said.get("document", what)
                audit.record_many(
                    db,
                    [
                        {
                            "action": action,
                            "clinician_id": clinician_id,
                            "patient_id": pid,
                            "session_id": None,
                            "changes": {"document": document_name, "export_event": event_id},
                        }
                        for pid in sorted(set(patient_ids))
                    ],
                )
        db.commit()
