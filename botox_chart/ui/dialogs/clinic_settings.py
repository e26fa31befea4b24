"""Clinic settings: the letterhead and billing codes every procedure note prints, how long the
window waits without input before it locks, and how long an account stays locked after too many
failed sign-ins.

Stored in the database (``store.settings``), so every workstation prints the same letterhead and
locks alike. Administrators only (the window hides the command from everyone else).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Engine

from botox_chart import i18n, outcomes
from botox_chart import paper as papers
from botox_chart.store import StorageError, transaction
from botox_chart.store import settings as store_settings
from botox_chart.store.settings import ClinicSettings
from botox_chart.ui.dialogs.sizing import fit_hints
from botox_chart.ui.idle_lock import MINUTES_RANGE, idle_minutes
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.seams import Dialogs

BILLING = (
    ("none", QT_TRANSLATE_NOOP("ClinicSettingsDialog", "No billing codes on notes")),
    (
        "us",
        QT_TRANSLATE_NOOP(
            "ClinicSettingsDialog", "United States: CPT 64615, HCPCS J0585 with JW/JZ"
        ),
    ),
    ("canada", QT_TRANSLATE_NOOP("ClinicSettingsDialog", "Canada: a provincial billing code")),
)
PAPER_NAMES = {
    papers.A4: QT_TRANSLATE_NOOP("ClinicSettingsDialog", "A4"),
    papers.LETTER: QT_TRANSLATE_NOOP("ClinicSettingsDialog", "Letter"),
}
"""botox_chart.paper's NAMES, in the window's language."""


def paper_choices() -> list[tuple[str, str]]:
    """(setting, words) of each paper the clinic can choose; the first follows the computer."""
    here = PAPER_NAMES[papers.for_locale(papers.system_locale())]
    return [
        (
            papers.FROM_LOCALE,
            QCoreApplication.translate(
                "ClinicSettingsDialog", "This computer's country (here: {paper})"
            ).format(paper=QCoreApplication.translate("ClinicSettingsDialog", here)),
        ),
        (papers.A4, QCoreApplication.translate("ClinicSettingsDialog", "A4 (210 × 297 mm)")),
        (
            papers.LETTER,
            QCoreApplication.translate("ClinicSettingsDialog", "Letter (8.5 × 11 in)"),
        ),
    ]


PRODUCT_CODE_LABEL = {
    "none": QT_TRANSLATE_NOOP("ClinicSettingsDialog", "DIN / &NDC"),
    "us": QT_TRANSLATE_NOOP("ClinicSettingsDialog", "&NDC"),
    "canada": QT_TRANSLATE_NOOP("ClinicSettingsDialog", "&DIN"),
}
LOGO_FILTER = QT_TRANSLATE_NOOP("ClinicSettingsDialog", "Images (*.png *.jpg *.jpeg)")


def payer_profiles() -> list[tuple[str, str]]:
    """(name, title) of every rule profile but NICE's (always judged): those that can be read."""
    found = []
    for name in outcomes.available_profiles():
        if name == outcomes.DEFAULT_PROFILE:
            continue
        try:
            found.append((name, outcomes.load_profile(name).title))
        except outcomes.ProfileError:
            continue  # a clinic's broken file: not offered (botox-chart outcomes names the fault)
    return found


FRAME_ALLOWANCE = 60
"""Pixels of the screen's height left for the window frame and title bar."""
MIN_HEIGHT = 320
"""The dialog's least height, when the screen is shorter still: the fields scroll."""


