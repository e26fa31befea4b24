"""The note's site table: every site of the session, numbered as on the diagram, with its units,
volume and why it differs from the protocol; protocol sites not injected keep their number, struck
through and greyed, where they belong (README: protocol site numbers never shift).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from botox_chart.chart import Chart, InjectionKind, SiteState, side_name, units_text
from botox_chart.i18n import N_, _, ngettext
from botox_chart.i18n import number as local_number
from botox_chart.markers import MarkerKind
from botox_chart.note import diagram, fonts, layout
from botox_chart.note.diagram import SiteMark
from botox_chart.note.layout import heading, text
from botox_chart.protocol import Side

SIDE_WORDS: dict[str, str] = {"right": N_("Right"), "left": N_("Left"), "midline": N_("Midline")}
"""A side as the site table names it (translated where it prints)."""


@dataclass(frozen=True)
class SiteRow:
    """One line of the site table; ``number`` matches the marker on the diagram."""

    number: int
    kind: MarkerKind
    label: str
    muscle: str
    side: Side
    units: Decimal | None
    volume_ml: Decimal | None
    remark: str
    view: str
    x: float
    y: float

    def mark(self) -> SiteMark:
        return SiteMark(self.view, self.x, self.y, self.kind, self.number)


def site_rows(chart: Chart) -> list[SiteRow]:
    """Every site of the session grouped by muscle in protocol order, each with its number.

    Numbers are the chart's (Chart.site_numbers): protocol site k is always k and added sites
    follow the protocol's, so omitting a site renumbers nothing. Omitted and pending protocol
    sites are listed, greyed with their number struck, where they belong, so the table and the
    grey crosses on the diagram say the same thing.
    """
    protocol = chart.protocol
    muscles = [m.code for m in protocol.muscles]
    muscles += [i.muscle for i in chart.injections if i.muscle not in muscles]
    rows: list[SiteRow] = []
    numbers = chart.site_numbers()
    for muscle in dict.fromkeys(muscles):
        name = protocol.muscle_name(muscle)
        for site in protocol.sites_of(muscle) if protocol.has_muscle(muscle) else ():
            state = chart.state_of(site.code)
            injection = chart.injection_at(site.code)
            if state is SiteState.INJECTED and injection is not None:
                remark = ""
                if injection.units != site.units:
                    remark = _("standard {units} U").format(units=units_text(site.units))
                point = injection.point
                rows.append(
                    SiteRow(
                        numbers[site.code],
                        MarkerKind.INJECTED,
                        injection.label,
                        name,
                        injection.side,
                        injection.units,
                        chart.volume_ml(injection.units),
                        remark,
                        point.view,
                        point.x,
                        point.y,
                    )
                )
            else:
                point = site.positions[0]
                remark = (
                    _("omitted: {reason}").format(reason=chart.omissions[site.code])
                    if state is SiteState.OMITTED
                    else _("not injected")
                )
                rows.append(
                    SiteRow(
                        numbers[site.code],
                        MarkerKind.OMITTED,
                        site.label,
                        name,
                        site.side,
                        None,
                        None,
                        remark,
                        point.view,
                        point.x,
                        point.y,
                    )
                )
        for injection in chart.injections:
            if injection.muscle != muscle or injection.kind is InjectionKind.PROTOCOL:
                continue
            ftp = injection.kind is InjectionKind.FOLLOW_THE_PAIN
            rows.append(
                SiteRow(
                    numbers[injection.key],
                    MarkerKind.FOLLOW_THE_PAIN if ftp else MarkerKind.CUSTOM,
                    injection.label,
                    name,
                    injection.side,
                    injection.units,
                    chart.volume_ml(injection.units),
                    _("follow-the-pain") if ftp else _("custom site"),
                    injection.point.view,
                    injection.point.x,
                    injection.point.y,
                )
            )
    return rows


def site_table(
    chart: Chart, rows: list[SiteRow], width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    head = ["#", _("Site"), _("Muscle"), _("Side"), _("Units"), _("Volume (mL)"), _("Remark")]
    data: list[list[object]] = [
        [Paragraph(h, s["label_right"] if n in (4, 5) else s["label"]) for n, h in enumerate(head)]
    ]
    style: list[tuple[object, ...]] = []
    for n, row in enumerate(rows, start=1):
        injected = row.units is not None
        data.append(
            [
                marker_cell(row, s),
                Paragraph(text(shown_label(row)), s["cell"]),
                Paragraph(text(_(row.muscle)), s["cell"]),
                _(SIDE_WORDS.get(row.side, row.side)),
                units_text(row.units) if row.units is not None else "—",
                local_number(f"{row.volume_ml:.2f}") if row.volume_ml is not None else "—",
                Paragraph(text(row.remark), s["cell"]),
            ]
        )
        if not injected:
            style.append(("TEXTCOLOR", (0, n), (-1, n), layout.MUTED))
    totals = chart.totals()
    volume = chart.volume_ml(totals.total)
    protocol = chart.protocol
    data.append(
        [
            "",
            Paragraph(
                "<b>{}</b>".format(
                    ngettext("TOTAL: {count} site", "TOTAL: {count} sites", totals.sites).format(
                        count=totals.sites
                    )
                ),
                s["cell"],
            ),
            "",
            "",
            f"{units_text(totals.total)} U",
            local_number(f"{volume:.2f}") if volume is not None else "—",
            Paragraph(
                _("standard {units} U, {sites} sites").format(
                    units=units_text(protocol.total_units), sites=len(protocol.sites)
                ),
                s["cell"],
            ),
        ]
    )
    last = len(data) - 1
    # The total never sits alone at the top of a page: it keeps the last sites above it.
    style.append(("NOSPLIT", (0, max(1, last - 3)), (-1, last)))
    table = Table(data, colWidths=column_widths(rows, data, width), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 8),
                ("FONT", (4, 1), (4, -1), fonts.BOLD, 8),
                ("FONT", (0, -1), (-1, -1), fonts.BOLD, 9.5),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("ALIGN", (4, 0), (5, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, layout.INK),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, layout.SHADE]),
                ("LINEABOVE", (0, -1), (-1, -1), 1.2, layout.INK),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#dde6ee")),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *style,
            ]
        )
    )
    return [CondPageBreak(120), *heading(_("Site table"), s["heading"]), table]


def shown_label(row: SiteRow) -> str:
    """A row's site as the document's reader names it: a protocol site's label from the
    catalogue, a follow-the-pain site's made from its side and muscle (its stored label is
    English, made the same way), a custom site's as typed."""
    if row.kind is MarkerKind.FOLLOW_THE_PAIN:
        return (
            _("{side} {muscle} (follow-the-pain)")
            .format(side=side_name(row.side), muscle=_(row.muscle).lower())
            .strip()
            .capitalize()
        )
    return _(row.label)


