"""A clinic whose sessions used two lots, for the lot recall's tests (store, CLI, PDF, window).

- Côté, Élise (signed 2026-10-05): 155 U from a 100 U vial of lot A then a 100 U vial of lot B,
  no units drawn recorded: 100 U from A, 55 U from B (taken in order).
- Nguyen, Bao (a draft, 2026-11-02): one 200 U vial of lot A typed in lower case: 155 U from A.
- Smith, Ann (signed 2026-09-01): one 200 U vial of lot B: 155 U from B.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.engine import Engine

from botox_chart.chart import Dilution, Vial
from botox_chart.store import sessions, transaction
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart

LOT_A = "C6812AB"
LOT_B = "D5678CD"
EXPIRY = date(2027, 6, 30)


@dataclass(frozen=True)
class RecallClinic:
    elise: int
    """Session ids: Élise's signed session (lots A then B)."""
    bao: int
    """Bao's draft (lot A, typed in lower case)."""
    ann: int
    """Ann's signed session (lot B only)."""
    elise_patient: int
    bao_patient: int
    ann_patient: int


def recall_clinic(engine: Engine) -> RecallClinic:
    doctor = make_clinician(engine, "Dr Li Wei")
    elise = make_patient(
        engine,
        family_name="Côté",
        given_names="Élise",
        phone="514-555-0101",
        email="elise@example.org",
    )
    bao = make_patient(engine, family_name="Nguyen", given_names="Bao", phone="438-555-0102")
    ann = make_patient(engine, family_name="Smith", given_names="Ann", email="ann@example.org")

    two_lots = ready_chart(date(2026, 10, 5))
    two_lots.vials = [Vial(LOT_A, EXPIRY, 100), Vial(LOT_B, EXPIRY, 100)]
    two_lots.dilution = Dilution(vial_units=100, diluent_ml=Decimal(2))
    elise_session = make_signed_session(engine, elise, doctor, two_lots)

    only_b = ready_chart(date(2026, 9, 1))
    only_b.vials = [Vial(LOT_B, EXPIRY, 200)]
    ann_session = make_signed_session(engine, ann, doctor, only_b)

    typed_lower = ready_chart(date(2026, 11, 2))
    typed_lower.vials = [Vial(f" {LOT_A.lower()} ", EXPIRY, 200)]
    assert bao.id is not None and doctor.id is not None
    with transaction(engine) as db:
        draft = sessions.create_draft(
            db, patient_id=bao.id, injector_id=doctor.id, chart=typed_lower
        )
    assert elise_session.id and ann_session.id and draft.id
    assert elise.id and ann.id
    return RecallClinic(
        elise=elise_session.id,
        bao=draft.id,
        ann=ann_session.id,
        elise_patient=elise.id,
        bao_patient=bao.id,
        ann_patient=ann.id,
    )