class ClinicSettingsDialog(QDialog):
    """Edit and save the clinic settings; emits :attr:`saved` with what was stored."""

    saved = Signal(object)
    """The ClinicSettings just stored."""

    def __init__(
        self,
        engine: Engine,
        parent: QWidget | None,
        dialogs: Dialogs,
        *,
        clinician_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._dialogs = dialogs
        self._clinician_id = clinician_id
        self.setObjectName("clinicSettingsDialog")
        self.setWindowTitle(self.tr("Clinic settings"))

        self.name = QLineEdit()
        self.name.setMaxLength(store_settings.TEXT["name"][1])
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setPlaceholderText(self.tr("Street\nCity, province/state, postal code"))
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = QLineEdit()
        self.phone.setMaxLength(store_settings.TEXT["phone"][1])
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("No logo: the clinic name heads the note"))
        self.logo.textChanged.connect(self._show_logo)
        self.choose_logo = QPushButton(self.tr("&Choose…"))
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo = QPushButton(self.tr("Remove"))
        self.remove_logo.clicked.connect(self.logo.clear)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedHeight(48)
        self.billing = QComboBox()
        for code, label in BILLING:
            self.billing.addItem(self.tr(label), code)
        self.billing.currentIndexChanged.connect(self._billing_changed)
        self.provincial_code = QLineEdit()
        self.provincial_code.setMaxLength(store_settings.TEXT["provincial_code"][1])
        self.provincial_code.setPlaceholderText(self.tr("e.g. the fee code of your province"))
        self.din_ndc = QLineEdit()
        self.din_ndc.setMaxLength(store_settings.TEXT["din_ndc"][1])
        self.din_ndc.setPlaceholderText(self.tr("Filled into new sessions"))
        self.product_gtins = QLineEdit()
        self.product_gtins.setMaxLength(store_settings.TEXT["product_gtins"][1])
        self.product_gtins.setPlaceholderText(
            self.tr("14 digits each, e.g. from the carton's (01)")
        )
        self.product_gtins.setToolTip(
            self.tr(
                "The GTINs of the product cartons the clinic uses, separated by spaces or "
                "commas. A scanned carton with another GTIN is refused; while this is empty a "
                "scan fills the lot and expiry without checking the product."
            )
        )
        self.payer_profile = QComboBox()
        self.payer_profile.setAccessibleName(self.tr("Payer's continuation rule"))
        self.payer_profile.setToolTip(
            self.tr(
                "Judged beside NICE TA260 on each patient's outcomes (advice, never a block). A "
                "clinic adds its payer's rule as a file in the data folder's rules folder."
            )
        )
        self.payer_profile.addItem(self.tr("None (NICE TA260 only)"), "")
        for name, title in payer_profiles():
            self.payer_profile.addItem(title, name)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Document language"))
        self.language.setToolTip(
            self.tr("The language of the notes, records, letters and lists the clinic prints.")
        )
        for code, name in i18n.NAMES.items():
            self.language.addItem(name, code)
        self.paper = QComboBox()
        for code, label in paper_choices():
            self.paper.addItem(label, code)
        self.paper.setAccessibleName(self.tr("Paper"))
        self.paper.setToolTip(
            self.tr(
                "The paper every note, record, letter and list is laid out for, and the printer's "
                "paper. Left to the computer's country, each workstation uses its own: Letter in "
                "the United States, Canada, Mexico, the Philippines and a few more, A4 elsewhere."
            )
        )
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(*MINUTES_RANGE)
        self.idle_lock.setSuffix(self.tr(" min without input"))
        self.idle_lock.setAccessibleName(self.tr("Lock the window after"))
        self.idle_lock.setToolTip(
            self.tr(
                "The window locks (hiding patient information) after this many minutes without "
                "keyboard or mouse input; the open chart is saved first."
            )
        )
        self.lockout = QSpinBox()
        self.lockout.setRange(*store_settings.LOCKOUT_RANGE)
        self.lockout.setSuffix(self.tr(" min after 10 failed sign-ins"))
        self.lockout.setAccessibleName(self.tr("Lock an account for"))
        self.lockout.setToolTip(
            self.tr(
                "After 10 wrong passwords in a row for a user name, sign-in is refused for this "
                "many minutes (on every workstation); an administrator can unlock it sooner in "
                "Clinicians."
            )
        )

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.choose_logo)
        logo_row.addWidget(self.remove_logo)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Clinic &name"), self.name)
        self.form.addRow(self.tr("&Address"), self.address)
        self.form.addRow(self.tr("&Phone"), self.phone)
        logo_label = QLabel(self.tr("&Logo"))
        logo_label.setBuddy(self.logo)
        self.form.addRow(logo_label, logo_row)
        self.form.addRow("", self.logo_preview)
        self.form.addRow(self.tr("&Billing"), self.billing)
        self.form.addRow(self.tr("P&rovincial code"), self.provincial_code)
        self.form.addRow(self.tr(PRODUCT_CODE_LABEL["none"]), self.din_ndc)
        self.form.addRow(self.tr("Product &GTINs"), self.product_gtins)
        self.form.addRow(self.tr("Pa&yer's rule"), self.payer_profile)
        self.form.addRow(self.tr("Docu&ment language"), self.language)
        self.form.addRow(self.tr("Pap&er"), self.paper)
        self.form.addRow(self.tr("Loc&k after"), self.idle_lock)
        self.form.addRow(self.tr("Lock acco&unt for"), self.lockout)
        hint = QLabel(
            self.tr(
                "These print on every procedure note. Keep the logo in a folder every "
                "workstation can reach (a shared drive): a note prints without it otherwise."
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setProperty("severity", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll on a short screen (a 768-pixel laptop, a large system font); the
        # buttons stay in view.
        fields = QWidget()
        fields.setLayout(self.form)
        self.fields = QScrollArea()
        self.fields.setWidgetResizable(True)
        self.fields.setFrameShape(QScrollArea.Shape.NoFrame)
        self.fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._load()
        # An explicit minimum, set before the dialog is shown: a layout-driven one changes while
        # it is on screen (the logo preview, an error), which Qt's offscreen platform warns about.
        # Those changes grow the dialog through adjustSize() instead.
        available = self.screen().availableGeometry().height() - FRAME_ALLOWANCE
        whole = fields.sizeHint().height() + hint.sizeHint().height()
        whole += self.buttons.sizeHint().height() + 4 * layout.spacing()
        fit_hints(self)
        self.setMinimumSize(
            max(
                fields.sizeHint().width() + self.fields.verticalScrollBar().sizeHint().width(), 520
            ),
            min(whole, max(available, MIN_HEIGHT)),
        )

    def settings(self) -> ClinicSettings:
        """What the form holds now."""
        return replace(
            self._loaded,
            name=self.name.text().strip(),
            address=self.address.toPlainText().strip(),
            phone=self.phone.text().strip(),
            logo_path=self.logo.text().strip(),
            billing=str(self.billing.currentData()),
            provincial_code=self.provincial_code.text().strip(),
            din_ndc=self.din_ndc.text().strip(),
            product_gtins=" ".join(self.product_gtins.text().replace(",", " ").split()),
            idle_lock_minutes=str(self.idle_lock.value()),
            lockout_minutes=str(self.lockout.value()),
            payer_profile=str(self.payer_profile.currentData()),
            language=str(self.language.currentData()),
            paper=str(self.paper.currentData()),
        )

    def save(self) -> None:
        """Store the settings and close; a problem is shown in the dialog, which stays open."""
        settings = self.settings()
        problem = self._problem(settings)
        if problem is None:
            try:
                with transaction(self._engine) as db:
                    store_settings.save(db, settings=settings, clinician_id=self._clinician_id)
            except (StorageError, store_settings.SettingsError) as err:
                problem = str(err)
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            self._fit()
            return
        self.saved.emit(settings)
        self.accept()

    def _load(self) -> None:
        try:
            with transaction(self._engine) as db:
                self._loaded = store_settings.load(db)
        except StorageError as err:
            self._loaded = ClinicSettings()
            self._dialogs.error(self, self.tr("Clinic settings"), str(err))
        loaded = self._loaded
        self.name.setText(loaded.name)
        self.address.setPlainText(loaded.address)
        self.phone.setText(loaded.phone)
        self.logo.setText(loaded.logo_path)
        index = self.billing.findData(loaded.billing)
        self.billing.setCurrentIndex(max(index, 0))
        self.provincial_code.setText(loaded.provincial_code)
        self.din_ndc.setText(loaded.din_ndc)
        self.product_gtins.setText(loaded.product_gtins)
        self.idle_lock.setValue(idle_minutes(loaded.idle_lock_minutes))
        self.lockout.setValue(store_settings.lockout_minutes(loaded.lockout_minutes))
        self.payer_profile.setCurrentIndex(
            max(self.payer_profile.findData(loaded.payer_profile), 0)
        )
        self.language.setCurrentIndex(max(self.language.findData(loaded.language), 0))
        self.paper.setCurrentIndex(max(self.paper.findData(loaded.paper), 0))
        self._billing_changed()
        self._show_logo()

    def _problem(self, settings: ClinicSettings) -> str | None:
        if not settings.name:
            self.name.setFocus()
            return self.tr("Enter the clinic's name: it heads every note.")
        if settings.logo_path:
            path = Path(settings.logo_path)
            if not path.is_file():
                self.logo.setFocus()
                return self.tr("There is no logo file at {path}.").format(path=path)
            if QImage(str(path)).isNull():
                self.logo.setFocus()
                return self.tr("{name} is not a PNG or JPEG image.").format(name=path.name)
        if settings.billing == "canada" and not settings.provincial_code:
            self.provincial_code.setFocus()
            return self.tr("Enter the provincial billing code, or choose another billing setting.")
        return None

    def _choose_logo(self) -> None:
        path = self._dialogs.open_file(
            self, self.tr("Choose the clinic logo"), self.tr(LOGO_FILTER)
        )
        if path is not None:
            self.logo.setText(str(path))

    def _show_logo(self) -> None:
        text = self.logo.text().strip()
        image = QImage(text) if text and Path(text).is_file() else QImage()
        self.remove_logo.setEnabled(bool(text))
        self.form.setRowVisible(self.logo_preview, bool(text))
        self._fit()
        if image.isNull():
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("Logo file not found.") if text else "")
            return
        self.logo_preview.setPixmap(
            QPixmap.fromImage(image).scaledToHeight(
                self.logo_preview.height(), Qt.TransformationMode.SmoothTransformation
            )
        )

    def _fit(self) -> None:
        """Grow to show a row or message that appeared while the dialog is open."""
        if self.isVisible():
            self.adjustSize()

    def _billing_changed(self) -> None:
        billing = str(self.billing.currentData())
        self.provincial_code.setEnabled(billing == "canada")
        label = self.form.labelForField(self.din_ndc)
        if isinstance(label, QLabel):
            label.setText(self.tr(PRODUCT_CODE_LABEL.get(billing, PRODUCT_CODE_LABEL["none"])))
