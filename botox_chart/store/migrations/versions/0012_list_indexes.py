"""Indexes for the lists at 100,000 patients (issue 16, fast at ten times the size).

- ``ix_injection_session_units`` on ``injection (session_id, units)``: every list of sessions
  (``botox-chart sessions``, a patient's sessions in the window) totals each session's units
  and sites with correlated subqueries; with the units in the index those read the index alone,
  not 31 scattered rows per session (1.2 million rows at 10,000 patients).
- ``ix_patient_name`` on ``patient (family_name, given_names, id)``: the patient list's order
  (store.patients.summaries) walks the index instead of sorting every patient.

Rows are not changed: signed rows are final.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_injection_session_units": ("injection", ["session_id", "units"]),
    "ix_patient_name": ("patient", ["family_name", "given_names", "id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
