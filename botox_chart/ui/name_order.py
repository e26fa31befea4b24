"""People's names in the order of the user's language: QCollator for the locale, without case or
numeric mode, over names with their accents folded as search folds them (patient_list.fold), so
"Ávila" comes before "Dubois" and "Łukasz" among the L's, never after "Zola".

The database's ORDER BY compares code points (every accented capital after Z); lists of people in
the window sort with :class:`NameOrder` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale, Qt

SEPARATOR = "\t"
"""Between a name's parts: a tab collates before every letter, space and punctuation mark, so
"Dubois, José" comes before "Dubois-Martin, Anne" and "Duboisier, Luc" as it would compared part by
part."""


class NameOrder:
    """Sort keys for names in ``locale``'s collation (the user's locale by default).

    A key is one QCollatorSortKey (compared in C++, fast enough for 10,000 patients on the UI
    thread). Its ``==`` is identity, so never put it in a tuple: break ties with a stable sort.
    """

    def __init__(self, locale: QLocale | None = None) -> None:
        # Imported here: the store (SQLAlchemy) loads off the UI thread after the window shows.
        from botox_chart.store.patient_list import fold

        # Names repeat (a clinic has many Tremblays): each is folded once per list, not per row.
        self._fold: Callable[[str], str] = lru_cache(maxsize=1 << 16)(fold)
        self._collator = QCollator(locale if locale is not None else QLocale())
        self._collator.setNumericMode(False)
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def key(self, *parts: str) -> QCollatorSortKey:
        """The order of a name given as its parts (family name, then given names)."""
        return self._collator.sortKey(SEPARATOR.join(self._fold(part) for part in parts))
