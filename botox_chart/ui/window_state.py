"""What the window remembers between runs: geometry, splitter sizes, last patient, the last user
name signed in on this workstation (never a password), the folder a PDF was last saved in.

Kept in an INI file in the app's data folder (``paths.data_dir()``), not the platform's registry or
``~/.config``: it moves with the data, and tests (whose data folder is a temporary one) never touch
the user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from botox_chart import paths

SETTINGS_FILE = "botox-chart.ini"


def settings_path() -> str:
    return str(paths.data_dir() / SETTINGS_FILE)


def app_settings() -> QSettings:
    """The app's QSettings (INI file in the data folder); any part of the UI may use it.

    The file is made private (0600) first: Qt saves settings through a temporary file that takes
    the existing file's permissions, so it stays 0600 whatever the umask (paths.private_file).
    """
    path = settings_path()
    paths.private_file(Path(path), tighten=True)
    return QSettings(path, QSettings.Format.IniFormat)


class WindowState:
    """Typed access to the window's remembered state."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else app_settings()

    def settings(self) -> QSettings:
        return self._settings

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        """Toolbars and docks (QMainWindow.saveState)."""
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"splitters/{name}", value)

    def last_patient_id(self) -> int | None:
        return self._int("session/last_patient")

    def set_last_patient_id(self, patient_id: int | None) -> None:
        self._set_int("session/last_patient", patient_id)

    def username(self) -> str:
        """The user name last signed in on this workstation, filled into the sign-in screen."""
        value = self._settings.value("session/username")
        return str(value) if value else ""

    def set_username(self, username: str | None) -> None:
        if username:
            self._settings.setValue("session/username", username)
        else:
            self._settings.remove("session/username")

    def pdf_folder(self) -> Path | None:
        """Where the user last saved a PDF (a note or a record); None before the first."""
        value = self._settings.value("printing/pdf_folder")
        return Path(str(value)) if value else None

    def set_pdf_folder(self, folder: Path) -> None:
        self._settings.setValue("printing/pdf_folder", str(folder))

    def language(self) -> str | None:
        """The window's language as the user chose it (View › Language); None: the computer's."""
        value = self._settings.value("view/language")
        return str(value) if value else None

    def set_language(self, language: str | None) -> None:
        if language:
            self._settings.setValue("view/language", language)
        else:
            self._settings.remove("view/language")

    def sync(self) -> None:
        self._settings.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str) -> int | None:
        value = self._settings.value(key)
        if value in (None, ""):
            return None
        try:
            return int(str(value))
        except ValueError:
            return None

    def _set_int(self, key: str, value: int | None) -> None:
        if value is None:
            self._settings.remove(key)
        else:
            self._settings.setValue(key, value)
