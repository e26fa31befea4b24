"""Print preview: the pages of the very PDF that prints, scrollable and zoomable.

Pages are drawn by PDFium only when they scroll into view and only a few are kept, so a 40-session
print job opens as quickly as a single note. Print and Save as PDF hand back to the caller, which
prints or saves the same bytes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from botox_chart.ui.pdf_pages import PdfPages

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
GAP = 16
"""Pixels between pages, and around them."""
CACHED_PAGES = 8
MINIMUM_SIZE = QSize(520, 400)


class PageStrip(QWidget):
    """The pages one under the other at the current zoom, rendered as they come into view."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPages")
        self._pages = pages
        self._zoom = 1.0
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self._relayout()

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self._cache.clear()
        self._relayout()
        self.update()

    def pixels_per_point(self) -> float:
        return self._zoom * self.logicalDpiX() / 72

    def page_rects(self) -> list[QRect]:
        """Where each page is drawn, in this widget's coordinates."""
        scale = self.pixels_per_point()
        rects = []
        y = GAP
        widest = max((self._pages.size(n).width() for n in range(len(self._pages))), default=0)
        for n in range(len(self._pages)):
            size = self._pages.size(n) * scale
            x = GAP + round((widest * scale - size.width()) / 2)
            rects.append(QRect(x, y, round(size.width()), round(size.height())))
            y += round(size.height()) + GAP
        return rects

    def _relayout(self) -> None:
        rects = self.page_rects()
        width = max((r.right() for r in rects), default=0) + GAP
        height = (rects[-1].bottom() if rects else 0) + GAP
        self.setFixedSize(QSize(width, height))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#6b6f75"))
        ratio = self.devicePixelRatioF()
        dpi = 72 * self.pixels_per_point() * ratio
        for index, rect in enumerate(self.page_rects()):
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 70))
            painter.drawImage(rect, self._image(index, dpi))
        painter.end()

    def _image(self, index: int, dpi: float) -> QImage:
        key = (index, round(dpi, 1))
        image = self._cache.get(key)
        if image is None:
            image = self._pages.image(index, dpi)
            self._cache[key] = image
            while len(self._cache) > CACHED_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image


class PrintPreviewDialog(QDialog):
    """Scroll through the pages, zoom, then Print or Save as PDF."""

    def __init__(
        self,
        pages: PdfPages,
        *,
        title: str,
        on_print: Callable[[], object],
        on_save: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self._pages = pages
        self._on_print = on_print
        self._on_save = on_save
        self.strip = PageStrip(pages)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.strip)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setBackgroundRole(self.strip.backgroundRole())

        self.zoom_out = QPushButton("−")
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_in = QPushButton("+")
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_width = QPushButton(self.tr("Fit width"))
        self.fit_width.setToolTip(self.tr("Fit the page to the window width (Ctrl+0)"))
        self.zoom_label = QLabel()
        self.page_label = QLabel(self.tr("%n page(s)", "", len(pages)))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setToolTip(self.tr("Save these pages as a PDF file (Ctrl+S)"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print these pages (Ctrl+P)"))
        self.print_button.setDefault(True)
        close = QPushButton(self.tr("Close"))
        for button, handler in (
            (self.zoom_out, lambda: self._step_zoom(-1)),
            (self.zoom_in, lambda: self._step_zoom(1)),
            (self.fit_width, self.fit_to_width),
            (self.save_button, self._save),
            (self.print_button, self._print),
            (close, self.reject),
        ):
            button.clicked.connect(handler)
        for keys, handler in (
            (QKeySequence(QKeySequence.StandardKey.ZoomIn), lambda: self._step_zoom(1)),
            (QKeySequence(QKeySequence.StandardKey.ZoomOut), lambda: self._step_zoom(-1)),
            (QKeySequence("Ctrl+0"), self.fit_to_width),
            (QKeySequence(QKeySequence.StandardKey.Print), self._print),
            (QKeySequence(QKeySequence.StandardKey.Save), self._save),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(handler)

        bar = QHBoxLayout()
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit_width):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        for widget in (self.save_button, self.print_button, close):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        # The window's size is set here, not by the layout: it does not jump as the zoom changes.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(self._first_size())
        self._show_zoom()

    def page_count(self) -> int:
        return len(self._pages)

    def zoom(self) -> float:
        return self.strip.zoom()

    def set_zoom(self, zoom: float) -> None:
        self.strip.set_zoom(max(ZOOMS[0], min(ZOOMS[-1], zoom)))
        self._show_zoom()

    def fit_to_width(self) -> None:
        """The widest page fills the visible width."""
        widest = max(self._pages.size(n).width() for n in range(len(self._pages)))
        room = self.scroll_area.viewport().width() - 2 * GAP
        self.set_zoom(room / (widest * self.strip.logicalDpiX() / 72))

    def done(self, result: int) -> None:
        super().done(result)
        self._pages.close()

    def _step_zoom(self, direction: int) -> None:
        zoom = self.zoom()
        if direction > 0:
            self.set_zoom(next((z for z in ZOOMS if z > zoom + 1e-6), ZOOMS[-1]))
        else:
            self.set_zoom(next((z for z in reversed(ZOOMS) if z < zoom - 1e-6), ZOOMS[0]))

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.zoom() * 100:.0f}%")
        self.zoom_in.setEnabled(self.zoom() < ZOOMS[-1] - 1e-6)
        self.zoom_out.setEnabled(self.zoom() > ZOOMS[0] + 1e-6)

    def _first_size(self) -> QSize:
        """Room for a whole page width at 100%, within the screen."""
        page = self.strip.page_rects()[0] if len(self._pages) else QRect(0, 0, 600, 800)
        wanted = QSize(page.width() + 2 * GAP + 40, page.height() + 2 * GAP + 60)
        screen = self.screen().availableGeometry().size() * 0.9
        return wanted.boundedTo(screen)

    def _print(self) -> None:
        self._on_print()

    def _save(self) -> None:
        self._on_save()
