"""The vials a session opened, two lines each: the lot (recent lots, or a scanned carton), then the
expiry, the size and the units drawn (docs/clinical-reference.md §4, docs/clinical-reference.md §5,
docs/clinical-reference.md §11).

Units drawn left blank are taken from the vials in order (``Chart.drawn``): the field shows that
figure greyed. Scanning a carton's GS1 code into a lot field fills that vial's lot and expiry
(``Chart.record_carton``): the carton in hand replaces the lot there (the clinic's last lot, filled
in when the draft began). A second carton goes into a vial added for it (Add vial, or the scan
shortcut, which picks the vial with :meth:`VialsForm.scan_target`). The carton's GTIN is checked
against the clinic's product GTINs (Clinic settings): another product is refused and nothing is
filled; with no GTINs set the scan fills the lot and expiry and says the product was not checked.
A code that cannot be read stays in the field with the reason beside it. Scanned text is never
logged.

The rows never change the chart: like every group (``chart_form``) they emit edits the session
editor applies as undo steps.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from botox_chart import gs1
from botox_chart.chart import (
    MAX_VIALS,
    PRODUCT,
    VIAL_SIZES,
    Chart,
    ChartError,
    format_units,
    lot_key,
    parse_drawn,
)
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.widgets.chart_form import (
    INPUTS,
    ChartEdit,
    compact,
    line_edit,
    restyle,
    set_text,
)
from botox_chart.ui.widgets.lot_picker import ExpiryError, LotPicker, format_expiry, parse_expiry

NOT_CHECKED = QT_TRANSLATE_NOOP(
    "VialsForm",
    "The product was not checked: no product GTINs are set in Clinic settings (an administrator "
    "adds them).",
)


def wrong_product(gtin: str) -> str:
    """Why a scanned carton was refused: its GTIN is not one of the clinic's products."""
    return QCoreApplication.translate(
        "VialsForm",
        "Refused: GTIN {gtin} on this carton is not one of the clinic's products, so "
        "nothing was filled. If it is the product you use, an administrator can add it "
        "in Clinic settings.",
    ).format(gtin=gtin)


class VialRow:
    """The widgets of one vial."""

    def __init__(self, number: int) -> None:
        self.label = QLabel(
            QCoreApplication.translate("VialRow", "Vial {number}").format(number=number)
        )
        self.label.setObjectName("vialNumber")
        self.lot = LotPicker()
        self.lot.setAccessibleName(
            QCoreApplication.translate("VialRow", "Vial {number} lot").format(number=number)
        )
        self.expiry = QLineEdit()
        self.expiry.setObjectName("vialExpiry")
        self.expiry.setAccessibleName(
            QCoreApplication.translate("VialRow", "Vial {number} expiry").format(number=number)
        )
        self.expiry.setPlaceholderText(
            QCoreApplication.translate("VialRow", "Expiry, e.g. 2027-06")
        )
        self.expiry.setToolTip(
            QCoreApplication.translate(
                "VialRow", "The expiry as on the vial: 2027-06-30, 2027-06 or 06/2027"
            )
        )
        self.size = compact(QComboBox(), 5)
        self.size.setAccessibleName(
            QCoreApplication.translate("VialRow", "Vial {number} size").format(number=number)
        )
        for size in VIAL_SIZES:
            self.size.addItem(f"{size} U", size)
        self.drawn = QLineEdit()
        self.drawn.setObjectName("vialDrawn")
        self.drawn.setAccessibleName(
            QCoreApplication.translate("VialRow", "Vial {number} units drawn").format(number=number)
        )
        self.drawn.setToolTip(
            QCoreApplication.translate(
                "VialRow",
                "Units drawn from this vial. Left blank, the units charted are taken from the "
                "vials in order (shown greyed).",
            )
        )
        digit = self.drawn.fontMetrics().horizontalAdvance("0")
        self.drawn.setMinimumWidth(digit * 7)  # "155.5 U"
        self.drawn.setMaximumWidth(digit * 9)
        self.expiry.setMinimumWidth(self.expiry.fontMetrics().horizontalAdvance("2027-06-30") + 14)
        self.details = QWidget()
        """The second line: expiry, size, units drawn."""
        line = QHBoxLayout(self.details)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        line.addWidget(self.expiry, 1)
        line.addWidget(self.size)
        line.addWidget(self.drawn)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setObjectName("removeVial")
        self.remove.setAccessibleName(
            QCoreApplication.translate("VialRow", "Remove vial {number}").format(number=number)
        )
        self.remove.setToolTip(
            QCoreApplication.translate("VialRow", "Remove vial {number}").format(number=number)
        )
        self.remove.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def widgets(self) -> list[QWidget]:
        """What the form's grid holds (the second line holds the expiry, size and drawn)."""
        return [self.label, self.lot, self.remove, self.details]

    def inputs(self) -> list[QWidget]:
        return [self.lot, self.expiry, self.size, self.drawn, self.remove]


