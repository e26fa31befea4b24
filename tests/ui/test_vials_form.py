"""The vials in the product form, and scanning a carton into a vial's lot field as a keyboard-wedge
barcode scanner does: key by key, the group separator as ASCII 29 (Ctrl+]), Enter at the end
(docs/clinical-reference.md §11). The form is driven as the session editor drives it: each edit it
emits is applied to the chart, which is shown again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from botox_chart.chart import PRODUCT, Chart, Vial
from botox_chart.ui.widgets.product_form import ProductForm
from tests.helpers.factories import ready_chart

GTIN = "00300231145014"
OTHER_GTIN = "10300231234562"
DAY = date(2026, 11, 2)


class Harness:
    """A product form showing a chart and applying the edits it emits, as the editor does."""

    def __init__(self, qtbot: QtBot, chart: Chart, gtins: tuple[str, ...] = (GTIN,)) -> None:
        self.chart = chart
        self.form = ProductForm()
        qtbot.addWidget(self.form)
        self.form.set_product_gtins(gtins)
        self.form.set_recent_lots([("C1234AB", date(2027, 6, 30))])
        self.form.set_chart(chart)
        self.undo_texts: list[str] = []
        self.status: list[str] = []
        self.form.edited.connect(self._apply)
        self.form.statusMessage.connect(self.status.append)
        self.form.setFixedSize(520, 900)  # a shown window must not resize itself (offscreen)
        self.form.show()
        qtbot.waitExposed(self.form)
        self.form.activateWindow()
        qtbot.waitUntil(self.form.isActiveWindow)

    def _apply(self, text: str, change: Callable[[Chart], object], _merge: str) -> None:
        after = self.chart.copy()
        change(after)
        self.undo_texts.append(text)
        self.chart = after
        self.form.set_chart(after)

    def lot_field(self, index: int) -> QWidget:
        edit = self.form.vials.rows[index].lot.lineEdit()
        assert edit is not None
        return edit


def scan(qtbot: QtBot, field: QWidget, code: str) -> None:
    """Type ``code`` as a scanner does: ASCII 29 is Ctrl+] with the character as its text."""
    field.setFocus()
    for n, part in enumerate(code.split("\x1d")):
        if n:
            QApplication.sendEvent(
                field,
                QKeyEvent(
                    QEvent.Type.KeyPress,
                    Qt.Key.Key_BracketRight,
                    Qt.KeyboardModifier.ControlModifier,
                    "\x1d",
                ),
            )
        qtbot.keyClicks(field, part)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.fixture
def empty_vial() -> Chart:
    chart = ready_chart(DAY)
    chart.vials = [Vial(units=100), Vial(units=100)]
    return chart


@pytest.mark.parametrize(
    "code",
    [
        f"]d201{GTIN}1727083110C6812AB\x1d2112345",  # DataMatrix, FNC1 as ASCII 29
        f"01{GTIN}1727083110C6812AB\x1d2112345",  # no symbology prefix
        f"(01){GTIN}(17)270831(10)C6812AB(21)12345",  # the bracketed form
    ],
)
def test_a_scanned_carton_fills_the_vials_lot_and_expiry(
    qtbot: QtBot, empty_vial: Chart, code: str
) -> None:
    h = Harness(qtbot, empty_vial)
    scan(qtbot, h.lot_field(0), code)
    assert h.chart.vials[0] == Vial("C6812AB", date(2027, 8, 31), 100)
    assert h.undo_texts == ["Scan carton into vial 1"]  # one step: the code never half-charted
    row = h.form.vials.rows[0]
    assert row.lot.currentText() == "C6812AB"  # the field shows the lot, not the code
    assert row.expiry.text() == "2027-08-31"
    assert h.status == ["Vial 1: lot C6812AB, expiry 2027-08-31, from the carton."]


def test_a_day_of_00_is_the_end_of_the_month_and_a_known_gtin_names_the_product(
    qtbot: QtBot, empty_vial: Chart
) -> None:
    empty_vial.product = ""
    h = Harness(qtbot, empty_vial)
    scan(qtbot, h.lot_field(0), f"01{GTIN}1728020010D7001XY")
    assert h.chart.vials[0].lot_expiry == date(2028, 2, 29)
    assert h.chart.vials[0].lot_number == "D7001XY"
    assert h.chart.product == PRODUCT


def test_a_second_carton_goes_into_the_vial_added_for_it(qtbot: QtBot) -> None:
    chart = ready_chart(DAY)
    chart.vials = [Vial(units=100)]
    h = Harness(qtbot, chart)
    assert h.form.vials.scan_target(h.chart) == 0
    scan(qtbot, h.lot_field(0), f"(01){GTIN}(17)270831(10)C6812AB")
    assert h.form.vials.scan_target(h.chart) is None  # every vial scanned: the next is another
    h.form.vials.add_vial()
    assert h.form.vials.scan_target(h.chart) == 1
    scan(qtbot, h.lot_field(1), f"(01){GTIN}(17)270930(10)D7001XY")
    assert h.chart.vials == [
        Vial("C6812AB", date(2027, 8, 31), 100),
        Vial("D7001XY", date(2027, 9, 30), 100),
    ]
    assert [r.lot.currentText() for r in h.form.vials.rows] == ["C6812AB", "D7001XY"]
    assert h.status[-1] == "Vial 2: lot D7001XY, expiry 2027-09-30, from the carton."


def test_a_scan_after_the_lot_a_draft_began_with_replaces_it(qtbot: QtBot) -> None:
    """The cursor left at the end of the clinic's last lot: the scanner's keystrokes follow it,
    and the vial takes the carton's lot, never the two run together."""
    chart = ready_chart(DAY)
    chart.vials = [Vial("OLD1234", date(2027, 1, 31), 100)]
    h = Harness(qtbot, chart)
    assert h.form.vials.scan_target(h.chart) == 0  # filled in, not scanned: the carton says
    field = h.lot_field(0)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End)
    scan(qtbot, field, f"01{GTIN}1727083110C6812AB\x1d2112345")
    assert h.chart.vials == [Vial("C6812AB", date(2027, 8, 31), 100)]
    assert h.undo_texts == ["Scan carton into vial 1"]


