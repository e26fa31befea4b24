"""The sign-in screen: it covers the window while nobody is signed in or the window is locked.

Three moments use it: signing in (user name and password), unlocking after the idle time (the
signed-in clinician's password, or Switch user), and a first run with no administrator yet (a
button opens "Create the first administrator"). A refused password is said once, in the screen,
and the password field is emptied: no message box per attempt. After too many failed attempts the
store refuses for a while, and the screen says how long to wait (or until when the account is
locked). The check itself is injected (:meth:`SignInScreen.set_check`), so the widget knows no
store and tests can hand it a fake.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.style import set_style_property

if TYPE_CHECKING:
    from botox_chart.store.models import Clinician

Check = Callable[[str, str], "Clinician"]
"""(user name, password) → the clinician; raises ClinicianError or StorageError when refused."""

WRONG = QT_TRANSLATE_NOOP("SignInScreen", "Wrong user name or password.")


class SignInScreen(QWidget):
    """User name, password and Sign in, on a card in the middle of the window."""

    signedIn = Signal(object)
    """The Clinician whose password was just checked."""
    switchUserRequested = Signal()
    createAdministratorRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self._check: Check | None = None
        self._locked_username: str | None = None

        self.title = QLabel()
        self.title.setObjectName("signInTitle")
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("signInUsername")
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setMaxLength(60)
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setProperty("severity", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(self.tr("S&witch user"))
        self.switch_button.setToolTip(self.tr("Sign in as someone else (the open chart is saved)"))
        self.switch_button.clicked.connect(self.switchUserRequested)
        self.create_button = QPushButton(self.tr("&Create the first administrator…"))
        self.create_button.setProperty("role", "primary")
        self.create_button.clicked.connect(self.createAdministratorRequested)

        form = QFormLayout()
        self._username_label = QLabel(self.tr("&User name"))
        self._username_label.setBuddy(self.username)
        form.addRow(self._username_label, self.username)
        form.addRow(self.tr("&Password"), self.password)
        self._form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.sign_in_button)

        card = QFrame()
        card.setObjectName("signInCard")
        card.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(10)
        inner.addWidget(self.title)
        inner.addWidget(self.message)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.show_waiting(self.tr("Opening the database…"))

    # -- what the window asks for -----------------------------------------------------------

    def set_check(self, check: Check | None) -> None:
        """How a user name and password are checked (None: the database is not open)."""
        self._check = check

    def show_waiting(self, text: str, severity: str = "") -> None:
        """No sign-in possible yet (or at all): the database is opening, or failed to."""
        self._locked_username = None
        self._set_mode("botox-chart", text, severity, fields=False, switch=False)

    def ask_sign_in(self, username: str = "") -> None:
        """Sign in; ``username`` (the last one on this workstation) is filled in."""
        self._locked_username = None
        self.username.setReadOnly(False)
        self.username.setText(username)
        self._set_mode(
            self.tr("Sign in"),
            self.tr("Sign in to chart, view and print."),
            "",
            fields=True,
            switch=False,
        )
        self._focus_first_empty()

    def ask_unlock(self, clinician: Clinician, *, idle: bool = False) -> None:
        """Locked (by the clinician, or ``idle``: after the idle time): only this clinician's
        password unlocks."""
        why = (
            self.tr("Locked after a pause")
            if idle
            else self.tr("Locked by {name}").format(name=clinician.display_name)
        )
        self._locked_username = clinician.username or ""
        self.username.setText(self._locked_username)
        self.username.setReadOnly(True)
        self._set_mode(
            self.tr("Locked"),
            self.tr(
                "{why}, to keep patient information private. {name}: enter your password to go "
                "on, or switch user."
            ).format(why=why, name=clinician.display_name),
            "warning",
            fields=True,
            switch=True,
        )
        self.password.setFocus()

    def ask_first_administrator(self) -> None:
        """A first run: nobody can sign in until an administrator exists."""
        self._locked_username = None
        self._set_mode(
            self.tr("Welcome to botox-chart"),
            self.tr(
                "Nobody can sign in yet: create the first administrator, who then adds the "
                "clinic's injectors, physicians and staff."
            ),
            "",
            fields=False,
            switch=False,
            create=True,
        )
        self.create_button.setFocus()

    def is_locked(self) -> bool:
        return self._locked_username is not None

    # -- signing in ---------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the user name and password; refused: say so here and empty the password."""
        if self._check is None or not self.password.isEnabled():
            return
        from botox_chart.store import StorageError
        from botox_chart.store.clinicians import ClinicianError, TooManyFailures

        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error(self.tr("Enter your user name and password."))
            self._focus_first_empty()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # argon2 takes a moment
        try:
            clinician = self._check(username, password)
        except TooManyFailures as err:
            self._refused(str(err))
            return
        except ClinicianError:
            self._refused(self.tr(WRONG))
            return
        except StorageError as err:
            self._refused(str(err))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self._locked_username is not None and clinician.username != self._locked_username:
            self._refused(self.tr(WRONG))
            return
        self.password.clear()
        self.error.hide()
        self.signedIn.emit(clinician)

    def _refused(self, text: str) -> None:
        self.password.clear()
        self._show_error(text)
        self.password.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def _focus_first_empty(self) -> None:
        (self.password if self.username.text().strip() else self.username).setFocus()

    def _set_mode(
        self,
        title: str,
        text: str,
        severity: str,
        *,
        fields: bool,
        switch: bool,
        create: bool = False,
    ) -> None:
        self.title.setText(title)
        self.message.setText(text)
        set_style_property(self.message, "severity", severity)
        self.password.clear()
        self.error.hide()
        for widget in (self.username, self.password, self.sign_in_button):
            widget.setEnabled(fields)
        self._form.setRowVisible(self.username, fields)
        self._form.setRowVisible(self.password, fields)
        self.sign_in_button.setVisible(fields)
        self.switch_button.setVisible(switch)
        self.create_button.setVisible(create)
