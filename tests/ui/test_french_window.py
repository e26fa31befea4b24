"""The window in French, as a Québec clinic runs it: menus, status messages and Qt's own buttons in
French, the choice of language kept and honoured at the next start, and no text cut short in the
main views and dialogs (in English either) at the window's starting size.

Texts are measured with their own font metrics under the app's stylesheet
(tests.helpers.truncation).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart.chart import Finding, Severity
from botox_chart.store.models import Role
from botox_chart.ui import app as app_module
from botox_chart.ui import language
from botox_chart.ui.dialogs.addendum_dialog import AddendumDialog
from botox_chart.ui.dialogs.audit_dialog import AuditDialog
from botox_chart.ui.dialogs.clinic_settings import ClinicSettingsDialog
from botox_chart.ui.dialogs.clinician_dialog import ClinicianDialog
from botox_chart.ui.dialogs.clinicians_dialog import CliniciansDialog
from botox_chart.ui.dialogs.due_list_dialog import DueListDialog
from botox_chart.ui.dialogs.eligibility_dialog import EligibilityDialog
from botox_chart.ui.dialogs.lot_recall_dialog import LotRecallDialog
from botox_chart.ui.dialogs.password_dialog import PasswordDialog
from botox_chart.ui.dialogs.patient_dialog import PatientDialog
from botox_chart.ui.dialogs.sign_dialog import SignDialog, SignRequest
from botox_chart.ui.dialogs.site_dialog import SiteDialog, SiteRequest
from botox_chart.ui.main_window import MainWindow
from botox_chart.ui.widgets.chart_form import DecimalSpinBox
from botox_chart.ui.window_state import WindowState
from tests.helpers.factories import make_clinician, make_patient, make_signed_session, ready_chart
from tests.helpers.fake_dialogs import FakeDialogs
from tests.helpers.truncation import truncated
from tests.ui.conftest import LOAD_TIMEOUT_MS, Login, OpenWindow

SIZE = (1400, 900)
"""The window's starting size (main_window.DEFAULT_SIZE)."""


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own style and stylesheet (what text is measured against), undone after."""
    style, sheet = qapp.style().name(), qapp.styleSheet()
    default_format = QSettings.defaultFormat()
    app_module.configure(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    QSettings.setDefaultFormat(default_format)


@pytest.fixture(params=["fr", "en"])
def speaking(request: pytest.FixtureRequest, styled: QApplication) -> Iterator[str]:
    """The window's language for this test (the conftest puts English back after)."""
    yield language.install_translators(styled, request.param)


@pytest.fixture
def french(styled: QApplication) -> str:
    return language.install_translators(styled, "fr")


@pytest.fixture
def charting(
    engine: Engine, login: Login, open_window: OpenWindow, qtbot: QtBot
) -> Callable[[], MainWindow]:
    """The window at its starting size, an administrator nurse signed in, a patient's draft open
    (repeated from a signed session), as the day starts."""

    def open_() -> MainWindow:
        souza = login("souza", Role.PHYSICIAN, name="Dr Ana Souza", credentials="MD")
        claire = login("dube", name="Claire Dubé", credentials="RN, nurse injector", admin=True)
        patient = make_patient(
            engine,
            family_name="Gagnon-Tremblay",
            given_names="Marie-Ève",
            allergies="Pénicilline",
            referring_physician="Dre Lambert",
            referral_date=date(2026, 1, 5),
            phone="514-555-0121",
        )
        make_signed_session(engine, patient, souza, ready_chart(date(2026, 8, 3)))
        window = open_window(FakeDialogs(), claire)
        window.resize(*SIZE)
        qtbot.waitUntil(lambda: window.width() >= SIZE[0])
        window.patients.select(patient.id)
        window.actions_.repeat_last.trigger()
        qtbot.waitUntil(lambda: window.commands.editing() is not None, timeout=LOAD_TIMEOUT_MS)
        settle(qtbot)
        return window

    return open_