def test_undoing_an_added_vial_while_its_field_has_focus_is_harmless(qtbot: QtBot) -> None:
    chart = ready_chart(DAY)
    chart.vials = [Vial("C6812AB", date(2027, 8, 31), 100)]
    h = Harness(qtbot, chart)
    h.form.vials.add_vial()
    expiry = h.form.vials.rows[1].expiry
    expiry.setFocus()
    qtbot.keyClicks(expiry, "2027-09")
    h.form.set_chart(chart)  # what undoing "Add vial" shows
    h.form.setFocus()  # the removed field's "finished" is not an edit of a vial now gone
    assert len(h.form.vials.rows) == 1
    assert h.undo_texts == ["Add vial"]


def test_a_carton_of_another_product_is_refused_and_nothing_changes(
    qtbot: QtBot, empty_vial: Chart
) -> None:
    h = Harness(qtbot, empty_vial)
    before = h.chart.copy()
    scan(qtbot, h.lot_field(0), f"(01){OTHER_GTIN}(17)270831(10)C6812AB")
    assert h.chart == before and h.undo_texts == []
    message = h.form.vials.message()
    assert f"GTIN {OTHER_GTIN}" in message and "nothing was filled" in message
    assert "an administrator can add it in Clinic settings" in message
    assert h.form.vials.rows[0].lot.currentText() == ""  # the code is not left as a lot


def test_with_no_product_gtins_a_scan_fills_and_says_the_product_was_not_checked(
    qtbot: QtBot, empty_vial: Chart
) -> None:
    h = Harness(qtbot, empty_vial, gtins=())
    scan(qtbot, h.lot_field(1), f"(01){OTHER_GTIN}(17)270831(10)C6812AB")
    assert h.chart.vials[1].lot_number == "C6812AB"
    assert "The product was not checked" in h.status[-1]


def test_a_code_that_cannot_be_read_stays_in_the_field_with_the_reason(
    qtbot: QtBot, empty_vial: Chart
) -> None:
    h = Harness(qtbot, empty_vial)
    bad_check_digit = "(01)00300231145015(17)270831(10)C6812AB"
    scan(qtbot, h.lot_field(0), bad_check_digit)
    assert h.undo_texts == [] and h.chart.vials[0].lot_number == ""
    assert h.form.vials.rows[0].lot.currentText() == bad_check_digit
    assert "check digit" in h.form.vials.message()


def test_a_typed_lot_is_still_a_lot(qtbot: QtBot, empty_vial: Chart) -> None:
    h = Harness(qtbot, empty_vial)
    field = h.lot_field(0)
    field.setFocus()
    qtbot.keyClicks(field, "2411AB")  # a lot that starts with a digit: charted at Enter
    assert h.chart.vials[0].lot_number == ""
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert h.chart.vials[0].lot_number == "2411AB"


def test_add_and_remove_vials_and_the_saline_follows_the_first(qtbot: QtBot) -> None:
    h = Harness(qtbot, ready_chart(DAY))
    vials = h.form.vials
    assert len(vials.rows) == 1 and vials.rows[0].remove.isHidden()
    qtbot.keyClick(vials.add_button, Qt.Key.Key_Space)
    assert len(h.chart.vials) == 2 and len(vials.rows) == 2
    assert vials.rows[1].lot.hasFocus()  # ready for the new vial's lot
    first = vials.rows[0].size
    first.setCurrentIndex(first.findData(100))
    first.activated.emit(first.currentIndex())
    assert h.chart.dilution.vial_units == 100 and h.chart.dilution.diluent_ml == Decimal(2)
    assert "5 U per 0.1 mL" in h.form.concentration_text()
    assert "300 U opened" in h.form.concentration_text()
    qtbot.keyClick(vials.rows[0].remove, Qt.Key.Key_Space)
    assert [v.units for v in h.chart.vials] == [200]
    assert h.chart.dilution.diluent_ml == Decimal(4)


def test_units_drawn_blank_shows_the_allocation_greyed(qtbot: QtBot) -> None:
    chart = ready_chart(DAY)  # 155 U charted
    chart.vials = [Vial("C1", date(2027, 6, 30), 100), Vial("C2", date(2027, 6, 30), 100)]
    h = Harness(qtbot, chart)
    rows = h.form.vials.rows
    assert [(r.drawn.text(), r.drawn.placeholderText()) for r in rows] == [
        ("", "100 U"),
        ("", "55 U"),
    ]
    rows[0].drawn.setFocus()
    qtbot.keyClicks(rows[0].drawn, "90")
    qtbot.keyClick(rows[0].drawn, Qt.Key.Key_Return)
    assert h.chart.vials[0].drawn == Decimal(90)
    assert rows[1].drawn.placeholderText() == "65 U"
    rows[1].drawn.setFocus()
    qtbot.keyClicks(rows[1].drawn, "lots")
    qtbot.keyClick(rows[1].drawn, Qt.Key.Key_Return)
    assert "Vial 2: 'lots' is not a number of units drawn." in h.form.vials.message()
    assert h.chart.vials[1].drawn is None
