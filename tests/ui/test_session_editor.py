"""The session editor: charting a session as an injector does, and what reaches the database.

The editor's three dialogs (sign, custom site, addendum) are injected as prompts: these tests build
the real dialog, drive it as the user would (tick, type), and return what it decides, so no test
blocks on ``exec()``. Every other question goes through ``FakeDialogs``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart import protocol
from botox_chart.chart import MARKER_SEPARATION, Chart, Severity
from botox_chart.protocol import Region
from botox_chart.store import StorageError, transaction
from botox_chart.store import sessions as store
from botox_chart.store.models import Clinician, Patient, Role
from botox_chart.ui.dialogs.sign_dialog import SignDecision, SignDialog, SignRequest
from botox_chart.ui.dialogs.site_dialog import CustomSite, SiteDialog, SiteRequest
from botox_chart.ui.widgets import draft_autosave
from botox_chart.ui.widgets.head_diagram import HIT_SLOP, HeadDiagram
from botox_chart.ui.widgets.lot_picker import entry_text
from botox_chart.ui.widgets.session_editor import SessionEditor
from botox_chart.ui.widgets.site_marker import SiteMarker
from tests.helpers.editor_prompts import Prompts, tick_all_and_sign
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs

PREEMPT = protocol.load_named()


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def patient(engine: Engine) -> Patient:
    return make_patient(engine)


@pytest.fixture
def injector(engine: Engine) -> Clinician:
    return make_clinician(engine, name="Nadia Roy", role=Role.INJECTOR)


@pytest.fixture
def draft_id(engine: Engine, patient: Patient, injector: Clinician) -> int:
    assert patient.id is not None
    with transaction(engine) as db:
        row = store.create_draft(db, patient_id=patient.id, injector_id=injector.id)
    assert row.id is not None
    return row.id


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def prompts(qtbot: QtBot) -> Prompts:
    return Prompts(qtbot)


@pytest.fixture
def statuses() -> list[str]:
    return []


@pytest.fixture
def make_editor(
    qtbot: QtBot,
    engine: Engine,
    dialogs: FakeDialogs,
    prompts: Prompts,
    injector: Clinician,
    statuses: list[str],
) -> Callable[[int], SessionEditor]:
    windows: list[QWidget] = []

    def make(session_id: int) -> SessionEditor:
        # Hosted in a window as the main window hosts it (a top-level editor would make the
        # offscreen platform warn about size hints it cannot pass on).
        window = QWidget()
        qtbot.addWidget(window)
        windows.append(window)  # qtbot keeps only a weak reference
        window.resize(1280, 800)
        editor = SessionEditor(
            engine,
            dialogs,
            lambda: injector.id,
            window,
            sign_prompt=prompts.sign,
            addendum_prompt=prompts.addendum,
            site_prompt=prompts.site,
        )
        editor.statusMessage.connect(statuses.append)
        editor.resize(1280, 800)
        window.show()
        assert editor.open_session(session_id)
        return editor

    return make


@pytest.fixture
def editor(make_editor: Callable[[int], SessionEditor], draft_id: int) -> Iterator[SessionEditor]:
    yield make_editor(draft_id)


# -- helpers -------------------------------------------------------------------------------------


def stored(engine: Engine, session_id: int) -> Chart:
    """The chart as another workstation would load it now."""
    with transaction(engine) as db:
        return store.load_chart(db, session_id=session_id)


def stored_row_version(engine: Engine, session_id: int) -> int:
    with transaction(engine) as db:
        return store.get(db, session_id=session_id).version


def region(muscle: str, side: str) -> Region:
    return next(r for r in PREEMPT.regions if r.muscle == muscle and r.side == side)


def point_inside(area: Region) -> tuple[float, float]:
    """A point inside the region, as far as possible from the protocol's sites on that view."""
    sites = [p for s in PREEMPT.sites for p in s.positions if p.view == area.view]
    xs = [x for x, _ in area.points]
    ys = [y for _, y in area.points]
    best, room = (0.0, 0.0), -1.0
    for x in range(int(min(xs)), int(max(xs)) + 1, 2):
        for y in range(int(min(ys)), int(max(ys)) + 1, 2):
            if not area.contains(x, y):
                continue
            distance = min(math.dist((x, y), (p.x, p.y)) for p in sites)
            if distance > room:
                best, room = (float(x), float(y)), distance
    assert room > 0, f"no point inside {area}"
    return best


