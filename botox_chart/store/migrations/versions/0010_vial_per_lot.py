"""A row per vial opened (issue 13): its lot, expiry, size and the units drawn from it.

A 155-195 U session often uses two 100 U vials from different lots; one lot per session could not
say so, and a recall of either lot missed its patients. Every existing session gets one vial row
per vial it counted (``vial_count``), each with the session's lot, expiry and vial size and no
units drawn (not recorded then: chart.Chart.drawn takes the units in order).

- Signed sessions keep their rows untouched: their lot columns stay as signed, and their digests
  hold, since store.chain covers the vial rows only where they say more than those columns (the
  rows made here say the same).
- Drafts move their lot to the vial rows, and their session columns are emptied, so a draft says
  its lot in one place, as every session charted from now on does.
- Vial rows of a signed session are final like its injections: the same triggers refuse inserting,
  changing or deleting them (0002, 0005's statement check on PostgreSQL). The app role may change
  them as it changes injections (store.roles.PRIVILEGES).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FINAL = "signed session is final: add an addendum instead"
MOST_VIALS = 100
"""Rows made for one session at most: the app allows 6 vials; a count beyond this was never
charted through it."""

COPY = f"""
INSERT INTO vial (session_id, position, lot_number, lot_expiry, units, units_drawn)
WITH RECURSIVE n(k) AS (
    SELECT 0
    UNION ALL
    SELECT k + 1 FROM n
    WHERE k + 1 < (SELECT MIN(MAX(vial_count), {MOST_VIALS}) FROM treatment_session)
)
SELECT s.id, n.k, s.lot_number, s.lot_expiry, s.vial_units, NULL
FROM treatment_session s JOIN n ON n.k < s.vial_count
ORDER BY s.id, n.k
"""
COPY_POSTGRESQL = COPY.replace("MIN(MAX(vial_count), ", "LEAST(MAX(vial_count), ")

SQLITE_TRIGGERS = {
    "signed_vial_no_insert": f"""CREATE TRIGGER signed_vial_no_insert BEFORE INSERT ON vial
    WHEN (SELECT status FROM treatment_session WHERE id = NEW.session_id) = 'signed'
    BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
    "signed_vial_no_update": f"""CREATE TRIGGER signed_vial_no_update BEFORE UPDATE ON vial
    WHEN (SELECT status FROM treatment_session WHERE id = OLD.session_id) = 'signed'
      OR (SELECT status FROM treatment_session WHERE id = NEW.session_id) = 'signed'
    BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
    "signed_vial_no_delete": f"""CREATE TRIGGER signed_vial_no_delete BEFORE DELETE ON vial
    WHEN (SELECT status FROM treatment_session WHERE id = OLD.session_id) = 'signed'
    BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
}
POSTGRESQL_TRIGGERS = {
    # 0002's and 0005's functions look at the session of OLD/NEW rows and of the inserted rows:
    # they serve any table with a session_id.
    "signed_vial_is_final": """CREATE TRIGGER signed_vial_is_final BEFORE UPDATE OR DELETE ON vial
    FOR EACH ROW EXECUTE FUNCTION refuse_signed_injection_change()""",
    "signed_vial_no_insert": """CREATE TRIGGER signed_vial_no_insert AFTER INSERT ON vial
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_injections_into_signed()""",
}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "vial",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("lot_number", sa.String(length=40), nullable=False),
        sa.Column("lot_expiry", sa.Date(), nullable=True),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("units_drawn", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["treatment_session.id"]),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_vial_session_id", "vial", ["session_id"])
    op.create_index("ix_vial_lot_number", "vial", ["lot_number"])
    op.execute(COPY if sqlite else COPY_POSTGRESQL)
    op.execute(
        "UPDATE treatment_session SET lot_number = '', lot_expiry = NULL "
        "WHERE status = 'draft' AND id IN (SELECT session_id FROM vial)"
    )
    for statement in (SQLITE_TRIGGERS if sqlite else POSTGRESQL_TRIGGERS).values():
        op.execute(statement)


SAID_MORE = """
SELECT s.id FROM treatment_session s
WHERE s.status = 'signed' AND (
    s.vial_count <> (SELECT COUNT(*) FROM vial v WHERE v.session_id = s.id)
    OR EXISTS (
        SELECT 1 FROM vial v WHERE v.session_id = s.id AND (
            v.lot_number <> s.lot_number OR v.units <> s.vial_units
            OR v.units_drawn IS NOT NULL
            OR COALESCE(v.lot_expiry, CAST('1900-01-01' AS DATE))
               <> COALESCE(s.lot_expiry, CAST('1900-01-01' AS DATE))
        )
    )
)
LIMIT 1
"""
"""A signed session whose vial rows say more than its lot columns (charted since 0010)."""


def downgrade() -> None:
    # A session signed since holds its lots in vial rows only: dropping them would lose its lots
    # and break its digest. Such a database cannot go back.
    if op.get_bind().execute(sa.text(SAID_MORE)).first() is not None:
        raise RuntimeError(
            "Cannot downgrade below 0010: sessions signed since record their lots per vial, "
            "which the older schema cannot hold; restore a backup taken before the upgrade."
        )
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    else:
        for name in POSTGRESQL_TRIGGERS:
            op.execute(f"DROP TRIGGER {name} ON vial")
    # A draft's lot goes back to its session: the first vial's.
    op.execute(
        """UPDATE treatment_session SET
            lot_number = COALESCE((SELECT v.lot_number FROM vial v
                WHERE v.session_id = treatment_session.id ORDER BY v.position LIMIT 1), ''),
            lot_expiry = (SELECT v.lot_expiry FROM vial v
                WHERE v.session_id = treatment_session.id ORDER BY v.position LIMIT 1)
        WHERE status = 'draft'"""
    )
    op.drop_index("ix_vial_lot_number", table_name="vial")
    op.drop_index("ix_vial_session_id", table_name="vial")
    op.drop_table("vial")
