"""The panel beside the diagram: the session's state, totals, findings and every charted detail.

Grouped top to bottom in the order an injector works: the selected site; consent and the
contraindication screen (before the first injection: its one-click button is in sight without
scrolling at 1280x800); the totals (what everyone checks); what is still wrong; then product and
outcome. Once signed, the addenda come first.
The panel shows a chart and relays edits (``edited``) to the session editor; it never changes the
chart itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart.chart import Chart, Finding
from botox_chart.ui.widgets.addenda_list import AddendaList
from botox_chart.ui.widgets.chart_form import ChartForm, restyle
from botox_chart.ui.widgets.current_site import CurrentSite
from botox_chart.ui.widgets.findings_list import FindingsList
from botox_chart.ui.widgets.outcome_form import OutcomeForm
from botox_chart.ui.widgets.product_form import ProductForm
from botox_chart.ui.widgets.screen_form import ScreenForm
from botox_chart.ui.widgets.totals_table import TotalsView

_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class SessionPanel(QScrollArea):
    edited = Signal(str, object, str)
    """(undo text, ChartEdit, merge key) from any group."""
    unitsTyped = Signal(str, str)
    """(marker key, text) typed in the selected site's Units field."""
    retryRequested = Signal()
    """The Retry/Reload button of the "not saved" line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("sessionPanelBody")
        layout = QVBoxLayout(body)
        layout.setSpacing(10)

        self._heading = QLabel()
        self._heading.setObjectName("sessionHeading")
        self._heading.setWordWrap(True)
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self._heading)
        save_row = QHBoxLayout()
        self._save_state = QLabel()
        self._save_state.setObjectName("saveState")
        self._save_state.setWordWrap(True)
        self._retry = QPushButton(self.tr("Retry"))
        self._retry.setObjectName("retrySave")
        self._retry.clicked.connect(self.retryRequested)
        self._retry.hide()
        save_row.addWidget(self._save_state, 1)
        save_row.addWidget(self._retry)
        layout.addLayout(save_row)

        buttons = QHBoxLayout()
        self.apply_button = _action_button("applyProtocol")
        self.sign_button = _action_button("signSession")
        self.addendum_button = _action_button("addAddendum")
        for button in (self.apply_button, self.sign_button, self.addendum_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.addenda = AddendaList()  # shown once signed, first: the newest thing said
        layout.addWidget(self.addenda)
        self.current = CurrentSite()
        self.current.unitsTyped.connect(self.unitsTyped)
        layout.addWidget(self.current)
        self.consent_screen = ScreenForm()
        layout.addWidget(self.consent_screen)
        self.totals = TotalsView()
        layout.addWidget(self.totals)
        self._findings_box = findings_box = QGroupBox(self.tr("Before signing"))
        findings_box.setObjectName("findingsGroup")
        findings_layout = QVBoxLayout(findings_box)
        self.findings = FindingsList()
        findings_layout.addWidget(self.findings)
        layout.addWidget(findings_box)
        self.product = ProductForm()
        self.outcome = OutcomeForm()
        self._forms: list[ChartForm] = [
            self.totals,
            self.product,
            self.consent_screen,
            self.outcome,
        ]
        for form in (self.product, self.consent_screen, self.outcome):
            form.edited.connect(self.edited)
        layout.addWidget(self.product)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        self.setWidget(body)

    # -- wiring from the editor ----------------------------------------------------------------

    def set_button_actions(self, apply: QAction, sign: QAction, addendum: QAction) -> None:
        """The big buttons show these actions (text, tooltip with the shortcut, enabled state)."""
        for button, action in (
            (self.apply_button, apply),
            (self.sign_button, sign),
            (self.addendum_button, addendum),
        ):
            # A tool button with two actions grows a menu arrow: keep only the one shown.
            for old in button.actions():
                button.removeAction(old)
            button.setDefaultAction(action)

    # -- showing -------------------------------------------------------------------------------

    def set_chart(self, chart: Chart, findings: Sequence[Finding]) -> None:
        for form in self._forms:
            form.set_chart(chart)
        self.findings.set_findings(findings)

    def set_recent_lots(self, lots: list[tuple[str, date | None]]) -> None:
        self.product.set_recent_lots(lots)

    def set_heading(self, text: str) -> None:
        self._heading.setText(text)

    def heading(self) -> str:
        return self._heading.text()

    def set_save_state(self, state: str, text: str, action: str = "") -> None:
        """``state``: saved/pending/error/conflict/signed/tampered (a signed session that does not
        match its signature); ``action``: the button text, if any."""
        self._save_state.setText(text)
        restyle(self._save_state, "state", state)
        restyle(
            self._save_state,
            "severity",
            "error" if state in ("error", "conflict", "tampered") else "",
        )
        self._retry.setText(action)
        self._retry.setVisible(bool(action))

    def show_top(self) -> None:
        """Scroll back to the heading and the save state ("Signed … by"): after signing the
        panel is shorter, and a scroll position from charting would hide them."""
        self.verticalScrollBar().setValue(0)

    def save_state_text(self) -> str:
        return self._save_state.text()

    def retry_button(self) -> QPushButton:
        return self._retry

    def set_read_only(self, read_only: bool) -> None:
        for form in self._forms:
            form.set_read_only(read_only)
        self.current.setVisible(not read_only)
        self._findings_box.setVisible(not read_only)
        self.apply_button.setVisible(not read_only)
        self.sign_button.setVisible(not read_only)
        self.addendum_button.setVisible(read_only)
        self.addenda.setVisible(read_only)

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the groups' content: a splitter must not clip the panel."""
        body = self.widget()
        hint = super().minimumSizeHint()
        if body is None:
            return hint
        scrollbar = self.verticalScrollBar().sizeHint().width()
        return QSize(
            body.minimumSizeHint().width() + scrollbar + 2 * self.frameWidth(), hint.height()
        )

    # -- keys ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Bare keys typed in the panel belong to its fields, not to the window's charting keys.

        The window's charting shortcuts (Space, N, P, +, -, O) act on the diagram; without this a
        Space on a focused checkbox would mark a site instead of ticking the box.
        """
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & _COMMAND_MODIFIERS
            and (event.text().strip() or event.key() == Qt.Key.Key_Space)
        ):
            event.accept()
            return True
        return super().event(event)


def _action_button(name: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setProperty("role", "primary")
    return button
