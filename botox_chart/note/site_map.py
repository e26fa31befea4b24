"""The note's map of the injections: the four views of the head with every site marked and
numbered, and beside them the key, the units per muscle and side, and the deviations from the
standard protocol (docs/clinical-reference.md §3).
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import Chart, units_text
from botox_chart.i18n import _
from botox_chart.note import diagram, fonts, layout
from botox_chart.note.data import SessionNote
from botox_chart.note.layout import heading, text
from botox_chart.note.site_table import SiteRow

VIEWS = (("front", "back"), ("right", "left"))
"""The diagram grid: front and back on top, the two profiles below."""
DEVIATIONS_BESIDE_MAP = 16
"""Up to this many deviations are listed beside the diagram; more get their own section."""


VIEW_WIDTH = 180.0
"""The widest a view of the diagram gets; narrower where the paper leaves the table beside it too
little room (A4 is 17 points narrower than Letter)."""
GAP = 12.0
"""Between the diagram and what is beside it."""
TOTALS_FONT_SIZE = 7.0
TOTALS_PADDING = 2.0
"""Left and right padding of each cell of the units by muscle and side."""
TOTALS_LEAST = (19.0, 19.0, 20.0, 28.0, 19.0)
"""The narrowest the R, L, Mid, Total and Std columns get (Mid: room for French « Méd »)."""


def site_map(
    note: SessionNote,
    rows: list[SiteRow],
    deviations: list[str] | None,
    width: float,
    s: dict[str, ParagraphStyle],
) -> list[Flowable]:
    """The 2 × 2 diagram grid; beside it the key, units per muscle and side, and deviations.

    The table beside the diagram needs room for every muscle's longest word and every figure on
    one line; the diagram takes what is left, up to :data:`VIEW_WIDTH` a view."""
    marks = [r.mark() for r in rows]
    totals = _totals_rows(note.chart)
    numbers = _totals_widths(totals)
    words = [word for name, *_ in totals for word in name.split()]
    least = layout.widest(words, TOTALS_FONT_SIZE) + 2 * TOTALS_PADDING + 1 + sum(numbers)
    side_width = max(width - 2 * VIEW_WIDTH - GAP, least)
    view_width = (width - GAP - side_width) / 2
    grid = Table(
        [[diagram.view_drawing(v, marks, view_width) for v in line] for line in VIEWS],
        colWidths=[view_width, view_width],
    )
    grid.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    beside = [
        Paragraph(_("Key"), s["muted"]),
        diagram.legend_drawing(side_width),
        Spacer(1, 10),
        Paragraph(_("Units by muscle and side"), s["muted"]),
        Spacer(1, 2),
        muscle_totals(totals, numbers, side_width, s),
    ]
    if deviations is not None:
        beside += [
            Spacer(1, 10),
            Paragraph("<b>{}</b>".format(_("Deviations from the standard protocol")), s["small"]),
            Spacer(1, 2),
            *deviation_lines(note.chart, deviations, s["small"]),
        ]
    table = layout.side_by_side([grid, "", beside], [view_width * 2, GAP, side_width])
    return [KeepTogether([*heading(_("Injection sites"), s["heading"]), table])]


def _totals_rows(chart: Chart) -> list[list[str]]:
    """Each muscle's name, units right, left and midline, total and standard dose; then the
    totals ("Total" first)."""
    protocol = chart.protocol
    totals = chart.totals()
    rows = []
    for muscle, units in totals.by_muscle.items():
        standard = protocol.standard_units(muscle) if protocol.has_muscle(muscle) else None
        if units == 0 and not standard:
            continue
        rows.append(
            [
                _(protocol.muscle_name(muscle)),
                *(
                    _units_or_dash(totals.by_muscle_side.get((muscle, side), Decimal(0)))
                    for side in ("right", "left", "midline")
                ),
                units_text(units),
                units_text(standard) if standard is not None else "—",
            ]
        )
    rows.append(
        [
            _("Total"),
            *(
                _units_or_dash(
                    sum(
                        (u for (_m, sd), u in totals.by_muscle_side.items() if sd == side),
                        Decimal(0),
                    )
                )
                for side in ("right", "left", "midline")
            ),
            units_text(totals.total),
            units_text(protocol.total_units),
        ]
    )
    return rows


def _totals_widths(rows: list[list[str]]) -> list[float]:
    """The R, L, Mid, Total and Std columns, each as wide as its widest figure in bold."""
    return [
        layout.widest(
            [r[n + 1] for r in rows],
            TOTALS_FONT_SIZE,
            bold=True,
            least=least - 2 * TOTALS_PADDING - 1,
        )
        + 2 * TOTALS_PADDING
        + 1
        for n, least in enumerate(TOTALS_LEAST)
    ]


def muscle_totals(
    rows: list[list[str]], numbers: list[float], width: float, s: dict[str, ParagraphStyle]
) -> Table:
    """Subtotals per muscle and side, with the protocol's standard dose for comparison."""
    # Right, left, midline, the total and the protocol's standard dose, abbreviated to fit.
    head = [_("Muscle"), _("R"), _("L"), _("Mid"), _("Total"), _("Std")]
    data: list[list[object]] = [
        [Paragraph(h, s["label"] if n == 0 else s["label_right"]) for n, h in enumerate(head)]
    ]
    name_style = ParagraphStyle("muscle", s["cell"], fontSize=TOTALS_FONT_SIZE, leading=8)
    data += [[Paragraph(text(name), name_style), *figures] for name, *figures in rows[:-1]]
    data.append(list(rows[-1]))
    table = Table(data, colWidths=[width - sum(numbers), *numbers], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), fonts.REGULAR, TOTALS_FONT_SIZE),
                ("FONT", (0, -1), (-1, -1), fonts.BOLD, TOTALS_FONT_SIZE),
                ("FONT", (4, 1), (4, -1), fonts.BOLD, TOTALS_FONT_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TEXTCOLOR", (5, 1), (5, -1), layout.MUTED),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.RULE),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, layout.INK),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, layout.SHADE]),
                ("LEFTPADDING", (0, 0), (-1, -1), TOTALS_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), TOTALS_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _units_or_dash(units: Decimal) -> str:
    return units_text(units) if units else "—"


def deviation_lines(chart: Chart, deviations: list[str], style: ParagraphStyle) -> list[Flowable]:
    """Every departure from the standard protocol in words, or "none".

    What counts as a departure: docs/clinical-reference.md §3.
    """
    if deviations:
        bullet = ParagraphStyle("bullet", style, leftIndent=8, bulletIndent=0, spaceAfter=1)
        return [Paragraph(text(w), bullet, bulletText="•") for w in deviations]
    protocol = chart.protocol
    return [
        Paragraph(
            _("None: standard {protocol}, {units} U at {sites} sites.").format(
                protocol=text(_(protocol.name)),
                units=units_text(protocol.total_units),
                sites=len(protocol.sites),
            ),
            style,
        )
    ]


def deviations_section(
    chart: Chart, deviations: list[str], s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """The deviations under their own heading, when too many to list beside the diagram."""
    return [
        KeepTogether(
            [
                *heading(_("Deviations from the standard protocol"), s["heading"]),
                *deviation_lines(chart, deviations, s["body"]),
            ]
        )
    ]
