"""The lot number, from an editable list of the clinic's recent lots, and its expiry date.

Picking a recent lot also fills its expiry (one action instead of two); a new lot is simply typed.
The list shows each lot with its expiry ("C1234AB — exp. 2027-06-30"), marking those expired on the
session's date, while the field and the chart hold the bare lot number.
Vials print the expiry as a month more often than a day, so "2027-06" is accepted and means the end
of June 2027.

A barcode scanner types a carton's GS1 code into the field like a keyboard
(docs/clinical-reference.md §11). Text that may be the start of one (a digit, "(" or "]" first) is
not reported per keystroke, so a half-scanned code never reaches the chart; at Enter or on leaving
the field a code is reported as ``codeScanned`` and anything else as a typed lot. The group
separator a scanner sends (ASCII 29, which a text field drops) is kept as its visible symbol, one
of the separators gs1 reads.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from botox_chart import bounds, gs1
from botox_chart.ui.widgets.chart_form import compact, line_edit

MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
MONTH_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{4})$")


class ExpiryError(ValueError):
    """An expiry date that cannot be read; the message says what is expected."""


def parse_expiry(text: str) -> date | None:
    """ "2027-06-30", "2027-06" or "06/2027" (month → its last day); "" → None.

    A date the record cannot hold (bounds.check_date: 1900-2100) is an ExpiryError too.
    """
    text = text.strip()
    if not text:
        return None
    day = _read_expiry(text)
    if day is None:
        raise ExpiryError(
            QCoreApplication.translate(
                "LotPicker", "{text!r} is not an expiry date: type it as on the vial, e.g. 2027-06."
            ).format(text=text)
        )
    try:
        bounds.check_date(day, QCoreApplication.translate("LotPicker", "the lot expiry date"))
    except bounds.OutOfBounds as err:
        raise ExpiryError(str(err)) from None
    return day


def _read_expiry(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = MONTH.match(text)
    year, month = (match.group(1), match.group(2)) if match else ("", "")
    if not match and (match := MONTH_FIRST.match(text)):
        year, month = match.group(2), match.group(1)
    if match and 1 <= int(month) <= 12 and int(year) >= 1:  # there is no year 0
        last = calendar.monthrange(int(year), int(month))[1]
        return date(int(year), int(month), last)
    return None


def could_be_code(text: str) -> bool:
    """Could ``text`` be the start of a scanned GS1 code (rather than a lot being typed)?"""
    first = text.lstrip()[:1]
    return first.isdigit() or first in ("(", "]") or gs1.looks_like_gs1(text)


def format_expiry(day: date | None) -> str:
    return day.isoformat() if day else ""


def entry_text(lot: str, expiry: date | None, date_of_service: date) -> str:
    """A recent lot as the list shows it: "C1234AB — exp. 2027-06-30", "…, expired" if it expired
    before the session's date (as the chart's own check, chart.Chart.findings)."""
    if expiry is None:
        return QCoreApplication.translate("LotPicker", "{lot} — expiry not recorded").format(
            lot=lot
        )
    expired = (
        QCoreApplication.translate("LotPicker", ", expired") if expiry < date_of_service else ""
    )
    return QCoreApplication.translate("LotPicker", "{lot} — exp. {isoformat}{expired}").format(
        lot=lot, isoformat=expiry.isoformat(), expired=expired
    )


class _LotEntries(QStyledItemDelegate):
    """Paints the picker's list entries as :func:`entry_text`; the items' own text stays the bare
    lot, which is what choosing one (or inline completion) puts in the field."""

    def __init__(self, picker: LotPicker) -> None:
        super().__init__(picker)
        self._picker = picker

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        lot = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(lot, str):
            option.text = self._picker.entry_text(lot)


class LotPicker(QComboBox):
    lotTyped = Signal(str)
    """The user typed a lot number (each keystroke, and once more if completion changed it)."""
    lotPicked = Signal(str, object)
    """A recent lot was picked: (lot number, its expiry date or None)."""
    codeScanned = Signal(str)
    """A GS1 code was typed (scanned) and ended with Enter or by leaving the field. Never log it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotPicker")
        self.setEditable(True)
        compact(self)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit(self).setPlaceholderText(self.tr("Pick a recent lot or type one"))
        self._expiries: dict[str, date | None] = {}
        self._date_of_service = date.today()
        self.setItemDelegate(_LotEntries(self))
        self._last = ""
        """The lot last reported or shown: the chart holds it, so the field need not change."""
        self._shown = ""
        """The lot the chart holds, as last shown."""
        self._base = ""
        """The lot the chart put in the field (not one being typed): a scan may follow it."""
        line_edit(self).installEventFilter(self)
        line_edit(self).textEdited.connect(self._on_text_edited)
        line_edit(self).editingFinished.connect(self._on_finished)
        self.activated.connect(self._on_activated)

    def set_lots(self, lots: Sequence[tuple[str, date | None]]) -> None:
        """The clinic's recent lots, newest first (store.sessions.recent_lots)."""
        text = self.currentText()
        self.blockSignals(True)
        try:
            self.clear()
            self._expiries = {}
            for lot, expiry in lots:
                # The item text is the bare lot so inline completion never adds anything to it.
                self.addItem(lot, lot)
                self._expiries[lot] = expiry
            self.setCurrentIndex(-1)
            self.setEditText(text)
        finally:
            self.blockSignals(False)
        self._fit_list()

    def set_date_of_service(self, day: date) -> None:
        """The session's date, against which the list marks lots expired."""
        if day != self._date_of_service:
            self._date_of_service = day
            self._fit_list()
            self.view().viewport().update()

    def entry_text(self, lot: str) -> str:
        """What the list shows for a recent lot: the lot, its expiry, and whether it expired."""
        return entry_text(lot, self._expiries.get(lot), self._date_of_service)

    def _fit_list(self) -> None:
        """Widen the list for its entries: the combo box sizes it for the bare lots."""
        view = self.view()
        widest = view.sizeHintForColumn(0) if self.count() else 0
        view.setMinimumWidth(widest + view.verticalScrollBar().sizeHint().width())

    def recent_lots(self) -> list[str]:
        return list(self._expiries)

    def expiry_of(self, lot: str) -> date | None:
        """The expiry the clinic recorded for a known lot (case and spaces ignored)."""
        wanted = lot.strip().upper()
        for known, expiry in self._expiries.items():
            if known.strip().upper() == wanted:
                return expiry
        return None

    def pick(self, lot: str) -> None:
        """Choose a recent lot as the user would from the list."""
        index = self.findData(lot)
        if index < 0:
            raise KeyError(lot)
        self.setCurrentIndex(index)
        self._on_activated(index)

    def show_lot(self, lot: str) -> None:
        """Show the chart's lot without emitting anything.

        The lot the field last reported is left alone, so a completion being typed is not undone.
        """
        self._shown = lot
        if lot == self._last:
            return
        self._last = self._base = lot
        if self.currentText() != lot:
            self.blockSignals(True)
            line_edit(self).blockSignals(True)
            try:
                self.setCurrentIndex(-1)
                self.setEditText(lot)
            finally:
                line_edit(self).blockSignals(False)
                self.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The group separator a scanner types (ASCII 29) is kept as its visible symbol; a click
        into the field selects the lot in it, so a scan replaces it rather than adding to it."""
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() == Qt.FocusReason.MouseFocusReason
        ):
            # After the click has placed the cursor: select then, or the click deselects.
            QTimer.singleShot(0, line_edit(self).selectAll)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text() == gs1.GROUP_SEPARATOR
        ):
            line_edit(self).insert("\u241d")
            return True
        return super().eventFilter(watched, event)

    def show_last(self) -> None:
        """Put back the lot the chart holds, replacing a scanned code (without emitting)."""
        self._last = "\0"  # differs from any lot, so show_lot sets the field
        self.show_lot(self._shown)

    def _scanned_part(self, text: str) -> str:
        """What was typed after the lot the chart put in the field, when the cursor was left
        after it (a scan then follows the old lot: "C1234AB0100300…")."""
        base = self._base
        return text[len(base) :] if base and text.startswith(base) else ""

    def _on_text_edited(self, text: str) -> None:
        if could_be_code(text) or could_be_code(self._scanned_part(text)):
            return  # reported at Enter or on leaving the field: a scan is never half-charted
        self._last = text
        self.lotTyped.emit(text)

    def _on_finished(self) -> None:
        """Enter or leaving the field: an inline completion (typed "c12", shown "C1234AB") is
        set in the field without a keystroke, so the lot in the field is reported now."""
        text = self.currentText().strip()
        if text == self._last:
            return
        scanned = self._scanned_part(text)
        if gs1.looks_like_gs1(scanned):
            self.codeScanned.emit(scanned)  # read or refused; never charted as a lot
            return
        if gs1.looks_like_gs1(text):
            self.codeScanned.emit(text)
            return
        known = next((lot for lot in self._expiries if lot.upper() == text.upper()), None)
        self._last = known or text
        if known is not None:
            self.lotPicked.emit(known, self._expiries[known])
        else:
            self.lotTyped.emit(text)

    def _on_activated(self, index: int) -> None:
        lot = self.itemData(index)
        if isinstance(lot, str):
            self._last = lot
            self.lotPicked.emit(lot, self._expiries.get(lot))