def settle(qtbot: QtBot) -> None:
    """Layouts, polish and deferred resizes done."""
    for _ in range(3):
        qtbot.wait(30)
        QApplication.processEvents()


def dialog_of(window: QWidget, kind: type[QDialog], qtbot: QtBot) -> QDialog:
    """The dialog of ``kind`` an action just opened, once laid out on screen."""
    found = [d for d in window.findChildren(kind) if d.isVisible()]
    assert found, f"no {kind.__name__} open"
    dialog = found[-1]
    qtbot.waitExposed(dialog)
    settle(qtbot)
    return dialog


# -- no text cut short ----------------------------------------------------------------------------


def in_full(problems: list[str]) -> None:
    """Fail naming every text cut short."""
    assert not problems, "Cut short:\n" + "\n".join(problems)


def test_the_charting_window_shows_every_text_in_full(
    qtbot: QtBot, speaking: str, charting: Callable[[], MainWindow]
) -> None:
    window = charting()

    in_full(truncated(window))
    assert "Claire Dubé, RN, nurse injector" in window.signed_in_label.text()
    toolbar = [window.toolbar.widgetForAction(a) for a in window.toolbar.actions()]
    assert all(w is not None and w.isVisible() for w in toolbar), "a toolbar button is hidden"


def test_the_sign_in_screen_shows_every_text_in_full(
    qtbot: QtBot, speaking: str, charting: Callable[[], MainWindow]
) -> None:
    window = charting()
    window.actions_.lock.trigger()
    settle(qtbot)

    assert window.sign_in_screen.isVisible()
    in_full(truncated(window))


def test_the_window_dialogs_show_every_text_in_full(
    qtbot: QtBot, speaking: str, charting: Callable[[], MainWindow]
) -> None:
    window = charting()
    a = window.actions_
    opened: list[tuple[Any, type[QDialog]]] = [
        (a.edit_patient, PatientDialog),
        (a.add_patient, PatientDialog),
        (a.eligibility, EligibilityDialog),
        (a.due_list, DueListDialog),
        (a.lot_recall, LotRecallDialog),
        (a.clinic_settings, ClinicSettingsDialog),
        (a.clinicians, CliniciansDialog),
        (a.session_audit, AuditDialog),
    ]
    problems = {}
    for action, kind in opened:
        action.trigger()
        dialog = dialog_of(window, kind, qtbot)
        problems[kind.__name__] = truncated(dialog)
        dialog.close()
        settle(qtbot)

    in_full([f"{name}: {text}" for name, found in problems.items() for text in found])


def test_the_charting_dialogs_show_every_text_in_full(
    qtbot: QtBot, speaking: str, engine: Engine, login: Login
) -> None:
    warning = Finding(Severity.WARNING, "interval", "Less than 12 weeks since the last session.")
    error = Finding(Severity.ERROR, "lot", "Vial 1 has no lot number.")
    claire = login("dube", name="Claire Dubé", credentials="RN, nurse injector")
    dialogs: list[QDialog] = [
        SignDialog(
            SignRequest(
                findings=[warning, error],
                physicians=[(1, "Dr Ana Souza, MD")],
                signer="Claire Dubé, RN, nurse injector",
                total="165 U at 33 sites",
                lot="C6812AB, exp. 2027-06-30",
            )
        ),
        SignDialog(SignRequest(findings=[], physicians=[], signer="Claire Dubé", total="155 U")),
        SiteDialog(
            SiteRequest(
                explanation="That point is outside the protocol's muscles.",
                side="right",
                muscle="Masseter",
                muscles=("Masseter",),
                units=Decimal(5),
            )
        ),
        AddendumDialog("Gagnon-Tremblay, Marie-Ève · 2026-08-03"),
        ClinicianDialog(engine, first=True),
        ClinicianDialog(engine, by=claire.id),
        PasswordDialog(engine, claire, by=claire.id),
    ]
    problems = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot)
        problems[f"{type(dialog).__name__} {dialog.windowTitle()}"] = truncated(dialog)
        dialog.close()

    in_full([f"{name}: {text}" for name, found in problems.items() for text in found])


