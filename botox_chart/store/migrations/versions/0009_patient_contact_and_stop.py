"""Contact and recall fields on the patient (issue 13): phone, e-mail, preferred language, and
the day treatment stopped with its reason.

Plain ADD COLUMNs. The text columns are NOT NULL with an empty default, so existing patients read
"none recorded"; the stop date is nullable (None: still treated). None of them is an identity field
(store.chain.IDENTITY_FIELDS): signed records keep their digests.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TEXT_COLUMNS = (
    ("phone", 40),
    ("email", 254),
    ("preferred_language", 40),
    ("treatment_stopped_reason", 500),
)


def upgrade() -> None:
    for name, length in TEXT_COLUMNS:
        op.add_column(
            "patient",
            sa.Column(name, sa.String(length=length), nullable=False, server_default=""),
        )
    op.add_column("patient", sa.Column("treatment_stopped_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # Native DROP COLUMN (SQLite >= 3.35), like 0008.
    op.drop_column("patient", "treatment_stopped_on")
    for name, _length in reversed(TEXT_COLUMNS):
        op.drop_column("patient", name)
