"""PostgreSQL checks inserted injections once per statement, not once per row.

0002's row trigger looked up the session of every inserted injection: 1.4 M lookups for the
10,000-patient demo (over a minute). A statement trigger over the transition table does one join
per INSERT or COPY and refuses the same rows. SQLite keeps its row trigger (it has no statement
triggers, and its lookups are in-process).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FINAL = "signed session is final: add an addendum instead"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER signed_injection_is_final ON injection")
    op.execute(
        """CREATE TRIGGER signed_injection_is_final BEFORE UPDATE OR DELETE ON injection
        FOR EACH ROW EXECUTE FUNCTION refuse_signed_injection_change()"""
    )
    op.execute(
        f"""CREATE FUNCTION refuse_injections_into_signed() RETURNS trigger AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM inserted JOIN treatment_session s ON s.id = inserted.session_id
                       WHERE s.status = 'signed') THEN
                RAISE EXCEPTION '{FINAL}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NULL;
        END $$ LANGUAGE plpgsql"""
    )
    op.execute(
        """CREATE TRIGGER signed_injection_no_insert AFTER INSERT ON injection
        REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_injections_into_signed()"""
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER signed_injection_no_insert ON injection")
    op.execute("DROP FUNCTION refuse_injections_into_signed()")
    op.execute("DROP TRIGGER signed_injection_is_final ON injection")
    op.execute(
        """CREATE TRIGGER signed_injection_is_final BEFORE INSERT OR UPDATE OR DELETE ON injection
        FOR EACH ROW EXECUTE FUNCTION refuse_signed_injection_change()"""
    )
