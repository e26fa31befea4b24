"""A PDF's pages as images, drawn by PDFium: what the print preview shows and what the printer
receives (``ui/printing.py``), so both come from the same bytes."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage


class PdfPages:
    """A PDF opened with PDFium to draw its pages as images (for the screen or the printer)."""

    def __init__(self, pdf: bytes) -> None:
        self.data = pdf
        import pypdfium2 as pdfium  # here, not at import: kept off the window's start-up

        self._document = pdfium.PdfDocument(pdf)
        self._sizes = [QSizeF(*self._document.get_page_size(n)) for n in range(len(self._document))]

    def __len__(self) -> int:
        return len(self._sizes)

    def size(self, index: int) -> QSizeF:
        """The page size in points (1/72 in)."""
        return self._sizes[index]

    def image(self, index: int, dpi: float) -> QImage:
        page = self._document[index]
        try:
            bitmap = page.render(
                scale=dpi / 72,
                rev_byteorder=True,
                prefer_bgrx=True,
                fill_color=(255, 255, 255, 255),
            )
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            ).copy()
            bitmap.close()
        finally:
            page.close()
        return image

    def close(self) -> None:
        self._document.close()
