"""The sign dialog: what still blocks signing, the warnings to acknowledge, a supervising physician.

Errors block: the Sign button stays disabled while any is listed. Each warning has its own checkbox
and all must be ticked, so an acknowledgement is a decision about that warning, not one blanket
click. Sign is the default button: Enter signs once nothing is left to fix or tick. The editor
shows the dialog through an injectable prompt (:func:`ask_sign` by default), so tests construct
:class:`SignDialog` directly and never block on ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from botox_chart.chart import Finding, Severity
from botox_chart.ui.dialogs.sizing import on_screen
from botox_chart.ui.seams import focus_returns

MINIMUM_WIDTH = 480


@dataclass(frozen=True)
class SignRequest:
    findings: Sequence[Finding]
    physicians: Sequence[tuple[int, str]]
    """(clinician id, display name) of the physicians who may co-sign as supervisor."""
    signer: str
    """Who is signing, shown so nobody signs under someone else's name by mistake."""
    total: str = ""
    """What is being signed, e.g. "160 U at 32 sites"."""
    lot: str = ""
    """The lot and expiry, shown to check against the vial (new drafts start with the latest)."""


@dataclass(frozen=True)
class SignDecision:
    acknowledged: frozenset[str]
    """Finding keys of the warnings ticked."""
    supervisor_id: int | None


SignPrompt = Callable[[QWidget, SignRequest], SignDecision | None]
"""Shows the sign dialog; None when the user cancels."""


class _ClickableLabel(QLabel):
    """A wrapping label that toggles its checkbox when clicked, like a checkbox's own text."""

    def __init__(self, text: str, check: QCheckBox) -> None:
        super().__init__(text)
        self._check = check
        self.setWordWrap(True)
        self.setBuddy(check)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._check.isEnabled():
            self._check.toggle()
        super().mouseReleaseEvent(event)


class SignDialog(QDialog):
    def __init__(self, request: SignRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Sign session"))
        errors = [f for f in request.findings if f.severity is Severity.ERROR]
        warnings = [f for f in request.findings if f.severity is Severity.WARNING]
        self._warnings: list[tuple[Finding, QCheckBox]] = []

        layout = QVBoxLayout(self)
        self._summary = QLabel()
        self._summary.setObjectName("signSummary")
        self._summary.setWordWrap(True)
        layout.addWidget(self._summary)

        if errors:
            heading = QLabel(self.tr("Fix before signing ({count}):").format(count=len(errors)))
            heading.setObjectName("sectionHeading")
            layout.addWidget(heading)
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            for finding in errors:
                row = QHBoxLayout()
                mark = QLabel()
                mark.setPixmap(icon.pixmap(16, 16))
                mark.setAlignment(Qt.AlignmentFlag.AlignTop)
                text = QLabel(finding.message)
                text.setWordWrap(True)
                text.setProperty("severity", "error")
                row.addWidget(mark)
                row.addWidget(text, 1)
                layout.addLayout(row)

        if warnings:
            heading = QLabel(
                self.tr("Tick each warning to acknowledge it ({count}):").format(
                    count=len(warnings)
                )
            )
            heading.setObjectName("sectionHeading")
            layout.addWidget(heading)
            for finding in warnings:
                check = QCheckBox()
                check.setAccessibleName(finding.message)
                check.setProperty("severity", "warning")
                check.toggled.connect(self._update)
                label = _ClickableLabel(finding.message, check)
                label.setProperty("severity", "warning")
                row = QHBoxLayout()
                row.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(label, 1)
                layout.addLayout(row)
                self._warnings.append((finding, check))

        form = QFormLayout()
        if request.total:
            form.addRow(self.tr("Charted:"), QLabel(request.total))
        if request.lot:
            self._lot = QLabel(
                self.tr("<b>{escape}</b>: check it against the vial").format(
                    escape=escape(request.lot)
                )
            )
            self._lot.setObjectName("signLot")
            form.addRow(self.tr("Lot:"), self._lot)
        self._signer = QLabel(request.signer)
        form.addRow(self.tr("Signing as:"), self._signer)
        self._supervisor = QComboBox()
        self._supervisor.addItem(self.tr("None"), None)
        for clinician_id, name in request.physicians:
            self._supervisor.addItem(name, clinician_id)
        form.addRow(self.tr("Supervising physician:"), self._supervisor)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._sign = QPushButton(self.tr("Sign"))
        self._sign.setObjectName("signButton")
        self._sign.setProperty("role", "primary")
        buttons.addButton(self._sign, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter signs once nothing needs acknowledging. Made the default only now that the button
        # is inside the dialog: the dialog then keeps it as its default whatever has the focus
        # (set before, it was forgotten as soon as a field took the focus).
        self._sign.setDefault(True)
        self._errors = errors
        self._update()
        # An explicit minimum before the dialog is shown (``sizing``): one the layout keeps
        # changing makes Qt's offscreen platform warn.
        self.setMinimumSize(on_screen(MINIMUM_WIDTH, self.minimumSizeHint().height()))

    def sign_button(self) -> QPushButton:
        return self._sign

    def warning_checks(self) -> list[QCheckBox]:
        """One checkbox per warning, in the order listed (accessibleName = the warning)."""
        return [check for _finding, check in self._warnings]

    def set_supervisor(self, clinician_id: int | None) -> None:
        self._supervisor.setCurrentIndex(max(self._supervisor.findData(clinician_id), 0))

    def decision(self) -> SignDecision:
        supervisor = self._supervisor.currentData()
        return SignDecision(
            acknowledged=frozenset(f.key for f, check in self._warnings if check.isChecked()),
            supervisor_id=int(supervisor) if supervisor is not None else None,
        )

    def accept(self) -> None:
        if self._sign.isEnabled():
            super().accept()

    def _update(self) -> None:
        unticked = sum(not check.isChecked() for _f, check in self._warnings)
        if self._errors:
            n = len(self._errors)
            self._summary.setText(
                self.tr(
                    "This session cannot be signed yet: %n problem(s) must be fixed in the chart "
                    "first.",
                    "",
                    n,
                )
            )
            self._summary.setProperty("severity", "error")
        elif unticked:
            self._summary.setText(
                self.tr(
                    "Acknowledge %n warning(s) to sign. A signed session cannot be changed, only "
                    "added to with an addendum.",
                    "",
                    unticked,
                )
            )
            self._summary.setProperty("severity", "warning")
        else:
            self._summary.setText(
                self.tr(
                    "Ready to sign. A signed session cannot be changed, only added to with an "
                    "addendum."
                )
            )
            self._summary.setProperty("severity", "ok")
        self._summary.style().unpolish(self._summary)
        self._summary.style().polish(self._summary)
        self._sign.setEnabled(not self._errors and not unticked)


def ask_sign(parent: QWidget, request: SignRequest) -> SignDecision | None:
    """The default :data:`SignPrompt`: the modal dialog."""
    dialog = SignDialog(request, parent)
    try:
        with focus_returns(parent):
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            return dialog.decision()
        return None
    finally:
        dialog.deleteLater()
