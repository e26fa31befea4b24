"""Page furniture shared by the procedure note, the treatment record, the continuation letter, the
clinic outcomes report and the lot recall list: styles, the clinic's letterhead, the page header
and footer, and a worklist's tick box and column widths.

Every page carries the patient's identity on top and "page X of Y" at the bottom, counted per note
when several notes share one PDF; a draft carries a diagonal DRAFT watermark. Those are drawn after
the whole document is laid out (when the page count is known), by :class:`_DecoratedCanvas`.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from botox_chart.i18n import _, date_time
from botox_chart.note import fonts, scripts
from botox_chart.store.settings import ClinicSettings

MARGIN = 40.0
"""Left and right margins."""
HEADER_BASELINE = 30.0
"""From the top edge: the patient's name; the title line and a rule follow below it."""
BODY_TOP = 56.0
"""From the top edge: where the page's content starts, under the identity header."""
FOOTER_BASELINE = 24.0
"""From the bottom edge: "page X of Y"; a rule sits above it."""
BODY_BOTTOM = 44.0

INK = colors.HexColor("#1d1d1d")
MUTED = colors.HexColor("#5f5f5f")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#b9c3cc")
SHADE = colors.HexColor("#eef2f6")
ALERT = colors.HexColor("#b00020")
OK = colors.HexColor("#1b6e3a")


@dataclass(frozen=True)
class PageHeader:
    """What the top and bottom of every page of one note (or record) show."""

    patient: str
    """Bold, top left: the patient's name, family name first (a clinic report: its title)."""
    details: str
    """Top right: date of birth, chart number, date of service."""
    title: str
    """Under the name: which document this is."""
    footer: str
    """Bottom left."""
    draft: bool = False


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of every note, in the shipped Unicode font."""
    fonts.register()
    # shaping: HarfBuzz joins Arabic letters and places Indic and Thai marks (note/scripts.py).
    base = ParagraphStyle(
        "body", fontName=fonts.REGULAR, fontSize=8.5, leading=11, textColor=INK, shaping=1
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5),
        "muted": ParagraphStyle("muted", base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "label": ParagraphStyle(
            "label", base, fontName=fonts.BOLD, fontSize=6.5, leading=8, textColor=MUTED
        ),
        "label_right": ParagraphStyle(
            "label_right",
            base,
            fontName=fonts.BOLD,
            fontSize=6.5,
            leading=8,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),
        "value": ParagraphStyle("value", base, fontName=fonts.BOLD, fontSize=9, leading=11.5),
        "big": ParagraphStyle("big", base, fontName=fonts.BOLD, fontSize=15, leading=18),
        "heading": ParagraphStyle(
            "heading",
            base,
            fontName=fonts.BOLD,
            fontSize=9.5,
            leading=12,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=3,
        ),
        "title": ParagraphStyle(
            "title", base, fontName=fonts.BOLD, fontSize=13, leading=16, alignment=TA_RIGHT
        ),
        "right": ParagraphStyle("right", base, alignment=TA_RIGHT),
        "clinic": ParagraphStyle("clinic", base, fontName=fonts.BOLD, fontSize=12, leading=15),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=10),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=fonts.BOLD, fontSize=8, leading=10),
        "cell_right": ParagraphStyle(
            "cell_right", base, fontSize=8, leading=10, alignment=TA_RIGHT
        ),
    }


def text(value: object) -> str:
    """User text as Paragraph markup: escaped (names may hold &, <, >), newlines kept, each run of
    characters in a font that has them, right-to-left runs in order (note/scripts.py)."""
    return scripts.markup(str(value))


def letterhead(
    clinic: ClinicSettings, title: Sequence[Flowable], width: float, s: dict[str, ParagraphStyle]
) -> Table:
    """The clinic's logo (when its file can be read), name, address and phone on the left, and
    ``title`` (the document's name and what it is about) on the right."""
    lines = [Paragraph(text(clinic.name), s["clinic"])]
    if clinic.address.strip():
        lines.append(Paragraph(text(clinic.address.strip()), s["small"]))
    if clinic.phone.strip():
        lines.append(
            Paragraph(_("Tel. {phone}").format(phone=text(clinic.phone.strip())), s["small"])
        )
    logo = _logo(clinic, max_width=110, max_height=50)
    logo_width = 120 if logo is not None else 0
    cells: list[object] = [lines, list(title)]
    widths = [width * 0.55 - logo_width, width * 0.45]
    if logo is not None:
        cells.insert(0, logo)
        widths.insert(0, logo_width)
    return side_by_side(cells, widths)


def side_by_side(cells: Sequence[object], widths: Sequence[float]) -> Table:
    """``cells`` in one row of ``widths`` points, top-aligned, with no padding at their sides: a
    page's columns (a letterhead, two blocks of facts, a chart beside its verdict)."""
    table = Table([list(cells)], colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def columns(left: Flowable, right: Flowable, width: float, gap: float = 14) -> Table:
    """Two halves of ``width`` with ``gap`` points between them."""
    half = (width - gap) / 2
    return side_by_side([left, "", right], [half, gap, half])


def facts(
    pairs: Iterable[tuple[str, str]], width: float, s: dict[str, ParagraphStyle], label: float
) -> Table:
    """Label: value lines (values are markup), the labels ``label`` points wide."""
    data = [[Paragraph(text(k), s["muted"]), Paragraph(v, s["body"])] for k, v in pairs]
    table = Table(data, colWidths=[label, width - label])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def alert(words: str) -> str:
    """``words`` (plain text) as markup in the alert colour: something missing or wrong."""
    return f'<font color="{ALERT.hexval()}">{text(words)}</font>'


def logo_stamp(clinic: ClinicSettings) -> tuple[int, int] | None:
    """The logo file's modification time (ns) and size, or None where it cannot be read: what
    tells a note laid out earlier from one with a logo replaced since (``render.SessionNotes``)."""
    path = Path(clinic.logo_path) if clinic.logo_path.strip() else None
    try:
        found = path.stat() if path is not None else None
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size) if found is not None else None


def _logo(clinic: ClinicSettings, *, max_width: float, max_height: float) -> Flowable | None:
    """The clinic's logo if its file can be read on this computer (the note prints without it)."""
    path = Path(clinic.logo_path) if clinic.logo_path.strip() else None
    if path is None or not path.is_file():
        return None
    try:
        image = Image(str(path))
        ratio = min(max_width / image.imageWidth, max_height / image.imageHeight)
    except (OSError, ValueError, ZeroDivisionError):
        return None
    image.drawWidth = image.imageWidth * ratio
    image.drawHeight = image.imageHeight * ratio
    image.hAlign = "LEFT"
    return image


def heading(title: str, style: ParagraphStyle) -> list[Flowable]:
    """A section title with a thin rule under it."""
    rule = Table([[""]], colWidths=["100%"], rowHeights=[1])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.6, RULE)]))
    return [Paragraph(text(title), style), rule, Spacer(1, 3)]