# -- in French ------------------------------------------------------------------------------------


def test_menus_status_and_the_chart_read_in_french(
    qtbot: QtBot, french: str, charting: Callable[[], MainWindow]
) -> None:
    window = charting()

    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:6] == ["&Fichier", "É&dition", "&Séance", "&Patient(e)", "&Affichage", "A&ide"]
    assert window.statusBar().currentMessage() == "Schéma de la dernière séance signée repris."
    assert window.actions_.sign.text() == "&Signer…"
    assert window.actions_.new_session.text() == "&Nouvelle séance pour Gagnon-Tremblay, Marie-Ève"
    assert window.sessions.model.headerData(2, Qt.Orientation.Horizontal) == "Statut"
    assert window.signed_in_label.text().endswith("(injecteur(-trice))")
    assert window.actions_.export_fhir.text() == "E&xporter Gagnon-Tremblay, Marie-Ève pour le DMÉ…"
    assert window.actions_.import_patients.text() == "Imp&orter des patients…"


def test_the_charts_own_words_read_in_french(
    qtbot: QtBot, french: str, charting: Callable[[], MainWindow]
) -> None:
    """Words from the layers without Qt (contraindications, muscles) follow the window's language:
    installing the French catalogue activates botox_chart.i18n's too."""
    window = charting()

    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert "Infection à un site d’injection" in shown
    assert "Infection at an injection site" not in shown
    assert "Temporal" in shown and "Temporalis" not in shown


def test_saline_takes_a_point_or_a_comma_in_french(
    qtbot: QtBot, speaking: str, charting: Callable[[], MainWindow]
) -> None:
    """A French window's decimal mark is the comma; "2.5" typed from habit (or the numeric
    keypad) must still be 2.5 mL, never 2 mL: the note prints the dilution from it."""
    window = charting()
    (saline,) = window.findChildren(DecimalSpinBox)
    for typed, expected in (("2.5", 2.5), ("3,5", 3.5)):
        saline.lineEdit().selectAll()
        qtbot.keyClicks(saline.lineEdit(), typed)
        saline.interpretText()
        assert saline.value() == expected, typed
    assert saline.text() == ("3,50 mL" if speaking == "fr" else "3.50 mL")


def test_the_patient_import_previews_in_french_in_full(
    qtbot: QtBot, french: str, engine: Engine, open_window: OpenWindow, login: Login, tmp_path: Path
) -> None:
    """The preview counts rows and patients in French forms (one refused row: « 1 ligne
    refusée »), and its button says it imports the valid rows only, nothing cut short."""
    path = tmp_path / "liste.csv"
    path.write_text(
        "family_name;given_names;date_of_birth;chart_number\n"
        "Côté;Élise;1980-05-17;I-1\nRoy;Marie;17/05/1980;I-2\nBeaulieu;Luc;1970-01-01;I-3\n",
        "utf-8",
    )
    dialogs = FakeDialogs()
    dialogs.files.append(path)
    window = open_window(dialogs, login("dube"))
    window.actions_.import_patients.trigger()
    dialog = window.commands.import_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=LOAD_TIMEOUT_MS)
    qtbot.waitExposed(dialog)
    settle(qtbot)

    assert dialog.windowTitle() == "Importer des patients"
    assert dialog.summary.text().splitlines()[:2] == [
        "liste.csv : 3 lignes.",
        "2 patients à ajouter; 0 ligne ignorée comme doublon (numéro de dossier, ou nom et date "
        "de naissance, déjà ceux d'un(e) patient(e) ou d'une ligne précédente); 1 ligne refusée.",
    ]
    assert dialog.import_button.text() == "&Importer seulement les 2 lignes valides"
    assert [(row, outcome) for row, outcome, _reason in dialog.listed_rows()] == [("3", "Refusée")]
    in_full(truncated(dialog))
    dialog.reject()


