"""Alembic, driven from code: the schema of every database is created and upgraded by migrations."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the migrations folder has no head revision"
    return head


def is_known(revision: str) -> bool:
    return any(script.revision == revision for script in _scripts().walk_revisions())


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade to ``revision``; at the head, anchor the audit chain's head outside the database
    (store.anchors), whoever called: a migration may have sealed the first release's rows."""
    command.upgrade(config(engine), revision)
    if revision == "head":
        from botox_chart.store import anchors

        anchors.anchor_now(engine)
