"""Each session records its ICD-10 diagnosis code (G43.709 unless the clinician chooses another).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: signed sessions keep their rows untouched (the triggers refuse updates),
    # and read the default, the code their notes printed until now.
    op.add_column(
        "treatment_session",
        sa.Column("diagnosis_code", sa.String(length=10), nullable=False, server_default="G43.709"),
    )


def downgrade() -> None:
    # Native DROP COLUMN (SQLite >= 3.35): a batch rebuild would trip the 0002 triggers.
    op.drop_column("treatment_session", "diagnosis_code")