def test_counts_take_the_french_plural(
    qtbot: QtBot, french: str, engine: Engine, open_window: OpenWindow, login: Login
) -> None:
    """French takes the singular for 0 and 1: « 0 patient(e) », « 1 patient(e) », « 2 patients »."""
    window = open_window(FakeDialogs(), login("dube"))
    assert window.patients.count.text() == "0 patient(e)"
    make_patient(engine, family_name="Côté")
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.actions_.refresh.trigger()
    assert window.patients.count.text() == "1 patient(e)"
    assert window.statusBar().currentMessage() == "1 patient(e)"
    make_patient(engine, family_name="Bélanger")
    with qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS):
        window.actions_.refresh.trigger()
    assert window.patients.count.text() == "2 patients"


def test_qt_standard_buttons_are_in_french(qtbot: QtBot, french: str) -> None:
    """Qt's own catalogue (qtbase_fr) is loaded: a standard button reads « Annuler »."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)

    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text().replace("&", "") == "Annuler"
    assert any(path.endswith("qtbase_fr.qm") for path in language.installed())


def test_numbers_follow_the_language(qtbot: QtBot, french: str) -> None:
    assert QLocale().language() == QLocale.Language.French
    assert QLocale().toString(1234567).replace("\u202f", " ").replace("\xa0", " ") == "1 234 567"


@pytest.mark.parametrize(
    ("typed", "message", "marked"),
    [
        (
            {"chart_number": "A-17"},
            "Le numéro de dossier A-17 appartient à un(e) autre patient(e).",
            "chart_number",
        ),
        (
            {"chart_number": "C900004", "treatment_stopped_reason": "choix du patient"},
            "La date d’arrêt du traitement est manquante : indiquez-la, ou effacez le motif si "
            "le traitement se poursuit.",
            "treatment_stopped_on",
        ),
        (
            {"chart_number": "C900003", "date_of_birth": "17/05/1980"},
            "La date de naissance '17/05/1980' n’est pas une date : écrivez-la sous la forme "
            "AAAA-MM-JJ, p. ex. 1980-05-17.",
            "date_of_birth",
        ),
    ],
)
def test_the_patient_form_refuses_in_french_and_marks_the_field_at_fault(
    qtbot: QtBot, engine: Engine, french: str, typed: dict[str, str], message: str, marked: str
) -> None:
    """The store's refusal reads in French inside the form, and the field it names is marked
    and focused (the error names its field: no words of the message are matched)."""
    doctor = make_clinician(engine)
    make_patient(engine, chart_number="A-17")
    dialog = PatientDialog(engine, clinician_id=doctor.id)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {"family_name": "Roy", "given_names": "Luc", "date_of_birth": "1970-01-01"} | typed
    for name, text in texts.items():
        qtbot.keyClicks(getattr(dialog, name), text)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert dialog.isVisible() and dialog.error.text() == message
    marked_fields = [
        name
        for name in ("family_name", *texts, "treatment_stopped_on", "email")
        if getattr(dialog, name).property("severity") == "error"
    ]
    assert set(marked_fields) == {marked}
    assert dialog.focusWidget() is getattr(dialog, marked)


# -- choosing the language ------------------------------------------------------------------------


def test_the_language_follows_the_computer_unless_the_user_chose_one() -> None:
    assert language.ui_language(None, QLocale("fr_CA")) == "fr"
    assert language.ui_language(None, QLocale("fr_FR")) == "fr"
    assert language.ui_language(None, QLocale("en_US")) == "en"
    assert language.ui_language(None, QLocale("de_DE")) == "en"  # one the window does not speak
    assert language.ui_language("en", QLocale("fr_CA")) == "en"
    assert language.ui_language("fr", QLocale("en_CA")) == "fr"
    assert language.ui_language("xx", QLocale("fr_CA")) == "fr"  # a setting from elsewhere


def test_the_language_chosen_in_the_menu_is_kept_and_said_in_both_languages(
    qtbot: QtBot, open_window: OpenWindow, login: Login
) -> None:
    dialogs = FakeDialogs()
    window = open_window(dialogs, login("dube"))
    assert window.actions_.languages[""].isChecked()  # nothing chosen: the computer's language

    window.actions_.languages["fr"].trigger()

    assert WindowState().language() == "fr"  # read back from the settings file
    assert window.actions_.languages["fr"].isChecked()
    ((kind, title, text),) = dialogs.asked
    assert kind == "info" and title == "Language"
    assert "The window will be in French the next time botox-chart starts." in text
    assert "La fenêtre sera en français au prochain démarrage de botox-chart." in text
    assert window.menuBar().actions()[0].text() == "&File"  # applied at the next start

    window.actions_.languages[""].trigger()
    assert WindowState().language() is None


def test_the_language_chosen_is_honoured_at_the_next_start(
    qtbot: QtBot, styled: QApplication, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``botox-chart`` with French chosen: the window it opens is in French."""
    state = WindowState()
    state.set_language("fr")
    state.sync()
    before = {id(widget) for widget in QApplication.topLevelWidgets()}
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    monkeypatch.setattr(QApplication, "exec", lambda *_: 0)  # return once the window is up

    assert app_module.run(sqlite_url) == 0

    (window,) = [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, MainWindow) and id(widget) not in before
    ]
    qtbot.addWidget(window)
    assert language.current() == "fr"
    assert window.menuBar().actions()[0].text() == "&Fichier"
    qtbot.waitSignal(window.patientsLoaded, timeout=LOAD_TIMEOUT_MS).wait()
    assert window.statusBar().currentMessage() == "0 patient(e)"
    window.close()


