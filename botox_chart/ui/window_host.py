"""What the main window's command objects ask of the window, typed.

``main_window.py`` builds the widgets and owns the database; ``window_commands.py`` (charting:
patients and sessions), ``window_records.py`` (printing and audit trails), ``window_admin.py``
(clinicians, clinic settings, help) and ``window_availability.py`` (which command is on, and why)
act on them through :class:`WindowHost`. They never import the window, so the window's modules
import in one direction only; mypy checks that :class:`~botox_chart.ui.main_window.MainWindow`
is a :class:`WindowHost`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction, QUndoGroup
    from PySide6.QtWidgets import QLabel, QStackedWidget, QStatusBar, QWidget
    from sqlalchemy.engine import Engine

    from botox_chart.store.models import Clinician
    from botox_chart.ui.chart_editor import ChartEditor
    from botox_chart.ui.database_loader import DatabaseLoader
    from botox_chart.ui.seams import Dialogs
    from botox_chart.ui.widgets.patient_identity import PatientIdentity
    from botox_chart.ui.widgets.patient_panel import PatientPanel
    from botox_chart.ui.widgets.session_list import SessionListPanel
    from botox_chart.ui.window_actions import WindowActions
    from botox_chart.ui.window_keys import DatabaseKeys
    from botox_chart.ui.window_sign_in import SignIn
    from botox_chart.ui.window_state import WindowState

T = TypeVar("T")

STATUS_TIMEOUT_MS = 8000


class PrintService(Protocol):
    """Previews, the printer and PDFs of notes and records (``ui/printing.py``)."""

    def preview_sessions(self, ids: Sequence[int]) -> QWidget | None: ...
    def print_sessions(self, ids: Sequence[int]) -> bool: ...
    def save_sessions_pdf(self, ids: Sequence[int]) -> Path | None: ...
    def preview_record(self, patient_id: int) -> QWidget | None: ...
    def print_record(self, patient_id: int) -> bool: ...
    def save_record_pdf(self, patient_id: int) -> Path | None: ...


class WindowHost(Protocol):
    """The main window, as its command objects see it."""

    @property
    def actions_(self) -> WindowActions: ...
    @property
    def patients(self) -> PatientPanel: ...
    @property
    def sessions(self) -> SessionListPanel: ...
    @property
    def identity(self) -> PatientIdentity: ...
    @property
    def right(self) -> QStackedWidget: ...
    @property
    def location(self) -> QLabel: ...
    @property
    def undo_group(self) -> QUndoGroup: ...
    @property
    def undo_action(self) -> QAction: ...
    @property
    def redo_action(self) -> QAction: ...
    @property
    def dialogs(self) -> Dialogs: ...
    @property
    def state(self) -> WindowState: ...
    @property
    def loader(self) -> DatabaseLoader: ...
    @property
    def keys(self) -> DatabaseKeys: ...
    @property
    def sign_in(self) -> SignIn: ...
    @property
    def engine(self) -> Engine | None: ...
    @property
    def editor(self) -> ChartEditor | None: ...
    @property
    def replaced(self) -> bool:
        """The database was replaced under the window: nothing is read or saved until F5."""
        ...

    @property
    def sessionOpened(self) -> SignalInstance:  # noqa: N802 (a Qt signal's name)
        ...

    def as_widget(self) -> QWidget:
        """The window, as the parent of the dialogs its commands open."""
        ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)
    def clinician(self) -> Clinician | None: ...
    def clinician_id(self) -> int | None: ...
    def attempt(self, title: str, work: Callable[[], T]) -> T | None:
        """Run store work; a refusal or a storage problem becomes a message (None)."""
        ...

    def ensure_editor(self) -> ChartEditor | None: ...
    def ensure_printing(self) -> PrintService | None: ...
    def reload_database(self) -> None: ...
    def show_patients_pane(self) -> None: ...
    def shortcuts_table(self) -> list[tuple[str, str, str]]: ...


def show_status(w: WindowHost, message: str) -> None:
    """The one way a command tells the user something in passing: the status bar, for a while."""
    w.statusBar().showMessage(message, STATUS_TIMEOUT_MS)
