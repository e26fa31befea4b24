"""Undo commands for charting: every change is a before/after snapshot of the whole chart.

A snapshot (``Chart.copy()``) is a few dozen small immutable objects, so storing two per change is
cheap, and undo can never drift from the chart rules: it puts back exactly the chart that was there.
Consecutive typing in one field merges into one command, so undo takes back a word, not a keystroke.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from botox_chart.chart import Chart

MERGE_ID = 0x0B07
"""QUndoCommand.id() of mergeable commands; which ones merge is decided by their merge key."""


class ChartChange(QUndoCommand):
    """One charting change; ``apply(chart, save_soon)`` gets the chart to show (a fresh copy)."""

    def __init__(
        self,
        text: str,
        before: Chart,
        after: Chart,
        apply: Callable[[Chart, bool], None],
        merge_key: str = "",
        typing: bool = False,
    ) -> None:
        super().__init__(text)
        self._before = before.copy()
        self._after = after.copy()
        self._apply = apply
        self.merge_key = merge_key
        self.typing = typing
        """Typed text: saved after a short pause instead of at once."""

    @property
    def after(self) -> Chart:
        return self._after.copy()

    def redo(self) -> None:
        self._apply(self._after.copy(), self.typing)

    def undo(self) -> None:
        self._apply(self._before.copy(), False)

    def id(self) -> int:
        return MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing on in the same field extends this command instead of stacking a new one."""
        if not isinstance(other, ChartChange) or other.merge_key != self.merge_key:
            return False
        self._after = other._after.copy()
        if self._after == self._before:
            # Typed and then deleted back to where it was: nothing left to undo.
            self.setObsolete(True)
        return True
