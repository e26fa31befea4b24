"""What was injected and what it cost: the product, each vial's lot and expiry, the dilution and
needle, the units wasted (JW) or none (JZ), and the billing lines the clinic's settings ask for
(docs/clinical-reference.md §4, docs/clinical-reference.md §5).
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import Chart, format_units
from botox_chart.note import fonts, layout
from botox_chart.note.data import SessionNote
from botox_chart.note.layout import alert, columns, facts, heading, text

CPT_PROCEDURE = "64615"
"""CPT 64615 (chemodenervation for chronic migraine), once per session.

See docs/clinical-reference.md §5.
"""
HCPCS_PRODUCT = "J0585"
"""HCPCS J0585, onabotulinumtoxinA per unit; waste on a second line with JW, none: JZ.

See docs/clinical-reference.md §5.
"""


def lots_at_a_glance(chart: Chart) -> tuple[str, str]:
    """The glance strip's lot cell: every lot used (MISSING when a vial has none) and their
    expiry dates."""
    lots = [text(lot) for lot in chart.lots]
    if any(not v.lot_number.strip() for v in chart.vials) or not lots:
        lots.append(alert("MISSING"))
    expiries = sorted({v.lot_expiry for v in chart.vials if v.lot_expiry is not None})
    if not expiries:
        said = "expiry not recorded"
    elif len(expiries) == 1:
        said = f"expires {expiries[0].isoformat()}"
    else:
        said = "expire " + ", ".join(day.isoformat() for day in expiries)
    return " + ".join(lots), said


def vial_lines(chart: Chart) -> list[str]:
    """Two lines per vial: its lot and expiry, then its size, the units drawn from it and its
    waste; then the units opened (docs/clinical-reference.md §4,
    docs/clinical-reference.md §5)."""
    lines = []
    for n, (vial, drawn) in enumerate(zip(chart.vials, chart.drawn(), strict=True), start=1):
        lot = f"<b>{text(vial.lot_number)}</b>" if vial.lot_number.strip() else alert("lot MISSING")
        expiry = (
            f"exp. {vial.lot_expiry.isoformat()}"
            if vial.lot_expiry
            else alert("expiry not recorded")
        )
        wasted = max(Decimal(vial.units) - drawn, Decimal(0))
        lines.append(
            f"{n}. Lot {lot}, {expiry}<br/>"
            f"{vial.units}&nbsp;U vial: {format_units(drawn)}&nbsp;U drawn, "
            f"{format_units(wasted)}&nbsp;U wasted"
        )
    if len(chart.vials) > 1:
        lines.append(f"{chart.units_opened}&nbsp;U opened")
    return lines


def product(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    chart = note.chart
    dilution = chart.dilution
    half = (width - 14) / 2
    code_label = {"canada": "DIN", "us": "NDC"}.get(note.clinic.billing, "DIN/NDC")
    left = facts(
        [
            ("Product", text(chart.product)),
            (code_label, text(chart.din_ndc) if chart.din_ndc.strip() else "not recorded"),
            ("Vials", "<br/>".join(vial_lines(chart)) or alert("none recorded")),
        ],
        half,
        s,
        label=60,
    )
    if dilution.problem() is None:
        concentration = (
            f"<b>{format_units(dilution.units_per_tenth_ml)} U per 0.1 mL</b> "
            f"({format_units(dilution.units_per_ml.quantize(Decimal('0.1')))} U/mL)"
        )
    else:
        concentration = alert(dilution.problem() or "")
    right = facts(
        [
            ("Diluent", text(chart.diluent)),
            (
                "Volume",
                f"{format_units(dilution.diluent_ml)} mL per {dilution.vial_units}&nbsp;U vial",
            ),
            ("Concentration", concentration),
            ("Needle", text(chart.needle)),
        ],
        half,
        s,
        label=72,
    )
    return [
        KeepTogether(
            [*heading("Product and preparation", s["heading"]), columns(left, right, width)]
        )
    ]


def waste_and_billing(
    note: SessionNote, width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    chart = note.chart
    given = chart.total_units
    wasted = chart.units_wasted
    opened = chart.units_opened
    if wasted > 0:
        waste = (
            f"<b>Units wasted: {format_units(wasted)} U</b> (modifier JW): {opened} U opened, "
            f"{format_units(given)} U administered."
        )
    else:
        waste = (
            f"<b>Units wasted: none</b> (modifier JZ): {opened} U opened, "
            f"{format_units(given)} U administered."
        )
    flow: list[Flowable] = [Paragraph(waste, s["body"])]
    billing = note.clinic.billing
    if billing == "us":
        data: list[list[object]] = [
            [
                Paragraph("Code", s["label"]),
                Paragraph("Description", s["label"]),
                Paragraph("Units", s["label_right"]),
            ],
            [
                f"CPT {CPT_PROCEDURE}",
                "Chemodenervation for chronic migraine (once per session)",
                "1",
            ],
        ]
        if wasted > 0:
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}",
                    "OnabotulinumtoxinA, 1 unit: administered",
                    format_units(given),
                ]
            )
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}-JW",
                    "OnabotulinumtoxinA, 1 unit: discarded",
                    format_units(wasted),
                ]
            )
        else:
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}-JZ",
                    "OnabotulinumtoxinA, 1 unit: administered, none discarded",
                    format_units(given),
                ]
            )
        table = Table(data, colWidths=[90, width - 150, 60], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 8),
                    ("FONT", (0, 1), (0, -1), fonts.BOLD, 8),
                    ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        flow += [Spacer(1, 4), table]
    elif billing == "canada":
        code = note.clinic.provincial_code.strip()
        flow.append(
            Paragraph(
                f"Provincial billing code: <b>{text(code)}</b>"
                if code
                else f"Provincial billing code: {alert('not set in Clinic settings')}",
                s["body"],
            )
        )
    title = "Waste and billing" if billing in ("us", "canada") else "Waste"
    return [KeepTogether([*heading(title, s["heading"]), *flow])]
