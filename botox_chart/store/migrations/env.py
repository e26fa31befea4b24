"""Alembic environment: migrations run on the engine handed over by botox_chart.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from botox_chart.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
