"""The head diagram: what the injector sees on each marker; what clicks, keys and wheel ask."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSimpleTextItem,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from botox_chart import protocol
from botox_chart.chart import Chart
from botox_chart.protocol import Point, Protocol
from botox_chart.ui.widgets.head_diagram import HeadDiagram


@pytest.fixture
def preempt() -> Protocol:
    return protocol.load_named()


@pytest.fixture
def chart(preempt: Protocol) -> Chart:
    return Chart(protocol=preempt)


@pytest.fixture
def menus() -> list[tuple[QMenu, QPoint]]:
    """Context menus the diagram asked to show, with where (no menu window opens in tests)."""
    return []


@pytest.fixture
def view(
    qtbot: QtBot, preempt: Protocol, chart: Chart, menus: list[tuple[QMenu, QPoint]]
) -> HeadDiagram:
    diagram = HeadDiagram(preempt, popup=lambda menu, at: menus.append((menu, at)))
    qtbot.addWidget(diagram)
    diagram.resize(900, 760)
    diagram.set_chart(chart)
    diagram.show()
    qtbot.waitExposed(diagram)
    return diagram


def at(view: HeadDiagram, key: str) -> QPoint:
    """Where a marker is, in viewport pixels."""
    return view.mapFromScene(view.scene_pos_of(key))


def click(qtbot: QtBot, view: HeadDiagram, pos: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def wheel(view: HeadDiagram, pos: QPoint, delta: int) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def tailored(chart: Chart) -> Chart:
    chart.apply_protocol()
    chart.omit("FRO-R2", "brow ptosis")
    chart.add_follow_the_pain("temporalis", "right", Point("right", 150, 100))
    chart.add_custom("Left masseter", "masseter", "left", Point("front", 250, 250), 10)
    return chart


# -- what is shown -----------------------------------------------------------------------------


def test_one_marker_per_protocol_site_in_protocol_order(view: HeadDiagram, preempt: Protocol):
    assert view.marker_keys() == [site.code for site in preempt.sites]
    assert len(view.marker_keys()) == 31


def test_every_site_starts_pending_at_the_standard_dose(view: HeadDiagram):
    assert {view.marker_state(key) for key in view.marker_keys()} == {"pending"}
    assert {view.marker_text(key) for key in view.marker_keys()} == {"5"}


def test_applying_the_protocol_shows_every_site_injected(view: HeadDiagram, chart: Chart):
    chart.apply_protocol()
    view.set_chart(chart)
    assert {view.marker_state(key) for key in view.marker_keys()} == {"injected"}
    chart.set_units("TEM-R1", "7.5")
    view.set_chart(chart)
    assert view.marker_text("TEM-R1") == "7.5"


def test_omitted_follow_the_pain_and_custom_sites_each_have_their_own_state(
    view: HeadDiagram, chart: Chart
):
    view.set_chart(tailored(chart))
    assert view.marker_state("FRO-R2") == "omitted"
    assert view.marker_text("FRO-R2") == ""
    assert view.marker_state("FTP-1") == "follow_the_pain"
    assert view.marker_state("X-1") == "custom"
    assert view.marker_text("X-1") == "10"
    assert view.marker_keys()[31:] == ["FTP-1", "X-1"]


def test_tooltip_names_the_site_muscle_side_dose_volume_and_state(view: HeadDiagram, chart: Chart):
    tip = view.marker_tooltip("TEM-R2")
    assert "Right temporalis 2" in tip
    assert "Temporalis" in tip
    assert "right side" in tip
    assert "5 U" in tip
    assert "0.1 mL" in tip
    assert "Pending" in tip
    view.set_chart(tailored(chart))
    assert "brow ptosis" in view.marker_tooltip("FRO-R2")
    assert "Masseter" in view.marker_tooltip("X-1")
    assert "0.2 mL" in view.marker_tooltip("X-1")


def test_a_marker_keeps_its_site_number_when_another_site_is_omitted(
    view: HeadDiagram, chart: Chart, preempt: Protocol
):
    tenth = preempt.sites[9]
    chart.apply_protocol()
    chart.omit(preempt.sites[2].code, "brow ptosis")  # site 3
    chart.add_follow_the_pain("temporalis", "right", Point("right", 150, 100))
    view.set_chart(chart)
    assert view.marker_tooltip(tenth.code).splitlines()[0] == f"Site 10: {tenth.label}"
    assert view.marker_tooltip(preempt.sites[2].code).startswith("Site 3: ")
    assert view.marker_tooltip("FTP-1").startswith("Site 32: ")


def test_protocol_markers_are_fingertip_sized_and_never_overlap(view: HeadDiagram, preempt):
    for a, b in itertools.combinations(preempt.sites, 2):
        if a.positions[0].view != b.positions[0].view:
            continue
        pa, pb = view.scene_pos_of(a.code), view.scene_pos_of(b.code)
        gap = math.dist((pa.x(), pa.y()), (pb.x(), pb.y()))
        assert view.marker_radius(a.code) + view.marker_radius(b.code) < gap, (a.code, b.code)
    assert min(view.marker_radius(key) for key in view.marker_keys()) >= 9
    assert max(view.marker_radius(key) for key in view.marker_keys()) >= 12


def test_set_chart_updates_markers_in_place(view: HeadDiagram, chart: Chart):
    items_before = len(view.scene().items())
    view.set_chart(tailored(chart))
    assert len(view.scene().items()) == items_before + 2
    chart.remove("FTP-1")
    view.set_chart(chart)
    assert len(view.scene().items()) == items_before + 1
    assert "FTP-1" not in view.marker_keys()


# -- the current marker ------------------------------------------------------------------------


def test_focus_next_and_previous_walk_protocol_order_and_wrap(
    qtbot: QtBot, view: HeadDiagram, preempt: Protocol
):
    codes = [site.code for site in preempt.sites]
    assert view.current_key() is None
    with qtbot.waitSignal(view.currentChanged) as changed:
        view.focus_next()
    assert changed.args == [codes[0]]
    view.focus_next()
    assert view.current_key() == codes[1]
    view.focus_previous()
    view.focus_previous()
    assert view.current_key() == codes[-1]
    view.focus_next()
    assert view.current_key() == codes[0]


def test_extra_sites_come_after_the_protocol_in_navigation(view: HeadDiagram, chart: Chart):
    view.set_chart(tailored(chart))
    view.set_current("TRA-L3")
    view.focus_next()
    assert view.current_key() == "FTP-1"
    view.focus_next()
    assert view.current_key() == "X-1"
    view.focus_next()
    assert view.current_key() == "COR-R"


def test_arrow_keys_move_the_current_marker(qtbot: QtBot, view: HeadDiagram):
    view.set_current("TEM-R1")
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current_key() == "TEM-R2"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current_key() == "FRO-L2"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_key() == "TRA-L3"


def test_current_marker_survives_set_chart_and_clears_when_removed(
    qtbot: QtBot, view: HeadDiagram, chart: Chart
):
    view.set_chart(tailored(chart))
    view.set_current("FTP-1")
    view.set_chart(chart)
    assert view.current_key() == "FTP-1"
    chart.remove("FTP-1")
    with qtbot.waitSignal(view.currentChanged) as changed:
        view.set_chart(chart)
    assert changed.args == [""]
    assert view.current_key() is None


def test_set_current_refuses_a_marker_that_is_not_shown(view: HeadDiagram):
    with pytest.raises(KeyError):
        view.set_current("FTP-9")


def test_tabbing_in_selects_the_first_site_and_tab_leaves(qtbot: QtBot, preempt: Protocol):
    window = QWidget()  # no layout: the offscreen platform warns about size-hint propagation
    qtbot.addWidget(window)
    window.resize(400, 600)
    before, diagram, after = QLineEdit(window), HeadDiagram(preempt, window), QLineEdit(window)
    before.setGeometry(0, 0, 400, 30)
    diagram.setGeometry(0, 40, 400, 500)
    after.setGeometry(0, 550, 400, 30)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    before.setFocus()
    assert before.hasFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert diagram.hasFocus()
    assert diagram.current_key() == "COR-R"
    qtbot.keyClick(diagram, Qt.Key.Key_Tab)
    assert after.hasFocus()


# -- pointer -----------------------------------------------------------------------------------


def test_clicking_a_protocol_marker_activates_it_and_makes_it_current(
    qtbot: QtBot, view: HeadDiagram
):
    with qtbot.waitSignal(view.siteActivated) as activated:
        click(qtbot, view, at(view, "TEM-R2"))
    assert activated.args == ["TEM-R2"]
    assert view.current_key() == "TEM-R2"


def test_crowded_neck_markers_each_get_their_own_click(qtbot: QtBot, view: HeadDiagram):
    for code in ("CPS-R1", "CPS-R2", "CPS-L1", "CPS-L2"):
        with qtbot.waitSignal(view.siteActivated) as activated:
            click(qtbot, view, at(view, code))
        assert activated.args == [code]


def test_clicking_an_extra_marker_activates_the_injection(
    qtbot: QtBot, view: HeadDiagram, chart: Chart
):
    view.set_chart(tailored(chart))
    with (
        qtbot.waitSignal(view.injectionActivated) as activated,
        qtbot.assertNotEmitted(view.siteActivated),
    ):
        click(qtbot, view, at(view, "X-1"))
    assert activated.args == ["X-1"]


def test_clicking_empty_space_in_a_view_gives_its_diagram_coordinates(
    qtbot: QtBot, view: HeadDiagram
):
    target = view.scene_pos_of("PRO") + QPointF(0, 90)  # front view, chin: (200, 260)
    with (
        qtbot.waitSignal(view.emptyPointClicked) as clicked,
        qtbot.assertNotEmitted(view.siteActivated),
    ):
        click(qtbot, view, view.mapFromScene(target))
    name, x, y = clicked.args
    assert name == "front"
    assert x == pytest.approx(200, abs=3)
    assert y == pytest.approx(260, abs=3)


def test_view_pos_to_diagram_maps_each_view(view: HeadDiagram, preempt: Protocol):
    for site in preempt.sites:
        point = site.positions[0]
        name, x, y = view.view_pos_to_diagram(at(view, site.code)) or ("", 0.0, 0.0)
        assert name == point.view
        assert (x, y) == pytest.approx((point.x, point.y), abs=2)
    assert view.view_pos_to_diagram(QPoint(0, 0)) is None


def test_clicking_outside_the_views_does_nothing(qtbot: QtBot, view: HeadDiagram):
    corner = QPoint(1, 1)
    assert view.view_pos_to_diagram(corner) is None
    with qtbot.assertNotEmitted(view.emptyPointClicked):
        click(qtbot, view, corner)


def test_right_click_never_activates(qtbot: QtBot, view: HeadDiagram):
    with (
        qtbot.assertNotEmitted(view.siteActivated),
        qtbot.assertNotEmitted(view.emptyPointClicked),
    ):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=at(view, "PRO"))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=QPoint(300, 700))


def test_a_double_click_counts_once(qtbot: QtBot, view: HeadDiagram):
    """Qt delivers press, release, double-click, release: only the press acts."""
    activations: list[str] = []
    view.siteActivated.connect(activations.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, "PRO"))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, "PRO"))
    assert activations == ["PRO"]


def test_wheel_over_a_marker_steps_its_units(qtbot: QtBot, view: HeadDiagram):
    pos = at(view, "OCC-R2")
    qtbot.mouseMove(view.viewport(), pos)
    with qtbot.waitSignal(view.unitsStepRequested) as stepped:
        wheel(view, pos, 120)
    assert stepped.args == ["OCC-R2", 1]
    with qtbot.waitSignal(view.unitsStepRequested) as stepped:
        wheel(view, pos, -120)
    assert stepped.args == ["OCC-R2", -1]
    assert view.current_key() == "OCC-R2"


def test_wheel_only_acts_on_a_marker_the_pointer_moved_onto(qtbot: QtBot, view: HeadDiagram):
    """A page scrolled under a resting pointer must not change a dose."""
    with qtbot.assertNotEmitted(view.unitsStepRequested):
        wheel(view, at(view, "OCC-R2"), 120)


def test_touchpad_wheel_deltas_add_up_to_one_step(qtbot: QtBot, view: HeadDiagram):
    steps: list[tuple[str, int]] = []
    view.unitsStepRequested.connect(lambda key, step: steps.append((key, step)))
    pos = at(view, "TRA-R1")
    qtbot.mouseMove(view.viewport(), pos)
    for _ in range(3):
        wheel(view, pos, 40)
    assert steps == [("TRA-R1", 1)]


def test_wheel_away_from_markers_neither_steps_nor_scrolls(qtbot: QtBot, view: HeadDiagram):
    pos = view.mapFromScene(view.scene_pos_of("PRO") + QPointF(0, 90))
    transform = view.transform()
    scroll = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    qtbot.mouseMove(view.viewport(), pos)
    with qtbot.assertNotEmitted(view.unitsStepRequested):
        wheel(view, pos, 120)
    assert view.transform() == transform
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == scroll


# -- keys --------------------------------------------------------------------------------------


def test_space_and_enter_activate_the_current_marker(qtbot: QtBot, view: HeadDiagram):
    view.set_current("PRO")
    with qtbot.waitSignal(view.siteActivated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert activated.args == ["PRO"]
    with qtbot.waitSignal(view.siteActivated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == ["PRO"]


def test_space_on_an_extra_marker_activates_the_injection(
    qtbot: QtBot, view: HeadDiagram, chart: Chart
):
    view.set_chart(tailored(chart))
    view.set_current("FTP-1")
    with qtbot.waitSignal(view.injectionActivated) as activated:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert activated.args == ["FTP-1"]


@pytest.mark.parametrize(
    ("key", "text", "step"),
    [(Qt.Key.Key_Plus, "+", 1), (Qt.Key.Key_Equal, "=", 1), (Qt.Key.Key_Minus, "-", -1)],
)
def test_plus_equal_and_minus_step_the_current_marker(
    qtbot: QtBot, view: HeadDiagram, key: Qt.Key, text: str, step: int
):
    view.set_current("TEM-L3")
    with qtbot.waitSignal(view.unitsStepRequested) as stepped:
        qtbot.keyClick(view, key)
    assert stepped.args == ["TEM-L3", step]


def test_keys_without_a_current_marker_do_nothing(qtbot: QtBot, view: HeadDiagram):
    with (
        qtbot.assertNotEmitted(view.siteActivated),
        qtbot.assertNotEmitted(view.unitsStepRequested),
    ):
        qtbot.keyClick(view, Qt.Key.Key_Space)
        qtbot.keyClick(view, Qt.Key.Key_Plus)


def test_delete_removes_an_added_site_and_o_omits_a_protocol_site_one_key_each(
    qtbot: QtBot, view: HeadDiagram, chart: Chart
):
    view.set_chart(tailored(chart))
    view.set_current("X-1")
    with qtbot.assertNotEmitted(view.removeRequested), qtbot.waitSignal(view.wrongKey) as hint:
        qtbot.keyClick(view, Qt.Key.Key_O)
    assert "press Delete" in hint.args[0]
    with qtbot.waitSignal(view.removeRequested) as removed:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert removed.args == ["X-1"]

    view.set_current("PRO")
    with qtbot.assertNotEmitted(view.omitRequested), qtbot.waitSignal(view.wrongKey) as hint:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "press O" in hint.args[0]
    with qtbot.waitSignal(view.omitRequested) as omitted:
        qtbot.keyClick(view, Qt.Key.Key_O)
    assert omitted.args == ["PRO"]


def test_ctrl_combinations_are_left_to_the_window(qtbot: QtBot, view: HeadDiagram):
    view.set_current("PRO")
    with qtbot.assertNotEmitted(view.siteActivated):
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# -- context menu ------------------------------------------------------------------------------


def _open_menu(view: HeadDiagram, menus: list[tuple[QMenu, QPoint]], key: str) -> QMenu:
    """Right-click ``key`` and return the menu the diagram asked to show there."""
    pos = at(view, key)
    global_pos = view.viewport().mapToGlobal(pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, global_pos)
    menus.clear()
    QApplication.sendEvent(view.viewport(), event)
    assert len(menus) == 1
    menu, shown_at = menus[0]
    assert shown_at == global_pos
    return menu


def _trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text().startswith(text)).trigger()


def test_context_menu_omits_restores_and_removes(
    qtbot: QtBot, view: HeadDiagram, chart: Chart, menus: list[tuple[QMenu, QPoint]]
):
    view.set_chart(tailored(chart))
    with qtbot.waitSignal(view.omitRequested) as omitted:
        _trigger(_open_menu(view, menus, "PRO"), "Omit site…")
    assert omitted.args == ["PRO"]
    assert view.current_key() == "PRO"
    with qtbot.waitSignal(view.restoreRequested) as restored:
        _trigger(_open_menu(view, menus, "FRO-R2"), "Restore site")
    assert restored.args == ["FRO-R2"]
    with qtbot.waitSignal(view.removeRequested) as removed:
        _trigger(_open_menu(view, menus, "FTP-1"), "Remove")
    assert removed.args == ["FTP-1"]


def test_context_menu_on_a_protocol_site_offers_marking_not_removing(
    view: HeadDiagram, menus: list[tuple[QMenu, QPoint]]
):
    texts = [a.text() for a in _open_menu(view, menus, "TEM-R1").actions()]
    assert not any(t.startswith("Remove") for t in texts)
    assert any(t.startswith("Mark injected") for t in texts)
    assert "Omit site…\tO" in texts  # the key the Help table and the README give


def test_context_menu_on_an_added_site_removes_with_delete(
    view: HeadDiagram, chart: Chart, menus: list[tuple[QMenu, QPoint]]
):
    view.set_chart(tailored(chart))
    texts = [a.text() for a in _open_menu(view, menus, "FTP-1").actions()]
    assert "Remove site\tDel" in texts
    assert not any(t.startswith("Omit") for t in texts)


def test_context_menu_of_an_omitted_site_only_restores(
    view: HeadDiagram, chart: Chart, menus: list[tuple[QMenu, QPoint]]
):
    view.set_chart(tailored(chart))
    texts = [a.text() for a in _open_menu(view, menus, "FRO-R2").actions()]
    assert texts == ["Restore site"]


def test_context_menu_steps_the_dose(
    qtbot: QtBot, view: HeadDiagram, menus: list[tuple[QMenu, QPoint]]
):
    with qtbot.waitSignal(view.unitsStepRequested) as stepped:
        _trigger(_open_menu(view, menus, "CPS-L2"), "Decrease dose")
    assert stepped.args == ["CPS-L2", -1]


def test_menu_key_opens_the_current_markers_menu(
    view: HeadDiagram, menus: list[tuple[QMenu, QPoint]]
):
    view.set_current("OCC-L1")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    QApplication.sendEvent(view.viewport(), event)
    assert len(menus) == 1
    assert any(a.text().startswith("Omit site") for a in menus[0][0].actions())


# -- read-only ---------------------------------------------------------------------------------


def test_read_only_shows_the_chart_but_asks_for_nothing(
    qtbot: QtBot, view: HeadDiagram, chart: Chart, menus: list[tuple[QMenu, QPoint]]
):
    view.set_chart(tailored(chart))
    view.set_read_only(True)
    assert view.is_read_only()
    assert view.marker_state("FRO-R2") == "omitted"
    banners = [
        item
        for item in view.scene().items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.text() == "Signed — read only"
    ]
    assert len(banners) == 1
    assert banners[0].isVisible()
    quiet = (
        view.siteActivated,
        view.injectionActivated,
        view.unitsStepRequested,
        view.emptyPointClicked,
        view.omitRequested,
        view.removeRequested,
    )
    refusals: list[None] = []
    view.refused.connect(lambda: refusals.append(None))
    with qtbot.assertNotEmitted(quiet[0]), qtbot.assertNotEmitted(quiet[1]):
        with qtbot.assertNotEmitted(quiet[2]), qtbot.assertNotEmitted(quiet[3]):
            with qtbot.assertNotEmitted(quiet[4]), qtbot.assertNotEmitted(quiet[5]):
                click(qtbot, view, at(view, "TEM-R2"))
                click(qtbot, view, at(view, "X-1"))
                click(qtbot, view, view.mapFromScene(view.scene_pos_of("PRO") + QPointF(0, 90)))
                qtbot.mouseMove(view.viewport(), at(view, "TEM-R2"))
                wheel(view, at(view, "TEM-R2"), 120)
                view.set_current("TEM-R2")
                for key in (Qt.Key.Key_Space, Qt.Key.Key_Plus, Qt.Key.Key_Delete, Qt.Key.Key_O):
                    qtbot.keyClick(view, key)
                pro = at(view, "PRO")
                QApplication.sendEvent(
                    view.viewport(),
                    QContextMenuEvent(
                        QContextMenuEvent.Reason.Mouse, pro, view.viewport().mapToGlobal(pro)
                    ),
                )
    assert menus == []
    # Each attempt says why (the editor shows it in the status area): 3 clicks, the wheel, 4
    # keys and the menu.
    assert len(refusals) == 9
    with qtbot.waitSignal(view.currentChanged) as changed:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert changed.args == ["TEM-R3"]
    view.set_read_only(False)
    with qtbot.waitSignal(view.siteActivated):
        click(qtbot, view, at(view, "TEM-R2"))
