"""An index on the lot as a recall compares it (issue 13, lot recall).

A recall finds every vial of a lot however the lot was typed: trimmed, the letters a-z in upper
case (chart.lot_key). 0010's index on ``vial.lot_number`` serves only the lot as stored, so this
adds one on that expression, which store.recall's lookup repeats word for word so the database
uses it. PostgreSQL folds the case in the "C" collation, where ``upper()`` changes only a-z as
SQLite's does; both databases then agree with chart.lot_key on every lot. Rows are not changed:
signed vial rows are final.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

INDEX = "ix_vial_lot_key"
EXPRESSION = {
    "sqlite": "upper(trim(lot_number))",
    "postgresql": 'upper(trim(lot_number) COLLATE "C")',
}
"""The lot as compared, per database: store.recall.lot_key_of builds the same expression."""


def upgrade() -> None:
    expression = EXPRESSION[op.get_bind().dialect.name]
    op.execute(f"CREATE INDEX {INDEX} ON vial ({expression})")


def downgrade() -> None:
    op.execute(f"DROP INDEX {INDEX}")
