"""Writing an output file (a note, a record, a backup): the only way the app writes one.

A file asked for by name is written to a temporary file beside it, flushed to disk, and only then
published under its name, so a failed write never leaves half a file and a reader never sees one.
Never written over: the database and its companion files (always), anything that is not a regular
file (a folder, a device, a pipe, a socket: always), and an existing file (unless ``force``). With
``before_publish`` (e.g. committing the export's audit row) the file appears only once that has
succeeded; if it fails, no file appears. Pure Python: no Qt, no database.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database: writing over one damages the database."""
ANCHORS_SUFFIX = ".anchors"
"""Append-only files of the signature chain's heads (store/anchors.py), beside a SQLite database or
in the data folder: no output is ever named like one."""


class OutputRefused(ValueError):
    """An output file that is not written; the message names the file and the reason."""

    def __init__(self, path: object, reason: str, *, exists: bool = False) -> None:
        named = str(path).strip()
        super().__init__(f"{path}: {reason}" if named else reason[:1].upper() + reason[1:])
        self.path = path
        self.reason = reason
        self.exists = exists
        """True when the only obstacle is an existing file (``force`` writes over it)."""


def write_bytes(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    force: bool = False,
    database: Path | None = None,
    before_publish: Callable[[], None] | None = None,
) -> Path:
    """Write ``data`` to ``path`` safely (see the module); returns the path written."""

    def fill(descriptor: int, _temporary: Path) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]

    return write_with(path, fill, force=force, database=database, before_publish=before_publish)


def write_with(
    path: str | os.PathLike[str],
    fill: Callable[[int, Path], None],
    *,
    force: bool = False,
    database: Path | None = None,
    before_publish: Callable[[], None] | None = None,
) -> Path:
    """Like :func:`write_bytes`, the content made by ``fill(descriptor, temporary_path)``.

    ``fill`` writes through the open descriptor, or to the temporary path by name (e.g. SQLite's
    backup into it); the temporary file is private (0600, from ``mkstemp``) and the file published
    is that same file, so every output is 0600 whatever the umask (paths: private files).
    """
    target = check_target(path, force=force, database=database)
    try:
        descriptor, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(target)) from err
    temporary = Path(name)
    try:
        try:
            fill(descriptor, temporary)
            os.fsync(descriptor)  # the file's data, however it was written
        finally:
            os.close(descriptor)
        check_target(target, force=force, database=database)  # nothing appeared meanwhile
        if before_publish is not None:
            before_publish()
        _publish(temporary, target, force=force)
    except BaseException as err:
        for leftover in ("", *DATABASE_COMPANIONS):
            with contextlib.suppress(OSError):
                temporary.with_name(temporary.name + leftover).unlink()
        if isinstance(err, OSError):  # named after the file asked for, not the temporary
            raise OSError(err.errno, err.strerror, str(target)) from err
        raise
    with contextlib.suppress(OSError):  # the new name survives a power cut (POSIX)
        _fsync_path(target.parent)
    return target


def check_target(
    path: str | os.PathLike[str], *, force: bool = False, database: Path | None = None
) -> Path:
    """The path as given, if a file may be written there; :class:`OutputRefused` if not."""
    text = os.fspath(path)
    if not text.strip():
        raise OutputRefused(text, "no output file name was given.")
    if text.endswith(("/", os.sep)) or (os.altsep and text.endswith(os.altsep)):
        raise OutputRefused(text, "that is the name of a folder; give a file name.")
    target = Path(text)
    if not target.parent.is_dir():
        raise OutputRefused(target, f"the folder {target.parent} does not exist.")
    if target.name.lower().endswith(ANCHORS_SUFFIX):
        raise OutputRefused(target, "that is the name of an anchors file; choose another name.")
    if database is not None and _is_database_file(target, database):
        raise OutputRefused(
            target, "that is the database (or a file it keeps beside it); it is never written over."
        )
    try:
        mode = os.stat(target).st_mode  # follows a link to what it names; never opens it
    except FileNotFoundError:
        if os.path.lexists(target) and not force:  # a link to nothing
            raise _exists(target) from None
        return target
    except OSError as err:
        raise OutputRefused(target, f"cannot be checked ({err.strerror}).") from None
    if stat.S_ISDIR(mode):
        raise OutputRefused(target, "is a folder; give a file name.")
    if not stat.S_ISREG(mode):
        raise OutputRefused(
            target, "is not a regular file (a device, pipe or socket); it is never written."
        )
    if not force:
        raise _exists(target)
    return target


def _exists(target: Path) -> OutputRefused:
    return OutputRefused(target, "already exists; it was left unchanged.", exists=True)


def _is_database_file(target: Path, database: Path) -> bool:
    """The database or a companion file of it, however named (../, a link, a hard link)."""
    guarded = [database, *(database.with_name(database.name + s) for s in DATABASE_COMPANIONS)]
    for path in guarded:
        with contextlib.suppress(OSError):
            if os.path.samefile(target, path):
                return True
        if _resolved(target) == _resolved(path):
            return True
    return False


def _resolved(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def _publish(temporary: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails if the name exists: never clobbers, even in a race
    except FileExistsError:
        raise _exists(target) from None
    except OSError:
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(target):
            raise _exists(target) from None
        os.replace(temporary, target)
        return
    with contextlib.suppress(OSError):  # published already; a stray temporary is harmless
        temporary.unlink()


def _fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
