"""Signed sessions are final in the database itself, not only in the store's code.

Triggers refuse any UPDATE or DELETE of a signed session and any change to its injections, and make
addenda and the audit trail append-only, so a bug or a hand-edited query cannot change a signed
record (issue 5). Signing itself is the last allowed UPDATE: it runs while the row is still a draft.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FINAL = "signed session is final: add an addendum instead"
APPEND_ONLY = "append-only: rows are never changed or deleted"

SQLITE_UP = [
    f"""CREATE TRIGGER signed_session_no_update BEFORE UPDATE ON treatment_session
    WHEN OLD.status = 'signed' BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
    f"""CREATE TRIGGER signed_session_no_delete BEFORE DELETE ON treatment_session
    WHEN OLD.status = 'signed' BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
    f"""CREATE TRIGGER signed_injection_no_insert BEFORE INSERT ON injection
    WHEN (SELECT status FROM treatment_session WHERE id = NEW.session_id) = 'signed'
    BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
    f"""CREATE TRIGGER signed_injection_no_update BEFORE UPDATE ON injection
    WHEN (SELECT status FROM treatment_session WHERE id = OLD.session_id) = 'signed'
      OR (SELECT status FROM treatment_session WHERE id = NEW.session_id) = 'signed'
    BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
    f"""CREATE TRIGGER signed_injection_no_delete BEFORE DELETE ON injection
    WHEN (SELECT status FROM treatment_session WHERE id = OLD.session_id) = 'signed'
    BEGIN SELECT RAISE(ABORT, '{FINAL}'); END""",
    f"""CREATE TRIGGER addendum_no_update BEFORE UPDATE ON addendum
    BEGIN SELECT RAISE(ABORT, 'addenda are {APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER addendum_no_delete BEFORE DELETE ON addendum
    BEGIN SELECT RAISE(ABORT, 'addenda are {APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is {APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'the audit trail is {APPEND_ONLY}'); END""",
]
SQLITE_TRIGGERS = [statement.split()[2] for statement in SQLITE_UP]

POSTGRESQL_UP = [
    f"""CREATE FUNCTION refuse_signed_session_change() RETURNS trigger AS $$
    BEGIN
        IF OLD.status = 'signed' THEN
            RAISE EXCEPTION '{FINAL}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER signed_session_is_final BEFORE UPDATE OR DELETE ON treatment_session
    FOR EACH ROW EXECUTE FUNCTION refuse_signed_session_change()""",
    f"""CREATE FUNCTION refuse_signed_injection_change() RETURNS trigger AS $$
    BEGIN
        IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM treatment_session
                WHERE id = OLD.session_id AND status = 'signed'))
           OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM treatment_session
                WHERE id = NEW.session_id AND status = 'signed')) THEN
            RAISE EXCEPTION '{FINAL}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER signed_injection_is_final BEFORE INSERT OR UPDATE OR DELETE ON injection
    FOR EACH ROW EXECUTE FUNCTION refuse_signed_injection_change()""",
    f"""CREATE FUNCTION refuse_append_only_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '% is {APPEND_ONLY}', TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER addendum_is_append_only BEFORE UPDATE OR DELETE ON addendum
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()""",
    """CREATE TRIGGER audit_event_is_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()""",
]
POSTGRESQL_DOWN = [
    "DROP TRIGGER audit_event_is_append_only ON audit_event",
    "DROP TRIGGER addendum_is_append_only ON addendum",
    "DROP TRIGGER signed_injection_is_final ON injection",
    "DROP TRIGGER signed_session_is_final ON treatment_session",
    "DROP FUNCTION refuse_append_only_change()",
    "DROP FUNCTION refuse_signed_injection_change()",
    "DROP FUNCTION refuse_signed_session_change()",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        statements = SQLITE_UP
    elif dialect == "postgresql":
        statements = POSTGRESQL_UP
    else:
        raise NotImplementedError(f"no signed-session triggers for {dialect}")
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        statements = [f"DROP TRIGGER {name}" for name in SQLITE_TRIGGERS]
    else:
        statements = POSTGRESQL_DOWN
    for statement in statements:
        op.execute(statement)
