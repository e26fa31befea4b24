"""The clinicians' roles in the window's words ("physician", « médecin »): the store keeps them
as ``Role`` values, the same in every language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from botox_chart.ui.language import QT_TRANSLATE_NOOP

ROLE_NAMES = {
    "injector": QT_TRANSLATE_NOOP("RoleNames", "injector"),
    "physician": QT_TRANSLATE_NOOP("RoleNames", "physician"),
    "staff": QT_TRANSLATE_NOOP("RoleNames", "staff"),
}


def role_name(role: str) -> str:
    """A role (``Role``'s value) in the window's language; an unknown one as it is."""
    if role in ROLE_NAMES:
        return QCoreApplication.translate("RoleNames", ROLE_NAMES[role])
    return role
