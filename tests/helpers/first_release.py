"""A database of the first release, with real rows: a signed session of lot L1 (one 200 U vial,
with an addendum and the first release's audit events), migrated up to any revision; and a draft
of two 100 U vials of lot L2 added at that revision (store tests of later migrations)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from botox_chart.store import migrate
from botox_chart.store.engine import make_engine

FIRST_RELEASE_ROWS = [
    "INSERT INTO clinician (id, name, credentials, role, active, is_admin) "
    "VALUES (1, 'Dr A', 'MD', 'physician', 1, 1)",
    "INSERT INTO patient (id, family_name, given_names, date_of_birth, chart_number, "
    "health_card, referring_physician, allergies, search_key, created_at) VALUES "
    "(1, 'Roy', 'Luc', '1970-01-01', 'C1', '', '', '', 'roy, luc', '2026-01-01')",
    "INSERT INTO treatment_session (id, patient_id, protocol_code, date_of_service, injector_id, "
    "product, din_ndc, lot_number, vial_units, vial_count, diluent, diluent_ml, needle, consent, "
    "screen, omissions, adverse_events, acknowledged, adverse_event_other, tolerance, aftercare, "
    "notes, status, signed_by_id, signed_at, version, created_at, updated_at) VALUES (1, 1, "
    "'preempt', '2026-01-01', 1, 'Botox', '', 'L1', 200, 1, '', 400, '', 1, '{}', '{}', '[]', "
    "'[]', '', '', '', 'Fine.', 'draft', NULL, NULL, 1, '2026-01-01', '2026-01-01')",
    "INSERT INTO injection (id, session_id, position, key, kind, site_code, label, muscle, side, "
    "view, x, y, units) VALUES (1, 1, 0, 'PRO', 'protocol', 'PRO', 'Procerus', 'procerus', "
    "'midline', 'front', 120.5, 80, 50)",
    "UPDATE treatment_session SET status = 'signed', signed_by_id = 1, "
    "signed_at = '2026-01-01 10:00:00.000000', version = 2 WHERE id = 1",
    "INSERT INTO addendum (id, session_id, author_id, created_at, text) VALUES "
    "(1, 1, 1, '2026-01-02 09:00:00.000000', 'No bruising.')",
    "INSERT INTO audit_event (id, at, clinician_id, action, patient_id, session_id, changes) "
    "VALUES (1, '2026-01-01 10:00:00.000000', 1, 'sign', 1, 1, '{\"acknowledged\": []}')",
    "INSERT INTO audit_event (id, at, clinician_id, action, patient_id, session_id, changes) "
    "VALUES (2, '2026-01-02 09:00:00.000000', 1, 'addendum', 1, 1, '{}')",
]


DRAFT_OF_TWO_VIALS = [
    "INSERT INTO treatment_session (id, patient_id, protocol_code, date_of_service, injector_id, "
    "product, din_ndc, lot_number, lot_expiry, vial_units, vial_count, diluent, diluent_ml, "
    "needle, consent, screen, omissions, adverse_events, acknowledged, adverse_event_other, "
    "tolerance, aftercare, notes, status, version, created_at, updated_at) VALUES (2, 1, "
    "'preempt', '2026-04-01', 1, 'Botox', '', 'L2', '2027-01-31', 100, 2, '', 200, '', 1, '{}', "
    "'{}', '[]', '[]', '', '', '', '', 'draft', 1, '2026-04-01', '2026-04-01')",
]


def first_release_at(url: str, revision: str) -> Engine:
    """A database of the release before vial rows: one signed session of lot L1 (one 200 U
    vial, sealed by 0006) and a draft of two 100 U vials of lot L2."""
    old = make_engine(url)
    migrate.upgrade(old, "0005")
    with old.begin() as conn:
        for statement in FIRST_RELEASE_ROWS:
            conn.execute(sa.text(booleans(statement, old)))
        if old.dialect.name == "postgresql":  # rows inserted with their ids: move the sequences on
            for table in ("clinician", "patient", "treatment_session", "addendum", "audit_event"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))
    migrate.upgrade(old, revision)
    with old.begin() as conn:
        for statement in DRAFT_OF_TWO_VIALS:
            conn.execute(sa.text(booleans(statement, old)))
    return old


def booleans(statement: str, engine: Engine) -> str:
    """The rows' flags as PostgreSQL spells them (SQLite takes 1)."""
    if engine.dialect.name == "sqlite":
        return statement
    return statement.replace("'physician', 1, 1)", "'physician', true, true)").replace(
        "'', 1, '{}'", "'', true, '{}'"
    )
