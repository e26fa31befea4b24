"""Alembic environment: migrations run on the engine handed over by botox_chart.store.migrate.

On SQLite, foreign keys are switched off while migrating (a batch migration rebuilds a table, which
would otherwise break the rows that point at it) and checked afterwards, as Alembic advises.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from botox_chart.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration broke {len(broken)} foreign keys; rolled back")
    # The PRAGMA above began SQLAlchemy's transaction on this connection: end it explicitly.
    connection.commit()
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
