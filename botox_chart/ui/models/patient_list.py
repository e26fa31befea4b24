"""The patient list: every patient in memory, filtered as the user types.

A clinic's whole list (10,000 patients) is loaded once as ``PatientSummary`` rows, each carrying the
store's precomputed search key (lowercase, no accents: "family, given | given family | chart number
| YYYY-MM-DD"), so a keystroke is one pass of substring tests in Python, never a query and never a
widget per row. Rows are in the user's language's order of names (ui.name_order), not the
database's.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCollatorSortKey,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.models.table import TitledTableModel
from botox_chart.ui.name_order import NameOrder

if TYPE_CHECKING:
    from botox_chart.store.patient_list import PatientSummary

NAME, DATE_OF_BIRTH, CHART_NUMBER = range(3)
HEADERS = (
    QT_TRANSLATE_NOOP("PatientListModel", "Name"),
    QT_TRANSLATE_NOOP("PatientListModel", "Date of birth"),
    QT_TRANSLATE_NOOP("PatientListModel", "Chart #"),
)

PATIENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The patient's database id (int)."""
SUMMARY_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The whole ``PatientSummary``."""

_Index = QModelIndex | QPersistentModelIndex
_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)})
_ROLES = _TEXT_ROLES | {PATIENT_ID_ROLE, SUMMARY_ROLE}


def search_words(text: str) -> list[str]:
    """What a search must find in a patient's key, folded like it (no case, no accents).

    "family, given" (with a comma) is one phrase, so "gagnon, ma" finds Gagnon, Marie but not
    Gagnon, Emma; otherwise every word must appear somewhere ("marie 1980" works).
    """
    from botox_chart.store.patient_list import fold

    folded = " ".join(fold(text).split())
    if "," in folded:
        family, _, given = folded.partition(",")
        phrase = f"{family.strip()}, {given.strip()}".rstrip()
        return [phrase]
    return folded.split()


class PatientListModel(TitledTableModel):
    """Patients (Name, Date of birth, Chart #) with an in-memory search filter."""

    titles = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order: NameOrder | None = None
        self._patients: list[PatientSummary] = []
        self._keys: list[str] = []
        self._visible: list[int] = []
        """Indexes into ``_patients`` of the rows shown, in order."""
        self._words: list[str] = []
        self._filter = ""

    # -- contents -------------------------------------------------------------------------------

    def set_patients(self, patients: Sequence[PatientSummary]) -> None:
        """Replace every patient (shown in name order)."""
        self.beginResetModel()
        # First by the folded name and id in Python (cheap string compares), so the collator's
        # sort, stable, finds the rows nearly in order: a few comparisons in C++ per row instead
        # of a full sort's (a second at 100,000 patients). Equal names stay in id order.
        near = sorted(patients, key=lambda p: (p.search_key.partition(" | ")[0], p.id))
        self._patients = sorted(near, key=self._sort_key)
        self._keys = [p.search_key for p in self._patients]
        self._visible = self._matching(range(len(self._patients)), self._words)
        self.endResetModel()

    def upsert(self, patient: PatientSummary) -> None:
        """Add a new patient in name order, or replace an edited one (filter applied again)."""
        self.beginResetModel()
        for n, existing in enumerate(self._patients):
            if existing.id == patient.id:
                del self._patients[n]
                del self._keys[n]
                break
        position = bisect.bisect(self._patients, self._sort_key(patient), key=self._sort_key)
        self._patients.insert(position, patient)
        self._keys.insert(position, patient.search_key)
        self._visible = self._matching(range(len(self._patients)), self._words)
        self.endResetModel()

    def _sort_key(self, patient: PatientSummary) -> QCollatorSortKey:
        """Family name, then given names, in the locale's collation."""
        if self._order is None:
            self._order = NameOrder()
        return self._order.key(patient.family_name, patient.given_names)

    def total(self) -> int:
        """Every patient, whether or not the filter shows them."""
        return len(self._patients)

    def everyone(self) -> Sequence[PatientSummary]:
        """Every patient in name order, whether or not the filter shows them."""
        return self._patients

    def patient(self, row: int) -> PatientSummary:
        return self._patients[self._visible[row]]

    def row_of(self, patient_id: int) -> int | None:
        """The visible row of a patient; None if the filter hides them or they do not exist."""
        for row, n in enumerate(self._visible):
            if self._patients[n].id == patient_id:
                return row
        return None

    def find(self, patient_id: int) -> PatientSummary | None:
        """A patient by id, shown or not."""
        return next((p for p in self._patients if p.id == patient_id), None)

    # -- search ---------------------------------------------------------------------------------

    def filter_text(self) -> str:
        return self._filter

    def set_filter(self, text: str) -> None:
        """Show only patients matching every word of ``text`` (name, chart number or DOB)."""
        words = search_words(text)
        if words == self._words:
            self._filter = text
            return
        # Typing one more letter can only narrow the list: search the rows shown, not all.
        narrowing = text.startswith(self._filter) and len(words) >= len(self._words)
        candidates = self._visible if narrowing else range(len(self._patients))
        self.beginResetModel()
        self._filter = text
        self._words = words
        self._visible = self._matching(candidates, words)
        self.endResetModel()

    def _matching(self, candidates: Sequence[int], words: list[str]) -> list[int]:
        if not words:
            return list(candidates)
        keys = self._keys
        if len(words) == 1:
            word = words[0]
            return [n for n in candidates if word in keys[n]]
        return [n for n in candidates if all(w in keys[n] for w in words)]

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks every role it knows for each cell it paints (font, colours, icon...):
        # the roles this model has no answer for return at once.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        patient = self._patients[self._visible[index.row()]]
        if role in _TEXT_ROLES:
            column = index.column()
            if column == NAME:
                return patient.display_name
            if column == DATE_OF_BIRTH:
                return patient.date_of_birth.isoformat()
            if column == CHART_NUMBER:
                return patient.chart_number
            return None
        if role == PATIENT_ID_ROLE:
            return patient.id
        if role == SUMMARY_ROLE:
            return patient
        return None
