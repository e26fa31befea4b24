"""The audit chain's head, kept outside the database in an append-only anchor file.

Someone who edits the database file could rewrite the whole chain so that it is consistent again;
the anchor file (and each backup's metadata, store.backup) still remembers which digest each
anchored event had. ``botox-chart verify`` compares them. For SQLite the file sits beside the
database (``botox-chart.sqlite3.anchors``); for a server database each workstation keeps its own in
the data folder, one per database.

A line is appended after a transaction that added audit events commits, except when all it added
are a draft's autosaves (many a minute while charting, and a draft is not yet a record), and after
a migration (which may seal a database's rows: store.migrate). Lines are short JSON, written with
one ``write`` in append mode, so two programs never interleave them; only ever to a regular file
(never through a symbolic link, never to a device or pipe). ``verify`` treats a missing, emptied
or replaced anchor file as a problem.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections.abc import Iterator
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
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
"""A FIFO put in the file's place must not block the app: it is refused, never waited on."""


class NotAFile(OSError):
    """The anchor file's path is a symbolic link, a device, a pipe or a folder: never written to
    or read (``verify`` names it)."""


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
    return paths.anchors_dir() / f"{name}{SUFFIX}"


def append(path: Path, *, event_id: int, digest: str) -> None:
    """Add one line; a failure is logged (without the file's contents or any patient data),
    never raised: the record itself is committed."""
    line = json.dumps(
        {"event_id": event_id, "digest": digest, "at": datetime.now(UTC).isoformat()},
        separators=(",", ":"),
    )
    try:
        paths.private_file(path)  # 0600 whatever the umask (a link or a device is left alone)
        fd = _open_regular(path, os.O_WRONLY | os.O_APPEND)
        try:
            os.write(fd, (line + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)
    except NotAFile:
        log.warning("Did not append to the anchor file: it is not a regular file (run verify).")
    except OSError as err:
        log.warning("Could not append to the anchor file: %s", err.strerror)


def read(path: Path) -> tuple[list[Anchor], list[int]]:
    """The anchors in a file, and the numbers of lines that are not anchors (damage); none if
    the file is missing. Raises :class:`NotAFile` for a link, device, pipe or folder."""
    anchors: list[Anchor] = []
    bad: list[int] = []
    try:
        lines = _lines(path)
        for number, line in lines:
            if not line.strip():
                continue
            try:
                data: Any = json.loads(line)
                anchors.append(
                    Anchor(number, int(data["event_id"]), str(data["digest"]), str(data["at"]))
                )
            except (ValueError, KeyError, TypeError):
                bad.append(number)
    except FileNotFoundError:
        pass
    return anchors, bad


def is_autosave(action: str, session_id: int | None) -> bool:
    """A draft's autosave: not anchored on its own (see the module's note)."""
    return action == "update" and session_id is not None


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    fd = _open_regular(path, os.O_RDONLY)
    with os.fdopen(fd, encoding="utf-8", errors="replace") as file:
        yield from enumerate(file, start=1)


def _open_regular(path: Path, flags: int) -> int:
    """A descriptor on ``path`` if it is a regular file, never following a symbolic link and
    never waiting on a pipe; raises :class:`NotAFile` otherwise."""
    try:
        fd = os.open(path, flags | _NOFOLLOW | _NONBLOCK)
    except OSError as err:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise NotAFile(err.errno, "not a regular file") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotAFile("not a regular file")
    if _NONBLOCK:
        os.set_blocking(fd, True)
    return fd


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
    """Anchor the chain's current head (after a migration: store.migrate.upgrade), unless it is
    already the file's last anchor. Safe from any caller: a failure to write is logged, never
    raised."""
    newest = head(engine)
    if newest is None:
        return
    path = path_for(engine)
    try:
        found, _bad = read(path)
    except OSError:
        found = []  # append logs why it cannot write there either
    if found and (found[-1].event_id, found[-1].digest) == newest:
        return
    append(path, event_id=newest[0], digest=newest[1])


def on_commit(
    db: Session, *, event_id: int, digest: str, action: str, session_id: int | None
) -> None:
    """Anchor this event once the session's transaction commits (never if it rolls back)."""
    autosave = is_autosave(action, session_id)
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
