"""Baseline for "note": a bare reportlab script writing a one-page PDF with a 31-row table and a
drawing (what a procedure note holds, without the app's data, fonts or layout).

``python benchmarks/baselines/bare_note.py OUT.pdf``
"""

from __future__ import annotations

import sys

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

SITES = 31


def drawing() -> Drawing:
    """A head outline with a numbered marker per site, like the note's diagram."""
    d = Drawing(400, 160)
    for view in range(4):
        x = 50 + view * 100
        d.add(Circle(x, 80, 40, fillColor=None, strokeColor=colors.black))
        d.add(Line(x - 10, 40, x + 10, 40))
    for n in range(SITES):
        x, y = 20 + (n % 16) * 24, 30 + (n // 16) * 100
        d.add(Circle(x, y, 6, fillColor=colors.lightblue, strokeColor=colors.darkblue))
        d.add(String(x - 3, y - 3, str(n + 1), fontSize=6))
    return d


def main(path: str) -> int:
    styles = getSampleStyleSheet()
    rows = [["#", "Site", "Muscle", "Side", "Units"]]
    rows += [[str(n + 1), f"Site {n + 1}", "Frontalis", "left", "5"] for n in range(SITES)]
    table = Table(rows, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("FONTSIZE", (0, 0), (-1, -1), 7),
                ("LEADING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ]
        )
    )
    story = [Paragraph("Procedure note", styles["Title"]), drawing(), table]
    margin = 36  # half an inch, like the note
    SimpleDocTemplate(
        path,
        pagesize=LETTER,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
    ).build(story)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
