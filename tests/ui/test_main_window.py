"""The charting window as a user meets it (signed in as a physician): find a patient, add one,
start, repeat, resume, delete and print sessions, and find the window as it was left.

``open_window`` (tests/ui/conftest.py) signs the clinician in without typing; test_sign_in.py types.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlmodel import select

from botox_chart.store import sessions, transaction
from botox_chart.store.models import Patient, Role, TreatmentSession
from botox_chart.ui.dialogs.clinic_settings import ClinicSettingsDialog
from botox_chart.ui.dialogs.patient_dialog import PatientDialog
from botox_chart.ui.main_window import MainWindow
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs


@pytest.fixture
def clinic(engine: Engine) -> dict[str, Any]:
    """A physician and three patients; Tremblay has two signed sessions."""
    doctor = make_clinician(engine)
    tremblay = make_patient(engine, family_name="Tremblay", given_names="Marie")
    gagnon = make_patient(engine, family_name="Gagnon", given_names="Luc")
    roy = make_patient(
        engine, family_name="Roy", given_names="Chloé", date_of_birth=date(1990, 1, 2)
    )
    first = make_signed_session(engine, tremblay, doctor, ready_chart(date(2026, 5, 4)))
    second = make_signed_session(engine, tremblay, doctor, ready_chart(date(2026, 8, 3)))
    return {
        "doctor": doctor,
        "tremblay": tremblay,
        "gagnon": gagnon,
        "roy": roy,
        "sessions": [first.id, second.id],
    }


def patient_rows(engine: Engine) -> list[Patient]:
    with transaction(engine) as db:
        return list(db.exec(select(Patient)))


def drafts(engine: Engine, patient_id: int) -> list[TreatmentSession]:
    with transaction(engine) as db:
        return [
            s
            for s in db.exec(
                select(TreatmentSession).where(TreatmentSession.patient_id == patient_id)
            )
            if s.status == "draft"
        ]


def session_cells(window: MainWindow, column: int) -> list[str]:
    model = window.sessions.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


# -- finding and adding patients -------------------------------------------------------------------


def test_search_box_filters_and_down_moves_into_the_list(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    assert window.patients.count.text() == "3 patients"

    window.actions_.find_patient.trigger()
    qtbot.keyClicks(window.patients.search, "roy")
    assert window.patients.count.text() == "1 of 3 patients"
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Down)

    assert window.patients.view.hasFocus()
    assert window.patients.current_id() == clinic["roy"].id
    assert window.sessions.name.text() == "Roy, Chloé"
    assert "Born 1990-01-02" in window.sessions.details.text().replace("\u00a0", " ")


def test_find_patient_opens_a_patients_pane_dragged_shut(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.splitter.setSizes([0, sum(window.splitter.sizes())])
    assert window.splitter.sizes()[0] == 0

    window.actions_.find_patient.trigger()

    assert window.splitter.sizes()[0] > 0
    assert window.focusWidget() is window.patients.search


def test_add_patient_through_the_dialog(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, clinic["doctor"])

    window.actions_.add_patient.trigger()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.family_name.setText("Lévesque")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.given_names, "Anne")
    qtbot.keyClicks(dialog.date_of_birth, "1975-04-30")
    qtbot.keyClicks(dialog.chart_number, "C900001")
    qtbot.keyClicks(dialog.allergies, "Latex")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    stored = [p for p in patient_rows(engine) if p.chart_number == "C900001"]
    assert [(p.display_name, p.date_of_birth, p.allergies) for p in stored] == [
        ("Lévesque, Anne", date(1975, 4, 30), "Latex")
    ]
    assert window.patients.count.text() == "4 patients"
    assert window.patients.current_id() == stored[0].id
    assert window.sessions.name.text() == "Lévesque, Anne"
    assert window.sessions.allergies.text() == "Allergies: Latex"


def test_a_duplicate_chart_number_is_shown_and_nothing_is_stored(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    taken = clinic["gagnon"].chart_number

    window.actions_.add_patient.trigger()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None
    dialog.family_name.setText("Lévesque")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.given_names, "Anne")
    qtbot.keyClicks(dialog.date_of_birth, "1975-04-30")
    qtbot.keyClicks(dialog.chart_number, taken)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "belongs to another patient" in dialog.error.text()
    assert dialog.chart_number.property("severity") == "error"
    assert dialog.family_name.text() == "Lévesque"  # nothing typed is lost
    assert len(patient_rows(engine)) == 3
    assert window.patients.count.text() == "3 patients"


def test_a_mistyped_birth_date_is_explained_in_the_dialog(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.actions_.add_patient.trigger()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None
    dialog.family_name.setText("Lévesque")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.given_names, "Anne")
    qtbot.keyClicks(dialog.date_of_birth, "30/04/1975")
    qtbot.keyClicks(dialog.chart_number, "C900002")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert "YYYY-MM-DD" in dialog.error.text()
    assert dialog.focusWidget() is dialog.date_of_birth
    assert len(patient_rows(engine)) == 3


def test_edit_patient_updates_the_list_and_header(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["gagnon"].id)

    window.actions_.edit_patient.trigger()
    dialog = window.findChild(PatientDialog)
    assert dialog is not None
    assert dialog.family_name.text() == "Gagnon"
    dialog.given_names.setText("Luc-André")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert window.sessions.name.text() == "Gagnon, Luc-André"
    row = window.patients.model.row_of(clinic["gagnon"].id)
    assert row is not None
    assert window.patients.model.index(row, 0).data() == "Gagnon, Luc-André"


# -- sessions --------------------------------------------------------------------------------------


def test_sessions_of_the_selected_patient_newest_first(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["tremblay"].id)

    assert session_cells(window, 0) == ["2026-08-03", "2026-05-04"]
    assert session_cells(window, 2) == ["Signed", "Signed"]
    assert window.sessions.next_due.text().startswith("Next due 2026-10-26")


def test_repeat_last_session_opens_a_draft_with_the_last_pattern(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["tremblay"].id)

    window.actions_.repeat_last.trigger()

    created = drafts(engine, clinic["tremblay"].id)
    assert len(created) == 1
    editor: Any = window.editor
    assert editor.session_id() == created[0].id
    assert len(editor.chart().injections) == 31
    assert session_cells(window, 2)[0] == "Draft"
    assert window.actions_.sign.isEnabled()


def test_repeat_last_needs_a_signed_session(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["gagnon"].id)
    assert window.actions_.new_session.isEnabled()
    assert not window.actions_.repeat_last.isEnabled()
    window.patients.select(clinic["tremblay"].id)
    assert window.actions_.repeat_last.isEnabled()


def test_new_session_when_a_draft_exists_offers_the_draft_instead(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["gagnon"].id)
    window.actions_.new_session.trigger()
    first = drafts(engine, clinic["gagnon"].id)
    window.commands.close_session()

    dialogs.confirms.append(True)
    window.actions_.new_session.trigger()

    assert drafts(engine, clinic["gagnon"].id) == first
    assert "one draft at a time" in dialogs.messages("confirm")[-1]
    editor: Any = window.editor
    assert editor.session_id() == first[0].id


def test_delete_draft_asks_first(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["gagnon"].id)
    window.actions_.new_session.trigger()
    draft_id = drafts(engine, clinic["gagnon"].id)[0].id
    assert draft_id is not None
    window.sessions.select(draft_id)

    dialogs.confirms.append(False)
    window.actions_.delete_draft.trigger()
    assert len(drafts(engine, clinic["gagnon"].id)) == 1

    window.sessions.view.setFocus()
    qtbot.keyClick(window.sessions.view, Qt.Key.Key_Delete)  # Delete removes chart sites only
    assert len(dialogs.messages("confirm")) == 1
    dialogs.confirms.append(True)
    qtbot.keyClick(window.sessions.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert drafts(engine, clinic["gagnon"].id) == []
    assert window.sessions.model.rowCount() == 0
    editor: Any = window.editor
    assert editor.session_id() is None
    assert "Delete the unsigned draft" in dialogs.messages("confirm")[0]


def test_delete_acts_only_in_the_session_list(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["gagnon"].id)
    window.actions_.new_session.trigger()
    window.patients.focus_search()
    qtbot.keyClicks(window.patients.search, "gag")

    qtbot.keyClick(window.patients.search, Qt.Key.Key_Delete)
    qtbot.keyClick(window.patients.search, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)

    assert dialogs.messages("confirm") == []
    assert len(drafts(engine, clinic["gagnon"].id)) == 1


def test_clinic_settings_open_from_the_file_menu_for_an_administrator(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, login: Any
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    assert not window.actions_.clinic_settings.isVisible()  # not an administrator
    window.sign_in.sign_out()
    window.sign_in_as(login("boss", Role.PHYSICIAN, admin=True))
    assert window.actions_.clinic_settings.isVisible()

    window.actions_.clinic_settings.trigger()

    dialog = window.findChild(ClinicSettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_a_signed_session_cannot_be_deleted(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["tremblay"].id)
    window.sessions.select(clinic["sessions"][1])

    assert not window.actions_.delete_draft.isEnabled()


def test_choosing_another_patient_closes_the_open_chart(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["tremblay"].id)
    window.commands.open_session(clinic["sessions"][0])
    editor: Any = window.editor
    assert editor.session_id() == clinic["sessions"][0]

    window.patients.select(clinic["gagnon"].id)

    assert editor.session_id() is None
    assert window.sessions.name.text() == "Gagnon, Luc"


def test_typing_a_space_in_the_search_box_never_charts(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["gagnon"].id)
    window.actions_.new_session.trigger()
    editor: Any = window.editor
    before = editor.chart().injections

    window.patients.focus_search()
    qtbot.keyClicks(window.patients.search, "a b")

    assert window.patients.search.text() == "a b"
    assert editor.chart().injections == before


def test_charting_keys_act_on_the_diagram(
    qtbot: QtBot, open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["gagnon"].id)
    window.actions_.new_session.trigger()
    editor: Any = window.editor
    window.actions_.go_chart.trigger()
    diagram = QApplication.focusWidget()
    assert diagram is editor.diagram()

    for key in (
        Qt.Key.Key_Right,
        Qt.Key.Key_Space,
        Qt.Key.Key_Plus,
        Qt.Key.Key_N,
        Qt.Key.Key_Space,
    ):
        qtbot.keyClick(diagram, key)

    assert [(i.key, str(i.units)) for i in editor.chart().injections] == [
        ("COR-R", "6.0"),
        ("COR-L", "5"),
    ]
    assert session_cells(window, 1)[0] == "11 U"  # the session list follows each autosave
    window.undo_group.undo()
    assert len(editor.chart().injections) == 1
    assert session_cells(window, 1)[0] == "6 U"


def test_print_uses_the_selected_sessions(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    window.patients.select(clinic["tremblay"].id)
    window.sessions.view.selectAll()

    window.actions_.print.trigger()
    window.actions_.record_preview.trigger()

    newest, oldest = clinic["sessions"][1], clinic["sessions"][0]
    assert window.printing.calls == [
        ("print_sessions", [newest, oldest]),
        ("preview_record", clinic["tremblay"].id),
    ]


# -- remembered between runs -----------------------------------------------------------------------


def test_window_size_and_last_patient_are_remembered(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    first = open_window(dialogs, clinic["doctor"])
    first.resize(700, 500)
    first.patients.select(clinic["gagnon"].id)
    sizes = first.splitter.sizes()
    first.close()

    second = open_window(FakeDialogs(), clinic["doctor"])

    assert second.size() == QSize(700, 500)
    assert second.splitter.sizes() == sizes
    assert second.patients.current_id() == clinic["gagnon"].id
    assert second.sessions.name.text() == "Gagnon, Luc"


def test_an_unsigned_draft_is_offered_back_on_the_next_start(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    tremblay = clinic["tremblay"]
    with transaction(engine) as db:
        draft = sessions.create_draft(
            db,
            patient_id=tremblay.id,
            injector_id=clinic["doctor"].id,
            chart=ready_chart(date(2026, 11, 2)),
        )
    first = open_window(dialogs, clinic["doctor"])
    first.patients.select(tremblay.id)
    first.close()

    again = FakeDialogs()
    again.confirms.append(True)
    second = open_window(again, clinic["doctor"])

    assert again.messages("confirm") == [
        "Tremblay, Marie has an unsigned draft. Resume the draft from 2026-11-02?"
    ]
    editor: Any = second.editor
    assert editor.session_id() == draft.id
    assert len(editor.chart().injections) == 31


def test_a_declined_draft_stays_in_the_list(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs, engine: Engine
) -> None:
    tremblay = clinic["tremblay"]
    with transaction(engine) as db:
        sessions.create_draft(db, patient_id=tremblay.id, injector_id=clinic["doctor"].id)
    first = open_window(dialogs, clinic["doctor"])
    first.patients.select(tremblay.id)
    first.close()

    second = open_window(FakeDialogs(), clinic["doctor"])  # answers "no"

    assert second.commands.editing() is None
    assert session_cells(second, 2)[0] == "Draft"


# -- menus and shortcuts ---------------------------------------------------------------------------


def test_every_shortcut_is_unique_and_named_in_its_tooltip(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    window = open_window(dialogs, clinic["doctor"])
    table = window.shortcuts_table()
    keys = [key for _menu, _name, key in table]

    assert len(keys) == len(set(keys)), keys
    for menu, name, key in [
        ("Session", "New session", "Ctrl+N"),
        ("Session", "Repeat last session", "Ctrl+R"),
        ("Session", "Apply protocol", "Ctrl+Shift+A"),
        ("Session", "Mark current site", "Space"),
        ("Session", "Sign", "Ctrl+Return or Ctrl+Enter"),
        ("File", "Print", "Ctrl+P"),
        ("Edit", "Undo", "Ctrl+Z"),
        ("File", "Lock", "Ctrl+L"),
        ("Session", "Audit trail", "Ctrl+Shift+L"),
        ("Session", "Scan a carton's barcode", "Ctrl+Shift+B"),
    ]:
        assert (menu, name, key) in table
    assert "(Ctrl+N)" in window.actions_.new_session.toolTip()
    window.actions_.shortcuts.trigger()
    assert "Repeat last session" in dialogs.messages("info")[-1]


def test_omit_remove_and_delete_draft_have_one_key_each_in_the_menus_and_the_readme(
    open_window: Any, clinic: dict[str, Any], dialogs: FakeDialogs
) -> None:
    from pathlib import Path

    window = open_window(dialogs, clinic["doctor"])
    # A patient is chosen, so New session names them; the Help table keeps the plain name.
    window.patients.select(clinic["gagnon"].id)
    table = {name: key for _menu, name, key in window.shortcuts_table()}
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    rows = {
        cells[1].strip(): cells[2].strip()
        for line in readme.splitlines()
        if line.startswith("| ") and len(cells := line.split("|")) >= 4
    }

    assert table["Omit current site"] == "O"
    assert table["Remove added site"] == "Del"
    assert table["Delete draft"] == "Ctrl+Del"
    assert table["New session"] == "Ctrl+N"
    assert rows["Omit the current protocol site (asks the reason)"] == "O"
    assert rows["Remove the current added (follow-the-pain or custom) site"] == "Del (in the chart)"
    assert rows["Close session / Delete draft"] == "Ctrl+W / Ctrl+Del (in the session list)"
    assert table["Scan a carton's barcode"] == "Ctrl+Shift+B"
    assert rows["Scan a carton's barcode into the first vial without a lot"] == "Ctrl+Shift+B"


def test_the_toolbar_names_a_long_signed_in_clinician_in_full_when_there_is_room(
    qtbot: QtBot, open_window: Any, login: Any
) -> None:
    claire = login("dube", name="Claire Dubé", credentials="RN, nurse injector")
    window = open_window(FakeDialogs(), claire)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.width() >= 1400)

    assert window.signed_in_label.text() == "Signed in: Claire Dubé, RN, nurse injector (injector)"

    window.resize(700, 600)
    qtbot.waitUntil(lambda: window.width() <= 700)
    shortened = window.signed_in_label.text()
    assert shortened.startswith("Signed in: Claire Dubé") and "…" in shortened
    assert shortened.endswith("(injector)")
    assert "RN, nurse injector" in window.signed_in_label.toolTip()
