"""The clinic settings dialog edits the letterhead and billing every note prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from botox_chart import paper
from botox_chart.store import audit, settings, transaction
from botox_chart.store.settings import ClinicSettings
from botox_chart.ui.dialogs.clinic_settings import ClinicSettingsDialog
from tests.helpers.factories import make_clinician
from tests.helpers.fake_dialogs import FakeDialogs
from tests.note.samples import save_clinic


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


MakeDialog = Callable[..., ClinicSettingsDialog]


@pytest.fixture
def make_dialog(qtbot: QtBot, engine: Engine, dialogs: FakeDialogs) -> MakeDialog:
    parent = QWidget()
    qtbot.addWidget(parent)

    def make(clinician_id: int | None = None) -> ClinicSettingsDialog:
        return ClinicSettingsDialog(engine, parent, dialogs, clinician_id=clinician_id)

    return make


def stored(engine: Engine) -> ClinicSettings:
    with transaction(engine) as db:
        return settings.load(db)


def logo_file(folder: Path) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(90, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    path = folder / "logo.png"
    assert image.save(str(path))
    return path


def test_the_form_opens_with_the_stored_settings(engine: Engine, make_dialog: MakeDialog) -> None:
    save_clinic(engine, billing="canada", provincial_code="G459", din_ndc="02239208")
    dialog = make_dialog()
    assert dialog.name.text() == "Lakeshore Headache Clinic"
    assert dialog.address.toPlainText() == "1200 Bay Street, Suite 410\nToronto ON M5R 2A5"
    assert dialog.phone.text() == "416-555-0142"
    assert dialog.billing.currentData() == "canada"
    assert dialog.provincial_code.text() == "G459" and dialog.provincial_code.isEnabled()
    assert dialog.din_ndc.text() == "02239208"


def test_saving_stores_every_field_and_is_audited(
    engine: Engine, make_dialog: MakeDialog, tmp_path: Path, qtbot: QtBot
) -> None:
    clinician = make_clinician(engine, admin=True)
    dialog = make_dialog(clinician_id=clinician.id)
    logo = logo_file(tmp_path)
    dialog.name.setText("  Clinique des céphalées  ")
    dialog.address.setPlainText("12 rue Sainte-Catherine\nMontréal QC")
    dialog.phone.setText("514-555-0100")
    dialog.logo.setText(str(logo))
    dialog.billing.setCurrentIndex(dialog.billing.findData("us"))
    dialog.din_ndc.setText("0023-1145-01")
    dialog.product_gtins.setText(" 00300231234565,  10300231234562 ")
    assert dialog.idle_lock.value() == 5  # the default
    dialog.idle_lock.setValue(15)
    assert dialog.lockout.value() == 15  # the default
    dialog.lockout.setValue(30)
    assert dialog.payer_profile.currentData() == ""  # NICE only, by default
    dialog.payer_profile.setCurrentIndex(dialog.payer_profile.findData("payer-50"))
    assert dialog.language.currentData() == "en"  # the computer's (tests run in English)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    assert dialog.paper.currentData() == ""  # the computer's country, by default
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))

    with qtbot.waitSignal(dialog.saved) as signal:
        dialog.save()

    expected = ClinicSettings(
        name="Clinique des céphalées",
        address="12 rue Sainte-Catherine\nMontréal QC",
        phone="514-555-0100",
        logo_path=str(logo),
        billing="us",
        provincial_code="",
        din_ndc="0023-1145-01",
        product_gtins="00300231234565 10300231234562",
        idle_lock_minutes="15",
        lockout_minutes="30",
        payer_profile="payer-50",
        language="fr",
        paper="a4",
    )
    assert stored(engine) == expected
    assert signal.args == [expected]
    assert dialog.result() == ClinicSettingsDialog.DialogCode.Accepted
    with transaction(engine) as db:
        (event,) = [e for e in audit.events(db) if e.action == "settings"]
    assert event.clinician_id == clinician.id


def test_the_paper_is_a4_letter_or_the_computers_countrys_which_it_names(
    engine: Engine, make_dialog: MakeDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinician = make_clinician(engine, admin=True)
    dialog = make_dialog(clinician_id=clinician.id)
    choices = [dialog.paper.itemText(n) for n in range(dialog.paper.count())]
    assert choices == [
        "This computer's country (here: Letter)",  # the tests' computer is in the US
        "A4 (210 × 297 mm)",
        "Letter (8.5 × 11 in)",
    ]
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert stored(engine).paper == "letter"

    monkeypatch.setattr(paper, "_system_locale", "fr_FR")
    again = make_dialog(clinician_id=clinician.id)
    assert again.paper.currentText() == "Letter (8.5 × 11 in)"
    assert again.paper.itemText(0) == "This computer's country (here: A4)"


def test_the_billing_choice_decides_which_code_fields_apply(make_dialog: MakeDialog) -> None:
    dialog = make_dialog()
    label = dialog.form.labelForField(dialog.din_ndc)
    assert isinstance(label, QLabel)
    for billing, provincial, words in (
        ("none", False, "DIN / &NDC"),
        ("us", False, "&NDC"),
        ("canada", True, "&DIN"),
    ):
        dialog.billing.setCurrentIndex(dialog.billing.findData(billing))
        assert dialog.provincial_code.isEnabled() is provincial
        assert label.text() == words


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": ""}, "Enter the clinic's name"),
        ({"logo": "/nowhere/logo.png"}, "There is no logo file at /nowhere/logo.png."),
        ({"billing": "canada"}, "Enter the provincial billing code"),
    ],
)
def test_a_problem_keeps_the_dialog_open_and_saves_nothing(
    engine: Engine, make_dialog: MakeDialog, change: dict[str, str], message: str
) -> None:
    dialog = make_dialog()
    if "name" in change:
        dialog.name.setText(change["name"])
    if "logo" in change:
        dialog.logo.setText(change["logo"])
    if "billing" in change:
        dialog.billing.setCurrentIndex(dialog.billing.findData(change["billing"]))
    dialog.save()
    assert message in dialog.error.text()
    assert not dialog.error.isHidden()
    assert dialog.result() != ClinicSettingsDialog.DialogCode.Accepted
    assert stored(engine) == ClinicSettings()


def test_a_file_that_is_not_an_image_is_refused_as_a_logo(
    engine: Engine, make_dialog: MakeDialog, tmp_path: Path
) -> None:
    not_an_image = tmp_path / "letterhead.png"
    not_an_image.write_text("not a picture")
    dialog = make_dialog()
    dialog.logo.setText(str(not_an_image))
    dialog.save()
    assert dialog.error.text() == "letterhead.png is not a PNG or JPEG image."
    assert stored(engine).logo_path == ""


def test_the_logo_is_chosen_through_the_dialog_seam_and_shown(
    make_dialog: MakeDialog, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    logo = logo_file(tmp_path)
    dialogs.files.append(logo)
    dialog = make_dialog()
    assert not dialog.remove_logo.isEnabled()
    dialog.choose_logo.click()
    assert dialogs.asked[-1][:2] == ("open_file", "Choose the clinic logo")
    assert dialog.logo.text() == str(logo)
    assert not dialog.logo_preview.pixmap().isNull()
    dialog.remove_logo.click()
    assert dialog.logo.text() == ""
    assert dialog.logo_preview.pixmap().isNull()


def test_the_idle_lock_time_is_kept_to_1_to_120_minutes(
    engine: Engine, make_dialog: MakeDialog
) -> None:
    admin = make_clinician(engine, admin=True)
    with transaction(engine) as db:
        settings.save(db, settings=ClinicSettings(idle_lock_minutes="500"), clinician_id=admin.id)
    dialog = make_dialog()
    assert dialog.idle_lock.value() == 120  # a stored value out of range is shown in range
    dialog.idle_lock.setValue(0)
    assert dialog.idle_lock.value() == 1


def test_the_account_lockout_is_kept_to_a_minute_to_a_day(
    engine: Engine, make_dialog: MakeDialog
) -> None:
    admin = make_clinician(engine, admin=True)
    with transaction(engine) as db:
        settings.save(db, settings=ClinicSettings(lockout_minutes="99999"), clinician_id=admin.id)
    dialog = make_dialog()
    assert dialog.lockout.value() == 1440
    dialog.lockout.setValue(0)
    assert dialog.lockout.value() == 1


def test_a_clinician_who_is_not_an_administrator_is_refused_by_the_store(
    engine: Engine, make_dialog: MakeDialog
) -> None:
    """The window shows the command to administrators only; the store refuses anyone else too."""
    doctor = make_clinician(engine)
    dialog = make_dialog(clinician_id=doctor.id)
    dialog.name.setText("Taken over")
    dialog.save()
    assert dialog.error.text() == (
        "Only an administrator can change the clinic settings "
        "(Dr Ana Souza, MD, FRCPC is not an administrator)."
    )
    assert dialog.result() != ClinicSettingsDialog.DialogCode.Accepted
    assert stored(engine) == ClinicSettings()


def test_the_dialog_is_shown_with_a_fixed_minimum_size(
    qtbot: QtBot, make_dialog: MakeDialog, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    """Shown on Qt's offscreen platform without its "propagateSizeHints" warning (which fails a
    test), also when the logo preview and an error appear."""
    dialog = make_dialog()
    dialog.show()
    qtbot.waitExposed(dialog)
    minimum = dialog.minimumSize()
    dialog.logo.setText(str(logo_file(tmp_path)))
    dialog.name.setText("")
    dialog.save()
    assert dialog.minimumSize() == minimum
    assert dialog.height() >= dialog.sizeHint().height()
    # On a screen too short for every field (offscreen's is 600 px), the dialog fits it and the
    # fields scroll: the last one can be brought into view.
    assert dialog.frameGeometry().height() <= dialog.screen().availableGeometry().height()
    dialog.fields.ensureWidgetVisible(dialog.lockout)
    assert not dialog.lockout.visibleRegion().isEmpty()
    dialog.grab().save(str(tmp_path / "settings.png"))
    dialog.reject()


def test_a_payer_profile_that_does_not_exist_is_refused_by_the_store(engine: Engine) -> None:
    admin = make_clinician(engine, admin=True)
    unknown = ClinicSettings(payer_profile="nobody")
    with transaction(engine) as db, pytest.raises(settings.SettingsError, match="no continuation"):
        settings.save(db, settings=unknown, clinician_id=admin.id)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0030023123456", "0030023123456 is not a GTIN: a carton's GTIN (01) has 14 digits."),
        ("00300231234566", "00300231234566 is not a GTIN: its check digit is wrong"),
    ],
)
def test_a_product_gtin_that_is_not_one_is_refused(
    engine: Engine, make_dialog: MakeDialog, typed: str, message: str
) -> None:
    """A scan is checked against these GTINs (docs/clinical-reference.md §11): a slip in one
    would refuse every carton, so it is refused here, naming it."""
    admin = make_clinician(engine, admin=True)
    dialog = make_dialog(clinician_id=admin.id)
    dialog.product_gtins.setText(f"00300231234565 {typed}")
    dialog.save()
    assert message in dialog.error.text()
    assert dialog.result() != ClinicSettingsDialog.DialogCode.Accepted
    assert stored(engine) == ClinicSettings()


def test_the_accepted_gtins_are_read_in_order_each_once() -> None:
    assert settings.accepted_gtins("") == ()
    assert settings.accepted_gtins("10300231234562, 00300231234565 10300231234562") == (
        "10300231234562",
        "00300231234565",
    )
