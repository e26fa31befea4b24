"""The window and the database's key (store.cipher): asked for when there is no keyring, the
recovery key shown once, and File › Encrypt database for a first-release (plain) database.

Where the operating system has a keyring, nobody types anything: the key is created with the
database and kept there. Without one, the window asks for a passphrase, twice for a new database,
and keeps it in memory only (for a reload), never on disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from botox_chart.ui.language import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.engine import Engine

    from botox_chart.store.models import Clinician
    from botox_chart.ui.database_loader import DatabaseLoader
    from botox_chart.ui.seams import Dialogs
    from botox_chart.ui.window_sign_in import ChartClosing


class KeysHost(Protocol):
    """The window, as the database's key sees it (``main_window.MainWindow``)."""

    @property
    def loader(self) -> DatabaseLoader: ...
    @property
    def dialogs(self) -> Dialogs: ...
    @property
    def engine(self) -> Engine | None: ...
    @property
    def commands(self) -> ChartClosing: ...
    def as_widget(self) -> QWidget: ...
    def clinician(self) -> Clinician | None: ...
    def database_url(self) -> str | None: ...
    def database_failed(self, message: str) -> None: ...
    def open_database(self, url: str | None, key: str | None = None) -> None: ...
    def reload_database(self) -> None: ...


MIN_PASSPHRASE = 12
"""The shortest passphrase accepted for a new database (SQLCipher derives the key from it)."""
RECOVERY_TEXT = QT_TRANSLATE_NOOP(
    "DatabaseKeys",
    "The database is encrypted. Print this recovery key and keep it in the clinic's safe. If "
    "this computer's keyring is lost (a new computer, a new user account), the recovery key is "
    "the only way to read the records: type it when botox-chart asks, or set "
    "BOTOX_CHART_DB_KEY to it.\n\n{key}\n\nIt is not shown again.",
)


class DatabaseKeys(QObject):
    def __init__(self, window: KeysHost) -> None:
        super().__init__(window.as_widget())
        self.w = window
        self.key: str | None = None
        """The key typed for this database (None: the keyring's or the environment's)."""
        window.loader.keyNeeded.connect(self.ask)
        window.loader.newKey.connect(self.show_recovery_key)

    def ask(self, kind: str, message: str) -> None:
        """The database needs a key: ask for it (a new one twice), then open it again."""
        from botox_chart.store import cipher

        w = self.w
        parent = w.as_widget()
        if kind == "new":
            label = self.tr(
                "This computer has no keyring to keep the database's key. Choose a passphrase of "
                "at least {min_passphrase} characters; botox-chart asks for it each time it "
                "starts. Keep it in the clinic's safe: without it the records cannot be read."
            ).format(min_passphrase=MIN_PASSPHRASE)
            typed = w.dialogs.ask_secret(parent, self.tr("Choose a database passphrase"), label)
            if typed is not None and len(typed) < MIN_PASSPHRASE:
                w.dialogs.error(
                    parent,
                    self.tr("Too short"),
                    self.tr("At least {min_passphrase} characters, please.").format(
                        min_passphrase=MIN_PASSPHRASE
                    ),
                )
                self.ask(kind, message)
                return
            if typed is not None:
                again = w.dialogs.ask_secret(
                    parent, self.tr("Choose a database passphrase"), self.tr("Type it again:")
                )
                if again != typed:
                    w.dialogs.error(
                        parent,
                        self.tr("Not the same"),
                        self.tr("The two passphrases differ; try again."),
                    )
                    self.ask(kind, message)
                    return
        else:
            label = self.tr("{message}\n\nPassphrase or recovery key:").format(message=message)
            typed = w.dialogs.ask_secret(parent, self.tr("Database passphrase"), label)
        if not typed:
            w.database_failed(message)
            return
        self.key = cipher.normalise(typed)
        w.open_database(w.database_url(), key=self.key)

    def show_recovery_key(self, recovery_key: str) -> None:
        self.w.dialogs.info(
            self.w.as_widget(),
            self.tr("Recovery key"),
            self.tr(RECOVERY_TEXT).format(key=recovery_key),
        )

    def encrypt_database(self) -> None:
        """File › Encrypt database (an administrator, on a plain database): convert it and its
        backups, show the recovery key, open it again."""
        from botox_chart.store import StorageError, cipher, encryption
        from botox_chart.store.engine import encryption_warning

        w = self.w
        parent = w.as_widget()
        clinician = w.clinician()
        engine = w.engine
        if engine is None or clinician is None or not clinician.is_admin:
            return
        if encryption_warning(engine) is None:
            w.dialogs.info(
                parent, self.tr("Encrypt database"), self.tr("This database is already encrypted.")
            )
            return
        if not w.dialogs.confirm(
            parent,
            self.tr("Encrypt database"),
            self.tr(
                "Encrypt the database and its backups? Everyone else must close "
                "botox-chart on this database first. The chart open here is saved and closed, and "
                "everyone signs in again afterwards."
            ),
        ):
            return
        if not w.commands.close_session():
            return
        key = None
        if not cipher.has_keyring() and not cipher.key_for_environment():
            typed = w.dialogs.ask_secret(
                parent,
                self.tr("Choose a database passphrase"),
                self.tr(
                    "This computer has no keyring. Choose a passphrase of at least "
                    "{min_passphrase} characters; it is asked for each time botox-chart starts."
                ).format(min_passphrase=MIN_PASSPHRASE),
            )
            if typed is None or len(typed) < MIN_PASSPHRASE:
                return
            key = cipher.normalise(typed)
        try:
            change = encryption.encrypt(engine, clinician_id=clinician.id, key=key)
        except StorageError as err:
            w.dialogs.error(parent, self.tr("Not encrypted"), str(err))
            return
        self.key = key
        self.show_recovery_key(change.recovery_key)
        w.reload_database()
