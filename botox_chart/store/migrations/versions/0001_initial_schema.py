"""Initial schema: patients, clinicians, sessions, injections, addenda, audit events, settings.

Units are integer tenths and diluent volume integer hundredths of a mL (models.Tenths, Hundredths).

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "clinician",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("credentials", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "patient",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(length=120), nullable=False),
        sa.Column("given_names", sa.String(length=120), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("chart_number", sa.String(length=40), nullable=False),
        sa.Column("health_card", sa.String(length=40), nullable=False),
        sa.Column("referring_physician", sa.String(length=120), nullable=False),
        sa.Column("referral_date", sa.Date(), nullable=True),
        sa.Column("allergies", sa.String(length=500), nullable=False),
        sa.Column("search_key", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chart_number"),
    )
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patient_family_name"), ["family_name"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("clinician_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["clinician_id"],
            ["clinician.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_patient_id"), ["patient_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_session_id"), ["session_id"], unique=False)

    op.create_table(
        "treatment_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("protocol_code", sa.String(length=40), nullable=False),
        sa.Column("date_of_service", sa.Date(), nullable=False),
        sa.Column("injector_id", sa.Integer(), nullable=True),
        sa.Column("supervisor_id", sa.Integer(), nullable=True),
        sa.Column("product", sa.String(length=120), nullable=False),
        sa.Column("din_ndc", sa.String(length=40), nullable=False),
        sa.Column("lot_number", sa.String(length=40), nullable=False),
        sa.Column("lot_expiry", sa.Date(), nullable=True),
        sa.Column("vial_units", sa.Integer(), nullable=False),
        sa.Column("vial_count", sa.Integer(), nullable=False),
        sa.Column("diluent", sa.String(length=120), nullable=False),
        sa.Column("diluent_ml", sa.Integer(), nullable=False),
        sa.Column("needle", sa.String(length=60), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("screen", sa.JSON(), nullable=True),
        sa.Column("omissions", sa.JSON(), nullable=True),
        sa.Column("headache_days", sa.Integer(), nullable=True),
        sa.Column("migraine_days", sa.Integer(), nullable=True),
        sa.Column("adverse_events", sa.JSON(), nullable=True),
        sa.Column("adverse_event_other", sa.Text(), nullable=False),
        sa.Column("tolerance", sa.Text(), nullable=False),
        sa.Column("aftercare", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("acknowledged", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("signed_by_id", sa.Integer(), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["injector_id"],
            ["clinician.id"],
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patient.id"],
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"],
            ["clinician.id"],
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["clinician.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("treatment_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_treatment_session_date_of_service"), ["date_of_service"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_treatment_session_lot_number"), ["lot_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_treatment_session_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_treatment_session_status"), ["status"], unique=False)

    op.create_table(
        "addendum",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["clinician.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_session.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("addendum", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_addendum_session_id"), ["session_id"], unique=False)

    op.create_table(
        "injection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("site_code", sa.String(length=20), nullable=True),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("muscle", sa.String(length=60), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("view", sa.String(length=10), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["treatment_session.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("injection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_injection_session_id"), ["session_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("injection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_injection_session_id"))

    op.drop_table("injection")
    with op.batch_alter_table("addendum", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_addendum_session_id"))

    op.drop_table("addendum")
    with op.batch_alter_table("treatment_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_treatment_session_status"))
        batch_op.drop_index(batch_op.f("ix_treatment_session_patient_id"))
        batch_op.drop_index(batch_op.f("ix_treatment_session_lot_number"))
        batch_op.drop_index(batch_op.f("ix_treatment_session_date_of_service"))

    op.drop_table("treatment_session")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_session_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_patient_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
    op.drop_table("setting")
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patient_family_name"))

    op.drop_table("patient")
    op.drop_table("clinician")
