"""Autosaving a draft: every change is stored at once (typing after a short pause), safely.

Typing is saved after a pause, at least every :data:`TYPING_SAVE_DEADLINE_MS` during steady typing,
and at once when the keyboard focus moves or the app loses focus, so a crash loses seconds at most.

Saves are synchronous (a local SQLite write takes milliseconds) and carry the version that was
loaded, so a second workstation's save is a conflict: the user is offered a reload and nothing is
ever saved over the other workstation's work. A failed save (disk full, database locked) keeps the
chart in memory, shows "Not saved", and is tried again with the next change or Retry (nothing
typed is lost: docs/architecture.md §3).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import Engine

from botox_chart.chart import Chart
from botox_chart.store import StorageError, transaction
from botox_chart.store import sessions as store
from botox_chart.store.identity import DatabaseReplaced
from botox_chart.ui.seams import Dialogs

TYPING_SAVE_DELAY_MS = 700
"""Typing is saved this long after the last keystroke: one save per pause, not one per key."""
TYPING_SAVE_DEADLINE_MS = 2000
"""Steady typing (no pause) is saved at least this often: started by the first unsaved keystroke,
not restarted by the next ones."""


class DraftAutosave(QObject):
    saved = Signal(int)
    """The draft was stored (session id)."""
    stateChanged = Signal()
    """Saved / pending / failed / conflict changed: the panel's "saved" line needs redrawing."""
    reloadRequested = Signal()
    """The draft must be read again (after a conflict the user chose to resolve, or a signing)."""

    def __init__(
        self,
        engine: Engine,
        dialogs: Dialogs,
        clinician: Callable[[], int | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._dialogs = dialogs
        self._clinician = clinician
        self._parent = parent
        self._session_id: int | None = None
        self._patient_id: int | None = None
        self._version = 0
        self._chart: Chart | None = None
        self._problem = ""
        self._conflict = False
        self._error_shown = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(TYPING_SAVE_DEADLINE_MS)
        self._deadline.timeout.connect(self.save_now)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            app.applicationStateChanged.connect(self._application_state_changed)

    @property
    def version(self) -> int:
        """The version last loaded or saved: what this window shows."""
        return self._version

    def start(self, session_id: int | None, version: int, patient_id: int | None) -> None:
        """Track a freshly loaded session (None: nothing to save, e.g. closed or signed). Every
        save names the session's patient: the store refuses it for any other."""
        self._timer.stop()
        self._deadline.stop()
        self._session_id, self._version, self._patient_id = session_id, version, patient_id
        self._chart = None
        self._problem = ""
        self._conflict = self._error_shown = False
        self.stateChanged.emit()

    def changed(self, chart: Chart, *, soon: bool = False) -> None:
        """The chart changed: save it now, or after a pause in typing (``soon``)."""
        if self._session_id is None:
            return
        self._chart = chart
        if soon and not self._conflict:
            self._timer.start()
            if not self._deadline.isActive():
                self._deadline.start()
            self.stateChanged.emit()
        else:
            self.save_now()

    def is_dirty(self) -> bool:
        return self._chart is not None

    def _typing_pending(self) -> bool:
        return self._chart is not None and (self._timer.isActive() or self._deadline.isActive())

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Focus moved (another field, a dialog, another window, or none: the window deactivated):
        the typing is saved now rather than after the pause."""
        if self._typing_pending():
            self.save_now()

    @Slot(Qt.ApplicationState)
    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self._typing_pending():
            self.save_now()

    def state(self) -> tuple[str, str, str]:
        """(state, text, button) for the panel: saved / pending / error / conflict."""
        if self._conflict:
            return (
                "conflict",
                self.tr(
                    "Not saved: this draft was changed on another workstation. "
                    "Reload to see those changes."
                ),
                self.tr("Reload"),
            )
        if self._problem:
            return (
                "error",
                self.tr("Not saved: {problem} Your changes are kept here.").format(
                    problem=self._problem
                ),
                self.tr("Retry"),
            )
        if self._chart is not None:
            return "pending", self.tr("Draft · saving…"), ""
        return "saved", self.tr("Draft · all changes saved"), ""

    def retry(self) -> None:
        """The Retry/Reload button: a conflict reloads; a failure tries again (no dialog)."""
        if self._conflict:
            self.reloadRequested.emit()
        else:
            self._error_shown = True
            self.save_now()

    def save_now(self) -> bool:
        """Save a pending change at once; True when nothing is left unsaved."""
        self._timer.stop()
        self._deadline.stop()
        chart, session_id, patient_id = self._chart, self._session_id, self._patient_id
        if chart is None or session_id is None or patient_id is None:
            return True
        if self._conflict:
            return False
        try:
            with transaction(self._engine) as db:
                self._version = store.save_draft(
                    db,
                    session_id=session_id,
                    patient_id=patient_id,
                    chart=chart,
                    expected_version=self._version,
                    clinician_id=self._clinician(),
                )
        except store.ConflictError as err:
            self._conflict = True
            self.stateChanged.emit()
            if self._dialogs.confirm(
                self._parent,
                self.tr("Changed on another workstation"),
                self.tr("{err}\n\nReload the draft now?").format(err=err),
            ):
                # Not from inside the undo command that is saving: after it has finished.
                QTimer.singleShot(0, self.reloadRequested.emit)
            return False
        except store.SignedSessionError as err:
            self._dialogs.error(self._parent, self.tr("Not saved"), str(err))
            QTimer.singleShot(0, self.reloadRequested.emit)
            return False
        except DatabaseReplaced as err:
            # The window turns read-only and offers a reload (MainWindow): no second dialog.
            self._problem = str(err)
            self.stateChanged.emit()
            return False
        except (StorageError, store.SessionError) as err:
            self._problem = str(err)
            self.stateChanged.emit()
            if not self._error_shown:
                self._error_shown = True
                self._dialogs.error(
                    self._parent,
                    self.tr("Not saved"),
                    self.tr(
                        "{err}\n\nYour changes are kept in this window and saved again with "
                        "your next change (or Retry)."
                    ).format(err=err),
                )
            return False
        if self._chart is chart:
            self._chart = None
        self._problem = ""
        self._error_shown = False
        self.stateChanged.emit()
        self.saved.emit(session_id)
        return True
