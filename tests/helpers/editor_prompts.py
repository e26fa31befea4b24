"""Test doubles for the session editor's own dialogs (sign, custom site, addendum).

Each prompt builds the real dialog and lets the test drive it as the user would (tick, type), then
returns what it decides, so no test blocks on ``exec()``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from botox_chart.ui.dialogs.sign_dialog import SignDecision, SignDialog, SignRequest
from botox_chart.ui.dialogs.site_dialog import CustomSite, SiteDialog, SiteRequest


@dataclass
class Prompts:
    """Answers for the sign, custom-site and addendum prompts, and what each was shown."""

    qtbot: QtBot
    site_answer: Callable[[SiteDialog], CustomSite | None] = lambda _dialog: None
    sign_answer: Callable[[SignDialog], SignDecision | None] = lambda _dialog: None
    addenda: deque[str | None] = field(default_factory=deque)
    site_requests: list[SiteRequest] = field(default_factory=list)
    sign_requests: list[SignRequest] = field(default_factory=list)

    def site(self, parent: QWidget, request: SiteRequest) -> CustomSite | None:
        self.site_requests.append(request)
        dialog = SiteDialog(request)
        self.qtbot.addWidget(dialog)
        return self.site_answer(dialog)

    def sign(self, parent: QWidget, request: SignRequest) -> SignDecision | None:
        self.sign_requests.append(request)
        dialog = SignDialog(request)
        self.qtbot.addWidget(dialog)
        return self.sign_answer(dialog)

    def addendum(self, parent: QWidget, heading: str) -> str | None:
        return self.addenda.popleft() if self.addenda else None


def tick_all_and_sign(qtbot: QtBot) -> Callable[[SignDialog], SignDecision | None]:
    def answer(dialog: SignDialog) -> SignDecision | None:
        for check in dialog.warning_checks():
            assert not dialog.sign_button().isEnabled()
            qtbot.keyClick(check, Qt.Key.Key_Space)  # ticked from the keyboard
        assert dialog.sign_button().isEnabled()
        return dialog.decision()

    return answer
