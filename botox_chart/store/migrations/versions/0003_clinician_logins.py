"""Clinicians sign in as themselves: user name, argon2 password hash, administrator flag.

Plain ADD COLUMN and a unique index: SQLite needs no table rebuild for either.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clinician", sa.Column("username", sa.String(length=60), nullable=True))
    op.add_column("clinician", sa.Column("password_hash", sa.String(length=200), nullable=True))
    op.add_column(
        "clinician",
        sa.Column("is_admin", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_clinician_username", "clinician", ["username"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_clinician_username", "clinician")
    for column in ("is_admin", "password_hash", "username"):
        op.drop_column("clinician", column)
