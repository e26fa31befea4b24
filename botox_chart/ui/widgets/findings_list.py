"""What is still wrong: errors (block signing) apart from warnings (acknowledged when signing).

Each finding is an icon, its text and a ``severity`` property ("error" / "warning") the stylesheet
colours, so the two kinds differ by shape, words and colour, not by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from botox_chart.chart import Finding, Severity
from botox_chart.ui.widgets.chart_form import restyle

ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
}


class FindingsList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsList")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._summary = QLabel()
        self._summary.setObjectName("findingsSummary")
        self._summary.setWordWrap(True)
        self._layout.addWidget(self._summary)
        self._rows: list[QWidget] = []
        self._shown: list[Finding] | None = None

    def summary_text(self) -> str:
        return self._summary.text()

    def messages(self, severity: Severity) -> list[str]:
        return [
            row.findChild(QLabel, "findingText").text()  # type: ignore[union-attr]
            for row in self._rows
            if row.property("severity") == severity.value
        ]

    def set_findings(self, findings: Sequence[Finding]) -> None:
        ordered = sorted(findings, key=lambda f: f.severity is not Severity.ERROR)
        if ordered == self._shown:
            return
        self._shown = ordered
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()  # gone at once, not only when the event loop deletes it
            row.deleteLater()
        self._rows = [self._row(finding) for finding in ordered]
        for row in self._rows:
            self._layout.addWidget(row)
        errors = sum(f.severity is Severity.ERROR for f in ordered)
        warnings = len(ordered) - errors
        if not ordered:
            self._summary.setText(self.tr("Nothing to fix: ready to sign."))
            restyle(self._summary, "severity", "ok")
            return
        parts = []
        if errors:
            parts.append(self.tr("%n to fix before signing", "", errors))
        if warnings:
            parts.append(self.tr("%n to acknowledge", "", warnings))
        self._summary.setText(" · ".join(parts))
        restyle(self._summary, "severity", "error" if errors else "warning")

    def _row(self, finding: Finding) -> QWidget:
        row = QWidget()
        row.setObjectName("finding")
        row.setProperty("severity", finding.severity.value)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(ICONS[finding.severity]).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName(finding.severity.value)
        text = QLabel(finding.message)
        text.setObjectName("findingText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setProperty("severity", finding.severity.value)
        layout.addWidget(icon)
        layout.addWidget(text, 1)
        return row