def labelled(label: str, value: str, s: dict[str, ParagraphStyle]) -> list[Paragraph]:
    """A small grey label over its value (``value`` is markup: escape user text first)."""
    return [Paragraph(text(label.upper()), s["label"]), Paragraph(value, s["value"])]


CHECK_BOX = 9.0
"""The side of a tick box on a worklist, in points: big enough to tick with a pen."""


class CheckBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An empty square, centred in its cell, to tick by hand (a worklist's "Contacted")."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._width = availWidth
        return availWidth, CHECK_BOX

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setFillColor(colors.white)
        canvas.setLineWidth(0.9)
        canvas.rect((self._width - CHECK_BOX) / 2, 0, CHECK_BOX, CHECK_BOX, stroke=1, fill=1)


def widest(values: Iterable[str], size: float, *, bold: bool = False, least: float = 0.0) -> float:
    """How wide the widest of ``values`` (plain text on one line) prints at ``size`` points, or
    ``least`` if that is more: a column sized to its content, whatever the paper."""
    return max([least, *(scripts.width(v, size=size, bold=bold) for v in values)])


CELL_PADDING = 6.0
"""reportlab's padding on each side of a table cell, unless a table sets its own."""


def column_widths(columns: Sequence[tuple[str, float]], width: float) -> list[float]:
    """Each column's width on a table ``width`` points wide: ``columns`` are (title, width) with
    the width in points, or, negative, a share of what the fixed columns leave."""
    left = width - sum(w for _, w in columns if w > 0)
    return [w if w > 0 else -w * left for _, w in columns]


class PartStart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Marks where a note starts: the pages from here on carry this header and their own count."""

    def __init__(self, header: PageHeader) -> None:
        super().__init__()
        self.header = header

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, _DecoratedCanvas):
            canvas.begin_part(self.header)


class _DecoratedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Holds every page back until the end, then draws header, footer and watermark on each.

    Only then is the number of pages of each part (note) known, for "page X of Y".
    """

    def __init__(self, *args: Any, printed: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._printed = printed
        self._part: PageHeader | None = None
        self._part_index = -1
        self._held: list[tuple[dict[str, Any], PageHeader | None, int]] = []

    def begin_part(self, header: PageHeader) -> None:
        self._part = header
        self._part_index += 1

    def showPage(self) -> None:  # noqa: N802  (reportlab's name)
        self._held.append((dict(self.__dict__), self._part, self._part_index))
        self._startPage()

    def save(self) -> None:
        totals = Counter(index for _state, _header, index in self._held)
        seen: Counter[int] = Counter()
        for state, header, index in self._held:
            self.__dict__.update(state)
            seen[index] += 1
            if header is not None:
                _decorate(self, header, seen[index], totals[index], self._printed)
            Canvas.showPage(self)
        Canvas.save(self)


def _decorate(canvas: Canvas, header: PageHeader, page: int, pages: int, printed: datetime) -> None:
    width, height = canvas._pagesize
    left, right = MARGIN, width - MARGIN
    canvas.saveState()
    if header.draft:
        _watermark(canvas, width, height)
    top = height - HEADER_BASELINE
    details_width = scripts.width(header.details, size=8.5)
    canvas.setFillColor(INK)
    # The name whole, beside the details when they fit there (a long name on A4, 17 points
    # narrower than Letter: the details go down to the title's line, the title gives way).
    beside = scripts.width(header.patient, size=11, bold=True) <= right - left - details_width - 12
    details_top = top if beside else top - 11
    patient_width = right - left - (details_width + 12 if beside else 0)
    scripts.draw(
        canvas, left, top, _fit(header.patient, 11, patient_width, bold=True), size=11, bold=True
    )
    scripts.draw(canvas, right, details_top, header.details, size=8.5, anchor="end")
    canvas.setFillColor(MUTED)
    title_width = right - left - (0 if beside else details_width + 12)
    scripts.draw(canvas, left, top - 11, _fit(header.title, 7.5, title_width), size=7.5)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.8)
    canvas.line(left, top - 16, right, top - 16)
    bottom = FOOTER_BASELINE
    canvas.line(left, bottom + 10, right, bottom + 10)
    printed_text = _("Printed {date}").format(date=date_time(printed))
    footer = _fit(f"{header.footer} · {printed_text}", 7, right - left - 70)
    scripts.draw(canvas, left, bottom, footer, size=7)
    canvas.setFillColor(INK)
    canvas.setFont(fonts.BOLD, 8.5)
    canvas.drawRightString(
        right, bottom, _("Page {page} of {pages}").format(page=page, pages=pages)
    )
    canvas.restoreState()


WATERMARK_WIDTH = 560.0
"""The widest the DRAFT watermark gets, in points, across the page's diagonal."""


def _watermark(canvas: Canvas, width: float, height: float) -> None:
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(52 if height > width else 32)
    canvas.setFillColor(ALERT)
    canvas.setFillAlpha(0.13)
    word = _("DRAFT")
    # 130 pt, smaller for a longer word (BROUILLON) so that it stays on the page.
    canvas.setFont(fonts.BOLD, min(130.0, WATERMARK_WIDTH / stringWidth(word, fonts.BOLD, 1)))
    canvas.drawCentredString(0, -45, word)
    canvas.setFillAlpha(0.25)
    canvas.setFont(fonts.BOLD, 16)
    canvas.drawCentredString(0, -80, _("NOT SIGNED: not a valid record of treatment"))
    canvas.restoreState()


def _fit(value: str, size: float, width: float, *, bold: bool = False) -> str:
    """``value`` shortened with an ellipsis to fit ``width`` points, after a whole word when
    one ends in its second half ("Procedure note: onabotulinu…" reads "Procedure note:…")."""
    if scripts.width(value, size=size, bold=bold) <= width:
        return value
    while value and scripts.width(value + "…", size=size, bold=bold) > width:
        value = value[:-1]
    space = value.rfind(" ")
    if space > len(value) // 2:
        value = value[:space].rstrip(" ·,")
    return value + "…"


LIST_ROW_PADDING = 6
"""Room above and below each row of a clinic list: a pen mark in its boxes fits."""


def list_style(*extra: tuple[Any, ...]) -> TableStyle:
    """A clinic list's table (the due list, a lot recall): a ruled header row repeated on each
    page, shaded alternate rows with room to write, then the list's own ``extra`` commands."""
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
            ("TOPPADDING", (0, 0), (-1, 0), 3),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("TOPPADDING", (0, 1), (-1, -1), LIST_ROW_PADDING),
            ("BOTTOMPADDING", (0, 1), (-1, -1), LIST_ROW_PADDING),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def frame_width(pagesize: tuple[float, float]) -> float:
    return pagesize[0] - 2 * MARGIN


def build(
    story: Sequence[Flowable],
    *,
    pagesize: tuple[float, float],
    title: str,
    subject: str,
    printed: datetime | None = None,
) -> bytes:
    """Lay out ``story`` on pages of ``pagesize``; every page decorated per its PartStart, its
    footer saying when it was ``printed`` (None: now)."""
    fonts.register()
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=BODY_TOP,
        bottomMargin=BODY_BOTTOM,
        title=title,
        subject=subject,
        creator="botox-chart",
        author="",
        # Pages start in DejaVu, so no unused (and unembedded) Helvetica is referenced.
        initialFontName=fonts.REGULAR,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=pagesize)])
    maker = functools.partial(_DecoratedCanvas, printed=printed or datetime.now().astimezone())
    with scripts.watch() as missing:
        doc.build(list(story), canvasmaker=maker)
    scripts.warn_missing(missing)
    return buffer.getvalue()
