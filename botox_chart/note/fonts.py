"""The note's typeface: DejaVu Sans shipped in ``resources/fonts`` and embedded in every PDF.

reportlab's built-in Helvetica only covers Latin-1, so "Łukasz Żółć" or "Ярослава" would print as
boxes. The clinic's computer may not have DejaVu installed, so the app ships its own copy.
"""

from __future__ import annotations

from functools import cache

from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import tables

from botox_chart import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


class FontMissingError(RuntimeError):
    """The shipped font file is missing: the installation is incomplete."""


@cache
def register() -> None:
    """Register the note fonts with reportlab once per process (embedded as subsets)."""
    for name, filename in _FILES.items():
        path = paths.fonts_dir() / filename
        if not path.is_file():
            raise FontMissingError(f"{path} is missing: reinstall botox-chart.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # Paragraph markup (<b>, <i>) maps onto the family; there is no italic face, so italic is
    # printed upright rather than silently falling back to a font without the patient's letters.
    for family in (REGULAR, BOLD):
        for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(family, bold, italic, BOLD if bold or family == BOLD else REGULAR)


# Table cells and drawings (the diagram, its markers, the trend chart) set reportlab's default
# Helvetica before drawing, so every PDF referenced a font it does not embed: default to DejaVu.
# Set on import, before any note module builds a drawing (svglib copies the default into its art).
tables.CellStyle.fontname = REGULAR
shapes.STATE_DEFAULTS["fontName"] = REGULAR
