"""Records prove themselves: a digest chain, ids never reused, a database identity.

- Every audit event gets ``prev_digest`` and ``digest`` (store.chain); ``audit_chain`` holds the
  head. Signed sessions get ``record_digest``, addenda ``digest``.
- The first release's rows are sealed as they stand at the upgrade: the existing events are
  chained in id order, and one ``seal`` event per signed session and per addendum carries its
  digest. The seal proves that nothing changed *after* the upgrade; what the file held before it is
  taken as it was (the release had no digests).
- SQLite tables get AUTOINCREMENT, so a deleted draft's id is never given to another session
  (PostgreSQL's sequences never go back).
- ``database_identity`` names the database; a restore gives it a new identity (store.identity).

On SQLite the tables are rebuilt; 0002's triggers are dropped first (a trigger that names a table
being rebuilt breaks the rename) and created again at the end. On PostgreSQL the owner running the
migration sets the seals with the user triggers disabled for this transaction only.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("clinician", "patient", "treatment_session", "injection", "addendum", "audit_event")
DIGEST_COLUMNS = {
    "treatment_session": ("record_digest",),
    "addendum": ("digest",),
    "audit_event": ("prev_digest", "digest"),
}


def _signed_is_final() -> object:
    # A module whose name starts with a digit is imported by name.
    return importlib.import_module("botox_chart.store.migrations.versions.0002_signed_is_final")


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    final = _signed_is_final()
    if sqlite:
        for name in final.SQLITE_TRIGGERS:  # type: ignore[attr-defined]
            op.execute(f"DROP TRIGGER {name}")
        for table in TABLES:
            with op.batch_alter_table(
                table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
            ) as batch:
                for name in DIGEST_COLUMNS.get(table, ()):
                    batch.add_column(sa.Column(name, sa.String(length=64), nullable=True))
    else:
        for table, names in DIGEST_COLUMNS.items():
            for name in names:
                op.add_column(table, sa.Column(name, sa.String(length=64), nullable=True))
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    if not sqlite:
        for table in DIGEST_COLUMNS:
            op.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    _seal(bind)
    if sqlite:
        for statement in final.SQLITE_UP:  # type: ignore[attr-defined]
            op.execute(statement)
    else:
        for table in DIGEST_COLUMNS:
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def _seal(bind: sa.engine.Connection) -> None:
    """Chain the events already there, then seal each signed session and addendum."""
    from botox_chart.store import chain, identity, records
    from botox_chart.store.models import AuditEvent

    events = AuditEvent.__table__  # type: ignore[attr-defined]
    head = chain.GENESIS
    count = 0
    updates = []
    for row in bind.execute(
        sa.select(*[events.c[name] for name in ("id", *chain.EVENT_FIELDS)]).order_by(events.c.id)
    ).mappings():
        digest = chain.event_digest(row, head)
        updates.append({"event_id": row["id"], "prev": head, "digest": digest})
        head = digest
        count += 1
    if updates:
        bind.execute(
            events.update()
            .where(events.c.id == sa.bindparam("event_id"))
            .values(prev_digest=sa.bindparam("prev"), digest=sa.bindparam("digest")),
            updates,
        )
    bind.execute(
        sa.text("INSERT INTO audit_chain (id, events, head) VALUES (1, :events, :head)"),
        {"events": count, "head": head},
    )
    # The columns of this revision: the outcome fields came with 0008.
    records.seal_signed(bind, fields=chain.SESSION_FIELDS, with_vials=False)
    bind.execute(
        sa.text("INSERT INTO database_identity (id, uid, created_at) VALUES (1, :uid, :at)"),
        {"uid": identity.new_uid(), "at": datetime.now(UTC)},
    )


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.drop_table("database_identity")
    op.drop_table("audit_chain")
    final = _signed_is_final()
    if sqlite:
        for name in final.SQLITE_TRIGGERS:  # type: ignore[attr-defined]
            op.execute(f"DROP TRIGGER {name}")
        for table in TABLES:
            with op.batch_alter_table(
                table, recreate="always", table_kwargs={"sqlite_autoincrement": False}
            ) as batch:
                for column in DIGEST_COLUMNS.get(table, ()):
                    batch.drop_column(column)
        for statement in final.SQLITE_UP:  # type: ignore[attr-defined]
            op.execute(statement)
    else:
        for table, names in DIGEST_COLUMNS.items():
            for column in names:
                op.drop_column(table, column)
