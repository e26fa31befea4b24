"""Failed sign-ins are counted in the database (issue 10): ``sign_in_throttle`` holds, per user
name, the failures in a row, the last one's time and how long the account is locked, so every
workstation and the command line throttle the same attempts (store.throttle).

The app role needs SELECT, INSERT, UPDATE and DELETE on it (store.roles.PRIVILEGES): a failure
inserts or updates the row, a success or an administrator's unlock deletes it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_throttle",
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username"),
    )


def downgrade() -> None:
    op.drop_table("sign_in_throttle")
