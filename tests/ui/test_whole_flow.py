"""The whole flow of issue 3 through the real window, as an injector does it: add a patient, new
session, apply the protocol, tailor, refuse a follow-the-pain site in the neck, add a custom site,
lot and consent, sign; then edits are refused and an addendum is allowed.

The editor's own dialogs are injected prompts (tests.helpers.editor_prompts) that build and drive
the real dialogs, so nothing blocks on ``exec()``; every other question goes through FakeDialogs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart import protocol
from botox_chart.protocol import Region
from botox_chart.store import sessions, transaction
from botox_chart.store.models import Role, Status
from botox_chart.ui.dialogs.patient_dialog import PatientDialog
from botox_chart.ui.dialogs.site_dialog import CustomSite
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.widgets.session_editor import SessionEditor
from tests.helpers.editor_prompts import Prompts, tick_all_and_sign
from tests.helpers.fake_dialogs import FakeDialogs
from tests.ui.conftest import LOAD_TIMEOUT_MS, FakePrinting, Login

PREEMPT = protocol.load_named()


def inside(region: Region) -> tuple[float, float]:
    """A point inside ``region`` well away from every template site."""
    xs = [x for x, _ in region.points]
    ys = [y for _, y in region.points]
    sites = [p for s in PREEMPT.sites for p in s.positions if p.view == region.view]
    candidates = [
        (float(x), float(y))
        for x in range(int(min(xs)), int(max(xs)), 3)
        for y in range(int(min(ys)), int(max(ys)), 3)
        if region.contains(x, y)
    ]
    return max(candidates, key=lambda c: min(abs(c[0] - p.x) + abs(c[1] - p.y) for p in sites))


def region(muscle: str, side: str) -> Region:
    return next(r for r in PREEMPT.regions if r.muscle == muscle and r.side == side)


def test_chart_tailor_sign_and_add_to_a_session_from_a_new_patient(
    qtbot: QtBot, engine: Engine, sqlite_url: str, login: Login, clock: Any
) -> None:
    injector = login("nroy", Role.INJECTOR, name="Nadia Roy")
    dialogs = FakeDialogs()
    prompts = Prompts(qtbot, sign_answer=tick_all_and_sign(qtbot))

    def editor_factory(engine: Engine, dialogs: Any, clinician: Any, parent: QWidget) -> QWidget:
        return SessionEditor(
            engine,
            dialogs,
            clinician,
            parent,
            sign_prompt=prompts.sign,
            addendum_prompt=prompts.addendum,
            site_prompt=prompts.site,
        )

    window = MainWindow(
        dialogs, editor_factory=editor_factory, printing_factory=FakePrinting, clock=clock
    )
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.open_database(sqlite_url)
    window.sign_in_as(injector)

    # Add the patient.
    window.actions_.add_patient.trigger()
    form = window.findChild(PatientDialog)
    assert form is not None
    qtbot.keyClicks(form.family_name, "Bergeron")
    qtbot.keyClicks(form.given_names, "Lise")
    qtbot.keyClicks(form.date_of_birth, "1969-08-14")
    qtbot.keyClicks(form.chart_number, "C777001")
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert window.sessions.name.text() == "Bergeron, Lise"

    # New session, then the standard protocol in one action: 155 U.
    window.actions_.new_session.trigger()
    editor = cast(SessionEditor, window.editor)
    assert editor.session_id() is not None
    session_id = editor.session_id()
    window.actions_.apply_protocol.trigger()
    totals = editor.panel().totals
    assert totals.total_text() == "155 U"

    # A right temporalis follow-the-pain site: 160 U; undo: 155 U.
    diagram = editor.diagram()
    assert diagram is not None
    diagram.emptyPointClicked.emit("right", *inside(region("temporalis", "right")))
    assert totals.total_text() == "160 U"
    window.undo_group.undo()
    assert totals.total_text() == "155 U"

    # The neck allows no follow-the-pain site: explained, and declining changes nothing.
    diagram.emptyPointClicked.emit("back", *inside(region("cervical_paraspinal", "right")))
    assert "no follow-the-pain" in prompts.site_requests[-1].explanation  # declined: None
    assert totals.total_text() == "155 U"

    # A custom masseter site, clicked on the face outside every region.
    prompts.site_answer = lambda _dialog: CustomSite(
        "Left masseter", "Masseter", "left", Decimal(10)
    )
    diagram.emptyPointClicked.emit("left", 150.0, 330.0)
    assert totals.total_text() == "165 U"

    # The lot (a new clinic has no recent lot to start from): Ctrl+Shift+B puts the cursor in
    # the lot field and the scanner types the carton's code; then consent and the screen.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.actions_.scan_lot.trigger()
    product = editor.panel().product
    field = product.vials.rows[0].lot.lineEdit()
    assert field.hasFocus()
    qtbot.keyClicks(field, "(01)00300231145014(17)270900(10)C9876ZZ(21)4455")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert product.vials.rows[0].expiry.text() == "2027-09-30"  # day 00: the month's end
    assert "The product was not checked" in window.statusBar().currentMessage()
    editor.panel().consent_screen.consent.click()
    editor.panel().consent_screen.none_present.click()

    # Sign: the warnings (a custom site in no protocol muscle is not one) are ticked.
    window.actions_.sign.trigger()
    assert prompts.sign_requests[-1].lot == "C9876ZZ, expires 2027-09-30"
    with transaction(engine) as db:
        row = sessions.get(db, session_id=session_id)
        chart = sessions.load_chart(db, session_id=session_id)
    assert row.status == Status.SIGNED and row.signed_by_id == injector.id
    assert chart.total_units == 165
    assert [(v.lot_number, v.lot_expiry) for v in chart.vials] == [("C9876ZZ", date(2027, 9, 30))]
    assert "Custom site: Left masseter, 10 U" in chart.deviations()

    # Signed: every edit is refused and nothing stored changes; an addendum is allowed.
    assert editor.is_read_only()
    window.actions_.apply_protocol.trigger()
    diagram.emptyPointClicked.emit("right", *inside(region("temporalis", "right")))
    with transaction(engine) as db:
        assert sessions.load_chart(db, session_id=session_id).total_units == 165
        assert sessions.get(db, session_id=session_id).version == row.version
    prompts.addenda.append("Day 2 call: mild neck stiffness, settling.")
    window.actions_.add_addendum.trigger()
    with transaction(engine) as db:
        (addendum,) = sessions.addenda(db, session_id=session_id)
    assert addendum.text == "Day 2 call: mild neck stiffness, settling."
    assert addendum.author_id == injector.id
