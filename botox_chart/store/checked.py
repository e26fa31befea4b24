"""SQLite's integrity check once per change of the file, and at least once a day.

Opening a SQLite database checks every page (``PRAGMA quick_check``) before anything writes to it
(store.engine.open_database). That reads the whole file: 1.5 s at 10,000 patients, 19 s at 100,000
on the benchmark's machine, at every command. A file that has not changed since it passed cannot
have become damaged through a write, so after a check passes the file's state is remembered
(:func:`state`: device, inode, size, modification and status-change times of the file, and the size
and modification time of its ``-wal`` unless it is empty), and the next opening skips the check
while that state is unchanged and the check is less than :data:`AT_LEAST_EVERY` old (damage that
changes no time stamp, a failing disk, is still caught within a day).

Any write to the database file changes its status-change time, which no program can set back
(``touch`` and ``os.utime`` set only the modification time): damage written by hand, by another
program or by a copy over the file is checked. The ``-wal`` counts by its size and modification
time (SQLite itself changes its owner, hence its status-change time, whenever root opens it). A
file system that keeps whole-second times (FAT, some network shares), and Windows (whose
``st_ctime`` is the creation time), cannot show every change; there the check runs at every
opening.

The app's own writes change the file too. :func:`watch` follows an engine the app opened on a
checked file; when the app closes it (:func:`close`), the state is remembered again only if no
other connection, in this or another program, committed to the file while it was open (SQLite's
``PRAGMA data_version`` on each connection), no connection was opened after all had closed, the
identity guard still holds, and the database file itself is as it was checked (the app writes
into the ``-wal`` until its last connection closes), so the next command does not check again
what only the app wrote through SQLite. Anything uncertain (a connection not closed through the
pool, a write by another program, a copy over the file, a long session's checkpoint, a process
killed) leaves the record as it was: the next opening checks. Within a few milliseconds of the
app's own last write, a write by another program that changes neither size nor time stamp tick
cannot be told from the app's.

Backups, schema upgrades and ``encrypt``/``rekey`` always run the full check (store.backup,
store.engine, store.encryption): the guarantee that a damaged file is never backed up over good
backups, upgraded or re-encrypted does not depend on this record. The records are in the user's
private cache folder, one per database file; one that others could have written is ignored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botox_chart import paths

log = logging.getLogger(__name__)

AT_LEAST_EVERY = 24 * 60 * 60
"""Seconds after which a file is checked again even if it has not changed."""

_WHOLE_SECOND = 1_000_000_000

State = tuple[tuple[int, ...], tuple[int, ...] | None]
"""The database file's identity, size and times, and its ``-wal``'s size and modification time
(None when there is none, or it is empty)."""


def state(path: Path) -> State | None:
    """What changes whenever anything writes to the file; None when it cannot be told (the file
    is missing, its file system keeps whole-second times, or this is Windows)."""
    if os.name == "nt":
        return None  # Windows' st_ctime is the creation time: a write would not show
    try:
        main = _stat(path)
    except OSError:
        return None
    if main is None:
        return None
    try:
        wal = _stat(path.with_name(path.name + "-wal"))
    except FileNotFoundError:
        wal = None
    except OSError:
        return None
    # An empty -wal holds nothing: SQLite makes one whenever a connection opens the file, and
    # deletes it when the last one closes. SQLite also sets the -wal's owner each time a root
    # process opens it, which changes its status-change time: a -wal counts by its size and
    # modification time (its frames carry their own checksums, against damage, not tampering:
    # the audit chain is what proves records unchanged).
    return main, (wal[:4] if wal is not None and wal[2] > 0 else None)


def _stat(path: Path) -> tuple[int, ...] | None:
    status = os.stat(path)
    if status.st_mtime_ns % _WHOLE_SECOND == 0 or status.st_ctime_ns % _WHOLE_SECOND == 0:
        return None  # whole-second times (FAT's are 2 s): a change within them would not show
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def last_check(path: Path) -> tuple[State, float] | None:
    """The file's state and when it last passed the check (seconds since the epoch), if it is
    exactly as it was then and that was less than a day ago; None when it must be checked."""
    current = state(path)
    if current is None:
        return None
    try:
        record = _read(_record_path(path, create=False))
    except OSError:
        return None
    if record is None or _as_state(record["state"]) != current:
        return None
    checked_at: float = record["checked_at"]
    return (current, checked_at) if 0 <= now() - checked_at < AT_LEAST_EVERY else None


def remember(path: Path, checked: State | None, *, checked_at: float | None = None) -> None:
    """Record that the file, in state ``checked``, passed the check (at ``checked_at``, now by
    default). Failing to write the record only costs a check at the next opening."""
    if checked is None:
        return
    record = {
        "state": [list(checked[0]), list(checked[1]) if checked[1] is not None else None],
        "checked_at": now() if checked_at is None else checked_at,
    }
    try:
        target = _record_path(path)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        paths.private_file(partial)
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.replace(target)
    except OSError:
        log.warning("The integrity check's record could not be written; the next opening checks")


def now() -> float:
    """The time a check is recorded at (seconds since the epoch)."""
    return time.time()


def _record_path(path: Path, *, create: bool = True) -> Path:
    where = str(path.resolve()).encode("utf-8", "surrogateescape")
    name = f"checked-{hashlib.sha256(where).hexdigest()[:32]}.json"
    return paths.cache_dir(create=create) / name


def _read(record_path: Path) -> dict[str, Any] | None:
    try:
        with record_path.open("rb") as file:
            if not paths.written_by_user_alone(os.fstat(file.fileno())):
                log.warning("An integrity check record others could write was ignored")
                return None
            record = json.loads(file.read(4096))
        checked_at = float(record["checked_at"])
        _as_state(record["state"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None  # damaged: the next opening checks, and writes a new one
    return {"checked_at": checked_at, "state": record["state"]}


def _as_state(stored: Any) -> State:
    main, wal = stored
    return tuple(int(n) for n in main), (tuple(int(n) for n in wal) if wal is not None else None)


@dataclass
class _Watch:
    """The connections of one engine on a checked file, and whether another wrote meanwhile."""

    path: Path
    checked: State
    checked_at: float
    opened: int = 0
    closed_clean: int = 0
    live: int = 0
    others_wrote: bool = False

    def on_connect(self, dbapi_connection: Any, record: Any) -> None:
        if self.opened and not self.live:
            # Every connection had closed: what others committed meanwhile no connection saw.
            self.others_wrote = True
        self.opened += 1
        self.live += 1
        try:
            if self.opened == 1 and state(self.path) != self.checked:
                self.others_wrote = True  # changed between the check and the first connection
            record.info["data_version"] = _data_version(dbapi_connection)
        except Exception:  # noqa: BLE001 (cannot vouch: the next opening checks)
            self.others_wrote = True

    def on_close(self, dbapi_connection: Any, record: Any) -> None:
        self.live -= 1
        try:
            if _data_version(dbapi_connection) == record.info.pop("data_version"):
                self.closed_clean += 1
                return
        except Exception:  # noqa: BLE001 (a broken connection: cannot vouch for the file)
            pass
        self.others_wrote = True

    def vouches(self) -> bool:
        return not self.others_wrote and self.closed_clean == self.opened


def _data_version(dbapi_connection: Any) -> int:
    cursor = dbapi_connection.cursor()
    try:
        return int(cursor.execute("PRAGMA data_version").fetchone()[0])
    finally:
        cursor.close()


_WATCHES: weakref.WeakKeyDictionary[Any, _Watch] = weakref.WeakKeyDictionary()


def watch(engine: Any, path: Path, checked: State | None, checked_at: float) -> None:
    """Follow ``engine``'s connections on ``path``, which was in state ``checked`` when it passed
    the check at ``checked_at`` (or was found unchanged since), so that :func:`close` can
    remember the app's own writes."""
    if checked is None:
        return
    from sqlalchemy import event

    followed = _Watch(path, checked, checked_at)
    _WATCHES[engine] = followed
    event.listen(engine, "connect", followed.on_connect)
    event.listen(engine.pool, "close", followed.on_close)


def close(engine: Any) -> None:
    """Close every connection of ``engine``; if only this engine wrote to its checked file while
    it was open, the file as it is now is remembered as checked, as of the check it passed (so
    the daily check still comes due)."""
    followed = _WATCHES.pop(engine, None)
    if followed is not None:
        try:
            with engine.connect():
                pass  # store.identity's guard: refused if the file was replaced meanwhile
        except Exception:  # noqa: BLE001 (replaced, locked or gone: cannot vouch)
            followed.others_wrote = True
        current = state(followed.path)
        if current is None or current[0] != followed.checked[0]:
            # The app writes into the -wal until the last connection closes: a database file
            # changed before that was written by something else (a copy over it, a sync client),
            # or by a checkpoint of a long session, which the next opening checks.
            followed.others_wrote = True
    engine.dispose()
    if followed is not None and followed.vouches():
        remember(followed.path, state(followed.path), checked_at=followed.checked_at)
