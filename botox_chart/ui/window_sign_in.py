"""Who is signed in to the window: signing in and out, switching user, the first administrator,
and the idle lock (issue 5: clinicians sign as themselves; an unattended window locks).

While nobody is signed in, or the window is locked, the sign-in screen covers the window's content
and every command that shows or changes patient information is off (the window asks
:meth:`SignIn.is_open`). Locking saves the open draft first, and hides the window's other dialogs
until the same clinician types their password again; a dialog that was waiting for an answer
(a question, the sign dialog) is cancelled, which every caller treats as "no". Switching user or
signing out closes the chart (saved) and those dialogs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from botox_chart.ui.idle_lock import IdleWatch, idle_minutes
from botox_chart.ui.widgets.sign_in_screen import SignInScreen

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from botox_chart.store.models import Clinician
    from botox_chart.ui.chart_editor import ChartEditor
    from botox_chart.ui.window_state import WindowState


class ChartClosing(Protocol):
    """What signing out asks of the window's commands (``window_commands.WindowCommands``)."""

    def close_session(self) -> bool:
        """Close the chart, saved; False if the user chose to keep one that could not be."""
        ...

    def forget_patient(self) -> None:
        """Nothing of the last clinician's patient stays on screen."""
        ...


class SignInHost(Protocol):
    """The window, as signing in and out sees it (``main_window.MainWindow``)."""

    @property
    def engine(self) -> Engine | None: ...
    @property
    def state(self) -> WindowState: ...
    @property
    def editor(self) -> ChartEditor | None: ...
    @property
    def commands(self) -> ChartClosing: ...
    def as_widget(self) -> QWidget: ...