def test_every_shown_text_of_the_catalogue_is_shown_translated(
    qtbot: QtBot, french: str, charting: Callable[[], MainWindow]
) -> None:
    """A message shown in English although the catalogue translates it means its context at
    run time is not the one lupdate wrote down (a class's ``self.tr`` versus its module's)."""
    window = charting()
    english = catalogue_sources()
    shown = shown_texts(window)
    window.actions_.edit_patient.trigger()
    shown |= shown_texts(dialog_of(window, PatientDialog, qtbot))

    assert sorted(text for text in shown if text in english) == []


def catalogue_sources() -> set[str]:
    """Every source text of the French catalogue whose translation differs from it."""
    import xml.etree.ElementTree as ET

    root = ET.parse(language.translations_dir() / "botox_chart_fr.ts").getroot()
    found = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = translation.text if translation is not None else None
        if text and text != source and "{" not in source and "%" not in source:
            found.add(source)
    return found


def shown_texts(root: QWidget) -> set[str]:
    """Every text ``root`` shows: labels, buttons, titles, hints, tooltips, menus, columns."""
    texts: set[str] = {root.windowTitle(), root.toolTip()}
    for widget in root.findChildren(QWidget):
        for name in ("text", "title", "placeholderText", "toolTip", "accessibleName"):
            getter = getattr(widget, name, None)
            if callable(getter):
                try:
                    value = getter()
                except TypeError:
                    continue
                if isinstance(value, str):
                    texts.add(value)
        if isinstance(widget, QMenu):
            texts |= {action.text() for action in widget.actions()}
            texts.add(widget.title())
    if isinstance(root, MainWindow):
        texts |= {action.text() for action in root.menuBar().actions()}
        for model in (root.patients.model, root.sessions.model):
            texts |= {
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            }
    return {text for text in texts if text}


def test_the_catalogues_are_installed_with_the_package() -> None:
    folder = language.translations_dir()
    assert (
        Path(folder, "botox_chart_fr.qm").is_file() and Path(folder, "botox_chart_en.qm").is_file()
    )