class VialsForm(QWidget):
    edited = Signal(str, object, str)
    """(undo text, ChartEdit, merge key), relayed by the product form."""
    statusMessage = Signal(str)
    """What a scan did, for the window's status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vialsForm")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(3)
        self._grid.setColumnStretch(1, 1)
        layout.addLayout(self._grid)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add vial"))
        self.add_button.setObjectName("addVial")
        self.add_button.setToolTip(
            self.tr("Record one more vial opened (its lot, expiry and size)")
        )
        self.add_button.clicked.connect(self.add_vial)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._message = QLabel()
        self._message.setObjectName("vialMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.hide()
        layout.addWidget(self._message)
        self.rows: list[VialRow] = []
        self._chart: Chart | None = None
        self._gtins: tuple[str, ...] = ()
        self._lots: list[tuple[str, date | None]] = []
        self._read_only = False
        self._scanned: set[str] = set()
        """Lots scanned from a carton since the session opened (chart.lot_key)."""

    # -- what the form is given -----------------------------------------------------------------

    def set_recent_lots(self, lots: list[tuple[str, date | None]]) -> None:
        self._lots = list(lots)
        for row in self.rows:
            row.lot.set_lots(self._lots)

    def set_product_gtins(self, gtins: tuple[str, ...]) -> None:
        """The clinic's product GTINs (store.settings.accepted_gtins); () checks none. Given as
        each session opens, so the last session's message goes too."""
        self._gtins = gtins
        self._scanned.clear()
        self._say("")

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        for row in self.rows:
            self._enable(row)

    def message(self) -> str:
        """The line under the vials: what a scan or a typed value did or why it was refused."""
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def scan_target(self, chart: Chart) -> int | None:
        """The vial the next carton is for: the first without a lot, else the first whose lot
        was not scanned since the session opened (the clinic's last lot, filled in when the
        draft began, is replaced by the carton in hand); None when every vial was scanned (the
        carton is another vial's)."""
        for n, vial in enumerate(chart.vials):
            if not vial.lot_number.strip():
                return n
        for n, vial in enumerate(chart.vials):
            if lot_key(vial.lot_number) not in self._scanned:
                return n
        return None

    def focus_lot(self, index: int) -> None:
        """The cursor in vial ``index``'s lot field, ready for a scan or typing."""
        field = self.rows[index].lot
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line_edit(field).selectAll()

    # -- showing a chart -------------------------------------------------------------------------

    def show_chart(self, chart: Chart) -> None:
        self._chart = chart
        while len(self.rows) > len(chart.vials):
            for widget in self.rows.pop().widgets():
                widget.blockSignals(True)  # a focused field's last "finished" is not an edit
                self._grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        while len(self.rows) < len(chart.vials):
            self._add_row()
        drawn = chart.drawn()
        for index, (row, vial) in enumerate(zip(self.rows, chart.vials, strict=True)):
            row.lot.set_date_of_service(chart.date_of_service)
            row.lot.show_lot(vial.lot_number)
            if not row.expiry.hasFocus():
                set_text(row.expiry, format_expiry(vial.lot_expiry))
            found = row.size.findData(vial.units)
            if found < 0:
                row.size.addItem(f"{vial.units} U", vial.units)
                found = row.size.count() - 1
            row.size.setCurrentIndex(found)
            if not row.drawn.hasFocus():
                set_text(row.drawn, "" if vial.drawn is None else format_units(vial.drawn))
            row.drawn.setPlaceholderText(f"{format_units(drawn[index])} U")
            row.remove.setVisible(len(chart.vials) > 1)
        self.add_button.setEnabled(not self._read_only and len(chart.vials) < MAX_VIALS)

    def _add_row(self) -> None:
        index = len(self.rows)
        row = VialRow(index + 1)
        row.lot.set_lots(self._lots)
        first = 2 * index
        self._grid.addWidget(row.label, first, 0)
        self._grid.addWidget(row.lot, first, 1)
        self._grid.addWidget(row.remove, first, 2)
        self._grid.addWidget(row.details, first + 1, 1)
        row.lot.lotTyped.connect(lambda text: self._on_lot_typed(index, text))
        row.lot.lotPicked.connect(lambda lot, expiry: self._on_lot_picked(index, lot, expiry))
        row.lot.codeScanned.connect(lambda text: self._on_scanned(index, text))
        row.expiry.editingFinished.connect(lambda: self._on_expiry(index))
        row.size.activated.connect(lambda _n: self._on_size(index))
        row.drawn.editingFinished.connect(lambda: self._on_drawn(index))
        row.remove.clicked.connect(lambda: self._on_remove(index))
        for widget in row.widgets():
            widget.show()  # now, not when the layout gets to it: the new lot field takes focus
        self.rows.append(row)
        self._enable(row)

    def _enable(self, row: VialRow) -> None:
        for widget in row.inputs():
            if isinstance(widget, INPUTS):
                widget.setEnabled(not self._read_only)

    # -- edits -----------------------------------------------------------------------------------

    def _live(self, index: int) -> bool:
        """Vial ``index`` is still shown and charted (an undo may have removed it while one of its
        fields still had focus)."""
        chart = self._chart
        return chart is not None and index < len(self.rows) and index < len(chart.vials)

    def _emit(self, text: str, change: ChartEdit, merge_key: str = "") -> None:
        self.edited.emit(text, change, merge_key)

    def _say(self, text: str, severity: str = "") -> None:
        self._message.setText(text)
        self._message.setVisible(bool(text))
        restyle(self._message, "severity", severity)
        if text:
            self.statusMessage.emit(text)

    def add_vial(self) -> None:
        self._emit(self.tr("Add vial"), lambda chart: chart.add_vial())
        if self._chart is not None and len(self.rows) == len(self._chart.vials):
            self.focus_lot(len(self.rows) - 1)

    def _on_remove(self, index: int) -> None:
        if not self._live(index):
            return
        self._emit(
            self.tr("Remove vial {value}").format(value=index + 1),
            lambda chart: chart.remove_vial(index),
        )
        if self.rows:
            self.focus_lot(min(index, len(self.rows) - 1))

    def _on_lot_typed(self, index: int, text: str) -> None:
        if not self._live(index):
            return
        expiry = self.rows[index].lot.expiry_of(text)

        def change(chart: Chart) -> None:
            chart.set_vial(index, lot_number=text)
            if expiry is not None:
                chart.set_vial(index, lot_expiry=expiry)

        self._emit(
            self.tr("Edit lot of vial {value}").format(value=index + 1),
            change,
            f"vial{index}.lot",
        )

    def _on_lot_picked(self, index: int, lot: str, expiry: date | None) -> None:
        if not self._live(index):
            return

        def change(chart: Chart) -> None:
            chart.set_vial(index, lot_number=lot)
            if expiry is not None:
                chart.set_vial(index, lot_expiry=expiry)

        self._emit(
            self.tr("Pick lot {lot} for vial {value}").format(lot=lot, value=index + 1), change
        )

    def _on_expiry(self, index: int) -> None:
        if not self._live(index):
            return
        field = self.rows[index].expiry
        try:
            expiry = parse_expiry(field.text())
        except ExpiryError as err:
            self._say(self.tr("Vial {value}: {err}").format(value=index + 1, err=err), "error")
            return
        self._say("")
        if self._chart is not None and expiry == self._chart.vials[index].lot_expiry:
            set_text(field, format_expiry(expiry))
            return
        self._emit(
            self.tr("Set expiry of vial {value}").format(value=index + 1),
            lambda chart: chart.set_vial(index, lot_expiry=expiry),
        )

    def _on_size(self, index: int) -> None:
        if not self._live(index):
            return
        size = int(self.rows[index].size.currentData())
        self._emit(
            self.tr("Vial {value}: {size} U").format(value=index + 1, size=size),
            lambda chart: chart.set_vial(index, units=size),
        )

    def _on_drawn(self, index: int) -> None:
        if not self._live(index):
            return
        field = self.rows[index].drawn
        try:
            drawn = parse_drawn(field.text())
        except ChartError as err:
            self._say(self.tr("Vial {value}: {err}").format(value=index + 1, err=err), "error")
            return
        self._say("")
        if self._chart is not None and drawn == self._chart.vials[index].drawn:
            set_text(field, "" if drawn is None else format_units(drawn))
            return
        self._emit(
            self.tr("Units drawn from vial {value}").format(value=index + 1),
            lambda chart: chart.set_vial(index, drawn=drawn),
        )

    def _on_scanned(self, index: int, text: str) -> None:
        """A carton's code in vial ``index``'s lot field (docs/clinical-reference.md §11)."""
        if not self._live(index):
            return
        chart = self._chart
        if chart is None:
            return
        field = self.rows[index].lot
        try:
            carton = gs1.parse(text, today=date.today())
        except gs1.Gs1Error as err:
            self._say(str(err), "error")  # the code stays in the field, as typed
            return
        if self._gtins and carton.gtin not in self._gtins:
            field.show_last()
            self._say(wrong_product(carton.gtin), "error")
            return
        if not carton.lot:
            field.show_last()
            no_lot = self.tr("This carton's code holds no lot (10): type the lot from the carton.")
            self._say(no_lot, "error")
            return
        lot, expiry, checked = carton.lot, carton.expiry, bool(self._gtins)
        trial = chart.copy()
        try:
            trial.record_carton(index, lot, expiry)
        except ChartError as err:
            field.show_last()
            self._say(str(err), "error")
            return

        def change(after: Chart) -> None:
            after.record_carton(index, lot, expiry)
            if checked and not after.product.strip():
                after.product = PRODUCT

        field.show_last()
        self._emit(self.tr("Scan carton into vial {value}").format(value=index + 1), change)
        self._scanned.add(lot_key(lot))
        when = (
            self.tr(", expiry {isoformat}").format(isoformat=expiry.isoformat())
            if expiry
            else self.tr("; the code has no expiry: type it")
        )
        said = self.tr("Vial {value}: lot {lot}{when}, from the carton.").format(
            value=index + 1, lot=lot, when=when
        )
        self._say(
            said if checked else f"{said} {self.tr(NOT_CHECKED)}", "" if checked else "warning"
        )
        if index < len(self.rows):
            self.focus_lot(index)
