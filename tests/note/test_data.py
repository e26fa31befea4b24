"""What the note and the treatment record print is what was signed, or they say it is not.

Attacks from outside the app (raw SQL on the file, tests/helpers/attacks.py): a clinician renamed
after signing, a session rewritten (and re-signed with the digest code).
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from botox_chart.note import render
from botox_chart.note.data import load_record, load_session_notes
from botox_chart.note.procedure import CLINIC_SETTINGS_NOT_SIGNED
from botox_chart.store import sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role
from botox_chart.store.verify import verify
from tests.helpers.attacks import raw, re_sign, replace_row
from tests.helpers.factories import make_clinician, make_signed_session
from tests.note.samples import page_texts, save_clinic, standard_chart

MISMATCH = "DOES NOT MATCH ITS SIGNATURE"


def folded(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def note_pages(engine: Engine, session_id: int) -> list[str]:
    return page_texts(render.session_note_pdf(engine, session_ids=[session_id]))


def record_pages(engine: Engine, patient: Patient) -> list[str]:
    assert patient.id is not None
    return page_texts(render.treatment_record_pdf(engine, patient_id=patient.id))


def test_a_signed_note_prints_the_names_as_signed_not_as_renamed_since(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    colleague = make_clinician(engine, "Dr Paul Martin", Role.PHYSICIAN)
    row = make_signed_session(engine, patient, injector, standard_chart())
    assert row.id is not None and injector.id is not None and patient.id is not None
    with transaction(engine) as db:
        sessions.add_addendum(
            db, session_id=row.id, author_id=injector.id, text="Day-3 call: neck pain settling"
        )
        draft = sessions.create_draft(
            db, patient_id=patient.id, injector_id=colleague.id, chart=standard_chart()
        )
    assert draft.id is not None
    with raw(engine) as conn:
        conn.execute(
            "UPDATE clinician SET name = 'Dr Evil Impostor', credentials = '' WHERE id IN (?, ?)",
            (injector.id, colleague.id),
        )
    conn.close()

    text = folded(note_pages(engine, row.id))
    assert "Dr Evil Impostor" not in text
    assert "Electronically signed by Ярослава Коваленко, MD, FRCPC" in text
    assert "· Ярослава Коваленко, MD, FRCPC Day-3 call" in text  # the addendum's author
    assert verify(engine).ok  # the clinician's row is not the record: the signature's names are
    record = folded(record_pages(engine, patient))
    assert "Ярослава Коваленко, MD, FRCPC" in record
    # A draft is not signed: it shows the clinician's row as it is now.
    with transaction(engine) as db:
        (draft_note,) = load_session_notes(db, session_ids=[draft.id])
    assert draft_note.injector == "Dr Evil Impostor"
    assert "Dr Evil Impostor" in record


def test_a_signed_note_says_the_clinic_s_settings_are_not_signed(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    save_clinic(engine)
    row = make_signed_session(engine, patient, injector, standard_chart())
    assert row.id is not None
    sentence = " ".join(CLINIC_SETTINGS_NOT_SIGNED.split())
    assert sentence in folded(note_pages(engine, row.id))
    assert sentence in folded(record_pages(engine, patient))


def test_the_note_of_a_re_signed_session_says_it_does_not_match(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    row = make_signed_session(engine, patient, injector, standard_chart())
    make_signed_session(engine, patient, injector, standard_chart())  # an event after its sign
    assert row.id is not None
    replace_row(engine, "treatment_session", row.id, lot_number="FAKE123")
    re_sign(engine, row.id)
    pages = note_pages(engine, row.id)
    assert all(MISMATCH in page for page in pages)
    assert "does not match its signature" in folded(pages).lower()


def test_the_treatment_record_marks_a_session_that_does_not_match_its_signature(
    engine: Engine, patient: Patient, injector: Clinician
) -> None:
    intact = make_signed_session(engine, patient, injector, standard_chart())
    tampered = make_signed_session(engine, patient, injector, standard_chart())
    assert intact.id is not None and tampered.id is not None and patient.id is not None
    assert MISMATCH not in folded(record_pages(engine, patient))

    replace_row(engine, "treatment_session", tampered.id, lot_number="FAKE123")
    with transaction(engine) as db:
        entries = {e.session_id: e for e in load_record(db, patient_id=patient.id).entries}
    assert entries[intact.id].integrity_problems == ()
    assert any(
        f"Session {tampered.id} no longer matches what was signed" in problem
        for problem in entries[tampered.id].integrity_problems
    )
    pages = record_pages(engine, patient)
    assert all(f"{MISMATCH}: session {tampered.id}" in page for page in pages)
    assert f"Session {tampered.id} {MISMATCH}." in folded(pages)