def click(qtbot: QtBot, editor: SessionEditor, widget: QWidget) -> None:
    """Scroll the panel to the widget, as the user would, and click its left end (a checkbox
    spans the panel's width but only its box and text take clicks)."""
    editor.panel().ensureWidgetVisible(widget)
    at = QPoint(min(12, widget.width() // 2), widget.height() // 2)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)


def diagram_of(editor: SessionEditor) -> HeadDiagram:
    diagram = editor.diagram()
    assert diagram is not None
    return diagram


# -- the whole charting flow ---------------------------------------------------------------------


def test_a_session_charted_from_protocol_to_signature_and_addendum(
    qtbot: QtBot,
    engine: Engine,
    patient: Patient,
    injector: Clinician,
    make_editor: Callable[[int], SessionEditor],
    dialogs: FakeDialogs,
    prompts: Prompts,
    statuses: list[str],
) -> None:
    # The patient's last session was 60 days ago (lot C1234AB): a warning to acknowledge at signing.
    make_signed_session(engine, patient, injector, ready_chart(date.today() - timedelta(days=60)))
    assert patient.id is not None
    with transaction(engine) as db:
        row = store.create_draft(db, patient_id=patient.id, injector_id=injector.id)
    assert row.id is not None
    session_id = row.id
    editor = make_editor(session_id)
    panel = editor.panel()
    diagram = diagram_of(editor)
    assert panel.totals.total_text() == "0 U"
    # A new draft starts with the clinic's latest unexpired lot; the injector confirms it.
    assert panel.product.vials.rows[0].lot.currentText() == "C1234AB"

    editor.apply_protocol()
    assert panel.totals.total_text() == "155 U"
    assert "of 155 U standard · max 195 U" in panel.totals.against_text()
    assert diagram.marker_state("TEM-R1") == "injected"
    assert stored(engine, session_id).total_units == 155

    # A follow-the-pain site: a click inside the right temporalis on the right-side view.
    x, y = point_inside(region("temporalis", "right"))
    diagram.emptyPointClicked.emit("right", x, y)
    assert panel.totals.total_text() == "160 U"
    assert panel.totals.muscle_line("temporalis") == "Temporalis 45 / 40 / 50 U"
    assert "FTP-1" in diagram.marker_keys()
    assert diagram.current_key() == "FTP-1"
    assert stored(engine, session_id).total_units == 160

    editor.undo_stack().undo()
    assert panel.totals.total_text() == "155 U"
    assert "FTP-1" not in diagram.marker_keys()
    assert stored(engine, session_id).total_units == 155
    editor.undo_stack().redo()
    assert panel.totals.total_text() == "160 U"
    assert stored(engine, session_id).total_units == 160
    editor.undo_stack().undo()
    assert panel.totals.total_text() == "155 U"

    # The neck has no follow-the-pain allowance: the click is explained, a custom site offered,
    # and declining it changes nothing.
    x, y = point_inside(region("cervical_paraspinal", "right"))
    diagram.emptyPointClicked.emit("back", x, y)
    assert "Cervical paraspinal has no follow-the-pain allowance" in statuses[-1]
    assert "Cervical paraspinal has no follow-the-pain allowance" in (
        prompts.site_requests[-1].explanation
    )
    assert panel.totals.total_text() == "155 U"
    assert stored(engine, session_id).total_units == 155

    # A custom masseter site on the front view, outside every protocol region.
    def masseter(dialog: SiteDialog) -> CustomSite | None:
        dialog.set_values(muscle="Masseter", units="10")
        assert dialog.add_button().isEnabled()
        return dialog.site()

    prompts.site_answer = masseter
    assert PREEMPT.region_at("front", 135, 250) is None
    diagram.emptyPointClicked.emit("front", 135.0, 250.0)
    assert prompts.site_requests[-1].side == "right"
    assert panel.totals.total_text() == "165 U"
    assert panel.totals.muscle_line("masseter") == "Masseter (custom) 10 U"
    assert "X-1" in diagram.marker_keys()
    saved = stored(engine, session_id)
    assert [(i.label, i.units) for i in saved.injections if i.key == "X-1"] == [
        ("Right masseter", 10)
    ]

    # Signing now is blocked: errors are listed and Sign is disabled.
    def refuse(dialog: SignDialog) -> SignDecision | None:
        assert not dialog.sign_button().isEnabled()
        return None

    prompts.sign_answer = refuse
    editor.sign()
    messages = [f.message for f in prompts.sign_requests[-1].findings]
    assert "The lot number is missing." not in messages  # prefilled, see above
    assert "Consent is not recorded." in messages
    assert not editor.is_read_only()

    # Lot from the clinic's recent lots (fills the expiry), consent, and the screen in one click.
    product = panel.product
    assert product.vials.rows[0].lot.recent_lots() == ["C1234AB"]
    product.vials.rows[0].lot.pick("C1234AB")
    assert product.vials.rows[0].expiry.text() == "2027-06-30"
    click(qtbot, editor, panel.consent_screen.consent)
    click(qtbot, editor, panel.consent_screen.none_present)
    saved = stored(engine, session_id)
    assert (saved.vials[0].lot_number, saved.vials[0].lot_expiry, saved.consent) == (
        "C1234AB",
        date(2027, 6, 30),
        True,
    )
    assert set(saved.screen.values()) == {False}
    assert panel.findings.messages(Severity.ERROR) == []
    assert any("60 days" in m for m in panel.findings.messages(Severity.WARNING))

    prompts.sign_answer = tick_all_and_sign(qtbot)
    with qtbot.waitSignal(editor.signedSession) as signed:
        editor.sign()
    assert signed.args == [session_id]
    with transaction(engine) as db:
        row = store.get(db, session_id=session_id)
        assert row.status == "signed"
        assert row.signed_by_id == injector.id
        assert any(key.startswith("interval_short") for key in row.acknowledged)
        version = row.version

    # Signed: read-only, undo emptied, every edit refused with a message, the store untouched.
    assert editor.is_read_only()
    assert diagram.is_read_only()
    assert editor.undo_stack().count() == 0
    assert not product.vials.rows[0].lot.isEnabled()
    assert not product.vials.add_button.isEnabled()
    assert not panel.consent_screen.consent.isEnabled()
    assert panel.save_state_text().startswith("Signed")
    assert not panel.apply_button.isVisible()
    assert panel.addendum_button.isVisible()
    said: list[str] = []
    editor.statusMessage.connect(said.append)
    editor.apply_protocol()
    assert said == [
        "This session is signed and cannot be changed: add an addendum instead (Session › Add "
        "addendum, Ctrl+Shift+D)."
    ]
    assert dialogs.messages("info") == []  # said once, in the status area: no dialog to close
    diagram.siteActivated.emit("PRO")
    assert stored_row_version(engine, session_id) == version
    assert stored(engine, session_id).total_units == 165

    # The one thing still possible: an addendum, stored and listed.
    prompts.addenda.append("Patient called on day 3: mild neck pain, resolving.")
    editor.add_addendum()
    with transaction(engine) as db:
        texts = [a.text for a in store.addenda(db, session_id=session_id)]
    assert texts == ["Patient called on day 3: mild neck pain, resolving."]
    assert "mild neck pain" in panel.addenda.texts()[0]
    assert "Nadia Roy" in panel.addenda.texts()[0]


# -- autosave and its failures -------------------------------------------------------------------


def test_each_change_is_saved_and_typing_is_one_undo_step(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int
) -> None:
    click(qtbot, editor, editor.panel().consent_screen.consent)
    assert stored(engine, draft_id).consent is True

    notes = editor.panel().outcome.notes
    with qtbot.waitSignal(editor.saved, timeout=5000):
        qtbot.keyClicks(notes, "Tolerated well")
    assert stored(engine, draft_id).notes == "Tolerated well"
    stack = editor.undo_stack()
    assert stack.count() == 2  # consent, then the whole note
    stack.undo()
    assert notes.toPlainText() == ""
    assert stored(engine, draft_id).notes == ""
    assert editor.chart() is not None and editor.chart().consent is True  # type: ignore[union-attr]


def test_a_draft_saved_on_another_workstation_is_never_overwritten(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int, dialogs: FakeDialogs
) -> None:
    with transaction(engine) as db:
        other = store.load_chart(db, session_id=draft_id)
        other.notes = "Charted on workstation B"
        store.save_draft(
            db,
            session_id=draft_id,
            patient_id=store.get(db, session_id=draft_id).patient_id,
            chart=other,
            expected_version=store.get(db, session_id=draft_id).version,
            clinician_id=store.get(db, session_id=draft_id).injector_id,
        )

    editor.apply_protocol()  # the user declines the reload (FakeDialogs answers no)
    assert "another workstation" in dialogs.messages("confirm")[-1]
    assert "changed on another workstation" in editor.panel().save_state_text()
    assert editor.panel().totals.total_text() == "155 U"  # still on screen, not lost
    kept = stored(engine, draft_id)
    assert kept.notes == "Charted on workstation B"
    assert kept.total_units == 0

    editor.panel().retry_button().click()  # "Reload"
    assert editor.chart().notes == "Charted on workstation B"  # type: ignore[union-attr]
    assert editor.panel().totals.total_text() == "0 U"
    editor.apply_protocol()
    assert stored(engine, draft_id).total_units == 155


def test_accepting_the_reload_after_a_conflict_shows_the_other_workstations_draft(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int, dialogs: FakeDialogs
) -> None:
    with transaction(engine) as db:
        other = store.load_chart(db, session_id=draft_id)
        other.set_vial(0, lot_number="B-LOT")
        store.save_draft(
            db,
            session_id=draft_id,
            patient_id=store.get(db, session_id=draft_id).patient_id,
            chart=other,
            expected_version=1,
            clinician_id=store.get(db, session_id=draft_id).injector_id,
        )
    dialogs.confirms.append(True)
    editor.apply_protocol()
    qtbot.waitUntil(lambda: editor.panel().product.vials.rows[0].lot.currentText() == "B-LOT")
    assert editor.panel().totals.total_text() == "0 U"
    assert editor.undo_stack().count() == 0


def test_a_failed_save_keeps_the_chart_and_saves_with_the_next_change(
    engine: Engine,
    editor: SessionEditor,
    draft_id: int,
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_save = store.save_draft

    def disk_full(*args: object, **kwargs: object) -> int:
        raise StorageError("The disk is full.")

    monkeypatch.setattr(draft_autosave.store, "save_draft", disk_full)
    editor.apply_protocol()
    editor.panel().consent_screen.consent.click()
    assert dialogs.messages("error") == [
        "The disk is full.\n\nYour changes are kept in this window and saved again with your "
        "next change (or Retry)."
    ]  # once, not once per change
    assert editor.panel().save_state_text().startswith("Not saved: The disk is full.")
    assert editor.panel().retry_button().text() == "Retry"
    assert editor.panel().totals.total_text() == "155 U"
    assert stored(engine, draft_id).total_units == 0

    monkeypatch.setattr(draft_autosave.store, "save_draft", real_save)
    editor.panel().retry_button().click()
    saved = stored(engine, draft_id)
    assert (saved.total_units, saved.consent) == (155, True)
    assert editor.panel().save_state_text() == "Draft · all changes saved"
    assert editor.panel().retry_button().isHidden()


# -- doses -----------------------------------------------------------------------------------------


def test_a_malformed_typed_dose_is_explained_and_changes_nothing(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int, statuses: list[str]
) -> None:
    editor.apply_protocol()
    diagram_of(editor).set_current("TEM-R1")
    current = editor.panel().current
    assert current.site_text() == "Site 8: Right temporalis 1 (TEM-R1): injected, 5 U"
    version = stored_row_version(engine, draft_id)

    current.units.clear()
    qtbot.keyClicks(current.units, "5..5")
    qtbot.keyClick(current.units, Qt.Key.Key_Return)
    assert current.problem() == "'5..5' is not a number of units."
    assert statuses[-1] == "'5..5' is not a number of units."
    assert editor.panel().totals.total_text() == "155 U"
    assert stored_row_version(engine, draft_id) == version

    current.units.clear()
    qtbot.keyClicks(current.units, "2.5")
    qtbot.keyClick(current.units, Qt.Key.Key_Return)
    assert current.problem() == ""
    assert editor.panel().totals.total_text() == "152.5 U"
    assert stored(engine, draft_id).injection("TEM-R1").units == Decimal("2.5")


def test_units_step_by_one_and_never_below_one(
    engine: Engine, editor: SessionEditor, draft_id: int, statuses: list[str]
) -> None:
    diagram = diagram_of(editor)
    diagram.unitsStepRequested.emit("PRO", 1)
    assert "mark it first" in statuses[-1]
    editor.apply_protocol()
    diagram.set_current("PRO")
    editor.units_step(+1)
    assert diagram.marker_text("PRO") == "6"
    for _ in range(6):  # 6 → 1 U, then one step too many
        editor.units_step(-1)
    assert diagram.marker_text("PRO") == "1"
    assert "lowest step" in statuses[-1]
    assert stored(engine, draft_id).injection("PRO").units == 1
    assert editor.undo_stack().count() == 2  # apply, then the steps of one site merged
    editor.undo_stack().undo()
    assert diagram.marker_text("PRO") == "5"


def test_sites_toggle_omit_with_a_reason_and_restore(
    engine: Engine, editor: SessionEditor, draft_id: int, dialogs: FakeDialogs
) -> None:
    diagram = diagram_of(editor)
    diagram.siteActivated.emit("FRO-R2")
    assert diagram.marker_state("FRO-R2") == "injected"
    diagram.set_current("FRO-R2")
    editor.mark_current()
    assert diagram.marker_state("FRO-R2") == "pending"

    dialogs.texts.extend(["", "brow ptosis"])
    editor.omit_current()  # an empty reason is refused with the chart's message
    assert dialogs.messages("error")[-1].startswith("Say why Right frontalis 2")
    editor.omit_current()
    assert diagram.marker_state("FRO-R2") == "omitted"
    assert stored(engine, draft_id).omissions == {"FRO-R2": "brow ptosis"}
    assert "Right frontalis 2 (lateral) omitted (brow ptosis)" in (
        editor.panel().totals.deviations_text()
    )
    diagram.siteActivated.emit("FRO-R2")  # an omitted site stays omitted on a click
    assert diagram.marker_state("FRO-R2") == "omitted"
    diagram.restoreRequested.emit("FRO-R2")
    assert diagram.marker_state("FRO-R2") == "pending"


def test_follow_the_pain_beyond_the_allowance_is_refused_with_the_reason(
    engine: Engine, editor: SessionEditor, draft_id: int, dialogs: FakeDialogs
) -> None:
    editor.apply_protocol()
    diagram = diagram_of(editor)
    for x, y in [(120.0, 150.0), (130.0, 170.0)]:
        diagram.emptyPointClicked.emit("right", x, y)
    assert editor.panel().totals.total_text() == "165 U"
    diagram.emptyPointClicked.emit("right", 140.0, 140.0)
    assert "allowance is 2 sites" in dialogs.messages("error")[-1]
    assert editor.panel().totals.total_text() == "165 U"
    diagram.removeRequested.emit("FTP-1")
    assert editor.panel().totals.total_text() == "160 U"
    assert stored(engine, draft_id).total_units == 160


def assert_both_visible(diagram: HeadDiagram, a: str, b: str) -> None:
    """Two markers drawn apart: centres further than both shapes reach (no overlap)."""
    reach = [
        SiteMarker.shape_reach(diagram.marker_state(k), diagram.marker_radius(k)) for k in (a, b)
    ]
    between = diagram.scene_pos_of(a) - diagram.scene_pos_of(b)
    assert math.hypot(between.x(), between.y()) > sum(reach)


def test_a_site_asked_for_on_a_protocol_marker_is_placed_beside_it(
    engine: Engine, editor: SessionEditor, draft_id: int, statuses: list[str]
) -> None:
    editor.apply_protocol()
    diagram = diagram_of(editor)
    (marker,) = PREEMPT.site("TEM-R2").positions

    diagram.emptyPointClicked.emit(marker.view, marker.x, marker.y)

    (added,) = [i for i in stored(engine, draft_id).injections if i.key == "FTP-1"]
    taken = [p for s in PREEMPT.sites for p in s.positions if p.view == "right"]
    assert min(math.dist((added.point.x, added.point.y), (p.x, p.y)) for p in taken) >= (
        MARKER_SEPARATION
    )
    assert PREEMPT.region_at("right", added.point.x, added.point.y) == region("temporalis", "right")
    assert statuses[-1] == "Placed beside Right temporalis 2 so both stay visible."
    assert_both_visible(diagram, "FTP-1", "TEM-R2")


def test_a_click_just_beyond_a_markers_edge_adds_a_site_that_does_not_cover_it(
    qtbot: QtBot, editor: SessionEditor, statuses: list[str]
) -> None:
    editor.apply_protocol()
    diagram = diagram_of(editor)
    assert diagram.marker_radius("TEM-R2") + HIT_SLOP < 19  # so this click hits no marker
    at = diagram.mapFromScene(diagram.scene_pos_of("TEM-R2") + QPointF(0, -19))

    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=at)

    assert "FTP-1" in diagram.marker_keys()
    assert diagram.marker_state("TEM-R2") == "injected"  # the click did not toggle it
    assert_both_visible(diagram, "FTP-1", "TEM-R2")
    assert statuses[-1] == "Placed beside Right temporalis 2 so both stay visible."


# -- product and lot -------------------------------------------------------------------------------


def test_the_saline_is_per_first_vial_and_the_expiry_accepts_a_month(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int
) -> None:
    product = editor.panel().product
    assert product.concentration_text().startswith("5 U per 0.1 mL · 5 U site = 0.10 mL")
    assert product.saline_text() == "Saline per 200 U vial:"
    size = product.vials.rows[0].size
    size.setCurrentIndex(size.findData(100))
    size.activated.emit(size.currentIndex())
    # A 100 U first vial takes 2 mL for the same 5 U per 0.1 mL (docs/clinical-reference.md §4).
    assert product.saline_text() == "Saline per 100 U vial:"
    assert product.diluent_ml.value() == 2.0
    assert product.concentration_text().startswith("5 U per 0.1 mL · 5 U site = 0.10 mL")
    product.diluent_ml.setValue(1.0)
    assert product.concentration_text().startswith("10 U per 0.1 mL · 5 U site = 0.05 mL")

    expiry = product.vials.rows[0].expiry
    qtbot.keyClicks(expiry, "June 2027")
    qtbot.keyClick(expiry, Qt.Key.Key_Return)
    assert "is not an expiry date" in product.vials.message()
    expiry.clear()
    qtbot.keyClicks(expiry, "2027-06")
    qtbot.keyClick(expiry, Qt.Key.Key_Return)
    assert product.vials.message() == ""
    editor.save_now()
    saved = stored(engine, draft_id)
    assert saved.vials[0].lot_expiry == date(2027, 6, 30)
    assert (saved.vials[0].units, saved.dilution.vial_units, saved.dilution.diluent_ml) == (
        100,
        100,
        1,
    )


# -- signed sessions -------------------------------------------------------------------------------


def test_a_signed_session_opens_read_only_and_takes_only_addenda(
    engine: Engine,
    patient: Patient,
    injector: Clinician,
    make_editor: Callable[[int], SessionEditor],
    dialogs: FakeDialogs,
    prompts: Prompts,
) -> None:
    row = make_signed_session(engine, patient, injector)
    assert row.id is not None
    editor = make_editor(row.id)
    assert editor.is_read_only()
    assert editor.panel().totals.total_text() == "155 U"
    assert editor.panel().save_state_text().startswith("Signed")
    editor.apply_protocol()
    editor.sign()
    assert all("signed" in m for m in dialogs.messages("info"))
    assert stored_row_version(engine, row.id) == row.version
    prompts.addenda.append("Lot confirmed against the fridge log.")
    editor.add_addendum()
    assert editor.panel().addenda.texts()[0].endswith("Lot confirmed against the fridge log.")


def test_sign_dialog_blocks_on_errors_and_names_a_supervisor(qtbot: QtBot) -> None:
    chart = ready_chart()
    chart.set_vial(0, lot_number="")
    request = SignRequest(chart.findings(), [(7, "Dr Ana Souza, MD")], "Nadia Roy")
    dialog = SignDialog(request)
    qtbot.addWidget(dialog)
    assert not dialog.sign_button().isEnabled()

    chart = ready_chart()
    chart.screen["Pregnancy or breastfeeding"] = None
    dialog = SignDialog(SignRequest(chart.findings(), [(7, "Dr Ana Souza, MD")], "Nadia Roy"))
    qtbot.addWidget(dialog)
    assert [c.accessibleName() for c in dialog.warning_checks()] == [
        "Contraindication screen not done: Pregnancy or breastfeeding."
    ]
    assert not dialog.sign_button().isEnabled()
    dialog.warning_checks()[0].click()
    dialog.set_supervisor(7)
    assert dialog.sign_button().isEnabled()
    assert dialog.decision() == SignDecision(
        acknowledged=frozenset({chart.findings()[0].key}), supervisor_id=7
    )


def test_sign_dialog_shows_what_is_signed_and_the_lot_to_check(qtbot: QtBot) -> None:
    request = SignRequest(
        [], [], "Nadia Roy", total="155 U at 31 sites", lot="C1234AB, expires 2027-06-30"
    )
    dialog = SignDialog(request)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "155 U at 31 sites" in texts
    assert "<b>C1234AB, expires 2027-06-30</b>: check it against the vial" in texts
    assert dialog.sign_button().isEnabled()


def test_site_dialog_refuses_a_bad_dose(qtbot: QtBot) -> None:
    dialog = SiteDialog(SiteRequest(explanation="Outside.", side="left"))
    qtbot.addWidget(dialog)
    dialog.set_values(muscle="Masseter", units="abc")
    assert not dialog.add_button().isEnabled()
    assert dialog.problem() == "'abc' is not a number of units."
    assert dialog.site() is None
    dialog.set_values(units="7.5")
    assert dialog.site() == CustomSite("Left masseter", "Masseter", "left", Decimal("7.5"))


# -- keyboard --------------------------------------------------------------------------------------


def test_bare_keys_in_the_panel_go_to_its_fields_not_to_charting_shortcuts(
    qtbot: QtBot, editor: SessionEditor
) -> None:
    mark = QAction("Mark current site", editor)
    mark.setShortcut(QKeySequence("Space"))
    mark.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    editor.addAction(mark)
    triggered: list[bool] = []
    mark.triggered.connect(lambda: triggered.append(True))
    consent = editor.panel().consent_screen.consent
    consent.setFocus()
    qtbot.waitUntil(consent.hasFocus)
    qtbot.keyClick(consent, Qt.Key.Key_Space)
    assert consent.isChecked()
    assert triggered == []


def test_a_lot_completed_from_recent_lots_is_charted_whole_with_its_expiry(
    qtbot: QtBot,
    engine: Engine,
    patient: Patient,
    injector: Clinician,
    make_editor: Callable[[int], SessionEditor],
) -> None:
    other = make_patient(engine, family_name="Roy")
    make_signed_session(engine, other, injector)  # lot C1234AB, expires 2027-06-30
    assert patient.id is not None
    with transaction(engine) as db:
        row = store.create_draft(db, patient_id=patient.id, injector_id=injector.id)
    assert row.id is not None
    editor = make_editor(row.id)
    lot = editor.panel().product.vials.rows[0].lot
    assert lot.currentText() == "C1234AB"  # a new draft starts with the clinic's latest lot
    editor.panel().ensureWidgetVisible(lot)
    editor.window().activateWindow()
    lot.setFocus()
    qtbot.waitUntil(lot.lineEdit().hasFocus)  # completion needs the focus, as for a user
    lot.lineEdit().selectAll()
    qtbot.keyClicks(lot.lineEdit(), "c12")  # inline completion shows C1234AB
    qtbot.keyClick(lot.lineEdit(), Qt.Key.Key_Return)
    saved = stored(engine, row.id)
    assert (saved.vials[0].lot_number, saved.vials[0].lot_expiry) == ("C1234AB", date(2027, 6, 30))
    assert lot.currentText() == "C1234AB"

    lot.lineEdit().selectAll()
    qtbot.keyClicks(lot.lineEdit(), "N0NEW1")  # a new lot: typed, no expiry known
    qtbot.keyClick(lot.lineEdit(), Qt.Key.Key_Tab)
    editor.save_now()
    assert stored(engine, row.id).lots == ["N0NEW1"]
    editor.undo_stack().undo()
    assert lot.currentText() == "C1234AB"


def list_entries(picker: QComboBox) -> list[str]:
    """The lot list's entries as painted (the items' delegate sets the text it draws)."""
    delegate = picker.view().itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    texts = []
    for row in range(picker.count()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, picker.model().index(row, 0))
        texts.append(option.text)
    return texts


def test_the_lot_list_shows_each_expiry_and_charts_the_bare_lot(
    qtbot: QtBot,
    engine: Engine,
    patient: Patient,
    injector: Clinician,
    make_editor: Callable[[int], SessionEditor],
) -> None:
    today = date.today()
    old = ready_chart()
    old.date_of_service = today - timedelta(days=200)
    old.set_vial(0, lot_number="OLD77", lot_expiry=today - timedelta(days=30))
    make_signed_session(engine, make_patient(engine, family_name="Roy"), injector, old)
    fresh = ready_chart()
    fresh.set_vial(0, lot_number="C1234AB", lot_expiry=today + timedelta(days=300))
    make_signed_session(engine, make_patient(engine, family_name="Côté"), injector, fresh)
    assert patient.id is not None
    with transaction(engine) as db:
        row = store.create_draft(db, patient_id=patient.id, injector_id=injector.id)
    assert row.id is not None
    editor = make_editor(row.id)
    lot = editor.panel().product.vials.rows[0].lot

    assert list_entries(lot) == [
        f"C1234AB — exp. {fresh.vials[0].lot_expiry}",
        f"OLD77 — exp. {old.vials[0].lot_expiry}, expired",
    ]
    assert lot.view().minimumWidth() >= lot.view().sizeHintForColumn(0)

    editor.panel().ensureWidgetVisible(lot)
    editor.window().activateWindow()
    lot.setFocus()
    qtbot.waitUntil(lot.lineEdit().hasFocus)
    qtbot.keyClick(lot.lineEdit(), Qt.Key.Key_Down)  # the list's first entry
    qtbot.keyClick(lot.lineEdit(), Qt.Key.Key_Down)  # and the next: the expired lot

    assert lot.currentText() == "OLD77"  # the field holds the lot alone
    saved = stored(engine, row.id)
    assert saved.vials == old.vials


def test_a_lot_is_marked_expired_only_if_it_expired_before_the_sessions_date() -> None:
    june = date(2027, 6, 30)
    assert entry_text("C1234AB", june, date(2027, 6, 30)) == "C1234AB — exp. 2027-06-30"
    assert entry_text("C1234AB", june, date(2027, 7, 1)) == "C1234AB — exp. 2027-06-30, expired"
    assert entry_text("N0NEW1", None, date(2027, 7, 1)) == "N0NEW1 — expiry not recorded"


def test_the_window_actions_drive_the_panel_buttons(editor: SessionEditor) -> None:
    window_apply = QAction("Apply &protocol", editor)
    window_apply.setToolTip("Chart every standard site at 5 U (155 U) (Ctrl+Shift+A)")
    window_up = QAction("Units &up", editor)
    window_up.setToolTip("One more step of units (+)")
    editor.set_actions({"apply_protocol": window_apply, "units_up": window_up})
    button = editor.panel().apply_button
    assert button.actions() == [window_apply]  # one action: no menu arrow
    assert "Ctrl+Shift+A" in button.toolTip()
    assert editor.editor_actions()["units_up"].toolTip() == "One more step of units (+)"


def test_a_completed_choice_is_charted_as_shown(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int
) -> None:
    tolerance = editor.panel().outcome.tolerance
    editor.panel().ensureWidgetVisible(tolerance)
    editor.window().activateWindow()
    tolerance.setFocus()
    qtbot.waitUntil(tolerance.lineEdit().hasFocus)
    qtbot.keyClicks(tolerance.lineEdit(), "well")
    qtbot.keyClick(tolerance.lineEdit(), Qt.Key.Key_Tab)
    editor.save_now()
    assert stored(engine, draft_id).tolerance == "Well tolerated"
    assert editor.undo_stack().count() == 1


def test_the_visits_figures_are_charted_with_their_window_and_saved(
    qtbot: QtBot, engine: Engine, editor: SessionEditor
) -> None:
    form = editor.panel().outcome
    assert form.window_days.value() == 30  # the last 30 days, unless a diary says otherwise
    assert form.headache_days.text() == "—" and form.midas.text() == "—"

    form.window_days.setValue(84)  # a diary since the last visit
    form.headache_days.setValue(40)  # more than 30: only an 84-day window allows it
    form.acute_days.setValue(12)
    form.midas.setValue(0)  # 0 is a total, not "not recorded"
    form.hit6.setValue(form.hit6.minimum())  # "—"
    editor.save_now()

    saved = stored(engine, editor.session_id() or 0)
    assert (saved.outcome_window_days, saved.headache_days) == (84, 40)
    assert (saved.acute_medication_days, saved.midas_total, saved.hit6_total) == (12, 0, None)
    assert form.hit6.text() == "—"
    # A window shorter than a figure it counts is not offered: the figure would change.
    assert form.window_days.minimum() == 40


def test_a_diary_windows_last_day_is_typed_and_a_bad_one_is_refused(
    qtbot: QtBot, engine: Engine, editor: SessionEditor
) -> None:
    form = editor.panel().outcome
    chart = editor.chart()
    assert chart is not None and form.window_end.text() == ""  # ends on the visit
    visit_day = chart.date_of_service

    for typed, problem in (
        ("2026-13-01", "YYYY-MM-DD"),
        ((visit_day + timedelta(1)).isoformat(), "after the visit"),
    ):
        form.window_end.setText(typed)
        form.window_end.editingFinished.emit()
        assert problem in form.window_problem()
    assert stored(engine, editor.session_id() or 0).outcome_window_end is None

    diary_end = visit_day - timedelta(days=3)
    form.window_end.setText(diary_end.isoformat())
    form.window_end.editingFinished.emit()
    editor.save_now()

    assert form.window_problem() == ""
    assert stored(engine, editor.session_id() or 0).outcome_window_end == diary_end


# -- vials and scanning a carton (docs/clinical-reference.md §11) ---------------------------------

CARTON = "(01)00300231145014(17)270800(10)C6812AB(21)4455"
"""A carton's code as a scanner sends it in bracketed form; day 00: the end of August 2027."""


def vials_in_file(engine: Engine, session_id: int) -> list[tuple[int, str, str | None, int]]:
    """The vial rows as another program reads the database file (position, lot, expiry, size)."""
    from tests.helpers import raw

    connection = raw.connect(raw.database_file(engine))
    try:
        return [
            tuple(row)
            for row in connection.execute(
                "SELECT position, lot_number, lot_expiry, units FROM vial "
                "WHERE session_id = ? ORDER BY position",
                (session_id,),
            )
        ]
    finally:
        connection.close()


def focus_window(qtbot: QtBot, editor: SessionEditor) -> None:
    editor.window().activateWindow()
    qtbot.waitUntil(editor.window().isActiveWindow)


def test_two_vials_are_saved_and_shown_again_when_the_session_is_reopened(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int
) -> None:
    focus_window(qtbot, editor)
    editor.apply_protocol()
    vials = editor.panel().product.vials
    editor.focus_lot_for_scan()  # the first vial has no lot: its field takes the scan
    field = vials.rows[0].lot.lineEdit()
    assert field.hasFocus()
    qtbot.keyClicks(field, CARTON)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    size = vials.rows[0].size
    size.setCurrentIndex(size.findData(100))
    size.activated.emit(size.currentIndex())
    editor.focus_lot_for_scan()  # every vial has a lot: a second vial is added for the scan
    assert len(vials.rows) == 2 and vials.rows[1].lot.lineEdit().hasFocus()
    qtbot.keyClicks(vials.rows[1].lot.lineEdit(), "D7001XY")
    qtbot.keyClick(vials.rows[1].lot.lineEdit(), Qt.Key.Key_Tab)
    qtbot.keyClicks(vials.rows[1].expiry, "2027-09")
    qtbot.keyClick(vials.rows[1].expiry, Qt.Key.Key_Return)
    assert editor.save_now()

    assert vials_in_file(engine, draft_id) == [
        (0, "C6812AB", "2027-08-31", 100),
        (1, "D7001XY", "2027-09-30", 100),
    ]
    assert "Vial 1 (C6812AB, 100 U): 100 U drawn, 0 U wasted" in editor.panel().totals.waste_text()
    assert "Vial 2 (D7001XY, 100 U): 55 U drawn, 45 U wasted" in editor.panel().totals.waste_text()
    editor.close_session()
    editor.open_session(draft_id)
    rows = editor.panel().product.vials.rows
    assert [(r.lot.currentText(), r.expiry.text(), r.size.currentData()) for r in rows] == [
        ("C6812AB", "2027-08-31", 100),
        ("D7001XY", "2027-09-30", 100),
    ]
    assert editor.panel().totals.waste_text().startswith("Wasted: 45 U of 200 U opened")


def test_adding_and_removing_a_vial_are_undone_in_one_step_each(
    qtbot: QtBot, engine: Engine, editor: SessionEditor, draft_id: int
) -> None:
    vials = editor.panel().product.vials
    qtbot.mouseClick(vials.add_button, Qt.MouseButton.LeftButton)
    assert len(vials.rows) == 2
    assert editor.undo_stack().undoText() == "Add vial"
    qtbot.keyClicks(vials.rows[1].lot.lineEdit(), "D7001XY")
    qtbot.mouseClick(vials.rows[0].remove, Qt.MouseButton.LeftButton)
    assert [r.lot.currentText() for r in vials.rows] == ["D7001XY"]
    editor.undo_stack().undo()  # the removal
    assert len(vials.rows) == 2 and vials.rows[1].lot.currentText() == "D7001XY"
    editor.undo_stack().undo()  # the lot typed
    editor.undo_stack().undo()  # the vial added
    assert len(vials.rows) == 1
    assert editor.save_now()
    assert len(vials_in_file(engine, draft_id)) == 1


def test_signing_is_blocked_while_a_vial_has_no_lot(
    qtbot: QtBot, editor: SessionEditor, prompts: Prompts
) -> None:
    editor.apply_protocol()
    editor.record_consent_all_clear()
    vials = editor.panel().product.vials
    qtbot.keyClicks(vials.rows[0].lot.lineEdit(), "C6812AB")
    qtbot.keyClicks(vials.rows[0].expiry, "2027-08")
    qtbot.keyClick(vials.rows[0].expiry, Qt.Key.Key_Return)
    qtbot.mouseClick(vials.add_button, Qt.MouseButton.LeftButton)

    def refuse(dialog: SignDialog) -> SignDecision | None:
        assert not dialog.sign_button().isEnabled()
        return None

    prompts.sign_answer = refuse
    editor.sign()
    messages = [f.message for f in prompts.sign_requests[-1].findings]
    assert "Vial 2: the lot number is missing." in messages
    assert prompts.sign_requests[-1].lot == "C6812AB, expires 2027-08-31"
    assert not editor.is_signed()


def test_a_carton_that_is_not_the_clinics_product_is_refused_through_the_settings(
    qtbot: QtBot, engine: Engine, patient: Patient, make_editor: Callable[[int], SessionEditor]
) -> None:
    from botox_chart.store import settings

    admin = make_clinician(engine, name="Ana Admin", admin=True)
    with transaction(engine) as db:
        settings.save(
            db,
            settings=settings.ClinicSettings(product_gtins="10300231234562"),
            clinician_id=admin.id,
        )
        assert patient.id is not None
        row = store.create_draft(db, patient_id=patient.id, injector_id=admin.id)
    assert row.id is not None
    editor = make_editor(row.id)
    before = stored(engine, row.id)
    field = editor.panel().product.vials.rows[0].lot.lineEdit()
    qtbot.keyClicks(field, CARTON)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "GTIN 00300231145014 on this carton is not one of the clinic's products" in (
        editor.panel().product.vials.message()
    )
    assert editor.undo_stack().count() == 0
    assert editor.save_now()
    assert stored(engine, row.id) == before
