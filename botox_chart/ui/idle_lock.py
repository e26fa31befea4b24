"""Noticing that nobody has used the window for a while, so it can lock (issue 5: a clinic
workstation is left unattended between patients, and the chart must not stay on screen).

An application-wide event filter notes the time of the last keyboard, mouse, wheel or touch input
(in any window of the app, dialogs included); a timer compares it with the limit every few seconds.
The clock is injectable, so tests move time on instead of waiting minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

DEFAULT_MINUTES = 5
MINUTES_RANGE = (1, 120)
CHECK_INTERVAL_MS = 5_000
"""How often the idle time is compared with the limit: the lock comes at most this late."""

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


def idle_minutes(text: str) -> int:
    """The clinic setting as minutes: a number kept to 1-120; anything else is the default 5."""
    try:
        minutes = int(str(text).strip())
    except ValueError:
        return DEFAULT_MINUTES
    low, high = MINUTES_RANGE
    return min(max(minutes, low), high)


class IdleWatch(QObject):
    """Emits :attr:`idle` once when no input came for the limit; :meth:`start` watches again."""

    idle = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit_s = DEFAULT_MINUTES * 60.0
        self._last_input = clock()
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    def set_minutes(self, minutes: int) -> None:
        self._limit_s = float(minutes) * 60.0

    def minutes(self) -> float:
        return self._limit_s / 60.0

    def is_watching(self) -> bool:
        return self._watching

    def start(self) -> None:
        """Watch from now (after a sign-in or an unlock)."""
        self._last_input = self._clock()
        if not self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop(self) -> None:
        if self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> bool:
        """Emit :attr:`idle` (and stop watching) when the limit has passed; True if it did."""
        if not self._watching or self.idle_seconds() < self._limit_s:
            return False
        self.stop()
        self.idle.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event in the app: keep it to one set lookup.
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
        return False
