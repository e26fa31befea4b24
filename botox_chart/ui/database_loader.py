"""Opening the database and loading the patient list off the UI thread.

The window is shown first; this worker then reads every patient of a SQLite database already at
this version's schema with one narrow read-only query (``store.patient_list``, no SQLAlchemy), and
hands the list over before it imports the store, opens the database for work (the integrity check,
migrations, the guard) and hands over the engine: sign-in waits for the engine, so nobody works on
a database that has not passed its check. Elsewhere (PostgreSQL, a new file, a schema to migrate)
the list is read after the opening, through the engine. The window never freezes, even with
100,000 patients or a slow network database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


class DatabaseLoader(QObject):
    """Runs database work on one background thread; results come back as signals."""

    opened = Signal(object)
    """The Engine, open and migrated."""
    patientsLoaded = Signal(object)
    """Every patient: list[PatientSummary], sorted by name."""
    failed = Signal(str)
    """A message for the user: the database could not be opened or read."""
    backupFailed = Signal(str)
    """The daily automatic backup could not be made (the database itself is fine)."""
    warning = Signal(str)
    """The database is open, but how it is used needs attention (e.g. connected to PostgreSQL as
    the role that owns the tables, or across the network without TLS, or not encrypted)."""
    keyNeeded = Signal(str, str)
    """(kind, message): the database needs a key that was not found ("missing"), the one given
    did not open it ("wrong"), or a new database needs one and there is no keyring ("new")."""
    newKey = Signal(str)
    """A new database was created and encrypted: its recovery key, to show once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def open(self, url: str | None, key: str | None = None) -> None:
        """Open the database at ``url`` (None: the default), with ``key`` if one was typed, then
        load the patients."""
        self._start(lambda: self._open(url, key))

    def reload(self, engine: Engine) -> None:
        """Read the patient list again (another workstation may have added patients)."""
        self._start(lambda: self._load(engine))

    def wait(self) -> None:
        """Block until the work queued so far is done (before the window goes away)."""
        self._pool.waitForDone()

    def _start(self, work: Callable[[], None]) -> None:
        self._pool.start(lambda: self._guard(work))

    def _guard(self, work: Callable[[], None]) -> None:
        from botox_chart.store import StorageError, cipher

        try:
            work()
        except (cipher.KeyMissing, cipher.WrongKey, cipher.NoKeyring) as err:
            kind = {cipher.KeyMissing: "missing", cipher.WrongKey: "wrong"}.get(type(err), "new")
            self.keyNeeded.emit(kind, str(err))
        except StorageError as err:
            self.failed.emit(str(err))
        except Exception as err:  # noqa: BLE001  (a bug: reported, never a silent thread death)
            log.exception("Opening the database failed")
            self.failed.emit(
                self.tr(
                    "The database could not be opened because of an unexpected error ({kind}). "
                    "Please report it; nothing was changed."
                ).format(kind=type(err).__name__)
            )

    def _open(self, url: str | None, key: str | None) -> None:
        from botox_chart.store import patient_list

        first = patient_list.read_before_opening(url, key)
        if first is not None:
            self.patientsLoaded.emit(first)
        from botox_chart.store import open_database

        engine = open_database(url, key=key, on_new_key=self.newKey.emit)
        self._check_role(engine)  # its banner is up by the time the window is ready
        self.opened.emit(engine)
        if first is None:
            self._load(engine)
        self._daily_backup(engine)

    def _check_role(self, engine: Engine) -> None:
        """Warn, after the list, when PostgreSQL on another computer is reached without TLS
        (store.tls) or used as the tables' owner (store.roles): in one message, one banner."""
        from botox_chart.store import StorageError, roles, tls
        from botox_chart.store.engine import encryption_warning

        warnings = [encryption_warning(engine), tls.tls_warning(engine)]
        try:
            warnings.append(roles.owner_warning(engine))
        except StorageError as err:
            warnings.append(
                self.tr("Could not check which role the database is used as: {err}").format(err=err)
            )
        message = " ".join(warning for warning in warnings if warning)
        if message:
            self.warning.emit(message)

    def _daily_backup(self, engine: Engine) -> None:
        """The rotating daily backup (store.backup), after the list is shown so nobody waits."""
        from botox_chart.store import StorageError, backup

        try:
            backup.auto_backup(engine)
        except StorageError as err:
            self.backupFailed.emit(str(err))

    def _load(self, engine: Engine) -> None:
        from botox_chart.store import patients, transaction

        with transaction(engine) as db:
            rows = patients.summaries(db)
        self.patientsLoaded.emit(rows)
