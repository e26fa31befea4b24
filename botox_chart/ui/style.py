"""The app's one stylesheet (``resources/style.qss``) and the dynamic properties it styles.

Widgets show state by a property (``severity="error"``, ``state="signed"``), never by inline
``setStyleSheet`` strings; :func:`set_style_property` re-polishes so a change shows at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from botox_chart import paths

STYLESHEET = "style.qss"


def stylesheet() -> str:
    """The text of ``resources/style.qss`` ("" if it is missing: the app still runs, unstyled)."""
    try:
        return (paths.resources_dir() / STYLESHEET).read_text(encoding="utf-8")
    except OSError:
        return ""


def set_style_property(widget: QWidget, name: str, value: str | bool | None) -> None:
    """Set a property the stylesheet selects on (``[severity="error"]``) and re-apply the style."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
