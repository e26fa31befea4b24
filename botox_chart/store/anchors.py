"""The audit chain's head, kept outside the database in an append-only anchor file.

Someone who edits the database file could rewrite the whole chain so that it is consistent again;
the anchor file (and each backup's metadata, store.backup) still remembers which digest each
anchored event had. ``botox-chart verify`` compares them. For SQLite the file sits beside the
database (``botox-chart.sqlite3.anchors``); for a server database each workstation keeps its own in
the data folder, one per database.

A line is appended after a transaction that added audit events commits, except when all it added
are a draft's autosaves (many a minute while charting, and a draft is not yet a record). Lines are
short JSON, written with one ``write`` in append mode, so two programs never interleave them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from botox_chart import paths
from botox_chart.store.engine import sqlite_path

log = logging.getLogger(__name__)

SUFFIX = ".anchors"
_PENDING = "botox_chart_anchor"
_LISTENING = "botox_chart_anchor_listening"


@dataclass(frozen=True)
class Anchor:
    line: int
    event_id: int
    digest: str
    at: str


def path_for(engine: Engine) -> Path:
    """Where this database's anchor file is."""
    database = sqlite_path(engine)
    if database is not None:
        return database.with_name(database.name + SUFFIX)
    where = engine.url.render_as_string(hide_password=True)
    name = hashlib.sha256(where.encode()).hexdigest()[:16]
    folder = paths.data_dir() / "anchors"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}{SUFFIX}"


def append(path: Path, *, event_id: int, digest: str) -> None:
    """Add one line; a failure is logged, never raised (the record itself is committed)."""
    line = json.dumps(
        {"event_id": event_id, "digest": digest, "at": datetime.now(UTC).isoformat()},
        separators=(",", ":"),
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (line + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as err:
        log.warning("Could not append to the anchor file: %s", err.strerror)


def read(path: Path) -> tuple[list[Anchor], list[int]]:
    """The anchors in a file, and the numbers of lines that are not anchors (damage)."""
    anchors: list[Anchor] = []
    bad: list[int] = []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return anchors, bad
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data: Any = json.loads(line)
            anchors.append(
                Anchor(number, int(data["event_id"]), str(data["digest"]), str(data["at"]))
            )
        except (ValueError, KeyError, TypeError):
            bad.append(number)
    return anchors, bad


def head(engine: Engine) -> tuple[int, str] | None:
    """The newest audit event's id and digest (None for an empty trail)."""
    from botox_chart.store.models import AuditEvent

    table = AuditEvent.__table__  # type: ignore[attr-defined]
    with engine.connect() as connection:
        row = connection.execute(
            table.select().with_only_columns(table.c.id, table.c.digest).order_by(table.c.id.desc())
        ).first()
    return (int(row[0]), str(row[1])) if row is not None else None


def anchor_now(engine: Engine) -> None:
    """Anchor the chain's current head (after bulk work, a migration or a restore)."""
    newest = head(engine)
    if newest is not None:
        append(path_for(engine), event_id=newest[0], digest=newest[1])


def on_commit(
    db: Session, *, event_id: int, digest: str, action: str, session_id: int | None
) -> None:
    """Anchor this event once the session's transaction commits (never if it rolls back)."""
    autosave = action == "update" and session_id is not None
    if not db.info.get(_LISTENING):
        event.listen(db, "after_commit", _after_commit)
        event.listen(db, "after_rollback", _after_rollback)
        db.info[_LISTENING] = True
    pending = db.info.get(_PENDING)
    anchored = bool(pending and pending[2]) or not autosave
    db.info[_PENDING] = (event_id, digest, anchored)


def _after_commit(db: Session) -> None:
    pending = db.info.pop(_PENDING, None)
    if pending and pending[2]:
        bind = db.get_bind()
        engine = bind if isinstance(bind, Engine) else bind.engine
        append(path_for(engine), event_id=pending[0], digest=pending[1])


def _after_rollback(db: Session) -> None:
    db.info.pop(_PENDING, None)