NUMBER_COLUMN = 26.0
"""The "#" column: a marker as drawn on the diagram, with room around it."""
SITE_SHARE = 0.58
"""What the Site column takes of the room the measured columns leave; the Remark the rest."""
MUSCLE_SHARE_MOST = 0.3
"""The Muscle column is as wide as the longest muscle's name, up to this share of the table."""


def column_widths(rows: list[SiteRow], data: list[list[object]], width: float) -> list[float]:
    """The columns of a table ``width`` points wide: the number, side, units and volume as wide as
    their widest value, the muscle as its longest name (so "Cervical paraspinal" stays on one
    line on A4 as on Letter), and the site and remark sharing the rest."""
    pad = 2 * layout.CELL_PADDING
    side = layout.widest([str(r[3]) for r in data[1:]], 8, least=28) + pad
    units = layout.widest([str(r[4]) for r in data[1:]], 9.5, bold=True, least=22) + pad
    volume = layout.widest([str(r[5]) for r in data[1:]], 9.5, bold=True, least=28) + pad
    muscle = min(
        layout.widest([r.muscle for r in rows], 8, least=40) + pad, width * MUSCLE_SHARE_MOST
    )
    rest = width - NUMBER_COLUMN - side - units - volume - muscle
    return [
        NUMBER_COLUMN,
        rest * SITE_SHARE,
        muscle,
        side,
        units,
        volume,
        rest * (1 - SITE_SHARE),
    ]


def marker_cell(row: SiteRow, s: dict[str, ParagraphStyle]) -> Flowable:
    """The same marker as on the diagram, so a row and its point are matched by eye; a site not
    injected keeps its number, struck through (the diagram crosses it out)."""
    from reportlab.graphics.shapes import Drawing

    if row.kind is MarkerKind.OMITTED:
        struck = ParagraphStyle("struck", s["cell"], alignment=TA_CENTER, textColor=layout.MUTED)
        return Paragraph(f"<strike>{row.number}</strike>", struck)
    radius = diagram.MARKER_SIZE * 1.15
    size = radius * 2 + 2
    drawing = Drawing(size, size)
    drawing.add(diagram.marker(row.kind, size / 2, size / 2, row.number, radius=radius))
    return drawing