class SignIn(QObject):
    """The signed-in clinician and the lock; :attr:`changed` after every change of either."""

    changed = Signal()

    def __init__(
        self,
        window: SignInHost,
        screen: SignInScreen,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window.as_widget())
        self.w = window
        self.screen = screen
        self._clinician: Clinician | None = None
        self._locked = False
        self._hidden: list[QWidget] = []
        self._first_dialog: QDialog | None = None
        self.idle = IdleWatch(self, clock=clock)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        screen.signedIn.connect(self._checked)
        screen.switchUserRequested.connect(self.switch_user)
        screen.createAdministratorRequested.connect(self.create_first_administrator)

    # -- state ----------------------------------------------------------------------------------

    def clinician(self) -> Clinician | None:
        """Who is signed in (also while the window is locked: the chart was saved as theirs)."""
        return self._clinician

    def is_open(self) -> bool:
        """Someone is signed in and the window is not locked: patient information may show."""
        return self._clinician is not None and not self._locked

    def is_locked(self) -> bool:
        return self._locked

    # -- the database ---------------------------------------------------------------------------

    def database_opened(self, engine: Engine) -> None:
        """Sign-in becomes possible; a database without an administrator asks for one first."""
        from botox_chart.store import StorageError, clinicians, transaction

        def check(username: str, password: str) -> Clinician:
            with transaction(engine) as db:
                return clinicians.authenticate(db, username=username, password=password)

        self.screen.set_check(check)
        try:
            with transaction(engine) as db:
                first_run = clinicians.needs_first_administrator(db)
        except StorageError as err:
            self.screen.show_waiting(str(err), "error")
            return
        if first_run:
            self.screen.ask_first_administrator()
            self.create_first_administrator()
        else:
            self.screen.ask_sign_in(self.w.state.username())

    def database_failed(self, message: str) -> None:
        self.screen.set_check(None)
        self.screen.show_waiting(
            self.tr("The database could not be opened. {message}").format(message=message), "error"
        )

    def create_first_administrator(self) -> None:
        if self.w.engine is None or self._clinician is not None:
            return
        from botox_chart.ui.dialogs.clinician_dialog import ClinicianDialog

        dialog = ClinicianDialog(self.w.engine, self.w.as_widget(), first=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.clinicianAdded.connect(self._checked)
        dialog.open()
        self._first_dialog = dialog

    # -- signing in and out ---------------------------------------------------------------------

    def sign_in_as(self, clinician: Clinician) -> None:
        """Sign ``clinician`` in without a password: for tests and the screenshot script only.
        The app itself signs in through the sign-in screen or the first-administrator dialog."""
        self._checked(clinician)

    def _checked(self, clinician: Clinician) -> None:
        """A password was checked (or a first administrator created): signed in, or unlocked."""
        unlocking = self._locked and self._clinician is not None
        unlocking = unlocking and clinician.id == self._clinician.id  # type: ignore[union-attr]
        first, self._first_dialog = self._first_dialog, None
        if first is not None and _alive(first) and first.isVisible():
            first.reject()  # someone signed in another way (a test, an older account)
            self.w.as_widget().activateWindow()
        self._clinician = clinician
        self._locked = False
        if unlocking:
            self._show_hidden()
        else:
            self._close_hidden()
            self.w.state.set_username(clinician.username)
        self.idle.set_minutes(self._idle_minutes())
        self.idle.start()
        self.changed.emit()

    def sign_out(self, *, switch: bool = False) -> bool:
        """Close the chart (saved) and show the sign-in screen; False if the user kept a chart
        that could not be saved. ``switch``: the user name is left empty for someone else."""
        if self._clinician is None:
            return True
        if not self.w.commands.close_session():
            return False
        self._clinician = None
        self._locked = False
        self._close_hidden()
        self.idle.stop()
        self.w.commands.forget_patient()  # the next clinician starts from an empty search
        self.screen.ask_sign_in("" if switch else self.w.state.username())
        self.changed.emit()
        return True

    def reset(self) -> None:
        """Signed out at once, nothing saved: the database this sign-in belonged to is gone (it
        was replaced under the window, which reloads)."""
        self._clinician = None
        self._locked = False
        self._close_hidden()
        self.idle.stop()
        self.screen.set_check(None)
        self.screen.show_waiting(self.tr("Opening the database…"))
        self.changed.emit()

    def switch_user(self) -> None:
        self.sign_out(switch=True)

    def lock(self, *, idle: bool = False) -> None:
        """Save the draft, hide every dialog and cover the window until the password is typed.
        ``idle``: the idle time ran out (the screen says so), else the user chose to lock."""
        if not self.is_open():
            return
        editor = self.w.editor
        if editor is not None:
            editor.save_now()  # a failed save keeps the chart in memory, shown again on unlock
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._hide_dialogs()
        self._locked = True
        self.idle.stop()
        assert self._clinician is not None
        self.screen.ask_unlock(self._clinician, idle=idle)
        self.changed.emit()

    def settings_changed(self) -> None:
        """The clinic settings were saved: the idle time may differ."""
        self.idle.set_minutes(self._idle_minutes())

    # -- helpers --------------------------------------------------------------------------------

    def _idle_minutes(self) -> int:
        engine = self.w.engine
        if engine is None:
            return idle_minutes("")
        from botox_chart.store import StorageError, transaction
        from botox_chart.store import settings as clinic_settings

        try:
            with transaction(engine) as db:
                return idle_minutes(clinic_settings.load(db).idle_lock_minutes)
        except StorageError:
            return idle_minutes("")

    def _hide_dialogs(self) -> None:
        """Every other window of the app goes out of sight: a question waiting for an answer
        (application-modal, from exec()) is cancelled; the rest come back after the unlock."""
        for widget in QApplication.topLevelWidgets():
            if widget is self.w.as_widget() or not widget.isVisible():
                continue
            if (
                isinstance(widget, QDialog)
                and widget.windowModality() == Qt.WindowModality.ApplicationModal
            ):
                widget.reject()
            else:
                widget.hide()
                self._hidden.append(widget)

    def _show_hidden(self) -> None:
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if _alive(widget):
                widget.show()

    def _close_hidden(self) -> None:
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if not _alive(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
