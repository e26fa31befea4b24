"""Reset a clinician's password, or give sign-in (user name and password) to one who has none.

An administrator does this from the Clinicians dialog.

The new password is typed twice; the store's rules (at least 8 characters) are said in the dialog
when refused. Only the argon2 hash is stored, and the change is audited with who made it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from botox_chart.store import StorageError, transaction
from botox_chart.store import clinicians as store_clinicians
from botox_chart.store.clinicians import MIN_PASSWORD, ClinicianError
from botox_chart.store.models import Clinician
from botox_chart.ui.dialogs.sizing import fit_hints


class PasswordDialog(QDialog):
    """New password + confirm for one clinician; emits :attr:`passwordSet` when stored."""

    passwordSet = Signal(int)
    """The clinician's id."""

    def __init__(
        self,
        engine: Engine,
        clinician: Clinician,
        parent: QWidget | None = None,
        *,
        by: int | None = None,
    ) -> None:
        super().__init__(parent)
        assert clinician.id is not None
        self._engine = engine
        self._clinician_id = clinician.id
        self._by = by
        self.setObjectName("passwordDialog")
        self.username: QLineEdit | None = None
        self.setWindowTitle(
            self.tr("Reset password") if clinician.username else self.tr("Give sign-in")
        )

        intro = QLabel(
            self.tr(
                "A new password for {name}{username}. Tell them in person; they can sign in "
                "with it at once."
            ).format(
                name=clinician.display_name,
                username=(
                    self.tr(" (user name {username})").format(username=clinician.username)
                    if clinician.username
                    else ""
                ),
            )
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("at least {min_password} characters").format(min_password=MIN_PASSWORD)
        )
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if not clinician.username:
            self.username = QLineEdit()
            self.username.setPlaceholderText(self.tr("no spaces, e.g. cdube"))
            form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("New &password"), self.password)
        form.addRow(self.tr("Con&firm password"), self.confirm)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setProperty("severity", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_hints(self)
        self.setMinimumSize(
            max(self.minimumSizeHint().width(), self.fontMetrics().averageCharWidth() * 50),
            self.minimumSizeHint().height(),
        )

    def save(self) -> None:
        problem = None
        if self.password.text() != self.confirm.text():
            problem = self.tr("The two passwords differ. Type the same password twice.")
        else:
            try:
                with transaction(self._engine) as db:
                    store_clinicians.set_password(
                        db,
                        clinician_id=self._clinician_id,
                        password=self.password.text(),
                        username=self.username.text() if self.username is not None else None,
                        by=self._by,
                    )
            except (ClinicianError, StorageError) as err:
                problem = str(err)
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            self.password.clear()
            self.confirm.clear()
            self.password.setFocus()
            self.adjustSize()
            return
        self.passwordSet.emit(self._clinician_id)
        self.accept()
