"""The window and the database's key (store.cipher): asked for when there is no keyring, the
recovery key shown once, and File › Encrypt database for a first-release (plain) database.

Where the operating system has a keyring, nobody types anything: the key is created with the
database and kept there. Without one, the window asks for a passphrase, twice for a new database,
and keeps it in memory only (for a reload), never on disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

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
RECOVERY_TEXT = (
    "The database is encrypted. Print this recovery key and keep it in the clinic's safe. If "
    "this computer's keyring is lost (a new computer, a new user account), the recovery key is "
    "the only way to read the records: type it when botox-chart asks, or set "
    "BOTOX_CHART_DB_KEY to it.\n\n{key}\n\nIt is not shown again."
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
            label = (
                "This computer has no keyring to keep the database's key. Choose a passphrase "
                f"of at least {MIN_PASSPHRASE} characters; botox-chart asks for it each time it "
                "starts. Keep it in the clinic's safe: without it the records cannot be read."
            )
            typed = w.dialogs.ask_secret(parent, "Choose a database passphrase", label)
            if typed is not None and len(typed) < MIN_PASSPHRASE:
                w.dialogs.error(
                    parent, "Too short", f"At least {MIN_PASSPHRASE} characters, please."
                )
                self.ask(kind, message)
                return
            if typed is not None:
                again = w.dialogs.ask_secret(
                    parent, "Choose a database passphrase", "Type it again:"
                )
                if again != typed:
                    w.dialogs.error(
                        parent, "Not the same", "The two passphrases differ; try again."
                    )
                    self.ask(kind, message)
                    return
        else:
            label = f"{message}\n\nPassphrase or recovery key:"
            typed = w.dialogs.ask_secret(parent, "Database passphrase", label)
        if not typed:
            w.database_failed(message)
            return
        self.key = cipher.normalise(typed)
        w.open_database(w.database_url(), key=self.key)

    def show_recovery_key(self, recovery_key: str) -> None:
        self.w.dialogs.info(
            self.w.as_widget(), "Recovery key", RECOVERY_TEXT.format(key=recovery_key)
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
            w.dialogs.info(parent, "Encrypt database", "This database is already encrypted.")
            return
        if not w.dialogs.confirm(
            parent,
            "Encrypt database",
            "Encrypt the database and its backups? Everyone else must close "
            "botox-chart on this database first. The chart open here is saved and closed, and "
            "everyone signs in again afterwards.",
        ):
            return
        if not w.commands.close_session():
            return
        key = None
        if not cipher.has_keyring() and not cipher.key_for_environment():
            typed = w.dialogs.ask_secret(
                parent,
                "Choose a database passphrase",
                f"This computer has no keyring. Choose a passphrase of at least {MIN_PASSPHRASE} "
                "characters; it is asked for each time botox-chart starts.",
            )
            if typed is None or len(typed) < MIN_PASSPHRASE:
                return
            key = cipher.normalise(typed)
        try:
            change = encryption.encrypt(engine, clinician_id=clinician.id, key=key)
        except StorageError as err:
            w.dialogs.error(parent, "Not encrypted", str(err))
            return
        self.key = key
        self.show_recovery_key(change.recovery_key)
        w.reload_database()
