"""Outcomes per cycle and the eligibility assessment (issue 12).

- ``treatment_session`` gains the outcome figures of a visit with their counting window:
  acute-medication days, the window's length and last day, the days with diary data, and the
  MIDAS and HIT-6 totals. Plain ADD COLUMNs, all nullable: signed sessions keep their rows
  untouched (0002's triggers refuse updates of them, and so of these columns too) and their
  digests (store.chain covers a new field only when it holds a value).
- ``eligibility_assessment`` and its ``preventive_treatment`` rows are append-only, like addenda:
  triggers refuse every UPDATE and DELETE (a review adds a new assessment). The app role may only
  SELECT and INSERT them (store.roles.PRIVILEGES).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OUTCOME_COLUMNS = (
    ("acute_medication_days", sa.Integer()),
    ("outcome_window_days", sa.Integer()),
    ("outcome_window_end", sa.Date()),
    ("diary_days", sa.Integer()),
    ("midas_total", sa.Integer()),
    ("hit6_total", sa.Integer()),
)
APPEND_ONLY_TABLES = ("eligibility_assessment", "preventive_treatment")
APPEND_ONLY = "append-only: rows are never changed or deleted"


def _sqlite_triggers(table: str) -> list[tuple[str, str]]:
    return [
        (
            f"{table}_no_{verb.lower()}",
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is {APPEND_ONLY}'); END",
        )
        for verb in ("UPDATE", "DELETE")
    ]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name, type_ in OUTCOME_COLUMNS:
        op.add_column("treatment_session", sa.Column(name, type_, nullable=True))
    op.create_table(
        "eligibility_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("assessed_by", sa.Integer(), nullable=False),
        sa.Column("baseline_start", sa.Date(), nullable=False),
        sa.Column("baseline_end", sa.Date(), nullable=False),
        sa.Column("headache_days_per_month", sa.Integer(), nullable=False),
        sa.Column("migraine_days_per_month", sa.Integer(), nullable=True),
        sa.Column("months_chronic", sa.Integer(), nullable=True),
        sa.Column("hours_per_day", sa.Integer(), nullable=True),
        sa.Column("medication_overuse_addressed", sa.Boolean(), nullable=True),
        sa.Column("referral_on_file", sa.Boolean(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"]),
        sa.ForeignKeyConstraint(["assessed_by"], ["clinician.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_eligibility_assessment_patient_id", "eligibility_assessment", ["patient_id"]
    )
    op.create_table(
        "preventive_treatment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("drug_class", sa.String(length=40), nullable=False),
        sa.Column("dose", sa.String(length=120), nullable=False),
        sa.Column("duration", sa.String(length=120), nullable=False),
        sa.Column("why_stopped", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["eligibility_assessment.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_preventive_treatment_assessment_id", "preventive_treatment", ["assessment_id"]
    )
    for table in APPEND_ONLY_TABLES:
        if sqlite:
            for _name, statement in _sqlite_triggers(table):
                op.execute(statement)
        else:
            # 0002's function: raises "<table> is append-only: …" for any row.
            op.execute(
                f"CREATE TRIGGER {table}_is_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()"
            )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(APPEND_ONLY_TABLES):
        if sqlite:
            for name, _statement in _sqlite_triggers(table):
                op.execute(f"DROP TRIGGER {name}")
        else:
            op.execute(f"DROP TRIGGER {table}_is_append_only ON {table}")
        op.drop_table(table)
    # Native DROP COLUMN (SQLite >= 3.35): a batch rebuild would trip the 0002 triggers.
    for name, _type in reversed(OUTCOME_COLUMNS):
        op.drop_column("treatment_session", name)
